import type { Result } from '../../shared/api/result';

export interface WorkerConfig {
  dataDir: string;
  transport: 'electron' | 'browser';
  /** Desktop app: the signing key's PEM, unsealed by main with safeStorage (electron/services/exchange/identity.ts). */
  identityPem?: string;
}

export type ToWorker = { type: 'call'; id: number; name: string; input: unknown } | { type: 'close' };

export type FromWorker =
  /** recovery: the start-up check's problem when the worker started in recovery mode, else null. */
  | { type: 'ready'; schemaVersion: number; backupPath: string | null; recovery: string | null }
  | { type: 'fatal'; message: string }
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'progress'; jobId: string; done: number; total: number };
