// Backup files: where they live, how they are named, and writing one that is known to be good.
//   <dataDir>/backups/review-desk-<kind>-<UTC stamp>.sqlite     e.g. review-desk-daily-2026-12-06T00-14-34-000Z.sqlite
// The pre-migration backups written by db/open.ts are named review-desk-v<old version>-<stamp>.sqlite; they
// are listed as kind 'pre-migration' and fall under the same schedule.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Db } from '../../db/open';
import { AppError } from '../../backend/app-error';

export const BACKUP_KINDS = ['daily', 'quit', 'manual', 'pre-restore', 'pre-import', 'pre-migration'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const DB_FILE_NAME = 'review-desk.sqlite';
export const backupDirOf = (dataDir: string) => path.join(dataDir, 'backups');

const NAME = /^review-desk-(daily|quit|manual|pre-restore|pre-import|v\d+)-(\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z)(?:-\d+)?\.sqlite$/;

export interface BackupFile {
  name: string;
  path: string;
  kind: BackupKind;
  createdAt: string;
  sizeBytes: number;
}

export const stampOf = (date: Date) => date.toISOString().replace(/[:.]/g, '-');

/** The kind and time a backup file name carries, or null for any other file. */
export function parseBackupName(name: string): { kind: BackupKind; createdAt: string } | null {
  const m = NAME.exec(name);
  if (!m) return null;
  const kind = m[1]!.startsWith('v') ? 'pre-migration' : (m[1] as BackupKind);
  const s = m[2]!;
  const createdAt = `${s.slice(0, 10)}T${s.slice(11, 13)}:${s.slice(14, 16)}:${s.slice(17, 19)}.${s.slice(20, 23)}Z`;
  return Number.isFinite(Date.parse(createdAt)) ? { kind, createdAt } : null;
}

/** Our backups in a folder, newest first. A folder that does not exist holds none. */
export function listBackupFiles(dir: string): BackupFile[] {
  let names: string[];
  try {
    names = fs.readdirSync(dir);
  } catch {
    return [];
  }
  const files: BackupFile[] = [];
  for (const name of names) {
    const parsed = parseBackupName(name);
    if (!parsed) continue;
    const full = path.join(dir, name);
    try {
      files.push({ name, path: full, ...parsed, sizeBytes: fs.statSync(full).size });
    } catch {
      // removed meanwhile
    }
  }
  return files.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.name < b.name ? 1 : -1));
}

/** A free file name for a new backup of this kind at this time. */
export function newBackupPath(dir: string, kind: BackupKind, now: Date): string {
  const base = `review-desk-${kind}-${stampOf(now)}`;
  let candidate = path.join(dir, `${base}.sqlite`);
  for (let i = 2; fs.existsSync(candidate); i++) candidate = path.join(dir, `${base}-${i}.sqlite`);
  return candidate;
}

export type BackupProgress = (done: number, total: number) => void;

/**
 * Copies the live database to `target` with SQLite's online backup API (pages copied in steps, so the worker
 * stays responsive and the copy is consistent even while WAL holds recent commits), switches the copy to a
 * self-contained rollback journal (one file, no -wal/-shm to forget on a USB stick), and checks it with
 * integrity_check before it gets its final name: a backup that cannot be trusted never appears in the list.
 */
export async function writeVerifiedBackup(db: Db, target: string, onProgress?: BackupProgress): Promise<void> {
  fs.mkdirSync(path.dirname(target), { recursive: true });
  const temp = `${target}.partial`;
  fs.rmSync(temp, { force: true });
  try {
    await db.backup(temp, {
      progress: ({ totalPages, remainingPages }) => {
        onProgress?.(totalPages - remainingPages, totalPages);
        return 256;
      },
    });
    const problem = checkFile(temp, 'full');
    if (problem) throw new AppError('INTERNAL', `备份写入后校验未通过（${problem}），已丢弃这份备份`);
    fs.renameSync(temp, target);
  } finally {
    fs.rmSync(temp, { force: true });
    fs.rmSync(`${temp}-journal`, { force: true });
  }
}

/**
 * Opens a copy we own, makes it a single-file database and checks it. 'full' runs integrity_check (after
 * writing a backup), 'quick' runs quick_check; both add foreign_key_check. Returns null when good, or a
 * short description of the first problem.
 */
export function checkFile(file: string, depth: 'full' | 'quick'): string | null {
  let db: Database.Database | null = null;
  try {
    db = new Database(file, { fileMustExist: true });
    db.pragma('journal_mode = DELETE');
    return checkOpenDb(db, depth);
  } catch (error) {
    return describeSqliteError(error);
  } finally {
    db?.close();
  }
}

/** integrity/quick check plus foreign_key_check on an open connection; null when both pass. */
export function checkOpenDb(db: Database.Database, depth: 'full' | 'quick'): string | null {
  const rows = db.pragma(depth === 'full' ? 'integrity_check(20)' : 'quick_check(20)') as Record<string, string>[];
  const messages = rows.map((r) => Object.values(r)[0]).filter((m) => m !== 'ok');
  if (messages.length > 0) return `数据页结构错误（SQLite：${messages.slice(0, 3).join('；')}）`;
  const fk = db.pragma('foreign_key_check') as { table: string; rowid: number; parent: string }[];
  if (fk.length > 0) return `外键不一致：${fk.length} 行（例如表 ${fk[0]!.table} 第 ${fk[0]!.rowid} 行引用的 ${fk[0]!.parent} 不存在）`;
  return null;
}

/** SQLite's English error as a zh-CN sentence for the committee, the original kept in brackets for an expert. */
export function describeSqliteError(error: unknown): string {
  const raw = error instanceof Error ? error.message : String(error);
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error as { code: unknown }).code) : '';
  if (code === 'SQLITE_CORRUPT' || /malformed/i.test(raw)) return `数据库文件结构已损坏（SQLite：${raw}）`;
  if (code === 'SQLITE_NOTADB' || /not a database/i.test(raw)) return `文件不是数据库，或文件头已损坏（SQLite：${raw}）`;
  if (code.startsWith('SQLITE_IOERR') || code === 'SQLITE_CANTOPEN') return `无法读取数据库文件（SQLite：${raw}）`;
  return `无法检查数据库文件（${raw}）`;
}
