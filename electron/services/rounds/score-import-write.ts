// The score import's write (score-import.ts, commit): every previewed cell upserted and logged exactly as
// setScore does it cell by cell — the same scores row, the same 'score' history entry ({ sheetId, ...entry },
// with the cell's earlier value and comment as `before` when it had one), in the file's order and chained —
// but set-based (issue 8): the per-row scores triggers lifted for the bulk write and the caches accounted
// for once (cache/change-tracker.ts), the cells upserted UPSERT_ROWS per statement, the history appended
// in batches (history/change-log.ts, changeBatch). A cell whose value and comment are unchanged is neither
// written nor logged, as in setScore.
import type { Statement } from 'better-sqlite3';
import type { ServiceContext } from '../context';
import type { WriteScope } from '../write';
import { ROUND_ENTITY } from './setup-service';
import { changeBatch } from '../history/change-log';
import { bulkScoreWrites } from '../cache/change-tracker';
import type { Entry, Facts } from './score-import-round';

/** Writes the entries (already checked against `facts`, read in this transaction); returns the counts. */
export function writeEntries(ctx: ServiceContext, w: WriteScope, roundId: string, facts: Facts, entries: readonly Entry[]): { written: number; unchanged: number } {
  const counts = { written: 0, unchanged: 0 };
  const sheetOf = (memberId: string) => facts.memberById.get(memberId)!.sheet_id;
  bulkScoreWrites(ctx.db, new Set(entries.map((e) => sheetOf(e.memberId))), () => {
    const cells = cellWriter(ctx, w.at);
    const history = changeBatch(ctx.db, { at: w.at, actor: w.actor, entity: ROUND_ENTITY, entityId: null, entityKey: roundId, action: 'score' });
    for (const e of entries) {
      const before = facts.current(e);
      if (before && before.value === e.value && before.comment === e.comment) {
        counts.unchanged++;
        continue;
      }
      const sheetId = sheetOf(e.memberId);
      cells.write(sheetId, e);
      // setScore's { sheetId, ...entry } (the row number stays out of the history).
      const after = { sheetId, memberId: e.memberId, applicationId: e.applicationId, criterion: e.criterion, value: e.value, comment: e.comment };
      history.append(before ? JSON.stringify({ ...after, ...before }) : null, JSON.stringify(after));
      counts.written++;
    }
    cells.flush();
    history.flush();
  });
  return counts;
}

const UPSERT_ROWS = 100;
/**
 * Upserts cells UPSERT_ROWS at a time, the sheet and the time bound once per statement (named parameters)
 * rather than per row: setScore's upsert (storeCell) per cell, in the file's order. A file names each cell
 * once (the preview refuses duplicates), so no statement names one cell twice.
 */
function cellWriter(ctx: ServiceContext, at: string) {
  const statements = new Map<number, Statement>(); // by rows: a file that alternates members flushes short batches
  const statement = (rows: number) => {
    let prepared = statements.get(rows);
    if (!prepared) {
      prepared = ctx.db.prepare(`INSERT INTO scores (sheet_id, application_id, criterion, value, comment, updated_at) VALUES ${Array.from({ length: rows }, () => '(@sheet, ?, ?, ?, ?, @at)').join(', ')} ON CONFLICT DO UPDATE SET value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at`);
      statements.set(rows, prepared);
    }
    return prepared;
  };
  let sheet = '';
  let pending: (string | number)[] = [];
  const flush = () => {
    if (pending.length === 0) return;
    statement(pending.length / 4).run(pending, { sheet, at });
    pending = [];
  };
  return {
    write(sheetId: string, e: Entry) {
      if (sheetId !== sheet) {
        flush();
        sheet = sheetId;
      }
      pending.push(e.applicationId, e.criterion, e.value, e.comment);
      if (pending.length === UPSERT_ROWS * 4) flush();
    },
    flush,
  };
}
