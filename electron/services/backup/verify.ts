// The check every copy passes before it may replace the live database.
import Database from 'better-sqlite3';
import { AppError } from '../../backend/app-error';
import { DbFromFutureError } from '../../db/open';
import { migrations } from '../../db/migrations/index';
import { checkFile } from './backup-files';

/** Refuses a copy that fails integrity_check / foreign_key_check or comes from a newer version. */
export function verifyStagedDb(file: string): void {
  const problem = checkFile(file, 'full');
  if (problem) throw new AppError('BAD_FILE', `这份备份未通过完整性校验（${problem}），不能用来恢复`);
  const db = new Database(file, { readonly: true });
  const version = db.pragma('user_version', { simple: true }) as number;
  db.close();
  const latest = migrations.at(-1)!.version;
  if (version > latest) throw new DbFromFutureError(version, latest);
}

