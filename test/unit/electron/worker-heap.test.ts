// The data workers' V8 heap limits (electron/backend/worker-channel.ts, issue 8): old space 1024 MB unless
// REVIEW_DESK_WORKER_HEAP_MB names a sane size, young generation 32 MB unless REVIEW_DESK_WORKER_YOUNG_MB does;
// nonsense never turns into a tiny heap that would run an import out of memory. Both workers really start with
// them (a protocol stand-in reports the limits it runs under).
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { WORKER_HEAP_MB, WORKER_YOUNG_MB, workerHeapMb, workerLimits, workerYoungMb } from '../../../electron/backend/worker-channel';
import { startDataWorker, type DataWorker } from '../../../electron/backend/worker-host';

describe('workerHeapMb', () => {
  it('defaults to the measured cap', () => {
    expect(WORKER_HEAP_MB).toBe(1024);
    expect(workerHeapMb(undefined)).toBe(1024);
  });
  it('takes an override within 256–16384 MB, and ignores anything else', () => {
    expect(workerHeapMb('2048')).toBe(2048);
    expect(workerHeapMb('256')).toBe(256);
    for (const bad of ['', '0', '64', '255', '16385', 'abc', '-1024', '1024.5']) expect(workerHeapMb(bad)).toBe(1024);
  });
});

describe('workerYoungMb', () => {
  it('defaults to 32 MB (V8 gives a worker 128 MB, which the RSS paid for twice)', () => {
    expect(WORKER_YOUNG_MB).toBe(32);
    expect(workerYoungMb(undefined)).toBe(32);
  });
  it('takes an override within 8–256 MB, and ignores anything else', () => {
    expect(workerYoungMb('16')).toBe(16);
    expect(workerYoungMb('8')).toBe(8);
    for (const bad of ['', '0', '4', '7', '257', 'abc', '-16', '16.5']) expect(workerYoungMb(bad)).toBe(32);
  });
});

describe('the workers run under the limits', () => {
  const started: DataWorker[] = [];
  afterEach(async () => {
    await Promise.all(started.splice(0).map((w) => w.close()));
  });

  it('the writer and the reader both start with the old-space cap and the smaller young generation', async () => {
    expect(workerLimits({})).toEqual({ maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 32 });
    const worker = await startDataWorker(path.resolve('test/support/workers/fake-data-worker.cjs'), { dataDir: '/nonexistent', transport: 'browser' });
    started.push(worker);
    const answers = await Promise.all([worker.invoke('scores.set', {}), worker.invoke('ranking.summary', {})]);
    const seen = answers.map((a) => (a.ok ? (a.value as { role: string; limits: Record<string, number> }) : null));
    expect(seen.map((s) => s?.role)).toEqual(['writer', 'reader']);
    for (const s of seen) expect(s?.limits).toMatchObject({ maxOldGenerationSizeMb: 1024, maxYoungGenerationSizeMb: 32 });
  });
});
