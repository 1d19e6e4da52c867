// Verified copies waiting for the user's confirmation: <dataDir>/staging/<id>/ holds db.sqlite (and, for an
// archive, attachments/<sha256>). Inside the data directory so the final move onto the live database is a
// rename on the same disk. Kept 30 minutes, like the import previews; cleared on every start.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../backend/app-error';
import type { BackupPreview } from '../../../shared/api/contract-backup';

const KEEP_MS = 30 * 60_000;

export interface Staged {
  id: string;
  dir: string;
  dbFile: string;
  /** attachments/<sha256> files brought by an archive; empty for a plain backup. */
  attachments: string[];
  preview: BackupPreview;
  at: number;
}

const staged = new Map<string, Staged>();
const rootOf = (dataDir: string) => path.join(dataDir, 'staging');

export function newStagingDir(dataDir: string): { id: string; dir: string } {
  const id = crypto.randomUUID();
  const dir = path.join(rootOf(dataDir), id);
  fs.mkdirSync(dir, { recursive: true });
  return { id, dir };
}

export function keepStaged(entry: Staged): void {
  expire();
  staged.set(entry.id, entry);
}

export function takeStaged(id: string): Staged {
  expire();
  const entry = staged.get(id);
  if (!entry || !fs.existsSync(entry.dbFile)) throw new AppError('EXPIRED', '预览已过期，请重新选择要恢复的备份');
  staged.delete(id);
  return entry;
}

export function dropStaging(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** On start: whatever a previous run left staged is stale. */
export function clearStaging(dataDir: string): void {
  staged.clear();
  fs.rmSync(rootOf(dataDir), { recursive: true, force: true });
}

function expire(): void {
  const now = Date.now();
  for (const [id, entry] of staged) {
    if (now - entry.at > KEEP_MS) {
      staged.delete(id);
      dropStaging(entry.dir);
    }
  }
}
