// The sizes a zip (an XLSX) declares in its central directory, read before anything is inflated (issue 8:
// the streaming XLSX reader inflates the sheet entry to a temporary file when the shared strings come after
// it, as Excel writes them; a zip bomb must be refused before that). Declared sizes can lie; the cell budget
// of read-table.ts bounds the work per row the reader then does.

export interface ZipEntrySize {
  name: string;
  compressed: number;
  uncompressed: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;

/** The central directory's entries, or null when the bytes are not a readable zip. ZIP64 sizes read as Infinity. */
export function zipEntrySizes(bytes: Uint8Array): ZipEntrySize[] | null {
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
  const entries: ZipEntrySize[] = [];
  const decoder = new TextDecoder();
  for (let k = 0; k < count; k++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) return null;
    const compressed = view.getUint32(at + 20, true);
    const uncompressed = view.getUint32(at + 24, true);
    const nameLength = view.getUint16(at + 28, true);
    const extraLength = view.getUint16(at + 30, true);
    const commentLength = view.getUint16(at + 32, true);
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    entries.push({ name, compressed: compressed === 0xffffffff ? Infinity : compressed, uncompressed: uncompressed === 0xffffffff ? Infinity : uncompressed });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
