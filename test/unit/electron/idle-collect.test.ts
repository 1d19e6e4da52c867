// The data workers collect their garbage after a heavy call, once idle (issue 8, memory): never after light
// calls only, never while a call is running or waiting, and a heavy call's debt survives the light calls after it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { HEAVY_CALL_MS, IDLE_BEFORE_COLLECT_MS, idleCollector, v8Collect } from '../../../electron/backend/idle-collect';

beforeEach(() => void vi.useFakeTimers());
afterEach(() => void vi.useRealTimers());

function collector() {
  const collect = vi.fn();
  const idle = idleCollector(collect, { set: setTimeout, clear: clearTimeout });
  const run = (ms: number) => (idle.callArrived(), idle.callEnded(ms));
  return { collect, idle, run };
}

describe('idleCollector', () => {
  it('collects once, a moment after a heavy call, and not after light calls', () => {
    const { collect, run } = collector();
    run(HEAVY_CALL_MS - 1);
    vi.advanceTimersByTime(10 * IDLE_BEFORE_COLLECT_MS);
    expect(collect).not.toHaveBeenCalled();
    run(HEAVY_CALL_MS);
    vi.advanceTimersByTime(IDLE_BEFORE_COLLECT_MS - 1);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(collect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(10 * IDLE_BEFORE_COLLECT_MS);
    expect(collect).toHaveBeenCalledTimes(1);
  });

  it('waits while calls arrive, and for a call queued behind the heavy one', () => {
    const { collect, idle, run } = collector();
    idle.callArrived(); // heavy call running
    idle.callArrived(); // another waits in the queue
    idle.callEnded(5_000);
    vi.advanceTimersByTime(10 * IDLE_BEFORE_COLLECT_MS);
    expect(collect).not.toHaveBeenCalled();
    idle.callEnded(3); // the queued light call: now idle, the heavy call's debt is paid
    vi.advanceTimersByTime(IDLE_BEFORE_COLLECT_MS / 2);
    run(2); // a light call within the moment starts the wait again
    vi.advanceTimersByTime(IDLE_BEFORE_COLLECT_MS / 2);
    expect(collect).not.toHaveBeenCalled();
    vi.advanceTimersByTime(IDLE_BEFORE_COLLECT_MS / 2);
    expect(collect).toHaveBeenCalledTimes(1);
  });
});

describe('v8Collect', () => {
  const garbageRef = () => new WeakRef(Array.from({ length: 200_000 }, (_, i) => ({ i, s: `x${i}` })));
  // A WeakRef keeps its target until the current job ends (ECMAScript's KeepDuringJob): collect after it.
  const nextJob = () => new Promise((resolve) => setImmediate(resolve));

  it('reaches V8’s full collection and frees the garbage', async () => {
    vi.useRealTimers();
    const collect = v8Collect(0);
    const ref = garbageRef();
    await nextJob();
    collect();
    expect(ref.deref()).toBeUndefined();
  });

  it('leaves a heap smaller than its threshold alone', async () => {
    vi.useRealTimers();
    const collect = v8Collect(1_000_000);
    const ref = garbageRef();
    await nextJob();
    collect();
    expect(ref.deref()).toBeDefined();
  });
});
