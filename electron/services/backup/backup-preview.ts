// What a backup holds, read before restoring it: its schema version, row counts and the last change
// recorded. Read-only; tables that an older schema lacks count as 0.
import Database from 'better-sqlite3';
import type { BackupPreview, BackupCounts } from '../../../shared/api/contract-backup';

const COUNTED: Record<keyof BackupCounts, string> = {
  dossiers: 'dossiers',
  rounds: 'rounds',
  scores: 'scores',
  cooperations: 'cooperations',
  letters: 'letters',
  attachments: 'attachments',
  changeLog: 'change_log',
};

type Reader = Pick<Database.Database, 'prepare' | 'pragma'>;

export function previewOf(db: Reader): Pick<BackupPreview, 'schemaVersion' | 'counts' | 'lastChange' | 'chainHead'> {
  const tables = new Set((db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[]).map((r) => r.name));
  const count = (table: string) => (tables.has(table) ? (db.prepare(`SELECT count(*) AS n FROM "${table}"`).get() as { n: number }).n : 0);
  const counts = Object.fromEntries(Object.entries(COUNTED).map(([key, table]) => [key, count(table)])) as unknown as BackupCounts;
  let lastChange: BackupPreview['lastChange'] = null;
  let chainHead: string | null = null;
  if (tables.has('change_log')) {
    const row = db.prepare('SELECT seq, at FROM change_log ORDER BY seq DESC LIMIT 1').get() as { seq: number; at: string } | undefined;
    lastChange = row ? { seq: row.seq, at: row.at } : null;
    // The hash chain over change_log arrives in a later version; until the column exists there is no head.
    const columns = (db.pragma('table_info(change_log)') as { name: string }[]).map((c) => c.name);
    if (columns.includes('hash') && row) {
      const head = db.prepare('SELECT hash FROM change_log WHERE seq = ?').get(row.seq) as { hash: unknown } | undefined;
      chainHead = typeof head?.hash === 'string' ? head.hash : head?.hash instanceof Buffer ? head.hash.toString('hex') : null;
    }
  }
  return { schemaVersion: db.pragma('user_version', { simple: true }) as number, counts, lastChange, chainHead };
}

/** Preview of a database file, opened read-only (the file must be a single-file database we own or a copy). */
export function previewFile(file: string): ReturnType<typeof previewOf> {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    return previewOf(db);
  } finally {
    db.close();
  }
}
