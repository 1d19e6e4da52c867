// Signed exchange files: a round trip verifies; any single changed byte anywhere in the file, a different
// signer key, or another kind's signature is refused; the fingerprint reads as six groups of five digits.
import crypto from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fingerprintDigits, parseEnvelope } from '../../../../shared/exchange/envelope';
import { keyFingerprint, signEnvelope, verifyEnvelope } from '../../../../electron/services/exchange/signing';
import { identityCard, loadOrCreateIdentity, readIdentityCard, type KeyStore } from '../../../../electron/services/exchange/identity';

const memoryStore = (): KeyStore & { pem: Buffer | null } => {
  const s = { pem: null as Buffer | null, read: () => s.pem, write: (pem: Buffer) => void (s.pem = pem) };
  return s;
};
const sheet = Buffer.from(JSON.stringify({ round: 'r-1', member: '王评审', scores: [{ application: 'a', criterion: 'strength', value: 88.5 }], note: '杭州' }));

describe('signed exchange envelopes', () => {
  const chair = loadOrCreateIdentity(memoryStore());
  const file = Buffer.from(signEnvelope('score-sheet', sheet, chair.privateKey));

  it('verifies the exact payload bytes and names the signer by fingerprint', () => {
    const verified = verifyEnvelope(file, 'score-sheet');
    expect(verified.ok).toBe(true);
    if (!verified.ok) return;
    expect(verified.value.payload.equals(sheet)).toBe(true);
    expect(verified.value.signer).toBe(chair.publicKey);
    expect(verified.value.fingerprint).toBe(chair.fingerprint);
    expect(verified.value.sha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses every single-byte change at any position (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: file.length - 1 }), fc.integer({ min: 1, max: 255 }), (position, xor) => {
        const changed = Buffer.from(file);
        changed[position] = changed[position]! ^ xor;
        expect(verifyEnvelope(changed, 'score-sheet').ok).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('refuses every other value at every position, exhaustively (padding and unused base64 bits included)', () => {
    for (let position = 0; position < file.length; position++) {
      for (let xor = 1; xor < 256; xor++) {
        const changed = Buffer.from(file);
        changed[position] = changed[position]! ^ xor;
        if (verifyEnvelope(changed, 'score-sheet').ok) expect.fail(`byte ${position} ^ ${xor} verified`);
      }
    }
  });

  it('refuses a re-signed payload under another key only by its fingerprint, and another kind outright', () => {
    const stranger = loadOrCreateIdentity(memoryStore());
    const forged = verifyEnvelope(Buffer.from(signEnvelope('score-sheet', sheet, stranger.privateKey)), 'score-sheet');
    expect(forged.ok && forged.value.fingerprint).not.toBe(chair.fingerprint); // valid signature, wrong person: the caller compares keys
    expect(verifyEnvelope(file, 'round-package')).toEqual({ ok: false, problem: 'wrongKind' });
    // The signature is domain-separated: the same payload and signature relabelled as another kind fail.
    const relabelled = file.toString('utf8').replace('review-desk/score-sheet', 'review-desk/round-package');
    expect(verifyEnvelope(Buffer.from(relabelled), 'round-package')).toEqual({ ok: false, problem: 'badSignature' });
  });

  it('refuses a non-canonical envelope even when the JSON means the same', () => {
    const spaced = JSON.stringify(JSON.parse(file.toString('utf8')), null, 1) + '\n';
    expect(parseEnvelope(spaced, 'score-sheet')).toEqual({ ok: false, problem: 'notCanonical' });
    expect(verifyEnvelope(Buffer.from([0xff, 0xfe]), 'score-sheet')).toEqual({ ok: false, problem: 'notUtf8' });
  });

  it('reads fingerprints as 6 × 5 digits that depend on every group of the key hash', () => {
    expect(chair.fingerprint).toMatch(/^\d{5}( \d{5}){5}$/);
    expect(keyFingerprint(chair.publicKey)).toBe(chair.fingerprint);
    const hash = new Uint8Array(32);
    expect(fingerprintDigits(hash)).toBe('00000 00000 00000 00000 00000 00000');
    hash[29] = 1;
    expect(fingerprintDigits(hash)).toBe('00000 00000 00000 00000 00000 00001');
  });

  it('keeps one identity per store and proves key possession on the identity card', () => {
    const store = memoryStore();
    const first = loadOrCreateIdentity(store);
    expect(loadOrCreateIdentity(store).publicKey).toBe(first.publicKey);
    const card = readIdentityCard(Buffer.from(identityCard(first, '李委员', '2026-12-06T00:00:00.000Z')));
    expect(card).toEqual({ ok: true, name: '李委员', publicKey: first.publicKey, fingerprint: first.fingerprint });
  });

  it('uses a real Ed25519 key (node:crypto agrees)', () => {
    expect(chair.privateKey.asymmetricKeyType).toBe('ed25519');
    expect(crypto.createPublicKey(chair.privateKey).asymmetricKeyType).toBe('ed25519');
  });
});
