// Backup settings live in a small JSON file beside the database, not in it: they must survive restoring an
// older backup, and they must be readable when the database itself is damaged (recovery mode).
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const settingsSchema = z.object({
  /** A folder (USB stick, network share) that receives a copy of every automatic backup. */
  mirrorFolder: z.string().nullable().default(null),
  /** Why the last copy to the mirror folder failed; null after a good copy. */
  lastMirrorError: z.string().nullable().default(null),
});
export type BackupSettings = z.infer<typeof settingsSchema>;

const fileOf = (dataDir: string) => path.join(dataDir, 'backup-settings.json');

export function readBackupSettings(dataDir: string): BackupSettings {
  try {
    const parsed = settingsSchema.safeParse(JSON.parse(fs.readFileSync(fileOf(dataDir), 'utf8')));
    if (parsed.success) return parsed.data;
  } catch {
    // missing or unreadable: defaults
  }
  return { mirrorFolder: null, lastMirrorError: null };
}

export function writeBackupSettings(dataDir: string, patch: Partial<BackupSettings>): BackupSettings {
  const next = { ...readBackupSettings(dataDir), ...patch };
  const file = fileOf(dataDir);
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(`${file}.tmp`, JSON.stringify(next, null, 2));
  fs.renameSync(`${file}.tmp`, file);
  return next;
}

export function mirrorStatus(dataDir: string): { folder: string | null; available: boolean | null; lastError: string | null } {
  const s = readBackupSettings(dataDir);
  return { folder: s.mirrorFolder, available: s.mirrorFolder ? isDirectory(s.mirrorFolder) : null, lastError: s.lastMirrorError };
}

export function isDirectory(p: string): boolean {
  try {
    return fs.statSync(p).isDirectory();
  } catch {
    return false;
  }
}
