// The score import's write (score-import.ts, commit): every previewed cell upserted as setScore upserts it,
// but set-based (issue 8): the per-row scores triggers lifted for the bulk write and the caches accounted
// for once (cache/change-tracker.ts), the cells upserted UPSERT_ROWS per statement. The history is one
// chained 'import' entry per member sheet the file fills (shared/history/score-import-entry.ts): the file's
// name, sha256 and counts, the sheet and member, and every written cell with its value and comment before
// and after, in columns — exactly the cells, in the file's order, that setScore would have logged one
// 'score' entry each for. A cell whose value and comment are unchanged is neither written nor logged, as in
// setScore. A file with no valid row still leaves one entry (the import happened).
import type { Statement } from 'better-sqlite3';
import type { ServiceContext } from '../context';
import type { WriteScope } from '../write';
import { ROUND_ENTITY } from './setup-service';
import { bulkScoreWrites } from '../cache/change-tracker';
import type { Entry, Facts } from './score-import-round';
import { scoreImportCellsBuilder, type ScoreImportPayload } from '../../../shared/history/score-import-entry';

export interface ImportedFile {
  name: string;
  sha256: string;
}

/** Writes the entries (already checked against `facts`, read in this transaction) and logs them; returns the counts. */
export function writeEntries(ctx: ServiceContext, w: WriteScope, roundId: string, facts: Facts, entries: readonly Entry[], file: ImportedFile): { written: number; unchanged: number } {
  const counts = { written: 0, unchanged: 0 };
  // One history entry per sheet, in the order the file first names each member.
  const sheets = new Map<string, { memberId: string; memberName: string; rows: number; unchanged: number; cells: ReturnType<typeof scoreImportCellsBuilder> }>();
  bulkScoreWrites(ctx.db, new Set(entries.map((e) => facts.memberById.get(e.memberId)!.sheet_id)), () => {
    const cells = cellWriter(ctx, w.at);
    for (const e of entries) {
      const member = facts.memberById.get(e.memberId)!;
      let sheet = sheets.get(member.sheet_id);
      if (!sheet) sheets.set(member.sheet_id, (sheet = { memberId: member.id, memberName: member.name, rows: 0, unchanged: 0, cells: scoreImportCellsBuilder() }));
      sheet.rows++;
      const before = facts.current(e);
      if (before && before.value === e.value && before.comment === e.comment) {
        counts.unchanged++;
        sheet.unchanged++;
        continue;
      }
      cells.write(member.sheet_id, e);
      sheet.cells.add({ applicationId: e.applicationId, criterion: e.criterion, before: before ?? null, value: e.value, comment: e.comment });
      counts.written++;
    }
    cells.flush();
  });
  const log = (payload: ScoreImportPayload) => w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: roundId, action: 'import', before: null, after: { scoreImport: payload } });
  const fileFacts = { file: file.name, sha256: file.sha256, fileRows: entries.length };
  if (sheets.size === 0) log({ ...fileFacts, rows: 0, written: 0, unchanged: 0 });
  for (const [sheetId, sheet] of sheets) {
    log({ ...fileFacts, rows: sheet.rows, written: sheet.cells.count, unchanged: sheet.unchanged, sheetId, memberId: sheet.memberId, memberName: sheet.memberName, cells: sheet.cells.cells });
  }
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
