// The ranking tab's analysis requests (renderer/features/rounds/ranking/analysis-loader.ts, issue 8): a region
// only passed through asks for nothing, the sensitivity waits for the analysis, and a region left stops
// whatever was still to come — so the reader's one queue never holds the next region's table behind the
// analyses of regions already left.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '../../../shared/api/result';
import { loadAnalysis } from '../../../renderer/features/rounds/ranking/analysis-loader';

function deferred<T>() {
  let resolve!: (value: Result<T>) => void;
  const promise = new Promise<Result<T>>((r) => (resolve = r));
  return { promise, resolve };
}

function harness() {
  const analysis = deferred<string>();
  const sensitivity = deferred<string>();
  const calls = { analysis: vi.fn(() => analysis.promise), sensitivity: vi.fn(() => sensitivity.promise) };
  const sink = { analysis: vi.fn(), sensitivity: vi.fn(), error: vi.fn() };
  return { analysis, sensitivity, calls, sink };
}

describe('loadAnalysis', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('asks nothing for a region left before the delay (regions clicked through)', async () => {
    const regions = Array.from({ length: 5 }, harness);
    for (const h of regions) {
      const cancel = loadAnalysis(h.calls, h.sink, 250);
      await vi.advanceTimersByTimeAsync(100);
      cancel();
    }
    await vi.advanceTimersByTimeAsync(1000);
    for (const h of regions) expect(h.calls.analysis).not.toHaveBeenCalled();
  });

  it('asks for the analysis after the delay, and the sensitivity only once the analysis is in', async () => {
    const h = harness();
    loadAnalysis(h.calls, h.sink, 250);
    await vi.advanceTimersByTimeAsync(249);
    expect(h.calls.analysis).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(h.calls.analysis).toHaveBeenCalledTimes(1);
    expect(h.calls.sensitivity).not.toHaveBeenCalled();
    h.analysis.resolve({ ok: true, value: 'A' });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sink.analysis).toHaveBeenCalledWith('A');
    expect(h.calls.sensitivity).toHaveBeenCalledTimes(1);
    h.sensitivity.resolve({ ok: true, value: 'S' });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sink.sensitivity).toHaveBeenCalledWith('S');
  });

  it('a region left while its analysis runs: nothing shown, no sensitivity asked', async () => {
    const h = harness();
    const cancel = loadAnalysis(h.calls, h.sink, 250);
    await vi.advanceTimersByTimeAsync(250);
    cancel();
    h.analysis.resolve({ ok: true, value: 'A' });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sink.analysis).not.toHaveBeenCalled();
    expect(h.calls.sensitivity).not.toHaveBeenCalled();
  });

  it('an analysis refused is reported, and no sensitivity is asked', async () => {
    const h = harness();
    loadAnalysis(h.calls, h.sink, 250);
    await vi.advanceTimersByTimeAsync(250);
    h.analysis.resolve({ ok: false, error: { code: 'CONFLICT', message: '请先提交' } });
    await vi.advanceTimersByTimeAsync(0);
    expect(h.sink.error).toHaveBeenCalledWith({ code: 'CONFLICT', message: '请先提交' });
    expect(h.calls.sensitivity).not.toHaveBeenCalled();
  });
});
