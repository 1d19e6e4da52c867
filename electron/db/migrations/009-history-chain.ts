import type { Migration } from './types';
import { GENESIS, linkHash, type ChainRow } from '../../services/history/chain';

// The hash chain over the change history (electron/services/history/chain.ts). Additive: one column, then
// existing rows are chained in seq order. The append-only trigger is lifted for that one pass, inside the
// migration's transaction, and replaced by one that still refuses every update except giving a row
// without a hash its first hash — and new rows must arrive with theirs.
export const m009HistoryChain: Migration = {
  version: 9,
  name: 'history: sha256 hash chain over change_log',
  up(db) {
    db.exec('ALTER TABLE change_log ADD COLUMN hash TEXT');
    db.exec('DROP TRIGGER change_log_no_update');
    const setHash = db.prepare('UPDATE change_log SET hash = ? WHERE seq = ?');
    let previous = GENESIS;
    for (const row of db.prepare('SELECT * FROM change_log ORDER BY seq').all() as ChainRow[]) {
      previous = linkHash(previous, row);
      setHash.run(previous, row.seq);
    }
    db.exec(`
      CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
        BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
      CREATE TRIGGER change_log_hash_required BEFORE INSERT ON change_log WHEN NEW.hash IS NULL
        BEGIN SELECT RAISE(ABORT, 'change_log rows must carry their chain hash'); END;
    `);
  },
};
