// The ustar reader/writer of the move-to-a-new-laptop archive: round trip, readable by the system tar,
// and tampering refused with the member named.
import crypto from 'node:crypto';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { extractMember, readTarIndex, writeTar } from '../../../../electron/services/backup/tar';
import { tempDir } from '../../../support/service-context';

const sha = (b: Uint8Array) => crypto.createHash('sha256').update(b).digest('hex');

function sample(dir: string) {
  const big = crypto.randomBytes(200_000 + 17); // several 64 KiB chunks, not a multiple of 512
  const bigFile = path.join(dir, 'big.bin');
  fs.writeFileSync(bigFile, big);
  const small = Buffer.from('{"hello":"评审台"}');
  const longName = `attachments/${'a'.repeat(64)}/${'b'.repeat(60)}`; // > 100 bytes: uses the ustar prefix
  return { big, bigFile, small, longName };
}

describe('tar', () => {
  it('round-trips members (streamed files, bytes, long names) and reports their sha256', () => {
    const dir = tempDir();
    const { big, bigFile, small, longName } = sample(dir);
    const file = path.join(dir, 'a.tar');
    const progress: number[] = [];
    const hashes = writeTar(file, [{ name: 'big.bin', file: bigFile }, { name: longName, data: small }, { name: 'empty', data: new Uint8Array() }], new Date('2026-12-06T00:00:00Z'), (d) => progress.push(d));
    expect(hashes.get('big.bin')).toBe(sha(big));
    expect(hashes.get(longName)).toBe(sha(small));
    expect(progress.at(-1)).toBe(big.length + small.length);
    expect(fs.statSync(file).size % 512).toBe(0);

    const entries = readTarIndex(file);
    expect(entries.map((e) => [e.name, e.size])).toEqual([['big.bin', big.length], [longName, small.length], ['empty', 0]]);
    const out = path.join(dir, 'out.bin');
    extractMember(file, entries[0]!, out, sha(big));
    expect(fs.readFileSync(out).equals(big)).toBe(true);
  });

  it('is a plain ustar file: the system tar lists and extracts it byte for byte', () => {
    const dir = tempDir();
    const { big, bigFile, small, longName } = sample(dir);
    const file = path.join(dir, 'a.tar');
    writeTar(file, [{ name: 'big.bin', file: bigFile }, { name: longName, data: small }], new Date());
    expect(execFileSync('tar', ['-tf', file], { encoding: 'utf8' }).trim().split('\n')).toEqual(['big.bin', longName]);
    const x = path.join(dir, 'x');
    fs.mkdirSync(x);
    execFileSync('tar', ['-xf', file, '-C', x]);
    expect(fs.readFileSync(path.join(x, 'big.bin')).equals(big)).toBe(true);
    expect(fs.readFileSync(path.join(x, longName)).equals(small)).toBe(true);
  });

  it('reads an archive written by the system tar', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'src', 'attachments'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'src', 'attachments', 'x'), 'hello');
    const file = path.join(dir, 'sys.tar');
    execFileSync('tar', ['--format=ustar', '-cf', file, '-C', path.join(dir, 'src'), 'attachments']);
    expect(readTarIndex(file).map((e) => e.name)).toEqual(['attachments/x']); // the directory entry is skipped
  });

  it('refuses a flipped byte in a member, naming it, and leaves no partial copy', () => {
    const dir = tempDir();
    const { big, bigFile } = sample(dir);
    const file = path.join(dir, 'a.tar');
    writeTar(file, [{ name: 'review-desk.sqlite', file: bigFile }], new Date());
    const [entry] = readTarIndex(file);
    const bytes = fs.readFileSync(file);
    bytes[entry!.offset + 1000]! ^= 0x01;
    fs.writeFileSync(file, bytes);
    const out = path.join(dir, 'out.bin');
    expect(() => extractMember(file, entry!, out, sha(big))).toThrow(/review-desk\.sqlite.*sha256 不符/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('refuses a damaged header, a truncated file and unsafe names', () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.tar');
    writeTar(file, [{ name: 'm', data: Buffer.from('x') }], new Date());
    const bytes = fs.readFileSync(file);
    const flipped = Buffer.from(bytes);
    flipped[0] = 'n'.charCodeAt(0); // name changed, checksum not
    fs.writeFileSync(file, flipped);
    expect(() => readTarIndex(file)).toThrow(/校验和/);
    fs.writeFileSync(file, bytes.subarray(0, 512));
    expect(() => readTarIndex(file)).toThrow(/不完整/);
    writeTar(file, [{ name: '../evil', data: Buffer.from('x') }], new Date());
    expect(() => readTarIndex(file)).toThrow(/不安全/);
    fs.writeFileSync(file, Buffer.alloc(2048, 7));
    expect(() => readTarIndex(file)).toThrow(/ustar/);
  });
});
