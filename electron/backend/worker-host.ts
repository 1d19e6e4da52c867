// The transport side of the data workers: starts them, routes calls, answers host calls (job progress)
// itself. Used by Electron's main process and by the browser-mode server alike, so both get the same
// concurrency (docs/concurrency.md):
//   - the writer worker runs every call that may write, one at a time, in the order they arrived — writes
//     queue there, they never fail against each other;
//   - the reader worker answers the calls in read-calls.ts on a read-only connection (WAL: readers never
//     block the writer nor wait for it), so a slow ranking or export does not hold up a score being saved;
//   - a read waits for the writes sent before it (a caller that saved, then reads, sees its save — as with
//     one queue), but a write never waits for a read;
//   - backup.restore replaces the file: reads are held, the reader drains and closes, the writer restores,
//     a new reader opens the new file, then the held reads go on. In recovery mode there is no reader.
import type { Result } from '../../shared/api/result';
import { contract } from '../../shared/api/contract';
import { isCallName } from '../../shared/api/call-names';
import type { WorkerConfig } from './worker-protocol';
import { MAX_INPUT_DEPTH, valueTooDeep } from './input-shape';
import { startChannel, STOPPED, type Channel, type ProgressMap } from './worker-channel';
import { isExclusiveCall, isReadCall } from './read-calls';

export interface DataWorker {
  invoke(name: string, input: unknown): Promise<Result<unknown>>;
  close(): Promise<void>;
  readonly schemaVersion: number;
  readonly backupPath: string | null;
  /** Set when the database failed its start-up check: the worker serves only backup calls. */
  readonly recovery: string | null;
  /** Starts the reader if no read has yet; resolves true once it serves reads, false if it cannot (recovery mode, or it failed: the writer answers reads). */
  whenReaderReady(): Promise<boolean>;
}

const PROGRESS_KEEP_MS = 60_000;

export async function startDataWorker(workerFile: string, config: WorkerConfig): Promise<DataWorker> {
  const progress: ProgressMap = new Map();
  const { channel: writer, ready } = await startChannel(workerFile, { ...config, role: 'writer' }, progress);
  let reader: Channel | null = null;
  let closing = false;
  /** The last write sent: reads sent after it wait for it. Never rejects (answers are data). */
  let writesTail: Promise<unknown> = Promise.resolve();
  /** Resolved unless a restore is under way; calls sent meanwhile wait for it. */
  let gate: Promise<void> = Promise.resolve();
  const readsInFlight = new Set<Promise<unknown>>();

  /** Starts a reader in the background; reads sent meanwhile wait for it (the writer answers them if it fails). */
  let readerStarting: Promise<boolean> = Promise.resolve(false);
  function startReader(): Promise<boolean> {
    if (closing) return Promise.resolve(false);
    // No identity key for the reader: exchange calls stay on the writer.
    const { identityPem: _key, ...rest } = config;
    readerStarting = startChannel(workerFile, { ...rest, role: 'reader' }, progress).then(
      ({ channel }) => {
        if (closing) return channel.close().then(() => false);
        reader = channel;
        return true;
      },
      (error: unknown) => {
        console.error('[review-desk] reader worker did not start; the writer answers reads too:', error);
        return false;
      },
    );
    return readerStarting;
  }
  // Started on the first read, not with the writer: a session that only writes (the crash harness, a test)
  // never pays for a second thread.
  let inRecovery = ready.recovery !== null;
  let readerWanted = false;
  /** A restore under way: no reader may open the file until it is done (its finally starts one). */
  let exclusiveActive = 0;
  function whenReaderReady(): Promise<boolean> {
    if (!readerWanted && !inRecovery) {
      readerWanted = true;
      if (exclusiveActive === 0) void startReader();
    }
    return readerStarting;
  }

  const onWriter = (name: string, input: unknown) => writer.call(name, input).then((a) => a.result);

  function write(name: string, input: unknown): Promise<Result<unknown>> {
    const answer = gate.then(() => onWriter(name, input));
    writesTail = answer;
    return answer;
  }

  function read(name: string, input: unknown): Promise<Result<unknown>> {
    const [after, held] = [writesTail, gate];
    void whenReaderReady();
    const answer = (async () => {
      await after;
      await held;
      // A reader still starting is waited for (a few hundred ms, once a session) rather than the read run on the
      // writer: the first ranking of a session would otherwise be computed and cached on the writer, then again
      // on the reader for the next read, and both workers' heaps would grow by a ranking (issue 8: the server
      // stays under 1 GB RSS). readerStarting is false at once when no reader is wanted or can run.
      if (!reader) await readerStarting;
      const current = reader && !reader.exited ? reader : null;
      if (!current) return onWriter(name, input);
      const first = await current.call(name, input);
      return first.needsWriter ? onWriter(name, input) : first.result;
    })();
    readsInFlight.add(answer);
    void answer.finally(() => readsInFlight.delete(answer));
    return answer;
  }

  async function exclusive(name: string, input: unknown): Promise<Result<unknown>> {
    let release!: () => void;
    // The reads to let finish before the file is replaced: those sent before this call. Reads sent after it wait
    // at the gate below, so waiting for them too would never end (a read sent during a restore hung it).
    const readsBefore = [...readsInFlight];
    const previous = gate;
    gate = previous.then(() => new Promise<void>((r) => (release = r)));
    exclusiveActive++;
    await previous;
    const started = writesTail;
    try {
      await started;
      await Promise.all(readsBefore);
      await readerStarting; // a reader still starting would otherwise open the old file after we closed it
      const closingReader = reader;
      reader = null;
      await closingReader?.close();
      const answer = onWriter(name, input);
      writesTail = answer;
      return await answer;
    } finally {
      // Reads wait for the new reader (the writer answers them if none starts). It opens whatever file is now in place — unless
      // the writer is (still) in recovery mode. Neither the answer nor the held calls wait for it.
      // readerStarting covers the whole chain, so a next restore waits for this reader before closing it.
      readerStarting = onWriter('session.get', {}).then((session) => {
        inRecovery = !session.ok || Boolean((session.value as { recovery?: unknown }).recovery);
        return !inRecovery && readerWanted && exclusiveActive === 0 ? startReader() : false;
      });
      exclusiveActive--;
      release();
    }
  }

  return {
    schemaVersion: ready.schemaVersion,
    backupPath: ready.backupPath,
    recovery: ready.recovery,
    whenReaderReady,
    invoke(name, input) {
      if (isCallName(name) && contract[name].where === 'host') {
        const jobId = (input as { jobId?: unknown } | null)?.jobId;
        const entry = typeof jobId === 'string' ? progress.get(jobId) : undefined;
        for (const [id, p] of progress) if (Date.now() - p.at > PROGRESS_KEEP_MS) progress.delete(id);
        return Promise.resolve({ ok: true, value: entry ? { done: entry.done, total: entry.total } : null });
      }
      if (writer.exited) return Promise.resolve(STOPPED);
      // Before postMessage: cloning a pathologically deep value would overflow the stack here or in the worker.
      if (valueTooDeep(input)) return Promise.resolve({ ok: false, error: { code: 'VALIDATION', message: `输入的嵌套层数超过 ${MAX_INPUT_DEPTH} 层，已拒绝` } });
      if (isExclusiveCall(name)) return exclusive(name, input);
      if (isReadCall(name)) return read(name, input);
      return write(name, input);
    },
    async close() {
      closing = true;
      await readerStarting;
      // The reader finishes the reads it has, then exits; the writer makes the backup on quit, then exits.
      await reader?.close();
      await writer.close();
    },
  };
}
