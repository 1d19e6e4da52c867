// CSV files come from Excel on Chinese Windows as GBK (code page 936), from everything else as UTF-8,
// sometimes with a BOM. We decide by the bytes: a BOM wins; otherwise valid UTF-8 is UTF-8; otherwise
// GB18030 (a superset of GBK, so every GBK file decodes the same).
export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export function detectEncoding(bytes: Uint8Array): { encoding: TextEncodingName; bomLength: number } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', bomLength: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return { encoding: 'utf-8', bomLength: 0 };
  } catch {
    return { encoding: 'gb18030', bomLength: 0 };
  }
}

export function decodeText(bytes: Uint8Array): { text: string; encoding: TextEncodingName } {
  // Valid UTF-8 without a BOM is decoded once (the strict decode that detects it is the text).
  if (!(bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && !(bytes[0] === 0xfe && bytes[1] === 0xff)) {
    try {
      return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
    } catch {
      return { text: new TextDecoder('gb18030').decode(bytes), encoding: 'gb18030' };
    }
  }
  const { encoding, bomLength } = detectEncoding(bytes);
  return { text: new TextDecoder(encoding).decode(bytes.subarray(bomLength)), encoding };
}
