// The reader side of the data worker (docs/concurrency.md): the same handlers over a read-only connection,
// for the calls in read-calls.ts, so one slow read does not hold up the writer. Started by worker-host.ts
// only once the writer is ready (the writer checked, migrated and, if needed, created the file), never in
// recovery mode, and closed while a restore replaces the file.
import path from 'node:path';
import { openReadConnection } from '../db/connection-read';
import { DB_FILE_NAME } from '../services/backup/backup-files';
import type { ServiceContext } from '../services/context';
import { dispatch } from './dispatch';
import { handlers } from './handlers';
import type { HandlerTable } from './handler-types';
import type { FromWorker, ToWorker, WorkerConfig } from './worker-protocol';
import { logMemory } from './memory-log';
import { resultForPosting } from './file-answer';
import { idleCollector, v8Collect } from './idle-collect';

const isReadonlyRefusal = (error: unknown) => typeof error === 'object' && error !== null && String((error as { code?: unknown }).code).startsWith('SQLITE_READONLY');

interface Port {
  postMessage(message: FromWorker, transfer?: ArrayBuffer[]): void;
  on(event: 'message', listener: (message: ToWorker) => void): unknown;
}

export function runReader(port: Port, config: WorkerConfig): void {
  const post = (message: FromWorker) => port.postMessage(message);
  let ctx: ServiceContext;
  try {
    ctx = {
      db: openReadConnection(path.join(config.dataDir, DB_FILE_NAME)),
      dataDir: config.dataDir,
      now: () => new Date(),
      transport: config.transport,
      progress: (jobId, done, total) => jobId && post({ type: 'progress', jobId, done, total }),
    };
  } catch (error) {
    post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
    return;
  }
  // A handler that tries to write here is refused by SQLite before anything changes; the flag sends the
  // call back to the host, which runs it on the writer (a mistake in read-calls.ts costs time, not data).
  let needsWriter = false;
  const table = readOnlyTable(() => (needsWriter = true));

  post({ type: 'ready', schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number, backupPath: null, recovery: null });
  const idle = idleCollector(v8Collect());
  let queue: Promise<unknown> = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'close') {
      queue = queue.then(() => {
        ctx.db.close();
        process.exit(0);
      });
      return;
    }
    idle.callArrived();
    queue = queue.then(async () => {
      const started = performance.now();
      try {
        needsWriter = false;
        const answer = resultForPosting(await dispatch(table, ctx, message.name, message.input));
        port.postMessage({ type: 'result', id: message.id, result: answer.result, ...(needsWriter ? { needsWriter: true } : {}) }, answer.transfer);
      } finally {
        idle.callEnded(performance.now() - started);
      }
      logMemory('reader', message.name);
    });
  });
}

/** The handler table for a read-only connection: `onRefusal` hears of every write SQLite refused. */
export function readOnlyTable(onRefusal: () => void): HandlerTable {
  return Object.fromEntries(
    Object.entries(handlers).map(([name, handler]) => [
      name,
      async (input: unknown, c: ServiceContext) => {
        try {
          return await (handler as (i: unknown, c: ServiceContext) => unknown)(input, c);
        } catch (error) {
          if (isReadonlyRefusal(error)) onRefusal();
          throw error;
        }
      },
    ]),
  ) as unknown as HandlerTable;
}
