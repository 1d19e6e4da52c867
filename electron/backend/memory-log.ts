// Issue 8, measuring the server's memory: with REVIEW_DESK_MEMORY_LOG=1 each data worker (and browser mode's
// main thread, role 'server') prints, after every call, its own V8 heap (used / total: what this isolate holds
// and what it has claimed) and the process's RSS, to stderr, and each idle collection (idle-collect.ts). Set it
// when running the platform bench to see which worker holds what; off otherwise.
import v8 from 'node:v8';

const enabled = process.env.REVIEW_DESK_MEMORY_LOG === '1';
const mb = (n: number) => Math.round(n / 2 ** 20);

export function logMemory(role: string, call: string): void {
  if (!enabled) return;
  const heap = v8.getHeapStatistics();
  const spaces = v8.getHeapSpaceStatistics().map((s) => `${s.space_name.replace('_space', '')} ${mb(s.space_size)}`).join(' ');
  console.error(`[memory] ${role} ${call}: heap used ${mb(heap.used_heap_size)} MB, heap total ${mb(heap.total_heap_size)} MB, malloced ${mb(heap.malloced_memory)} MB, external ${mb(heap.external_memory)} MB; process rss ${mb(process.memoryUsage.rss())} MB (spaces: ${spaces})`);
}

/** An idle collection (idle-collect.ts): how long it held the worker, and the heap and RSS it left. */
export function logCollection(ms: number): void {
  if (!enabled) return;
  const heap = v8.getHeapStatistics();
  console.error(`[memory] idle collection: ${ms.toFixed(0)} ms; heap used ${mb(heap.used_heap_size)} MB, heap total ${mb(heap.total_heap_size)} MB; process rss ${mb(process.memoryUsage.rss())} MB`);
}
