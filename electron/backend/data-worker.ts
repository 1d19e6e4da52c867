// The data worker: owns the one database connection and runs every handler, one call at a time (a single
// writer), off the thread that serves the window. Messages: see worker-protocol.ts.
import path from 'node:path';
import { parentPort, workerData } from 'node:worker_threads';
import { openDatabase } from '../db/open';
import { dispatch } from './dispatch';
import { handlers } from './handlers';
import type { ServiceContext } from '../services/context';
import type { FromWorker, ToWorker, WorkerConfig } from './worker-protocol';

const port = parentPort!;
const config = workerData as WorkerConfig;
const post = (message: FromWorker) => port.postMessage(message);

async function main(): Promise<void> {
  let ctx: ServiceContext;
  try {
    const opened = await openDatabase(path.join(config.dataDir, 'review-desk.sqlite'));
    ctx = {
      db: opened.db,
      dataDir: config.dataDir,
      now: () => new Date(),
      transport: config.transport,
      progress: (jobId, done, total) => jobId && post({ type: 'progress', jobId, done, total }),
    };
    post({ type: 'ready', schemaVersion: opened.version, backupPath: opened.backupPath });
  } catch (error) {
    post({ type: 'fatal', message: error instanceof Error ? error.message : String(error) });
    return;
  }

  let queue = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'close') {
      queue = queue.then(() => {
        ctx.db.close();
        process.exit(0);
      });
      return;
    }
    queue = queue.then(async () => {
      const result = await dispatch(handlers, ctx, message.name, message.input);
      post({ type: 'result', id: message.id, result });
    });
  });
}

void main();
