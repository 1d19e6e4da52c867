// A real SQLite file in a fresh temp directory, migrated with the real migrations, with an injected clock.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../electron/db/open';
import { setSetting, SETTING_USER, type ServiceContext } from '../../electron/services/context';

export function tempDir(prefix = 'review-desk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export interface TestContext extends ServiceContext {
  progressLog: { jobId: string; done: number; total: number }[];
  /** Moves the injected clock forward. */
  tick(ms?: number): void;
}

export async function createTestContext(options: { user?: string | null; dataDir?: string; start?: string } = {}): Promise<TestContext> {
  const dataDir = options.dataDir ?? tempDir();
  const { db } = await openDatabase(path.join(dataDir, 'review-desk.sqlite'));
  let clock = new Date(options.start ?? '2026-11-23T09:00:00.000Z').getTime();
  const ctx: TestContext = {
    db,
    dataDir,
    transport: 'browser',
    now: () => new Date(clock),
    tick: (ms = 1000) => void (clock += ms),
    progressLog: [],
    progress: (jobId, done, total) => {
      if (jobId) ctx.progressLog.push({ jobId, done, total });
    },
  };
  if (options.user !== null) setSetting(db, SETTING_USER, options.user ?? '王评审');
  return ctx;
}
