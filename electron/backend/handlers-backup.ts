// Handlers of the backup part of the contract (shared/api/contract-backup.ts).
import type { BackupHandlerTable } from './handler-types';
import { infoOf, listBackups, makeBackup, saveBackupTo } from '../services/backup/backup-service';
import { mirrorStatus, writeBackupSettings } from '../services/backup/backup-settings';
import { backupDirOf } from '../services/backup/backup-files';
import { previewRestore, restoreStaged } from '../services/backup/restore';
import { exportArchive } from '../services/backup/archive';

export const backupHandlers: BackupHandlerTable = {
  'backup.list': (_input, ctx) => ({ backups: listBackups(ctx), backupDir: backupDirOf(ctx.dataDir), mirror: mirrorStatus(ctx.dataDir) }),
  'backup.create': async ({ jobId }, ctx) => infoOf(await makeBackup(ctx, 'manual', jobId)),
  'backup.saveTo': async ({ folder, jobId }, ctx) => ({ path: await saveBackupTo(ctx, folder, jobId) }),
  'backup.setMirror': ({ folder }, ctx) => {
    writeBackupSettings(ctx.dataDir, { mirrorFolder: folder, lastMirrorError: null });
    return mirrorStatus(ctx.dataDir);
  },
  'backup.preview': ({ source, jobId }, ctx) => previewRestore(ctx, source, jobId),
  'backup.restore': ({ stagingId, jobId }, ctx) => restoreStaged(ctx, stagingId, jobId),
  'backup.exportArchive': ({ folder, jobId }, ctx) => exportArchive(ctx, folder, jobId),
};
