// The transport side of the data worker: starts it, forwards calls, answers host calls (job progress)
// itself. Used by Electron's main process and by the browser-mode server alike.
import { Worker } from 'node:worker_threads';
import type { Result } from '../../shared/api/result';
import { contract } from '../../shared/api/contract';
import { isCallName } from '../../shared/api/call-names';
import type { FromWorker, ToWorker, WorkerConfig } from './worker-protocol';
import { MAX_INPUT_DEPTH, valueTooDeep } from './input-shape';

export interface DataWorker {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
  readonly schemaVersion: number;
  readonly backupPath: string | null;
  /** Set when the database failed its start-up check: the worker serves only backup calls. */
  readonly recovery: string | null;
}

const PROGRESS_KEEP_MS = 60_000;

export function startDataWorker(workerFile: string, config: WorkerConfig): Promise<DataWorker> {
  const worker = new Worker(workerFile, { workerData: config });
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const progress = new Map<string, { done: number; total: number; at: number }>();
  let nextId = 1;
  let exited = false;

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          resolve(api(message.schemaVersion, message.backupPath, message.recovery));
          break;
        case 'fatal':
          reject(new Error(message.message));
          void worker.terminate();
          break;
        case 'result':
          pending.get(message.id)?.(message.result);
          pending.delete(message.id);
          break;
        case 'progress':
          progress.set(message.jobId, { done: message.done, total: message.total, at: Date.now() });
          break;
      }
    });
    worker.on('error', (error) => {
      console.error('[review-desk] data worker crashed:', error);
      reject(error);
    });
    worker.on('exit', () => {
      exited = true;
      for (const done of pending.values()) done({ ok: false, error: { code: 'INTERNAL', message: '后台数据服务已停止，请重新启动评审台' } });
      pending.clear();
    });
  });

  function api(schemaVersion: number, backupPath: string | null, recovery: string | null): DataWorker {
    return {
      schemaVersion,
      backupPath,
      recovery,
      invoke(name, input) {
        if (isCallName(name) && contract[name].where === 'host') {
          const jobId = (input as { jobId?: unknown } | null)?.jobId;
          const entry = typeof jobId === 'string' ? progress.get(jobId) : undefined;
          for (const [id, p] of progress) if (Date.now() - p.at > PROGRESS_KEEP_MS) progress.delete(id);
          return Promise.resolve({ ok: true, value: entry ? { done: entry.done, total: entry.total } : null });
        }
        if (exited) return Promise.resolve({ ok: false, error: { code: 'INTERNAL', message: '后台数据服务已停止，请重新启动评审台' } });
        // Before postMessage: cloning a pathologically deep value would overflow the stack here or in the worker.
        if (valueTooDeep(input)) return Promise.resolve({ ok: false, error: { code: 'VALIDATION', message: `输入的嵌套层数超过 ${MAX_INPUT_DEPTH} 层，已拒绝` } });
        const id = nextId++;
        return new Promise((done) => {
          pending.set(id, done);
          worker.postMessage({ type: 'call', id, name, input } satisfies ToWorker);
        });
      },
      close() {
        if (exited) return Promise.resolve();
        return new Promise((done) => {
          worker.once('exit', () => done());
          worker.postMessage({ type: 'close' } satisfies ToWorker);
        });
      },
    };
  }
}
