// A file a call answers with (an export, an attachment). The API's shape is { fileName, mime, dataBase64 }, but
// at platform scale the file is large (the ranking's JSON export: 113 MB at 20,000 applications), and a base64
// string built in the worker, cloned to the main thread, stringified into the HTTP answer and copied again
// took the server past 1.5 GB (issue 8). So the bytes travel as bytes: the worker hands its buffer over to the
// main thread (transferred, not copied), and only the transport's last step encodes it — browser mode writes the
// base64 into the HTTP answer a piece at a time (http-server.ts); anything else reading `dataBase64` (Electron's
// IPC, the tests) gets it encoded on that read.
import type { Result } from '../../shared/api/result';

export class FileAnswer {
  declare readonly fileName: string;
  declare readonly mime: string;
  /** The file, base64-encoded at each read (never kept: the bytes are the one copy held). */
  declare readonly dataBase64: string;
  /** Not enumerable: a FileAnswer compares and serialises as { fileName, mime, dataBase64 }. */
  declare readonly bytes: Uint8Array;

  constructor(fileName: string, mime: string, bytes: Uint8Array) {
    Object.defineProperty(this, 'fileName', { value: fileName, enumerable: true });
    Object.defineProperty(this, 'mime', { value: mime, enumerable: true });
    Object.defineProperty(this, 'dataBase64', { enumerable: true, get: () => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64') });
    Object.defineProperty(this, 'bytes', { value: bytes, enumerable: false });
  }
}

/** How a FileAnswer crosses from a worker to the main thread: its bytes as they are. */
interface WireFile {
  fileAnswer: true;
  fileName: string;
  mime: string;
  bytes: Uint8Array;
}

const isWireFile = (value: unknown): value is WireFile => typeof value === 'object' && value !== null && (value as { fileAnswer?: unknown }).fileAnswer === true && (value as { bytes?: unknown }).bytes instanceof Uint8Array;

/**
 * A worker's result ready to post, with the buffers to transfer. A buffer is handed over only when the file
 * owns all of it: a small Buffer may be a slice of Node's shared pool, which must not be detached (it is copied).
 */
export function resultForPosting(result: Result<unknown>): { result: Result<unknown>; transfer: ArrayBuffer[] } {
  if (!result.ok || !(result.value instanceof FileAnswer)) return { result, transfer: [] };
  const { fileName, mime, bytes } = result.value;
  const owned = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  const wire: WireFile = { fileAnswer: true, fileName, mime, bytes };
  return { result: { ok: true, value: wire }, transfer: owned ? [bytes.buffer as ArrayBuffer] : [] };
}

/** A posted result as the main thread hands it on: a transferred file becomes a FileAnswer again. */
export function resultFromPosting(result: Result<unknown>): Result<unknown> {
  if (!result.ok || !isWireFile(result.value)) return result;
  return { ok: true, value: new FileAnswer(result.value.fileName, result.value.mime, result.value.bytes) };
}

/**
 * The result with a file answer as a plain { fileName, mime, dataBase64 } object, for a transport that copies
 * the value itself (Electron's IPC): its serialiser is not asked to handle a class with an accessor.
 */
export function withPlainFile(result: Result<unknown>): Result<unknown> {
  if (!result.ok || !(result.value instanceof FileAnswer)) return result;
  const { fileName, mime, dataBase64 } = result.value;
  return { ok: true, value: { fileName, mime, dataBase64 } };
}
