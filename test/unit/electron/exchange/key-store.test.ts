// How the private key is kept (docs/exchange.md): sealed with an injected cipher standing in for Electron's
// safeStorage, never as plain PEM on disk; a plain key left by browser mode is sealed and removed once it
// reads back; browser mode refuses — rather than replaces — a key it cannot unseal; no keychain → the 0600
// file; the worker's in-memory store gives the same identity as main sealed.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { desktopIdentityPem, fileKeyStore, loadOrCreateIdentity, memoryKeyStore, sealedKeyStore, type SecretCipher } from '../../../../electron/services/exchange/identity';
import { tempDir } from '../../../support/service-context';

/** A reversible stand-in for the OS keychain: xor with a secret, with a marker to detect a wrong key. */
function fakeKeychain(secret = 0x5a, available = true): SecretCipher & { calls: number } {
  const c = {
    calls: 0,
    isAvailable: () => available,
    encrypt: (plain: Buffer) => {
      c.calls++;
      return Buffer.concat([Buffer.from('SEALED'), Buffer.from(plain.map((b) => b ^ secret))]);
    },
    decrypt: (sealed: Buffer) => {
      if (!sealed.subarray(0, 6).equals(Buffer.from('SEALED')) || sealed[6]! !== ('-'.charCodeAt(0) ^ secret)) throw new Error('keychain refused');
      return Buffer.from(sealed.subarray(6).map((b) => b ^ secret));
    },
  };
  return c;
}

const identityDir = (dir: string) => path.join(dir, 'identity');

describe('desktop key store (safeStorage)', () => {
  it('creates the key sealed, never as plain PEM, and gives the worker the same identity every start', () => {
    const dir = tempDir();
    const keychain = fakeKeychain();
    const pem = desktopIdentityPem(dir, keychain)!;
    expect(pem).toContain('BEGIN PRIVATE KEY');
    expect(fs.readdirSync(identityDir(dir))).toEqual(['ed25519-private.pem.sealed']);
    expect(fs.readFileSync(path.join(identityDir(dir), 'ed25519-private.pem.sealed')).toString('latin1')).not.toContain('PRIVATE KEY');
    expect(desktopIdentityPem(dir, keychain)).toBe(pem);
    // The worker, handed the PEM, signs as the same identity.
    expect(loadOrCreateIdentity(memoryKeyStore(pem)).fingerprint).toBe(loadOrCreateIdentity(sealedKeyStore(dir, keychain)).fingerprint);
  });

  it('seals a plain key left by browser mode, keeping the identity, and removes the plain file', () => {
    const dir = tempDir();
    const before = loadOrCreateIdentity(fileKeyStore(dir));
    expect(fs.readdirSync(identityDir(dir))).toEqual(['ed25519-private.pem']);
    const pem = desktopIdentityPem(dir, fakeKeychain())!;
    expect(loadOrCreateIdentity(memoryKeyStore(pem)).fingerprint).toBe(before.fingerprint);
    expect(fs.readdirSync(identityDir(dir))).toEqual(['ed25519-private.pem.sealed']);
  });

  it('browser mode refuses a sealed key instead of creating a new identity', () => {
    const dir = tempDir();
    desktopIdentityPem(dir, fakeKeychain());
    expect(() => loadOrCreateIdentity(fileKeyStore(dir))).toThrow(/浏览器模式无法读取/);
    expect(fs.readdirSync(identityDir(dir))).toEqual(['ed25519-private.pem.sealed']);
  });

  it('refuses with a zh-CN reason when the keychain cannot unseal, and keeps the sealed file', () => {
    const dir = tempDir();
    desktopIdentityPem(dir, fakeKeychain(0x5a));
    expect(() => desktopIdentityPem(dir, fakeKeychain(0x33))).toThrow(/无法用系统钥匙串解密/);
    expect(fs.existsSync(path.join(identityDir(dir), 'ed25519-private.pem.sealed'))).toBe(true);
  });

  it('without a keychain hands nothing over: the worker keeps the 0600 file as in browser mode', () => {
    const dir = tempDir();
    const keychain = fakeKeychain(0x5a, false);
    expect(desktopIdentityPem(dir, keychain)).toBeUndefined();
    expect(keychain.calls).toBe(0);
    loadOrCreateIdentity(fileKeyStore(dir));
    const mode = fs.statSync(path.join(identityDir(dir), 'ed25519-private.pem')).mode & 0o777;
    if (process.platform !== 'win32') expect(mode).toBe(0o600);
  });
});
