// The data workers' V8 old-space cap (electron/backend/worker-channel.ts, issue 8): 1024 MB unless
// REVIEW_DESK_WORKER_HEAP_MB names a sane size; nonsense never turns into a tiny heap that would run an import
// out of memory.
import { describe, expect, it } from 'vitest';
import { WORKER_HEAP_MB, workerHeapMb } from '../../../electron/backend/worker-channel';

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
