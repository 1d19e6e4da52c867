// Restore: first a verified private copy and its preview (nothing changes), then, on confirmation, a safety
// backup of the current database and the swap of the live connection inside the worker.
//
// Swap hazard: every service reads `ctx.db` at call time and no module keeps a prepared statement or cache
// bound to a connection (checked when this was written: services prepare per call), so replacing ctx.db is
// enough. The import previews (dossiers, scores, KPI) hold parsed rows keyed by id, not statements; a
// commit of a preview made against the old data is still validated against the new data.
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../context';
import { AppError } from '../../backend/app-error';
import { openDatabase } from '../../db/open';
import { verifyStagedDb } from './verify';
import type { BackupPreview } from '../../../shared/api/contract-backup';
import { backupDirOf, DB_FILE_NAME, parseBackupName, stampOf } from './backup-files';
import { previewFile } from './backup-preview';
import { makeBackup } from './backup-service';
import { leaveRecovery, recoveryOf } from './recovery';
import { dropStaging, keepStaged, newStagingDir, takeStaged, type Staged } from './staging';
import { stageArchive, installAttachments } from './archive';

export type PreviewSource = { type: 'backup'; name: string } | { type: 'path'; path: string } | { type: 'upload'; fileName: string; dataBase64: string };

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');

function sourceFile(ctx: ServiceContext, source: PreviewSource, dir: string): { file: string; fileName: string } {
  if (source.type === 'backup') {
    // Only names of our own backups: the pattern has no separators, so nothing outside backups/ is reachable.
    if (!parseBackupName(source.name)) throw new AppError('NOT_FOUND', '没有这份备份');
    const file = path.join(backupDirOf(ctx.dataDir), source.name);
    if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', '没有这份备份');
    return { file, fileName: source.name };
  }
  if (source.type === 'path') {
    let stat: fs.Stats;
    try {
      stat = fs.statSync(source.path);
    } catch {
      throw new AppError('NOT_FOUND', `找不到文件 ${source.path}`);
    }
    if (!stat.isFile()) throw new AppError('BAD_FILE', `${source.path} 不是文件`);
    return { file: source.path, fileName: path.basename(source.path) };
  }
  const file = path.join(dir, 'upload');
  fs.writeFileSync(file, Buffer.from(source.dataBase64, 'base64'));
  return { file, fileName: path.basename(source.fileName) };
}

function kindOfFile(file: string): 'sqlite' | 'archive' | null {
  const head = Buffer.alloc(512);
  const fd = fs.openSync(file, 'r');
  let n: number;
  try {
    n = fs.readSync(fd, head, 0, 512, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (n >= 16 && head.subarray(0, 16).equals(SQLITE_MAGIC)) return 'sqlite';
  if (n === 512 && head.subarray(257, 262).toString('latin1') === 'ustar') return 'archive';
  return null;
}

export async function previewRestore(ctx: ServiceContext, source: PreviewSource, jobId?: string): Promise<BackupPreview> {
  const { id, dir } = newStagingDir(ctx.dataDir);
  try {
    const { file, fileName } = sourceFile(ctx, source, dir);
    const kind = kindOfFile(file);
    if (kind === null) throw new AppError('BAD_FILE', `${fileName} 既不是评审台的备份，也不是迁移归档`);
    const sizeBytes = fs.statSync(file).size;
    let entry: Staged;
    if (kind === 'archive') {
      entry = stageArchive(ctx, file, { id, dir, fileName, sizeBytes }, jobId);
    } else {
      const dbFile = path.join(dir, 'db.sqlite');
      const modifiedAt = fs.statSync(file).mtime.toISOString();
      fs.copyFileSync(file, dbFile);
      if (source.type === 'upload') fs.rmSync(file);
      verifyStagedDb(dbFile);
      const named = parseBackupName(fileName);
      const preview: BackupPreview = {
        stagingId: id,
        source: source.type === 'backup' ? 'backup' : 'file',
        fileName,
        kind: named?.kind ?? null,
        // An upload has no meaningful file time: only a backup's own name dates it.
        createdAt: named?.createdAt ?? (source.type === 'upload' ? null : modifiedAt),
        sizeBytes,
        attachmentFiles: null,
        ...previewFile(dbFile),
      };
      entry = { id, dir, dbFile, attachments: [], preview, at: Date.now() };
    }
    keepStaged(entry);
    return entry.preview;
  } catch (error) {
    dropStaging(dir);
    throw error;
  }
}

export async function restoreStaged(ctx: ServiceContext, stagingId: string, jobId?: string) {
  const entry = takeStaged(stagingId);
  try {
    // Attachments first: content-addressed files nobody references yet are harmless if the swap fails.
    const attachmentsAdded = installAttachments(ctx.dataDir, entry.attachments);
    const { safetyBackup, schemaVersion } = await swapDatabase(ctx, entry.dbFile, entry.preview.source === 'archive' ? 'pre-import' : 'pre-restore', jobId);
    return { restored: entry.preview.fileName, safetyBackup, schemaVersion, attachmentsAdded };
  } finally {
    dropStaging(entry.dir);
  }
}

/**
 * Replaces the live database file with a verified copy and reopens it (migrations apply when the copy is
 * older). The current database is backed up first; in recovery mode it cannot be read reliably, so the
 * damaged file is moved aside untouched instead (backups/damaged-<stamp>.sqlite, for an expert).
 */
async function swapDatabase(ctx: ServiceContext, replacement: string, kind: 'pre-restore' | 'pre-import', jobId?: string) {
  const file = path.join(ctx.dataDir, DB_FILE_NAME);
  const recovering = recoveryOf(ctx) !== null;
  let safetyBackup: string | null = null;
  let setAside: string | null = null;
  if (!recovering) safetyBackup = (await makeBackup(ctx, kind, jobId)).name;
  ctx.db.close(); // checkpoints the WAL into the file; nothing of the old connection survives this call
  if (recovering) {
    setAside = path.join(backupDirOf(ctx.dataDir), `damaged-${stampOf(ctx.now())}.sqlite`);
    fs.mkdirSync(path.dirname(setAside), { recursive: true });
    for (const suffix of ['', '-wal', '-shm']) if (fs.existsSync(file + suffix)) fs.renameSync(file + suffix, setAside + suffix);
  }
  for (const suffix of ['-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
  fs.copyFileSync(replacement, `${file}.restoring`);
  fs.renameSync(`${file}.restoring`, file);
  try {
    const opened = await openDatabase(file, { now: ctx.now });
    ctx.db = opened.db;
    leaveRecovery(ctx);
    return { safetyBackup, schemaVersion: opened.version };
  } catch (error) {
    // Put back what was there, so a failed restore leaves the user where they started.
    const back = safetyBackup ? path.join(backupDirOf(ctx.dataDir), safetyBackup) : setAside;
    if (back) {
      for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
      fs.copyFileSync(back, file);
      if (!recovering) ctx.db = (await openDatabase(file, { now: ctx.now })).db;
    }
    throw error instanceof AppError ? error : new AppError('INTERNAL', `恢复失败，已还原为恢复前的数据：${error instanceof Error ? error.message : String(error)}`);
  }
}
