// The name of the temp copy the desktop app hands to the system viewer (host.openAttachment).
// The operating system picks the program by extension, so the extension must come from the type the
// bytes were checked to be, never from the user's file name: "x.pdf.hta" starts with %PDF- and passes the
// magic-byte check, but named as given it would be run by mshta.exe on Windows. The user's name only
// supplies a readable stem, with every dot flattened so no second extension survives.
import { extensionForMime } from '../services/attachments/file-types';
import { safeFileName } from './safe-file-name';

/** Shown when the user's name leaves nothing readable (e.g. "..." or only control characters). */
const FALLBACK_STEM = '附件';

/** Extensions the user may have given that mean the same checked type (kept out of the stem). */
const SAME_TYPE_EXTENSIONS: Readonly<Record<string, readonly string[]>> = { '.jpg': ['.jpg', '.jpeg', '.jpe'] };

/**
 * `<readable stem><extension of verifiedMime>`, or null when the checked type has no known extension
 * (then nothing may be opened). "营业执照.pdf" + application/pdf → "营业执照.pdf";
 * "x.pdf.hta" + application/pdf → "x_pdf_hta.pdf".
 */
export function attachmentTempName(userFileName: string, verifiedMime: string): string | null {
  const ext = extensionForMime(verifiedMime);
  if (!ext) return null;
  // Only the last path segment counts, whichever separator the uploading system used.
  let stem = userFileName.split(/[/\\]/).pop() ?? '';
  const lower = stem.toLowerCase();
  const same = (SAME_TYPE_EXTENSIONS[ext] ?? [ext]).find((e) => lower.endsWith(e));
  if (same) stem = stem.slice(0, -same.length);
  // Leading dots only mark hidden files on Unix; they are dropped rather than flattened.
  stem = stem.replace(/^[.\s]+/, '');
  // Every remaining dot becomes "_", so the checked extension is the only one the name has.
  const flat = safeFileName(stem.replace(/\./g, '_'), FALLBACK_STEM).replace(/\./g, '_');
  return safeFileName(`${flat}${ext}`, `${FALLBACK_STEM}${ext}`);
}
