// The signed file format for what travels between committee laptops (评审包, 评分表, 结果包, 身份卡):
// one UTF-8 JSON file, readable by any tool, whose payload is carried as base64 of its exact bytes.
//
//   {"format":"review-desk/score-sheet","version":1,"payload":"<base64>","signer":"<base64 Ed25519 public key>","signature":"<base64>"}\n
//
// Why this shape (docs/exchange.md): the signature covers the payload's exact bytes, so the verifier never
// re-serialises anything before checking it; and the envelope itself must be byte-for-byte canonical (the
// serialisation below, one trailing newline), so no byte of the file — not a space, not a base64 padding
// character that a lenient decoder would ignore — can change without the file being refused.
// The signed message is domain-separated: "review-desk/<kind>/v<version>\n" + payload bytes, so a score
// sheet's signature can never be replayed as a round package's.
import { z } from 'zod';

export const EXCHANGE_KINDS = ['round-package', 'score-sheet', 'result-package', 'identity'] as const;
export type ExchangeKind = (typeof EXCHANGE_KINDS)[number];
export const EXCHANGE_VERSION = 1;
/** Round packages may carry attachments; 200 MB keeps one e-mailable or USB-sized file sane. */
export const MAX_EXCHANGE_BYTES = 200 * 1024 * 1024;

const STRICT_BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export interface Envelope {
  format: `review-desk/${ExchangeKind}`;
  version: number;
  payload: string; // base64 of the payload bytes
  signer: string; // base64 of the raw 32-byte Ed25519 public key
  signature: string; // base64 of the 64-byte signature
}

const envelopeSchema = z
  .object({
    format: z.enum(EXCHANGE_KINDS.map((k) => `review-desk/${k}` as const) as [`review-desk/${ExchangeKind}`, ...`review-desk/${ExchangeKind}`[]]),
    version: z.number().int(),
    payload: z.string().max(Math.ceil(MAX_EXCHANGE_BYTES / 3) * 4 + 4).regex(STRICT_BASE64),
    // Exactly 32 and 64 bytes: without the padding a 44-character key decodes to 33 bytes, and node:crypto
    // ignores trailing DER bytes — a changed '=' would then verify.
    signer: z.string().regex(/^[A-Za-z0-9+/]{43}=$/),
    signature: z.string().regex(/^[A-Za-z0-9+/]{86}==$/),
  })
  .strict();

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
/** True when the unused bits before '=' padding are zero (STRICT_BASE64 has already checked the alphabet). */
function canonicalBase64(s: string): boolean {
  if (s.endsWith('==')) return (B64.indexOf(s[s.length - 3]!) & 0x0f) === 0;
  if (s.endsWith('=')) return (B64.indexOf(s[s.length - 2]!) & 0x03) === 0;
  return true;
}

/** The one serialisation of an envelope: fixed key order, no spaces, one trailing newline. */
export function serializeEnvelope(e: Envelope): string {
  return JSON.stringify({ format: e.format, version: e.version, payload: e.payload, signer: e.signer, signature: e.signature }) + '\n';
}

export function signedMessagePrefix(kind: ExchangeKind, version: number): string {
  return `review-desk/${kind}/v${version}\n`;
}

export type EnvelopeProblem = 'notJson' | 'notEnvelope' | 'wrongKind' | 'unsupportedVersion' | 'notCanonical';

/**
 * Parses a file's text as an envelope of `kind`; refuses anything that is not exactly the canonical
 * serialisation. Signature checking is the caller's (it needs crypto, which shared/ has not).
 */
export function parseEnvelope(text: string, kind: ExchangeKind): { ok: true; envelope: Envelope } | { ok: false; problem: EnvelopeProblem } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, problem: 'notJson' };
  }
  const parsed = envelopeSchema.safeParse(raw);
  if (!parsed.success) return { ok: false, problem: 'notEnvelope' };
  const envelope = parsed.data as Envelope;
  if (envelope.format !== `review-desk/${kind}`) return { ok: false, problem: 'wrongKind' };
  if (envelope.version !== EXCHANGE_VERSION) return { ok: false, problem: 'unsupportedVersion' };
  if (serializeEnvelope(envelope) !== text) return { ok: false, problem: 'notCanonical' };
  // Base64 padding leaves unused low bits in the last character; a lenient decoder ignores them, so a
  // changed bit there would not change the bytes. Only the canonical encoding (those bits zero) is accepted.
  if (![envelope.payload, envelope.signer, envelope.signature].every(canonicalBase64)) return { ok: false, problem: 'notCanonical' };
  return { ok: true, envelope };
}

/**
 * A fingerprint to read aloud, like a safety number: 30 digits in six groups of five, from the SHA-256 of
 * the public key (the caller hashes; shared/ has no crypto). Each group is 5 bytes as a big-endian
 * integer mod 100000, so every digit depends on the key.
 */
export function fingerprintDigits(sha256OfKey: Uint8Array): string {
  const groups: string[] = [];
  for (let g = 0; g < 6; g++) {
    let n = 0;
    for (let i = 0; i < 5; i++) n = (n * 256 + sha256OfKey[g * 5 + i]!) % 100000;
    groups.push(String(n).padStart(5, '0'));
  }
  return groups.join(' ');
}
