// The move-to-a-new-laptop archive (review-desk-<date>.rdarchive): one plain ustar file holding
//   review-desk.sqlite      a verified backup of the database
//   attachments/<sha256>    every attachment file the database refers to (removed ones too: removal is undo-able)
//   manifest.json           format version, created at, schema version, counts, sha256 and size of every member
// The manifest comes last so each member is hashed while it is written, in one pass. Importing checks that
// the manifest and the members match exactly, every sha256 (an attachment's also equals its name), and the
// database's integrity, before anything on this machine changes.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { ServiceContext } from '../context';
import { AppError } from '../../backend/app-error';
import { blobPath } from '../attachments/attachment-service';
import { backupCountsSchema, type BackupPreview } from '../../../shared/api/contract-backup';
import { writeVerifiedBackup } from './backup-files';
import { previewFile } from './backup-preview';
import { extractMember, readMember, readTarIndex, writeTar, type TarSource } from './tar';
import type { Staged } from './staging';
import { verifyStagedDb } from './verify';

export const ARCHIVE_FORMAT = 'review-desk-archive';
export const ARCHIVE_VERSION = 1;
const DB_MEMBER = 'review-desk.sqlite';
const MANIFEST = 'manifest.json';
const SHA = /^[0-9a-f]{64}$/;
/** What the transport can carry back as base64 (MAX_UPLOAD_BYTES of the contract). */
const MAX_RETURN_BYTES = 30 * 1024 * 1024;

const manifestSchema = z.object({
  format: z.literal(ARCHIVE_FORMAT),
  formatVersion: z.literal(ARCHIVE_VERSION),
  createdAt: z.string(),
  schemaVersion: z.number().int(),
  counts: backupCountsSchema,
  members: z.array(z.object({ name: z.string(), size: z.number().int().nonnegative(), sha256: z.string().regex(SHA) })),
});
export type ArchiveManifest = z.infer<typeof manifestSchema>;

const localDate = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

