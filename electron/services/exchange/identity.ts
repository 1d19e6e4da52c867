// This installation's signing identity (issue: 评委各自的笔记本): one Ed25519 key pair per data directory,
// created on first use. The private key is a PKCS#8 PEM file readable by this OS user only (0600) — the
// browser-mode store. In the desktop app the same bytes are to be wrapped with Electron's safeStorage
// before they touch the disk (the store is an interface for that reason; docs/exchange.md).
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { keyFingerprint, rawPublicKey, signEnvelope, verifyEnvelope, type VerifyProblem } from './signing';

export interface KeyStore {
  read(): Buffer | null;
  write(pem: Buffer): void;
}

export function fileKeyStore(dataDir: string): KeyStore {
  const file = path.join(dataDir, 'identity', 'ed25519-private.pem');
  return {
    read: () => (fs.existsSync(file) ? fs.readFileSync(file) : null),
    write(pem) {
      fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
      // Written to a temp name first: a crash mid-write must not leave a half key that replaces nothing.
      const temp = `${file}.${process.pid}.tmp`;
      fs.writeFileSync(temp, pem, { mode: 0o600 });
      fs.renameSync(temp, file);
    },
  };
}

export interface Identity {
  privateKey: crypto.KeyObject;
  publicKey: string; // raw, base64
  fingerprint: string; // six groups of five digits
}

export function loadOrCreateIdentity(store: KeyStore): Identity {
  let pem = store.read();
  if (pem === null) {
    const { privateKey } = crypto.generateKeyPairSync('ed25519');
    pem = Buffer.from(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
    store.write(pem);
  }
  const privateKey = crypto.createPrivateKey(pem);
  const publicKey = rawPublicKey(crypto.createPublicKey(privateKey));
  return { privateKey, publicKey, fingerprint: keyFingerprint(publicKey) };
}

/** 身份卡: the member's name and public key, signed by that key (proof that the sender holds it). */
export function identityCard(identity: Identity, name: string, createdAt: string): string {
  return signEnvelope('identity', Buffer.from(JSON.stringify({ name, createdAt })), identity.privateKey);
}

export function readIdentityCard(bytes: Uint8Array): { ok: true; name: string; publicKey: string; fingerprint: string } | { ok: false; problem: VerifyProblem | 'badPayload' } {
  const verified = verifyEnvelope(bytes, 'identity');
  if (!verified.ok) return verified;
  try {
    const body = JSON.parse(verified.value.payload.toString('utf8')) as { name?: unknown };
    if (typeof body.name !== 'string' || body.name.trim() === '' || body.name.length > 40) return { ok: false, problem: 'badPayload' };
    return { ok: true, name: body.name, publicKey: verified.value.signer, fingerprint: verified.value.fingerprint };
  } catch {
    return { ok: false, problem: 'badPayload' };
  }
}
