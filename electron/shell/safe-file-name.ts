// A file name built from text the user (or a database) controls — a round name, an uploaded file's name —
// that is safe to create in a directory we chose, on Windows, macOS and Linux alike. Used by the command
// line's `export` without --out (the round name becomes the file name) and by the desktop shell's temp
// copy of an attachment. Hazards handled, each with a reason:
//   - path separators and `..`: "../../x" or "/etc/x" must not leave the chosen directory;
//   - control characters (NUL, newlines) and bidirectional overrides: U+202E turns "x‮fdp.exe" into a name
//     that *displays* as "xexe.pdf";
//   - characters Windows refuses (<>:"|?*) and the alternate-data-stream colon ("x.pdf:evil");
//   - Windows device names (CON, NUL, COM1, LPT1 … with or without an extension) that open a device, not a file;
//   - trailing dots and spaces, which Windows silently strips, and leading dots (hidden on Unix);
//   - length: 255 bytes is the common file-name limit (ext4, APFS); CJK takes 3 bytes a character in UTF-8.

/** Bytes kept for a whole name; below 255 so an editor's "~" or ".tmp" sibling still fits. */
export const MAX_FILE_NAME_BYTES = 200;

const CONTROL = /[\u0000-\u001f\u007f-\u009f]/g;
/** Bidirectional embeddings, overrides and isolates, plus zero-width characters that hide letters. */
const INVISIBLE = /[\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const WINDOWS_RESERVED_CHARS = /[<>:"/\\|?*]/g;
const WINDOWS_DEVICE = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])$/i;

const utf8Length = (s: string) => new TextEncoder().encode(s).length;

/** Cuts to at most `maxBytes` UTF-8 bytes without splitting a character (surrogate pairs included). */
function truncateBytes(s: string, maxBytes: number): string {
  let out = '';
  for (const ch of s) {
    if (utf8Length(out + ch) > maxBytes) break;
    out += ch;
  }
  return out;
}

function cleanPart(s: string): string {
  return s
    .normalize('NFC')
    .replace(CONTROL, '')
    .replace(INVISIBLE, '')
    .replace(WINDOWS_RESERVED_CHARS, '_')
    .replace(/\.{2,}/g, '.') // no ".." anywhere, even inside a name: it reads as a path to people and tools
    .replace(/\s+/g, ' ');
}

/** Leading dots/spaces (hidden files, "." and "..") and trailing dots/spaces (Windows drops them) go. */
const trimEnds = (s: string) => s.replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');

/**
 * `name` made safe as a single file name (never a path). The last extension is kept intact when it is a
 * short run of letters and digits, so truncation shortens the stem, not ".xlsx". A result without a
 * single letter or digit becomes `fallback` (which is itself cleaned).
 */
export function safeFileName(name: string, fallback = 'file'): string {
  const cleaned = trimEnds(cleanPart(name));
  const dot = cleaned.lastIndexOf('.');
  const ext = dot > 0 && /^\.[A-Za-z0-9]{1,10}$/.test(cleaned.slice(dot)) ? cleaned.slice(dot) : '';
  let stem = trimEnds(ext ? cleaned.slice(0, dot) : cleaned);
  // Nothing readable left (e.g. "../.." became "_"): the fallback says more than a row of underscores.
  if (!/[\p{L}\p{N}]/u.test(stem)) return fallback === 'file' ? 'file' : safeFileName(fallback, 'file');
  // "CON.csv" and "con .txt" open the console device on Windows: the part before the first dot decides.
  if (WINDOWS_DEVICE.test(stem.split('.')[0]!.trim())) stem = `_${stem}`;
  stem = trimEnds(truncateBytes(stem, MAX_FILE_NAME_BYTES - utf8Length(ext))) || '_';
  return stem + ext;
}
