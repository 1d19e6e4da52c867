// Ed25519 signing and verification of exchange envelopes (shared/exchange/envelope.ts) with node:crypto.
// Keys travel as raw 32-byte public keys (base64); node:crypto wants SPKI, so the fixed 12-byte DER prefix
// for an Ed25519 SubjectPublicKeyInfo is prepended (RFC 8410 §4).
import crypto from 'node:crypto';
import { EXCHANGE_VERSION, fingerprintDigits, parseEnvelope, serializeEnvelope, signedMessagePrefix, type Envelope, type EnvelopeProblem, type ExchangeKind } from '../../../shared/exchange/envelope';

const SPKI_ED25519_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');

export function publicKeyFromRaw(rawBase64: string): crypto.KeyObject {
  return crypto.createPublicKey({ key: Buffer.concat([SPKI_ED25519_PREFIX, Buffer.from(rawBase64, 'base64')]), format: 'der', type: 'spki' });
}

export function rawPublicKey(key: crypto.KeyObject): string {
  const der = key.export({ format: 'der', type: 'spki' });
  return der.subarray(SPKI_ED25519_PREFIX.length).toString('base64');
}

export function keyFingerprint(rawBase64: string): string {
  return fingerprintDigits(crypto.createHash('sha256').update(Buffer.from(rawBase64, 'base64')).digest());
}

const message = (kind: ExchangeKind, payload: Buffer) => Buffer.concat([Buffer.from(signedMessagePrefix(kind, EXCHANGE_VERSION)), payload]);

/** Signs the payload's exact bytes and returns the file's text. */
export function signEnvelope(kind: ExchangeKind, payload: Buffer, privateKey: crypto.KeyObject): string {
  const signer = rawPublicKey(crypto.createPublicKey(privateKey));
  const signature = crypto.sign(null, message(kind, payload), privateKey).toString('base64');
  const envelope: Envelope = { format: `review-desk/${kind}`, version: EXCHANGE_VERSION, payload: payload.toString('base64'), signer, signature };
  return serializeEnvelope(envelope);
}

export type VerifyProblem = EnvelopeProblem | 'badSignature' | 'notUtf8';

export interface Verified {
  payload: Buffer; // the exact bytes that were signed
  signer: string; // raw public key, base64
  fingerprint: string;
  sha256: string; // of the whole file, to bind replies (a sheet names the package it answers)
}

/** Verifies a file's bytes; the payload returned is exactly what the signer signed. */
export function verifyEnvelope(bytes: Uint8Array, kind: ExchangeKind): { ok: true; value: Verified } | { ok: false; problem: VerifyProblem } {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { ok: false, problem: 'notUtf8' };
  }
  const parsed = parseEnvelope(text, kind);
  if (!parsed.ok) return parsed;
  const { envelope } = parsed;
  const payload = Buffer.from(envelope.payload, 'base64');
  let valid = false;
  try {
    valid = crypto.verify(null, message(kind, payload), publicKeyFromRaw(envelope.signer), Buffer.from(envelope.signature, 'base64'));
  } catch {
    valid = false; // a malformed key is a bad signature, not a crash
  }
  if (!valid) return { ok: false, problem: 'badSignature' };
  return { ok: true, value: { payload, signer: envelope.signer, fingerprint: keyFingerprint(envelope.signer), sha256: crypto.createHash('sha256').update(bytes).digest('hex') } };
}
