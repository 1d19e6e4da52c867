// Issue 8, the server under 1 GB: a heavy call (the ranking at 20,000 applications reads 1.2 M scores, an
// import parses a workbook) leaves a data worker's heap full of garbage, and V8 collects it only when the heap
// next reaches its limit — which it sets from that peak. A heap snapshot of the reader after a ranking at 20,000
// held 104 MB live in a heap of 327 MB. So once a heavy call is over and no other call has come for a moment,
// a worker whose heap has grown past 128 MB collects it with V8's memory-reducing full collection ('last-resort':
// collections repeated until nothing more is freed, then the heap shrunk), and V8 gives the freed pages back. At
// 20,000 applications it holds the worker ≈ 140–550 ms; a call that arrives meanwhile waits. Light calls never
// trigger it, nor a small heap (a committee's usual round). Measured on the platform bench (docs/performance-history.md,
// session 17): one 'regular' collection held the worker 40–250 ms but left V8's heap at its size (peak 974 MB),
// and waiting a second instead of 100 ms left the bench's back-to-back calls no gap to collect in (958 MB);
// this collection after 100 ms: 748–855 MB.
import v8 from 'node:v8';
import vm from 'node:vm';
import { logCollection } from './memory-log';

/** A call at least this long leaves enough garbage to be worth collecting. */
export const HEAVY_CALL_MS = 200;
/** How long the worker must stay idle after it before the collection runs. */
export const IDLE_BEFORE_COLLECT_MS = 100;
/** A heap smaller than this is not worth the pause. */
export const COLLECT_FROM_HEAP_MB = 128;

type Collect = () => void;

/** The collector a worker uses: V8's own full collection of a heap past COLLECT_FROM_HEAP_MB, made reachable once (gc is not exposed by default). */
export function v8Collect(fromHeapMb = COLLECT_FROM_HEAP_MB): Collect {
  // Node's documented way to reach gc at run time: the flag makes new contexts carry it. The flag only exposes
  // the function; it does not change how V8 collects.
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as (options: { type: 'major'; execution: 'sync'; flavor: 'last-resort' }) => void;
  return () => {
    if (v8.getHeapStatistics().total_heap_size < fromHeapMb * 2 ** 20) return;
    const started = performance.now();
    gc({ type: 'major', execution: 'sync', flavor: 'last-resort' });
    logCollection(performance.now() - started);
  };
}

export interface IdleCollector {
  /** A call has arrived (it may wait in the worker's queue): a collection waiting for idleness is called off. */
  callArrived(): void;
  /** A call ended after running `ms`: a heavy one owes a collection, made once no call is left and a moment passed. */
  callEnded(ms: number): void;
}

export function idleCollector(collect: Collect, timers: { set: typeof setTimeout; clear: typeof clearTimeout } = { set: setTimeout, clear: clearTimeout }): IdleCollector {
  let waiting: ReturnType<typeof setTimeout> | null = null;
  let calls = 0;
  let owed = false;
  return {
    callArrived() {
      calls++;
      if (waiting) timers.clear(waiting);
      waiting = null;
    },
    callEnded(ms) {
      calls--;
      if (ms >= HEAVY_CALL_MS) owed = true;
      if (!owed || calls > 0) return;
      waiting = timers.set(() => {
        waiting = null;
        owed = false;
        collect();
      }, IDLE_BEFORE_COLLECT_MS);
      // Never what keeps a worker from exiting.
      (waiting as { unref?: () => void }).unref?.();
    },
  };
}
