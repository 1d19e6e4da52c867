// One data worker thread seen from the host: start it, post calls, match answers to callers, record job
// progress. worker-host.ts starts two of these (the writer and the reader) and routes calls between them.
import { Worker } from 'node:worker_threads';
import type { Result } from '../../shared/api/result';
import type { FromWorker, ToWorker, WorkerConfig } from './worker-protocol';
import { resultFromPosting } from './file-answer';

export const STOPPED: Result<never> = { ok: false, error: { code: 'INTERNAL', message: '后台数据服务已停止，请重新启动评审台' } };

export interface Answer {
  result: Result<unknown>;
  /** The reader could not answer (its read-only connection refused a write, or it stopped): ask the writer. */
  needsWriter?: boolean;
}

export interface Ready {
  schemaVersion: number;
  backupPath: string | null;
  recovery: string | null;
}

export interface Channel {
  call(name: string, input: unknown): Promise<Answer>;
  close(): Promise<void>;
  readonly exited: boolean;
}

/**
 * The old-space cap of each data worker's V8 heap, in MB (issue 8: the server under 1 GB RSS at 20,000
 * applications). Without one, V8 sizes a worker's heap from the machine's memory (several GB here) and lets it
 * grow far past the live data before it collects: the server peaked at 1.17 GB during a ranking whose live
 * data was a fraction of that. Measured at 20,000 applications / 1.2 M scores / 20,000 dossiers (platform bench
 * and the dossier XLSX export): the largest legitimate heap is well below this cap (the figures are in
 * docs/performance-history.md), so the cap only makes V8 collect sooner. REVIEW_DESK_WORKER_HEAP_MB overrides it (256–16384).
 */
export const WORKER_HEAP_MB = 1024;

export function workerHeapMb(override: string | undefined): number {
  const n = Number(override);
  return Number.isInteger(n) && n >= 256 && n <= 16_384 ? n : WORKER_HEAP_MB;
}

/**
 * The young generation of each data worker's V8 heap, in MB (issue 8). V8's default for a worker with a 1 GB old
 * space is 128 MB, and a ranking or an import at 20,000 applications touches all of it: two workers held 256 MB
 * of RSS in young generations alone. 32 MB took the server's peak during the ranking at 20,000 from ≈ 1.13–1.2 GB
 * to ≈ 0.86 GB with the score import and the ranking within their targets; 16 MB saved little more and let
 * the score import (short-lived rows promoted into the old space) run past ×5 in two of five runs
 * (docs/performance-history.md, "Fifth round"). REVIEW_DESK_WORKER_YOUNG_MB overrides it (8–256).
 */
export const WORKER_YOUNG_MB = 32;

export function workerYoungMb(override: string | undefined): number {
  const n = Number(override);
  return override && Number.isInteger(n) && n >= 8 && n <= 256 ? n : WORKER_YOUNG_MB;
}

/** The resource limits every data worker starts with. */
export function workerLimits(env: Record<string, string | undefined>): { maxOldGenerationSizeMb: number; maxYoungGenerationSizeMb: number } {
  return { maxOldGenerationSizeMb: workerHeapMb(env.REVIEW_DESK_WORKER_HEAP_MB), maxYoungGenerationSizeMb: workerYoungMb(env.REVIEW_DESK_WORKER_YOUNG_MB) };
}

export type ProgressMap = Map<string, { done: number; total: number; at: number }>;

export function startChannel(workerFile: string, config: WorkerConfig, progress: ProgressMap): Promise<{ channel: Channel; ready: Ready }> {
  const worker = new Worker(workerFile, { workerData: config, resourceLimits: workerLimits(process.env) });
  const pending = new Map<number, (answer: Answer) => void>();
  let nextId = 1;
  let exited = false;
  // A reader that stops (crash, or closed with calls still queued) hands its calls to the writer.
  const onStop: Answer = config.role === 'reader' ? { result: STOPPED, needsWriter: true } : { result: STOPPED };

  const channel: Channel = {
    get exited() {
      return exited;
    },
    call(name, input) {
      if (exited) return Promise.resolve(onStop);
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

  return new Promise((resolve, reject) => {
    worker.on('message', (message: FromWorker) => {
      switch (message.type) {
        case 'ready':
          resolve({ channel, ready: { schemaVersion: message.schemaVersion, backupPath: message.backupPath, recovery: message.recovery } });
          break;
        case 'fatal':
          reject(new Error(message.message));
          void worker.terminate();
          break;
        case 'result':
          pending.get(message.id)?.({ result: resultFromPosting(message.result), ...(message.needsWriter ? { needsWriter: true } : {}) });
          pending.delete(message.id);
          break;
        case 'progress':
          progress.set(message.jobId, { done: message.done, total: message.total, at: Date.now() });
          break;
      }
    });
    worker.on('error', (error) => {
      console.error(`[review-desk] data worker (${config.role ?? 'writer'}) crashed:`, error);
      reject(error);
    });
    worker.on('exit', () => {
      exited = true;
      reject(new Error('后台数据服务未能启动'));
      for (const done of pending.values()) done(onStop);
      pending.clear();
    });
  });
}
