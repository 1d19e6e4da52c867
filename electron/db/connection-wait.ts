// How a writer connection waits for another one (issue 9: "数据库正忙" must never reach users).
//
// Inside the app every write already queues: the data worker runs one call at a time on the one writer
// connection, and read-only calls go to a separate reader connection that never takes the write lock
// (docs/concurrency.md). The remaining contender is another *process* or thread on the same file — the
// command line importing into the data directory, or a second app instance — which can hold the write lock
// for as long as its biggest transaction: a dossier, score or KPI import commit, a restore or the demo load.
//
// Why other writers wait instead of imports writing in chunks: an import is all-or-nothing (the import
// tests and the crash harness check that a killed import leaves no row behind). Chunks that each commit
// would let a crash — or a reader — see half an import, so the import keeps its one transaction and the
// other writer waits for it, up to WRITE_WAIT_MS. That limit is far above the longest import measured at
// platform scale (docs/performance.md), yet a stuck peer still ends in a clear message rather than a
// window that waits forever.
//
// busy_timeout only helps where SQLite asks the busy handler. A deferred transaction that read first and
// then tries to write after another connection committed fails at once (SQLITE_BUSY_SNAPSHOT) whatever the
// timeout. So on a writer connection every top-level transaction starts IMMEDIATE: the write lock is taken
// (waited for) before anything is read, and a wait that runs out fails at BEGIN, before the transaction
// wrote anything — never half-way through one.
import type Database from 'better-sqlite3';

/** How long a write waits for another connection's write lock before it gives up (ms). */
export const WRITE_WAIT_MS = 120_000;

/** The zh-CN answer when the wait ran out: what happened, that nothing was saved, what to do. */
export function writeWaitExpiredMessage(waitMs: number = WRITE_WAIT_MS): string {
  const wait = waitMs >= 60_000 ? `${Math.round(waitMs / 60_000)} 分钟` : `${Math.max(1, Math.round(waitMs / 1000))} 秒`;
  return `另一个程序（例如命令行导入、恢复备份，或另一个打开同一数据目录的评审台）正在写入数据，本操作已等待 ${wait}仍未轮到。本次操作没有保存任何内容：请等那个程序完成后再试一次；如果没有其他程序在运行，请重新启动评审台。`;
}

/** Sets the wait and makes every top-level transaction of this connection IMMEDIATE (see above). */
export function waitForOtherWriters(db: Database.Database, waitMs: number = WRITE_WAIT_MS): void {
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(waitMs))}`);
  const original = db.transaction.bind(db);
  const immediateByDefault = ((fn: (...args: unknown[]) => unknown) => {
    const tx = original(fn);
    // better-sqlite3 turns any variant into a SAVEPOINT when already inside a transaction, so nesting is unchanged.
    const run = function (this: unknown, ...args: unknown[]) {
      return tx.immediate.apply(this, args);
    };
    return Object.assign(run, { default: tx.immediate, deferred: tx.deferred, immediate: tx.immediate, exclusive: tx.exclusive });
  }) as Database.Database['transaction'];
  Object.defineProperty(db, 'transaction', { value: immediateByDefault, configurable: true, writable: true });
}

/** SQLITE_BUSY and its extended codes (BUSY_SNAPSHOT, BUSY_TIMEOUT, BUSY_RECOVERY). */
export function isSqliteBusy(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? (error as { code: unknown }).code : null;
  return typeof code === 'string' && code.startsWith('SQLITE_BUSY');
}
