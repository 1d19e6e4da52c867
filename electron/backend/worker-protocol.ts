import type { Result } from '../../shared/api/result';

export interface WorkerConfig {
  dataDir: string;
  transport: 'electron' | 'browser';
}

export type ToWorker = { type: 'call'; id: number; name: string; input: unknown } | { type: 'close' };

export type FromWorker =
  | { type: 'ready'; schemaVersion: number; backupPath: string | null }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'progress'; jobId: string; done: number; total: number };
