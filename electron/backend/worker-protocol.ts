import type { Result } from '../../shared/api/result';

export interface WorkerConfig {
  dataDir: string;
  transport: 'electron' | 'browser';
  /** Desktop app: the signing key's PEM, unsealed by main with safeStorage (electron/services/exchange/identity.ts). */
  identityPem?: string;
  /**
   * 'writer' (the default): the one connection that writes, migrations, backups, restore, recovery mode.
   * 'reader': a read-only connection to the same file for the calls in read-calls.ts (docs/concurrency.md).
   */
  role?: 'writer' | 'reader';
}

export type ToWorker = { type: 'call'; id: number; name: string; input: unknown } | { type: 'close' };

export type FromWorker =
  /** recovery: the start-up check's problem when the worker started in recovery mode, else null. */
  | { type: 'ready'; schemaVersion: number; backupPath: string | null; recovery: string | null }
  | { type: 'fatal'; message: string }
  /** needsWriter: the reader's read-only connection refused a write; the host runs the call on the writer. */
  | { type: 'result'; id: number; result: Result<unknown>; needsWriter?: boolean }
  | { type: 'progress'; jobId: string; done: number; total: number };
