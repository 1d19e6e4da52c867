// The data worker: owns the one writer connection and runs every call that may write, one call at a time
// (a single writer), off the thread that serves the window. Messages: see worker-protocol.ts. The same
// bundle started with role 'reader' is the reader worker (reader-worker.ts, docs/concurrency.md).
//
// Backups live here too, because only this thread may touch the database: the daily backup runs as the
// first queued job after 'ready' (the window opens at once; calls wait behind it), the quit backup runs when
// the host sends 'close' (Electron main and browser mode both do on shutdown). A database that fails its
// start-up check starts the worker in recovery mode (services/backup/recovery.ts) instead of failing.
import path from 'node:path';
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import { DbDamagedError, openDatabase } from '../db/open';
import { dispatch } from './dispatch';
import { handlers } from './handlers';
import type { ServiceContext } from '../services/context';
import type { FromWorker, ToWorker, WorkerConfig } from './worker-protocol';
import { DB_FILE_NAME } from '../services/backup/backup-files';
import { dailyBackupIfDue, mirrorBackup, quitBackup } from '../services/backup/backup-service';
import { enterRecovery, recoveryAnswer, recoveryOf } from '../services/backup/recovery';
import { clearStaging } from '../services/backup/staging';
import { provideKeyStore } from '../services/exchange/exchange-common';
import { memoryKeyStore } from '../services/exchange/identity';
import { runReader } from './reader-worker';
import { logMemory } from './memory-log';
import { resultForPosting } from './file-answer';
import { idleCollector, v8Collect } from './idle-collect';

const port = parentPort!;
const config = workerData as WorkerConfig;
const post = (message: FromWorker, transfer: ArrayBuffer[] = []) => port.postMessage(message, transfer);

// The worker cannot call safeStorage: main hands over the unsealed key; it lives only in this memory (the
// writer's: the host never gives it to the reader).
if (config.identityPem && config.role !== 'reader') provideKeyStore(config.dataDir, memoryKeyStore(config.identityPem));

async function main(): Promise<void> {
  const base = {
    dataDir: config.dataDir,
    now: () => new Date(),
    transport: config.transport,
    progress: (jobId: string | undefined, done: number, total: number) => jobId && post({ type: 'progress', jobId, done, total }),
  };
  let ctx: ServiceContext;
  let createdNow = false;
  try {
    clearStaging(config.dataDir);
    const opened = await openDatabase(path.join(config.dataDir, DB_FILE_NAME));
    ctx = { ...base, db: opened.db };
    createdNow = opened.fromVersion === 0;
    // The pre-migration backup is automatic too: it goes to the mirror folder like the others.
    if (opened.backupPath) mirrorBackup(config.dataDir, opened.backupPath, new Date());
    post({ type: 'ready', schemaVersion: opened.version, backupPath: opened.backupPath, recovery: null });
  } catch (error) {
    if (!(error instanceof DbDamagedError)) {
      post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
      return;
    }
    // Recovery mode: an empty in-memory stand-in, so nothing can reach the damaged file by accident.
    ctx = { ...base, db: new Database(':memory:') };
    enterRecovery(ctx, error.problem);
    console.error(`[review-desk] ${error.message}`);
    post({ type: 'ready', schemaVersion: 0, backupPath: null, recovery: error.problem });
  }

  const idle = idleCollector(v8Collect());
  let queue: Promise<unknown> = recoveryOf(ctx)
    ? Promise.resolve()
    : dailyBackupIfDue(ctx, createdNow).catch((error: unknown) => console.error('[review-desk] daily backup failed:', error));
  port.on('message', (message: ToWorker) => {
    if (message.type === 'close') {
      queue = queue.then(async () => {
        if (!recoveryOf(ctx)) await quitBackup(ctx).catch((error: unknown) => console.error('[review-desk] backup on quit failed:', error));
        ctx.db.close();
        process.exit(0);
      });
      return;
    }
    idle.callArrived();
    queue = queue.then(async () => {
      const started = performance.now();
      try {
        const answer = resultForPosting(recoveryAnswer(ctx, message.name) ?? (await dispatch(handlers, ctx, message.name, message.input)));
        post({ type: 'result', id: message.id, result: answer.result }, answer.transfer);
      } finally {
        idle.callEnded(performance.now() - started);
      }
      logMemory('writer', message.name);
    });
  });
}

if (config.role === 'reader') runReader(port, config);
else void main();
