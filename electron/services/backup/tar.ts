// A minimal POSIX ustar reader and writer for the move-to-a-new-laptop archive: regular files only, read and
// written in 64 KiB chunks (an archive may hold gigabytes of attachments), sha256 computed on the way. The
// format is plain ustar so any tar tool (tar, 7-Zip, bsdtar) can open the archive and inspect it; no new
// dependency for a format this small. Checked on reading: header checksums, magic, sizes within the file,
// member names (no absolute paths, no "..": an archive must not write outside its target).
import crypto from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../../backend/app-error';

const BLOCK = 512;
const CHUNK = 64 * 1024;
const MAX_SIZE = 0o77777777777; // 11 octal digits: 8 GiB - 1 per member

export interface TarSource {
  name: string;
  /** Either a file to stream in or bytes in memory. */
  file?: string;
  data?: Uint8Array;
}

export interface TarEntry {
  name: string;
  size: number;
  /** Where the member's bytes start in the archive. */
  offset: number;
}

export type TarProgress = (doneBytes: number, totalBytes: number) => void;

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

function header(name: string, size: number, mtime: Date): Buffer {
  if (size > MAX_SIZE) throw new AppError('TOO_LARGE', `文件 ${name} 超过 8 GB，无法写入归档`);
  const h = Buffer.alloc(BLOCK);
  let prefix = '';
  let base = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    if (cut <= 0 || Buffer.byteLength(name.slice(cut + 1)) > 100) throw new AppError('INTERNAL', `归档成员名过长：${name}`);
    prefix = name.slice(0, cut);
    base = name.slice(cut + 1);
  }
  h.write(base, 0, 100, 'utf8');
  h.write(octal(0o644, 8), 100, 'ascii');
  h.write(octal(0, 8), 108, 'ascii');
  h.write(octal(0, 8), 116, 'ascii');
  h.write(octal(size, 12), 124, 'ascii');
  h.write(octal(Math.floor(mtime.getTime() / 1000), 12), 136, 'ascii');
  h.write('        ', 148, 'ascii');
  h.write('0', 156, 'ascii');
  h.write('ustar\0', 257, 'ascii');
  h.write('00', 263, 'ascii');
  h.write(prefix, 345, 155, 'utf8');
  h.write(octal(checksum(h), 7) + ' ', 148, 'ascii');
  return h;
}

function checksum(h: Buffer): number {
  let sum = 0;
  for (let i = 0; i < BLOCK; i++) sum += i >= 148 && i < 156 ? 0x20 : h[i]!;
  return sum;
}

