// Making backups: automatic ones (daily on the first start of a day, on quit, before restore, import and
// migration) and manual ones, each verified before it is listed (backup-files.ts), kept on the schedule of
// retention.ts, and copied to the user's mirror folder when it is plugged in.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../context';
import { AppError } from '../../backend/app-error';
import type { BackupInfo } from '../../../shared/api/contract-backup';
import { backupDirOf, listBackupFiles, newBackupPath, writeVerifiedBackup, type BackupFile, type BackupKind } from './backup-files';
import { backupsToKeep } from './retention';
import { isDirectory, readBackupSettings, writeBackupSettings } from './backup-settings';

export const infoOf = (f: BackupFile): BackupInfo => ({ name: f.name, kind: f.kind, createdAt: f.createdAt, sizeBytes: f.sizeBytes });

export function listBackups(ctx: Pick<ServiceContext, 'dataDir'>): BackupInfo[] {
  return listBackupFiles(backupDirOf(ctx.dataDir)).map(infoOf);
}

/** A verified backup in the data directory, copied to the mirror folder, then the schedule applied to both. */
export async function makeBackup(ctx: ServiceContext, kind: BackupKind, jobId?: string): Promise<BackupFile> {
  const dir = backupDirOf(ctx.dataDir);
  const now = ctx.now();
  const target = newBackupPath(dir, kind, now);
  await writeVerifiedBackup(ctx.db, target, (done, total) => ctx.progress(jobId, done, total));
  pruneBackups(dir, now, path.basename(target));
  mirrorBackup(ctx.dataDir, target, now);
  return listBackupFiles(dir).find((f) => f.path === target)!;
}

/** Deletes our backups in `dir` that the schedule does not keep; other files are never touched. */
export function pruneBackups(dir: string, now: Date, justMade: string | null): string[] {
  const files = listBackupFiles(dir);
  const keep = backupsToKeep(files, now, { justMade, offsetMinutes: -now.getTimezoneOffset() });
  const removed: string[] = [];
  for (const f of files) {
    if (keep.has(f.name)) continue;
    try {
      fs.rmSync(f.path);
      removed.push(f.name);
    } catch {
      // read-only medium or open elsewhere: try again after the next backup
    }
  }
  return removed;
}

/**
 * Copies a backup into the mirror folder. A missing folder (the USB stick is not plugged in) or a failed
 * copy is recorded and shown on the backup page, never thrown: the backup in the data directory is made.
 */
export function mirrorBackup(dataDir: string, file: string, now: Date): void {
  const { mirrorFolder } = readBackupSettings(dataDir);
  if (!mirrorFolder) return;
  if (!isDirectory(mirrorFolder)) {
    writeBackupSettings(dataDir, { lastMirrorError: `${now.toISOString()} 备份文件夹 ${mirrorFolder} 不可用（U 盘未插入或已改名？），这次备份只保存在数据目录中` });
    return;
  }
  const target = path.join(mirrorFolder, path.basename(file));
  try {
    fs.copyFileSync(file, `${target}.partial`);
    // A USB stick can write garbage without an error: the copy must read back as the verified original.
    if (sha256Of(`${target}.partial`) !== sha256Of(file)) throw new Error('复制后的文件与原备份不一致');
    fs.renameSync(`${target}.partial`, target);
    pruneBackups(mirrorFolder, now, path.basename(file));
    writeBackupSettings(dataDir, { lastMirrorError: null });
  } catch (error) {
    fs.rmSync(`${target}.partial`, { force: true });
    writeBackupSettings(dataDir, { lastMirrorError: `${now.toISOString()} 无法复制到备份文件夹 ${mirrorFolder}：${error instanceof Error ? error.message : String(error)}` });
  }
}

function sha256Of(file: string): string {
  const hash = crypto.createHash('sha256');
  const fd = fs.openSync(file, 'r');
  try {
    const buf = Buffer.alloc(1024 * 1024);
    for (let n; (n = fs.readSync(fd, buf, 0, buf.length, null)) > 0; ) hash.update(buf.subarray(0, n));
  } finally {
    fs.closeSync(fd);
  }
  return hash.digest('hex');
}

const localDay = (d: Date) => new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

/**
 * The daily backup, made on the first start of a local day that has no backup yet. A database created by
 * this very start holds nothing worth a backup and gets none.
 */
export async function dailyBackupIfDue(ctx: ServiceContext, createdNow: boolean): Promise<BackupFile | null> {
  if (createdNow) return null;
  const today = localDay(ctx.now());
  if (listBackupFiles(backupDirOf(ctx.dataDir)).some((f) => localDay(new Date(f.createdAt)) === today)) return null;
  return makeBackup(ctx, 'daily');
}

/** The backup on quit, made only when this session wrote something (otherwise the newest backup already holds it). */
export async function quitBackup(ctx: ServiceContext): Promise<BackupFile | null> {
  const { n } = ctx.db.prepare('SELECT total_changes() AS n').get() as { n: number };
  if (n === 0) return null;
  return makeBackup(ctx, 'quit');
}

/** "备份到…": a verified backup into a folder the user chose (not pruned: the folder is theirs). */
export async function saveBackupTo(ctx: ServiceContext, folder: string, jobId?: string): Promise<string> {
  if (!isDirectory(folder)) throw new AppError('NOT_FOUND', `文件夹 ${folder} 不存在或无法访问`);
  const target = newBackupPath(folder, 'manual', ctx.now());
  try {
    await writeVerifiedBackup(ctx.db, target, (done, total) => ctx.progress(jobId, done, total));
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError('INTERNAL', `无法写入 ${folder}：${error instanceof Error ? error.message : String(error)}`);
  }
  return target;
}
