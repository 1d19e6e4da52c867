// This installation's signing identity (issue: 评委各自的笔记本): one Ed25519 key pair per data directory,
// created on first use. Two stores (docs/exchange.md, "How the private key is kept"):
//  - browser mode: a PKCS#8 PEM file readable by this OS user only (0600);
//  - desktop app: the same PEM sealed with Electron's safeStorage (OS keychain / DPAPI / libsecret). The data
//    worker cannot call safeStorage (it is a main-process API), so main unseals — or creates and seals — the
//    key at start and hands the PEM to the worker in workerData; the worker keeps it in memory only.
// The cipher is injected, so all of this is tested without Electron.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../backend/app-error';
import { keyFingerprint, rawPublicKey, signEnvelope, verifyEnvelope, type VerifyProblem } from './signing';

export interface KeyStore {
  read(): Buffer | null;
  write(pem: Buffer): void;
}

const plainFile = (dataDir: string) => path.join(dataDir, 'identity', 'ed25519-private.pem');
const sealedFile = (dataDir: string) => path.join(dataDir, 'identity', 'ed25519-private.pem.sealed');

function writeAtomically(file: string, bytes: Buffer): void {
  fs.mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  // Written to a temp name first: a crash mid-write must not leave a half key that replaces nothing.
  const temp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temp, bytes, { mode: 0o600 });
  fs.renameSync(temp, file);
}

export function fileKeyStore(dataDir: string): KeyStore {
  const file = plainFile(dataDir);
  return {
    read() {
      if (fs.existsSync(file)) return fs.readFileSync(file);
      // Browser mode shares the data directory with the desktop app. A key the desktop app sealed cannot be
      // read here; creating a new one would silently change this laptop's identity (the chair's pinned key,
      // the member key the chair registered). Refuse instead.
      if (fs.existsSync(sealedFile(dataDir))) throw new AppError('CONFLICT', '本机的签名密钥由桌面版用系统钥匙串加密保存，浏览器模式无法读取。请用桌面版导出或导入评审包、评分表与结果包。');
      return null;
    },
    write: (pem) => writeAtomically(file, pem),
  };
}

/** Electron's safeStorage, as the functions this module needs (injected: tests pass a fake). */
export interface SecretCipher {
  isAvailable(): boolean;
  encrypt(plain: Buffer): Buffer;
  decrypt(sealed: Buffer): Buffer;
}

/**
 * The desktop store: the PEM sealed with the OS keychain. A plain key left by browser mode (or an earlier
 * version) is sealed on first read and the plain file removed only after the sealed copy reads back equal.
 */
export function sealedKeyStore(dataDir: string, cipher: SecretCipher): KeyStore {
  const sealed = sealedFile(dataDir);
  const plain = plainFile(dataDir);
  const store: KeyStore = {
    read() {
      if (fs.existsSync(sealed)) {
        try {
          return cipher.decrypt(fs.readFileSync(sealed));
        } catch {
          throw new AppError('CONFLICT', '无法用系统钥匙串解密本机的签名密钥（可能换了系统账户或钥匙串被重置）。评审包与评分表的签名暂不可用；请联系管理员，不要删除 identity 文件夹。');
        }
      }
      if (!fs.existsSync(plain)) return null;
      const pem = fs.readFileSync(plain);
      store.write(pem);
      if (!cipher.decrypt(fs.readFileSync(sealed)).equals(pem)) throw new AppError('INTERNAL', '签名密钥加密保存后读回不一致，已保留原文件');
      fs.rmSync(plain);
      return pem;
    },
    write: (pem) => writeAtomically(sealed, cipher.encrypt(pem)),
  };
  return store;
}

/**
 * Main process, desktop app, at start: the PEM to hand to the data worker, creating and sealing the key on
 * first use. undefined when the OS offers no keychain (safeStorage unavailable): the worker then keeps the
 * 0600 file, as browser mode does.
 */
export function desktopIdentityPem(dataDir: string, cipher: SecretCipher): string | undefined {
  if (!cipher.isAvailable()) return undefined;
  const store = sealedKeyStore(dataDir, cipher);
  let pem = store.read();
  if (pem === null) {
    pem = newPrivateKeyPem();
    store.write(pem);
  }
  return pem.toString('utf8');
}

/** A key handed over in memory (the worker, from workerData): never written by the worker. */
export function memoryKeyStore(pem: string): KeyStore {
  return { read: () => Buffer.from(pem, 'utf8'), write: () => undefined };
}

function newPrivateKeyPem(): Buffer {
  const { privateKey } = crypto.generateKeyPairSync('ed25519');
  return Buffer.from(privateKey.export({ format: 'pem', type: 'pkcs8' }) as string);
}

export interface Identity {
  privateKey: crypto.KeyObject;
  publicKey: string; // raw, base64
  fingerprint: string; // six groups of five digits
}

export function loadOrCreateIdentity(store: KeyStore): Identity {
  let pem = store.read();
  if (pem === null) {
    pem = newPrivateKeyPem();
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
