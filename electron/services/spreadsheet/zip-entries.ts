// A zip (an XLSX) read through its central directory, from bytes already in memory (uploads arrive whole, as
// base64 over the API). Issue 8: the sizes every entry declares are known before anything is inflated (a zip
// bomb is refused up front), and one entry at a time is inflated as a stream, never past what it declared.
// (exceljs's own streaming pass over the local headers intermittently loses the last entry — exceljs#3064 —
// which is where Excel and exceljs put xl/workbook.xml; reading by the directory avoids that too.)
import { Readable, Transform } from 'node:stream';
import zlib from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is not read. */
  method: number;
  compressed: number;
  uncompressed: number;
  localHeader: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

/** The central directory's entries, or null when the bytes are not a readable zip. ZIP64 sizes read as Infinity. */
export function zipEntries(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return null;
  const count = view.getUint16(end + 10, true);
  let at = view.getUint32(end + 16, true);
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder();
  const size = (n: number) => (n === 0xffffffff ? Infinity : n);
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const nameLength = view.getUint16(at + 28, true);
    entries.push({
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      method: view.getUint16(at + 10, true),
      compressed: size(view.getUint32(at + 20, true)),
      uncompressed: size(view.getUint32(at + 24, true)),
      localHeader: view.getUint32(at + 42, true),
    });
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

export class ZipEntryError extends Error {}

const CHUNK = 256 * 1024;

/**
 * One entry's content as a stream of UTF-8 text (XLSX parts are XML), inflated as it is read. It fails (ZipEntryError) on an entry it cannot
 * read, and as soon as the content grows past the size the entry declared (a lying zip bomb stops there).
 * `onProgress` gets the entry's compressed bytes fed so far, of its compressed size.
 */
export function entryStream(bytes: Uint8Array, entry: ZipEntry, onProgress?: (done: number, total: number) => void): Readable {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeader;
  if (!Number.isFinite(entry.compressed) || !Number.isFinite(entry.uncompressed) || at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ZipEntryError(entry.name);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  if (start + entry.compressed > bytes.length || (entry.method !== 0 && entry.method !== 8)) throw new ZipEntryError(entry.name);
  const data = bytes.subarray(start, start + entry.compressed);
  const source = Readable.from((function* () {
    for (let i = 0; i < data.length; i += CHUNK) {
      onProgress?.(i, data.length);
      yield Buffer.from(data.buffer, data.byteOffset + i, Math.min(CHUNK, data.length - i));
    }
    onProgress?.(data.length, data.length);
  })(), { objectMode: false });
  let seen = 0;
  const capped = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      seen += chunk.length;
      done(seen > entry.uncompressed ? new ZipEntryError(`${entry.name} 解压后超过它声明的大小`) : null, chunk);
    },
  });
  // Text, decoded across chunk boundaries: exceljs decodes each chunk on its own, which split a Chinese
  // character cut between two inflated chunks into two U+FFFD (caught by import-xlsx-stream.test.ts).
  capped.setEncoding('utf8');
  const inflate = entry.method === 8 ? zlib.createInflateRaw() : null;
  if (inflate) {
    inflate.on('error', () => capped.destroy(new ZipEntryError(entry.name)));
    source.pipe(inflate).pipe(capped);
  } else source.pipe(capped);
  return capped;
}