export async function exportArchive(ctx: ServiceContext, folder: string | undefined, jobId?: string) {
  if (folder !== undefined && !isDir(folder)) throw new AppError('NOT_FOUND', `文件夹 ${folder} 不存在或无法访问`);
  const now = ctx.now();
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'review-desk-archive-'));
  try {
    const dbCopy = path.join(work, DB_MEMBER);
    await writeVerifiedBackup(ctx.db, dbCopy);
    const shas = (ctx.db.prepare('SELECT DISTINCT sha256 FROM attachments ORDER BY sha256').all() as { sha256: string }[]).map((r) => r.sha256);
    const present = shas.filter((sha) => SHA.test(sha) && fs.existsSync(blobPath(ctx.dataDir, sha)));
    const members: TarSource[] = [{ name: DB_MEMBER, file: dbCopy }, ...present.map((sha) => ({ name: `attachments/${sha}`, file: blobPath(ctx.dataDir, sha) }))];
    const fileName = `review-desk-${localDate(now)}.rdarchive`;
    const tarFile = path.join(work, fileName);
    const { counts, schemaVersion } = previewFile(dbCopy);
    const sizes = new Map(members.map((m) => [m.name, fs.statSync(m.file!).size]));
    writeTarWithManifest(tarFile, members, now, (hashesSoFar) => ({
      format: ARCHIVE_FORMAT,
      formatVersion: ARCHIVE_VERSION,
      createdAt: now.toISOString(),
      schemaVersion,
      counts,
      members: members.map((m) => ({ name: m.name, size: sizes.get(m.name)!, sha256: hashesSoFar.get(m.name)! })),
    }), (done, total) => ctx.progress(jobId, done, total));
    const size = fs.statSync(tarFile).size;
    let outPath: string | null = null;
    let dataBase64: string | null = null;
    if (folder !== undefined) {
      outPath = freeName(folder, fileName);
      fs.copyFileSync(tarFile, `${outPath}.partial`);
      fs.renameSync(`${outPath}.partial`, outPath);
    } else if (size <= MAX_RETURN_BYTES) {
      dataBase64 = fs.readFileSync(tarFile).toString('base64');
    } else {
      throw new AppError('TOO_LARGE', `归档有 ${Math.ceil(size / 1024 / 1024)} MB，超过浏览器可以下载的 30 MB，请填写一个本机文件夹，把归档直接保存在那里`);
    }
    return { fileName: outPath ? path.basename(outPath) : fileName, path: outPath, dataBase64, counts, attachmentFiles: present.length };
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

/** Members first (hashed on the way), then manifest.json built from those hashes, in one tar. */
function writeTarWithManifest(target: string, members: TarSource[], mtime: Date, manifestOf: (hashes: Map<string, string>) => ArchiveManifest, onProgress: (done: number, total: number) => void): Map<string, string> {
  const body = `${target}.body`;
  const hashes = writeTar(body, members, mtime, onProgress);
  const manifest = Buffer.from(JSON.stringify(manifestOf(hashes), null, 2));
  // writeTar ends with two zero blocks; the manifest member replaces them.
  const endOfMembers = fs.statSync(body).size - 1024;
  fs.truncateSync(body, endOfMembers);
  const tail = `${target}.tail`;
  writeTar(tail, [{ name: MANIFEST, data: manifest }], mtime);
  fs.appendFileSync(body, fs.readFileSync(tail));
  fs.rmSync(tail);
  fs.renameSync(body, target);
  return hashes;
}

function freeName(folder: string, fileName: string): string {
  const ext = path.extname(fileName);
  const base = path.basename(fileName, ext);
  let candidate = path.join(folder, fileName);
  for (let i = 2; fs.existsSync(candidate); i++) candidate = path.join(folder, `${base}-${i}${ext}`);
  return candidate;
}

function isDir(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}

/** Reads and checks an archive into the staging dir; returns the staged entry with its preview. */
export function stageArchive(ctx: ServiceContext, file: string, at: { id: string; dir: string; fileName: string; sizeBytes: number }, jobId?: string): Staged {
  const entries = readTarIndex(file);
  const manifestEntry = entries.find((e) => e.name === MANIFEST);
  if (!manifestEntry) throw new AppError('BAD_FILE', '归档中没有 manifest.json，不是评审台的迁移归档');
  let manifest: ArchiveManifest;
  try {
    manifest = manifestSchema.parse(JSON.parse(readMember(file, manifestEntry, 10 * 1024 * 1024).toString('utf8')));
  } catch {
    throw new AppError('BAD_FILE', '归档的 manifest.json 无法读取或版本不受支持');
  }
  const listed = new Map(manifest.members.map((m) => [m.name, m]));
  for (const entry of entries) {
    if (entry.name === MANIFEST) continue;
    const m = listed.get(entry.name);
    if (!m) throw new AppError('BAD_FILE', `归档中的 ${entry.name} 不在清单中，已拒绝导入`);
    if (m.size !== entry.size) throw new AppError('BAD_FILE', `归档中的 ${entry.name} 大小与清单不符，已拒绝导入`);
  }
  for (const name of listed.keys()) {
    if (!entries.some((e) => e.name === name)) throw new AppError('BAD_FILE', `归档缺少清单中的 ${name}`);
    if (name !== DB_MEMBER && !(name.startsWith('attachments/') && SHA.test(name.slice('attachments/'.length)))) throw new AppError('BAD_FILE', `归档中的 ${name} 不是评审台的文件`);
  }
  if (!listed.has(DB_MEMBER)) throw new AppError('BAD_FILE', `归档中没有数据库 ${DB_MEMBER}`);

  const total = manifest.members.reduce((sum, m) => sum + m.size, 0);
  let done = 0;
  const onBytes = (n: number) => ctx.progress(jobId, (done += n), total);
  const dbFile = path.join(at.dir, 'db.sqlite');
  const attachmentsDir = path.join(at.dir, 'attachments');
  fs.mkdirSync(attachmentsDir, { recursive: true });
  const attachments: string[] = [];
  for (const entry of entries) {
    if (entry.name === MANIFEST) continue;
    const expected = listed.get(entry.name)!.sha256;
    if (entry.name === DB_MEMBER) {
      extractMember(file, entry, dbFile, expected, onBytes);
    } else {
      const sha = entry.name.slice('attachments/'.length);
      // Content-addressed: the name is the hash of the bytes, so the manifest cannot vouch for other bytes.
      if (expected !== sha) throw new AppError('BAD_FILE', `归档中的 ${entry.name} 已损坏或被改动（sha256 不符），已拒绝导入`);
      const dest = path.join(attachmentsDir, sha);
      extractMember(file, entry, dest, expected, onBytes);
      attachments.push(dest);
    }
  }
  verifyStagedDb(dbFile);
  const preview: BackupPreview = {
    stagingId: at.id,
    source: 'archive',
    fileName: at.fileName,
    kind: null,
    createdAt: manifest.createdAt,
    sizeBytes: at.sizeBytes,
    attachmentFiles: attachments.length,
    ...previewFile(dbFile),
  };
  return { id: at.id, dir: at.dir, dbFile, attachments, preview, at: Date.now() };
}

/** Moves staged attachment files into the store; those already present (same sha256, same bytes) stay. */
export function installAttachments(dataDir: string, files: readonly string[]): number {
  let added = 0;
  for (const file of files) {
    const target = blobPath(dataDir, path.basename(file));
    if (fs.existsSync(target)) continue;
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.renameSync(file, target);
    added++;
  }
  return added;
}
