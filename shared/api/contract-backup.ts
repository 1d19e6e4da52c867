// The backup part of the API contract: backups in the data directory (and a mirror folder), "备份到…",
// restore with a preview, and the one-file archive for moving to a new laptop. Spread into contract.ts.
import { z } from 'zod';
import { msg, requiredText } from '../common/validation';
import { call, electronCall } from './call';
import type { CallName } from './call-names';

// The upload cap of contract.ts (MAX_UPLOAD_BYTES, 30 MB), spelled out as contract-rounds.ts does: contract.ts
// imports this module, so importing the constant back would read it before it is defined. Larger archives
// go through a path on this machine instead.
const upload = z.string().max(Math.ceil((30 * 1024 * 1024) / 3) * 4 + 4, msg('error.fileTooLarge')).regex(/^[A-Za-z0-9+/]*={0,2}$/, msg('error.base64'));
const jobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);
/** A path on the machine running the data service: absolute (POSIX, Windows drive or UNC), no NUL. */
export const absolutePath = z
  .string(msg('error.required'))
  .trim()
  .min(1, msg('error.required'))
  .max(4096, msg('error.tooLong'))
  .refine((p) => /^(\/|[A-Za-z]:[\\/]|\\\\)/.test(p) && !p.includes('\0'), msg('error.invalid'));

export const backupKindSchema = z.enum(['daily', 'quit', 'manual', 'pre-restore', 'pre-import', 'pre-migration']);
export const backupCountsSchema = z.object({
  dossiers: z.number().int(),
  rounds: z.number().int(),
  scores: z.number().int(),
  cooperations: z.number().int(),
  letters: z.number().int(),
  attachments: z.number().int(),
  changeLog: z.number().int(),
});
export type BackupCounts = z.infer<typeof backupCountsSchema>;

export const backupInfoSchema = z.object({ name: z.string(), kind: backupKindSchema, createdAt: z.string(), sizeBytes: z.number().int() });
export type BackupInfo = z.infer<typeof backupInfoSchema>;

export const mirrorSchema = z.object({
  folder: z.string().nullable(),
  /** Whether the folder exists right now (a USB stick may be unplugged); null without a folder. */
  available: z.boolean().nullable(),
  /** Why the last automatic copy to the folder failed, or null. */
  lastError: z.string().nullable(),
});

export const backupPreviewSchema = z.object({
  /** Names the verified copy held for restore() (30 minutes). */
  stagingId: z.string(),
  source: z.enum(['backup', 'file', 'archive']),
  fileName: z.string(),
  kind: backupKindSchema.nullable(),
  /** When the backup or archive was made, when known (backup file name, archive manifest). */
  createdAt: z.string().nullable(),
  sizeBytes: z.number().int(),
  schemaVersion: z.number().int(),
  counts: backupCountsSchema,
  /** The last change_log row ("最后一条修改记录"). */
  lastChange: z.object({ seq: z.number().int(), at: z.string() }).nullable(),
  /** Head of the change_log hash chain; null while the database has no chain (no `hash` column). */
  chainHead: z.string().nullable(),
  /** Attachment files the archive brings; null for a plain backup (it holds no files). */
  attachmentFiles: z.number().int().nullable(),
});
export type BackupPreview = z.infer<typeof backupPreviewSchema>;

/** Set when the database failed its start-up check: only backup calls are served until a restore. */
export const recoverySchema = z.object({ problem: z.string(), newestGoodBackup: backupInfoSchema.nullable() });
export type Recovery = z.infer<typeof recoverySchema>;

const previewSource = z.discriminatedUnion('type', [
  z.object({ type: z.literal('backup'), name: z.string().min(1).max(255) }).strict(),
  z.object({ type: z.literal('path'), path: absolutePath }).strict(),
  z.object({ type: z.literal('upload'), fileName: requiredText(255), dataBase64: upload }).strict(),
]);

export const backupContract = {
  'backup.list': call(z.object({}).strict(), z.object({ backups: z.array(backupInfoSchema), backupDir: z.string(), mirror: mirrorSchema })),
  /** A verified backup now, into the data directory (and the mirror folder). */
  'backup.create': call(z.object({ jobId: jobId.optional() }).strict(), backupInfoSchema),
  /** "备份到…": a verified backup written into a folder of the user's choice. */
  'backup.saveTo': call(z.object({ folder: absolutePath, jobId: jobId.optional() }).strict(), z.object({ path: z.string() })),
  'backup.setMirror': call(z.object({ folder: absolutePath.nullable() }).strict(), mirrorSchema),
  /** Copies and verifies a backup or an archive (found by its first bytes) and describes it; nothing changes yet. */
  'backup.preview': call(z.object({ source: previewSource, jobId: jobId.optional() }).strict(), backupPreviewSchema),
  /** Backs up the current database, then replaces it (and adds an archive's attachments) with the staged copy. */
  'backup.restore': call(
    z.object({ stagingId: z.string().min(1).max(64), jobId: jobId.optional() }).strict(),
    z.object({ restored: z.string(), safetyBackup: z.string().nullable(), schemaVersion: z.number().int(), attachmentsAdded: z.number().int() }),
  ),
  /** The move-to-a-new-laptop archive: into a folder, or returned as a file when small enough for the transport. */
  'backup.exportArchive': call(
    z.object({ folder: absolutePath.optional(), jobId: jobId.optional() }).strict(),
    z.object({ fileName: z.string(), path: z.string().nullable(), dataBase64: z.string().nullable(), counts: backupCountsSchema, attachmentFiles: z.number().int() }),
  ),
  /** Desktop only: the native open/save dialog for backup paths. */
  'host.chooseBackupPath': electronCall(
    z.object({ purpose: z.enum(['folder', 'open']) }).strict(),
    z.object({ path: z.string().nullable() }),
  ),
} as const;

/** Calls still served while the database is damaged (recovery mode). */
export const RECOVERY_CALLS: readonly CallName[] = ['session.get', 'backup.list', 'backup.preview', 'backup.restore', 'jobs.progress', 'host.chooseBackupPath'];
