// The attachment types the app accepts, decided by the bytes (magic numbers), never by the name the user
// gave the file. No dependencies, so the desktop shell can re-check the bytes it is about to hand to the
// operating system and pick the extension from the checked type (electron/shell/attachment-temp-name.ts).

/** The file type is decided by the bytes, not by the name the user gave it. */
export function sniffMime(bytes: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b);
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'application/pdf'; // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return 'image/webp';
  return null;
}

/**
 * The one extension each sniffable type is opened with. Every type sniffMime can return has an entry
 * (a unit test checks it), so a checked file always gets a harmless viewer extension.
 */
export const EXTENSION_BY_MIME: Readonly<Record<string, string>> = Object.freeze({
  'application/pdf': '.pdf',
  'image/png': '.png',
  'image/jpeg': '.jpg',
  'image/gif': '.gif',
  'image/webp': '.webp',
});

export function extensionForMime(mime: string): string | null {
  return Object.hasOwn(EXTENSION_BY_MIME, mime) ? EXTENSION_BY_MIME[mime]! : null;
}