/** Writes the members in order; returns each member's sha256 (hex), computed from the bytes written. */
export function writeTar(target: string, members: readonly TarSource[], mtime: Date, onProgress?: TarProgress): Map<string, string> {
  const sizes = members.map((m) => (m.data ? m.data.byteLength : fs.statSync(m.file!).size));
  const total = sizes.reduce((a, b) => a + b, 0);
  const hashes = new Map<string, string>();
  const fd = fs.openSync(target, 'w');
  let done = 0;
  try {
    members.forEach((member, i) => {
      const size = sizes[i]!;
      fs.writeSync(fd, header(member.name, size, mtime));
      const hash = crypto.createHash('sha256');
      if (member.data) {
        hash.update(member.data);
        fs.writeSync(fd, member.data);
      } else {
        const input = fs.openSync(member.file!, 'r');
        try {
          const buf = Buffer.alloc(CHUNK);
          let left = size;
          while (left > 0) {
            const n = fs.readSync(input, buf, 0, Math.min(CHUNK, left), null);
            if (n === 0) throw new AppError('INTERNAL', `写入归档时文件 ${member.name} 变短了`);
            hash.update(buf.subarray(0, n));
            fs.writeSync(fd, buf, 0, n);
            left -= n;
            done += n;
            onProgress?.(done, total);
          }
        } finally {
          fs.closeSync(input);
        }
      }
      if (member.data) onProgress?.((done += size), total);
      const pad = (BLOCK - (size % BLOCK)) % BLOCK;
      if (pad) fs.writeSync(fd, Buffer.alloc(pad));
      hashes.set(member.name, hash.digest('hex'));
    });
    fs.writeSync(fd, Buffer.alloc(BLOCK * 2));
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
  return hashes;
}

const bad = (detail: string) => new AppError('BAD_FILE', `归档文件无效：${detail}`);

function readField(h: Buffer, start: number, length: number): string {
  const raw = h.subarray(start, start + length);
  const end = raw.indexOf(0);
  return raw.subarray(0, end === -1 ? length : end).toString('utf8');
}

function readOctal(h: Buffer, start: number, length: number, what: string): number {
  const text = readField(h, start, length).trim();
  if (!/^[0-7]+$/.test(text)) throw bad(`第 ${what} 个成员的头部数字无效`);
  return parseInt(text, 8);
}

/** The members of a tar file, headers checked; nothing is extracted. */
export function readTarIndex(file: string): TarEntry[] {
  const fileSize = fs.statSync(file).size;
  const fd = fs.openSync(file, 'r');
  const entries: TarEntry[] = [];
  const names = new Set<string>();
  try {
    const h = Buffer.alloc(BLOCK);
    let pos = 0;
    for (;;) {
      if (pos + BLOCK > fileSize) throw bad('文件不完整（缺少结束标记）');
      fs.readSync(fd, h, 0, BLOCK, pos);
      if (h.every((b) => b === 0)) break;
      const index = String(entries.length + 1);
      if (readField(h, 257, 6) !== 'ustar') throw bad(`第 ${index} 个成员不是 ustar 格式`);
      if (readOctal(h, 148, 8, index) !== checksum(h)) throw bad(`第 ${index} 个成员的头部校验和不符`);
      const prefix = readField(h, 345, 155);
      const name = (prefix ? `${prefix}/` : '') + readField(h, 0, 100);
      const size = readOctal(h, 124, 12, index);
      const type = String.fromCharCode(h[156]!);
      pos += BLOCK;
      if (type === '5') continue; // a directory entry written by another tool: nothing to extract
      if (type !== '0' && type !== '\0') throw bad(`成员 ${name} 不是普通文件`);
      if (!name || name.startsWith('/') || /^[A-Za-z]:/.test(name) || name.split(/[\\/]/).includes('..')) throw bad(`成员名 ${name} 不安全`);
      if (names.has(name)) throw bad(`成员 ${name} 出现了两次`);
      if (pos + size > fileSize) throw bad(`成员 ${name} 不完整`);
      names.add(name);
      entries.push({ name, size, offset: pos });
      pos += size + ((BLOCK - (size % BLOCK)) % BLOCK);
    }
  } finally {
    fs.closeSync(fd);
  }
  return entries;
}

/** Reads one member into memory (for small members such as the manifest). */
export function readMember(file: string, entry: TarEntry, maxBytes: number): Buffer {
  if (entry.size > maxBytes) throw bad(`成员 ${entry.name} 过大`);
  const buf = Buffer.alloc(entry.size);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, buf, 0, entry.size, entry.offset);
  } finally {
    fs.closeSync(fd);
  }
  return buf;
}

/**
 * Copies one member to `dest`, hashing on the way; when the sha256 differs from `expected` the copy is
 * removed and the member is named in the refusal.
 */
export function extractMember(file: string, entry: TarEntry, dest: string, expected: string, onBytes?: (n: number) => void): void {
  const fd = fs.openSync(file, 'r');
  const out = fs.openSync(dest, 'w');
  const hash = crypto.createHash('sha256');
  try {
    const buf = Buffer.alloc(CHUNK);
    let pos = entry.offset;
    let left = entry.size;
    while (left > 0) {
      const n = fs.readSync(fd, buf, 0, Math.min(CHUNK, left), pos);
      if (n === 0) throw bad(`成员 ${entry.name} 不完整`);
      hash.update(buf.subarray(0, n));
      fs.writeSync(out, buf, 0, n);
      pos += n;
      left -= n;
      onBytes?.(n);
    }
    fs.fsyncSync(out);
  } finally {
    fs.closeSync(fd);
    fs.closeSync(out);
  }
  const actual = hash.digest('hex');
  if (actual !== expected) {
    fs.rmSync(dest, { force: true });
    throw new AppError('BAD_FILE', `归档中的 ${entry.name} 已损坏或被改动（sha256 不符），已拒绝导入`);
  }
}
