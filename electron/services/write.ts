// Every write goes through here: one transaction, the actor resolved inside it, and one clock reading
// shared by the change and its history entry. BEGIN IMMEDIATE: the write lock is taken first, so two
// connections (the app and the command line) wait for each other (busy_timeout) instead of failing when a
// read snapshot turns out stale at the first write (SQLITE_BUSY).
import type { ServiceContext } from './context';
import { actorOf, isoNow } from './context';
import { recordChange, type ChangeEntry } from './history/change-log';

export interface WriteScope {
  actor: string;
  at: string;
  log: (entry: Omit<ChangeEntry, 'at' | 'actor'>) => void;
}

export function write<T>(ctx: ServiceContext, fn: (w: WriteScope) => T): T {
  return ctx.db.transaction(() => {
    const actor = actorOf(ctx);
    const at = isoNow(ctx);
    return fn({ actor, at, log: (entry) => recordChange(ctx.db, { ...entry, at, actor }) });
  }).immediate();
}
