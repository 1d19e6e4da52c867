// Recovery mode: the database failed its start-up check (db/open.ts). The worker then serves only the
// backup calls, so the user can look at the backups and restore one; every other call is refused, and the
// damaged file is never opened for writing.
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../context';
import type { Recovery } from '../../../shared/api/contract-backup';
import { RECOVERY_CALLS } from '../../../shared/api/contract-backup';
import type { Result } from '../../../shared/api/result';
import { backupDirOf, checkFile, listBackupFiles } from './backup-files';
import { infoOf } from './backup-service';

const recoveries = new WeakMap<ServiceContext, Recovery>();

export const recoveryOf = (ctx: ServiceContext): Recovery | null => recoveries.get(ctx) ?? null;
export const leaveRecovery = (ctx: ServiceContext): void => void recoveries.delete(ctx);

export function enterRecovery(ctx: ServiceContext, problem: string): Recovery {
  const recovery = { problem, newestGoodBackup: newestGoodBackup(ctx.dataDir) };
  recoveries.set(ctx, recovery);
  return recovery;
}

/** The newest backup that passes quick_check and foreign_key_check, checked on a private copy. */
export function newestGoodBackup(dataDir: string): Recovery['newestGoodBackup'] {
  const dir = backupDirOf(dataDir);
  for (const file of listBackupFiles(dir)) {
    const copy = path.join(dir, `.check-${process.pid}.tmp`);
    try {
      fs.copyFileSync(file.path, copy);
      if (checkFile(copy, 'quick') === null) return infoOf(file);
    } catch {
      // unreadable: try the next one
    } finally {
      fs.rmSync(copy, { force: true });
      fs.rmSync(`${copy}-journal`, { force: true });
    }
  }
  return null;
}

/**
 * In recovery mode: the answer to a call that must not reach its handler (session.get describes the
 * recovery; everything outside RECOVERY_CALLS is refused). Null lets the call through.
 */
export function recoveryAnswer(ctx: ServiceContext, name: unknown): Result<unknown> | null {
  const recovery = recoveryOf(ctx);
  if (!recovery) return null;
  if (name === 'session.get') {
    return { ok: true, value: { userName: null, dataDir: ctx.dataDir, schemaVersion: 0, transport: ctx.transport, recovery } };
  }
  if (typeof name === 'string' && (RECOVERY_CALLS as readonly string[]).includes(name)) return null;
  return { ok: false, error: { code: 'CONFLICT', message: '数据库已损坏，评审台处于恢复模式：请先在恢复页面选择一份备份恢复数据，其他操作暂不可用' } };
}
