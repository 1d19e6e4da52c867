import type { Db } from '../db/open';
import { AppError } from '../backend/app-error';
import { zh } from '../backend/messages';

/** Everything a service needs from the outside world, injected so tests control the clock and files. */
export interface ServiceContext {
  db: Db;
  dataDir: string;
  now: () => Date;
  transport: 'electron' | 'browser';
  /** Reports progress of a long call, keyed by the caller's job id (no-op without one). */
  progress: (jobId: string | undefined, done: number, total: number) => void;
  /**
   * The actor for this context only (the command line's --user), recorded in history instead of the stored
   * user name, which it does not change: a script must not rename the person using the desktop app.
   */
  actor?: string;
}

export const SETTING_USER = 'local_user_name';

export function getSetting(db: Db, key: string): string | null {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(key) as { value: string } | undefined;
  return row?.value ?? null;
}

export function setSetting(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

/** The local user's name, recorded as the actor of every change. Writes are refused until it is set. */
export function actorOf(ctx: ServiceContext): string {
  const name = ctx.actor ?? getSetting(ctx.db, SETTING_USER);
  if (!name) throw new AppError('NO_USER', zh('error.noUser'));
  return name;
}

export const isoNow = (ctx: ServiceContext): string => ctx.now().toISOString();
