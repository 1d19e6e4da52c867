// The only module that opens the database. One writer connection per process, owned by the data worker.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { migrations as allMigrations } from './migrations/index';
import type { Migration } from './migrations/types';
import { trackChanges } from '../services/cache/change-tracker';
import { AppError } from '../backend/app-error';
import { waitForOtherWriters } from './connection-wait';
import { checkOpenDb, describeSqliteError, writeVerifiedBackup } from '../services/backup/backup-files';

export type Db = Database.Database;

export interface OpenOptions {
  /** Where pre-migration backups go; defaults to `<db dir>/backups`. */
  backupDir?: string;
  migrations?: readonly Migration[];
  now?: () => Date;
  /** Skip quick_check/foreign_key_check (a file we just verified ourselves). */
  skipIntegrityCheck?: boolean;
  /** How long a write waits for another connection's write lock (connection-wait.ts); tests shorten it. */
  writeWaitMs?: number;
}

export interface OpenedDb {
  db: Db;
  /** Schema version before migrating (0 for a new file). */
  fromVersion: number;
  version: number;
  backupPath: string | null;
}

/** The database was written by a newer Review Desk; opening it here could corrupt it. */
export class DbFromFutureError extends AppError {
  constructor(
    readonly found: number,
    readonly supported: number,
  ) {
    super('CONFLICT', `数据库文件来自更新版本的评审台（数据版本 ${found}，本程序只支持到 ${supported}）。为避免损坏数据，已拒绝打开。请升级评审台后再打开。`);
  }
}

/**
 * The file failed quick_check or foreign_key_check (or is not a database at all). Nothing has been written to
 * it: the data worker starts in recovery mode and offers the newest good backup instead.
 */
export class DbDamagedError extends AppError {
  constructor(readonly problem: string) {
    super('CONFLICT', `数据库文件已损坏（${problem}）。为避免进一步损坏，评审台没有向它写入任何内容。`);
  }
}

export async function openDatabase(file: string, options: OpenOptions = {}): Promise<OpenedDb> {
  const migrations = options.migrations ?? allMigrations;
  const latest = migrations.at(-1)?.version ?? 0;
  fs.mkdirSync(path.dirname(file), { recursive: true });
  // Integrity first, before anything writes (the WAL switch and migrations both do): a damaged file is
  // left exactly as found, so a later expert recovery still has every byte. quick_check is O(N) without
  // the index cross-checks of integrity_check, fast enough for every start.
  if (!options.skipIntegrityCheck && fs.existsSync(file)) checkBeforeOpening(file);
  const db = new Database(file);
  try {
    waitForOtherWriters(db, options.writeWaitMs);
    // Checked before anything writes: switching to WAL rewrites the file header, and a file we refuse to
    // open must be left exactly as the newer version wrote it.
    const fromVersion = db.pragma('user_version', { simple: true }) as number;
    if (fromVersion > latest) throw new DbFromFutureError(fromVersion, latest);

    db.pragma('journal_mode = WAL');
    db.pragma('foreign_keys = ON');
    // better-sqlite3 leaves WAL at NORMAL; committee decisions must survive a power cut, so FULL.
    db.pragma('synchronous = FULL');

    let backupPath: string | null = null;
    if (fromVersion > 0 && fromVersion < latest) {
      const dir = options.backupDir ?? path.join(path.dirname(file), 'backups');
      fs.mkdirSync(dir, { recursive: true });
      const stamp = (options.now?.() ?? new Date()).toISOString().replace(/[:.]/g, '-');
      backupPath = path.join(dir, `${path.basename(file, '.sqlite')}-v${fromVersion}-${stamp}.sqlite`);
      await writeVerifiedBackup(db, backupPath);
    }
    migrate(db, migrations, fromVersion);
    // The per-round caches' change tracking (temp triggers), installed outside any transaction.
    trackChanges(db);
    return { db, fromVersion, version: latest, backupPath };
  } catch (error) {
    db.close();
    throw error;
  }
}

/**
 * quick_check + foreign_key_check on a read-only connection: closing a writable one would checkpoint a
 * leftover WAL into the damaged file. Where read-only cannot open the WAL (no -shm and a read-only folder),
 * the check runs on a writable connection instead, still before anything else touches the file.
 */
function checkBeforeOpening(file: string): void {
  let problem: string | null;
  let probe: Database.Database | null = null;
  try {
    probe = new Database(file, { readonly: true, fileMustExist: true });
    probe.pragma('busy_timeout = 5000');
    problem = checkOpenDb(probe, 'quick');
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_CANTOPEN') {
      probe?.close();
      probe = new Database(file);
      try {
        problem = checkOpenDb(probe, 'quick');
      } catch (inner) {
        problem = describeSqliteError(inner);
      }
    } else problem = describeSqliteError(error);
  } finally {
    probe?.close();
  }
  if (problem) throw new DbDamagedError(problem);
}

/**
 * Applies every pending migration in one transaction: either all of them land or none does. IMMEDIATE, and
 * the version is read again inside: a second process opening the same file at the same moment waits, then
 * finds the work done instead of running it twice.
 */
function migrate(db: Db, migrations: readonly Migration[], fromVersion: number): void {
  if (!migrations.some((m) => m.version > fromVersion)) return;
  db.transaction(() => {
    const current = db.pragma('user_version', { simple: true }) as number;
    for (const migration of migrations.filter((m) => m.version > current)) {
      if (typeof migration.up === 'string') db.exec(migration.up);
      else migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    }
  }).immediate();
}
