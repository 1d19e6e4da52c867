// The reader connection (docs/concurrency.md): a second, read-only connection to the same file, owned by the
// reader data worker, so a slow read (a ranking of a big round, an XLSX export, walking the history chain)
// never holds up a score being saved on the writer connection. WAL lets readers and the one writer run at
// the same time; each read call sees the last commit made before it began.
//
// Opened read-only at the SQLite level: a call wrongly routed here fails with SQLITE_READONLY instead of
// writing, and the host then runs it on the writer (worker-host.ts). No integrity check and no migrations
// here: the writer opened the file first and did both; this connection is only opened once the writer is ready.
import Database from 'better-sqlite3';
import { trackChanges } from '../services/cache/change-tracker';
import type { Db } from './open';

/** A reader only waits for SQLite's own brief locks (a checkpoint restarting the WAL), never for a writer. */
const READ_WAIT_MS = 10_000;

export function openReadConnection(file: string): Db {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma(`busy_timeout = ${READ_WAIT_MS}`);
    // Read-only: nothing here writes, so the caches are invalidated by PRAGMA data_version alone (the
    // writer's commits), which change-tracker.ts reads as part of every generation.
    trackChanges(db);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}
