// Where worker-host.ts sends calls while the reader starts (issue 8: the server under 1 GB RSS). A read sent
// before the reader is up waits for it instead of running on the writer — otherwise the first ranking of a
// session was computed and cached on the writer and again on the reader, and both heaps held one. A reader
// that cannot start, and recovery mode, still leave every read answered (by the writer). The workers here are
// a protocol stand-in (test/support/workers/fake-data-worker.cjs) that answers with its role and instance.
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDataWorker, type DataWorker } from '../../../electron/backend/worker-host';
import type { WorkerConfig } from '../../../electron/backend/worker-protocol';
import type { Result } from '../../../shared/api/result';

const FAKE = path.resolve('test/support/workers/fake-data-worker.cjs');
const workers: DataWorker[] = [];

type Options = { readerDelayMs?: number; readerFails?: boolean; recovery?: string };
async function start(options: Options = {}): Promise<DataWorker> {
  const worker = await startDataWorker(FAKE, { dataDir: '/nonexistent', transport: 'browser', ...options } as WorkerConfig);
  workers.push(worker);
  return worker;
}

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
});

type Who = { role: string; instance: string; name?: string };
function who(result: Result<unknown>): Who {
  if (!result.ok) throw new Error(`call failed: ${result.error.code} ${result.error.message}`);
  return result.value as Who;
}

describe('worker host: reads while the reader starts', () => {
  it('a read sent before a slow reader is up waits for it: every read is answered by the reader, writes by the writer', async () => {
    const worker = await start({ readerDelayMs: 400 });
    const [first, write, second] = await Promise.all([
      worker.invoke('ranking.summary', { roundId: 'r' }),
      worker.invoke('scores.set', {}),
      worker.invoke('ranking.region', { roundId: 'r' }),
    ]);
    expect(who(first)).toMatchObject({ role: 'reader', name: 'ranking.summary' });
    expect(who(second)).toMatchObject({ role: 'reader', name: 'ranking.region' });
    expect(who(second).instance).toBe(who(first).instance);
    expect(who(write)).toMatchObject({ role: 'writer', name: 'scores.set' });
    expect(await worker.whenReaderReady()).toBe(true);
  });

  it('a write is not held up by a reader that is still starting', async () => {
    const worker = await start({ readerDelayMs: 1500 });
    const read = worker.invoke('ranking.summary', {});
    const started = Date.now();
    expect(who(await worker.invoke('scores.set', {})).role).toBe('writer');
    expect(Date.now() - started).toBeLessThan(1000);
    expect(who(await read).role).toBe('reader');
  });

  it('a reader that cannot start leaves the reads to the writer, answered', async () => {
    const worker = await start({ readerFails: true });
    const answers = await Promise.all([worker.invoke('ranking.summary', {}), worker.invoke('dossiers.list', {})]);
    expect(answers.map((a) => who(a).role)).toEqual(['writer', 'writer']);
    expect(await worker.whenReaderReady()).toBe(false);
  });

  it('recovery mode starts no reader: the writer answers reads', async () => {
    const worker = await start({ recovery: 'damaged', readerDelayMs: 50 });
    expect(worker.recovery).toBe('damaged');
    expect(who(await worker.invoke('ranking.summary', {})).role).toBe('writer');
    expect(await worker.whenReaderReady()).toBe(false);
  });

  it('after a restore the reads wait for the new reader (not the closed one, not the writer)', async () => {
    const worker = await start({ readerDelayMs: 300 });
    const before = who(await worker.invoke('ranking.summary', {}));
    expect(before.role).toBe('reader');
    const restore = worker.invoke('backup.restore', {});
    const after = worker.invoke('ranking.summary', {});
    expect(who(await restore).role).toBe('writer');
    const answer = who(await after);
    expect(answer.role).toBe('reader');
    expect(answer.instance).not.toBe(before.instance);
  });
});
