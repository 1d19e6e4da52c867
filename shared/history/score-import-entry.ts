// The history entry of a score import (评分导入), issue 8: a score import is ONE write by the committee, so
// it is logged as ONE chained change_log entry per member sheet the file fills (action 'import', after =
// { scoreImport: … }), not one 'score' entry per cell. Nothing is lost for a later replay (sync): the
// entry carries every written cell — application, criterion, the value and comment before (null: the cell
// was empty) and after — in columns, plus the sheet and member, the file's name and sha256 and the counts.
// Scores are per application, not per region, so a cell has no region (as setScore's entries have none).
//
// Why columns inside the entry's own JSON (and not a side table): the entry's `after` text is what the
// hash chain hashes (electron/services/history/chain.ts), so changing any recorded cell breaks the chain
// with no new verification code, and the whole record is one row (a ≈ 400-byte history row per cell was
// ≈ 60 % of the pages an import wrote). Ids that repeat (an application has a cell per criterion, a sheet
// names a handful of criteria) are stored once and referred to by index.
//
// `scoreImportCellChanges` expands an entry back into exactly the { before, after } pairs setScore logs
// cell by cell ({ sheetId, memberId, applicationId, criterion, value, comment }), in the file's order.
import { z } from 'zod';

const index = z.number().int().nonnegative();

/** The written cells of one sheet, column by column (every array has one element per cell). */
export const scoreImportCellsSchema = z.object({
  applications: z.array(z.string()),
  criteria: z.array(z.string()),
  application: z.array(index),
  criterion: z.array(index),
  beforeValue: z.array(z.number().nullable()),
  beforeComment: z.array(z.string().nullable()),
  value: z.array(z.number()),
  comment: z.array(z.string()),
});
export type ScoreImportCells = z.output<typeof scoreImportCellsSchema>;

/** What every score import entry says; `cells` is left out of the round's history list (see summary). */
export const scoreImportSummarySchema = z.object({
  file: z.string(),
  /** sha256 (hex) of the file's bytes as uploaded. */
  sha256: z.string().optional(),
  /** Valid rows of this sheet in the file (written + unchanged); the whole file's in `fileRows`. */
  rows: z.number().int(),
  written: z.number().int(),
  unchanged: z.number().int(),
  fileRows: z.number().int().optional(),
  sheetId: z.string().optional(),
  memberId: z.string().optional(),
  memberName: z.string().optional(),
});
export type ScoreImportSummary = z.output<typeof scoreImportSummarySchema>;

export const scoreImportPayloadSchema = scoreImportSummarySchema.extend({ cells: scoreImportCellsSchema.optional() });
export type ScoreImportPayload = z.output<typeof scoreImportPayloadSchema>;

/** One cell as the import wrote it. */
export interface ImportedCell {
  applicationId: string;
  criterion: string;
  before: { value: number; comment: string } | null;
  value: number;
  comment: string;
}

/** Builds the columns cell by cell, in the order the cells are written. */
export function scoreImportCellsBuilder() {
  const cells: ScoreImportCells = { applications: [], criteria: [], application: [], criterion: [], beforeValue: [], beforeComment: [], value: [], comment: [] };
  const applicationIndex = new Map<string, number>();
  const criterionIndex = new Map<string, number>();
  const indexIn = (known: Map<string, number>, list: string[], id: string) => {
    let i = known.get(id);
    if (i === undefined) {
      i = list.length;
      list.push(id);
      known.set(id, i);
    }
    return i;
  };
  return {
    add(cell: ImportedCell) {
      cells.application.push(indexIn(applicationIndex, cells.applications, cell.applicationId));
      cells.criterion.push(indexIn(criterionIndex, cells.criteria, cell.criterion));
      cells.beforeValue.push(cell.before ? cell.before.value : null);
      cells.beforeComment.push(cell.before ? cell.before.comment : null);
      cells.value.push(cell.value);
      cells.comment.push(cell.comment);
    },
    get count() {
      return cells.value.length;
    },
    cells,
  };
}

/** The cell at `i` of the columns (no check: see readScoreImportCells). */
export function importedCell(cells: ScoreImportCells, i: number): ImportedCell {
  const beforeValue = cells.beforeValue[i]!;
  return {
    applicationId: cells.applications[cells.application[i]!]!,
    criterion: cells.criteria[cells.criterion[i]!]!,
    before: beforeValue === null ? null : { value: beforeValue, comment: cells.beforeComment[i] ?? '' },
    value: cells.value[i]!,
    comment: cells.comment[i]!,
  };
}

/** The columns of a stored entry's `after`, checked (same lengths, indexes in range), or null if it has none. */
export function readScoreImportCells(after: unknown): ScoreImportCells | null {
  const parsed = z.object({ scoreImport: scoreImportPayloadSchema }).safeParse(after);
  if (!parsed.success || !parsed.data.scoreImport.cells) return null;
  const cells = parsed.data.scoreImport.cells;
  const n = cells.value.length;
  const lengths = [cells.application, cells.criterion, cells.beforeValue, cells.beforeComment, cells.comment].every((column) => column.length === n);
  if (!lengths || cells.application.some((i) => i >= cells.applications.length) || cells.criterion.some((i) => i >= cells.criteria.length)) return null;
  return cells;
}

type CellLog = { sheetId: string; memberId: string; applicationId: string; criterion: string; value: number; comment: string };

/**
 * The entry as the 'score' entries scores.set would have logged for the same cells one by one, in order:
 * { before: { sheetId, memberId, applicationId, criterion, value, comment } | null, after: { … } }.
 * Empty for an entry without cells (nothing written, or not a score import).
 */
export function scoreImportCellChanges(after: unknown): { before: CellLog | null; after: CellLog }[] {
  const cells = readScoreImportCells(after);
  const { sheetId, memberId } = (after as { scoreImport: ScoreImportPayload }).scoreImport ?? {};
  if (!cells || sheetId === undefined || memberId === undefined) return [];
  return cells.value.map((_, i) => {
    const cell = importedCell(cells, i);
    const written: CellLog = { sheetId, memberId, applicationId: cell.applicationId, criterion: cell.criterion, value: cell.value, comment: cell.comment };
    return { before: cell.before ? { ...written, ...cell.before } : null, after: written };
  });
}

/** The most cells one page of an import's entry shows (rounds.importedCells). */
export const MAX_IMPORTED_CELLS_PAGE = 500;

/** One page of a score import entry's cells, with the applicant's name for reading. */
export interface ImportedCellsPage {
  seq: number;
  total: number;
  offset: number;
  cells: (ImportedCell & { legalName: string | null; creditCode: string | null })[];
}
