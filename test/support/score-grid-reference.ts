// The scoring grid as it was built before it was read in pages (issue 8): the whole sheet (scores.sheet) with
// the labels from the round's applications list, put in columns, and the order and empty cells the renderer
// computed from it. The reference the paged calls (scores.gridOutline, gridRows, gridMissing) are compared
// with in test/integration/perf/score-grid-pages.test.ts, and the order the virtual-grid e2e walks.
import type { SheetGroup } from '../../renderer/features/rounds/scoring/score-order';
import type { ScoreSheet } from '../../shared/rounds/views';
import type { TestContext } from './service-context';
import { ok } from './round-fixture';
import { displayIdentityNumber } from '../../shared/dossiers/identity';

export interface WholeSheetGrid extends Omit<ScoreSheet, 'cells'> {
  /** Per scored criterion, the value of each application in applicationIds' order (null: not scored). */
  values: Record<string, (number | null)[]>;
  /** Each application's comment: that of the first criterion (in key order) that has one. */
  comments: Record<string, string>;
  /** In the order of applicationIds then recusedApplicationIds: name, number as lists show it (a person's masked), dossier, quote. */
  applicants: { legalName: string; creditCode: string; dossierId: number; priceQuoteYuan: number | null }[];
  /** Each of those applications' regions in preference order, as indexes into regionIds. */
  applicantRegions: number[][];
  regionIds: string[];
}

/** A member's whole sheet with its labels, from the plain reads (scores.sheet, applications.list). */
export async function wholeSheetGrid(ctx: TestContext, roundId: string, memberId: string): Promise<WholeSheetGrid> {
  const { cells, ...sheet } = await ok(ctx, 'scores.sheet', { memberId });
  const listed = new Map((await ok(ctx, 'applications.list', { roundId })).map((a) => [a.id, a]));
  const index = new Map(sheet.applicationIds.map((id, i) => [id, i]));
  const values: Record<string, (number | null)[]> = Object.fromEntries(sheet.criteria.map((c) => [c, sheet.applicationIds.map(() => null)]));
  const comments: Record<string, string> = {};
  const commentFrom = new Map<string, string>();
  for (const cell of cells) {
    const i = index.get(cell.applicationId);
    const column = values[cell.criterion];
    if (i === undefined || !column) continue; // recused, or a criterion not scored by hand
    column[i] = cell.value;
    const from = commentFrom.get(cell.applicationId);
    if (cell.comment && (from === undefined || cell.criterion < from)) {
      comments[cell.applicationId] = cell.comment;
      commentFrom.set(cell.applicationId, cell.criterion);
    }
  }
  const ids = [...sheet.applicationIds, ...sheet.recusedApplicationIds];
  const regionIds: string[] = [];
  const regionIndex = new Map<string, number>();
  const indexOf = (regionId: string) => regionIndex.get(regionId) ?? regionIndex.set(regionId, regionIds.push(regionId) - 1).get(regionId)!;
  const applicants = ids.map((id) => {
    const a = listed.get(id)!;
    return { legalName: a.legalName, creditCode: displayIdentityNumber(a.identityKind ?? 'organization', a.creditCode), dossierId: a.dossierId, priceQuoteYuan: a.priceQuoteYuan };
  });
  const applicantRegions = ids.map((id) => listed.get(id)!.regionIds.map(indexOf));
  return { ...sheet, values, comments, applicants, applicantRegions, regionIds };
}

export const displayOrder = (groups: readonly SheetGroup[]): string[] => groups.flatMap((g) => g.applicationIds);

export interface EmptyCell {
  applicationId: string;
  criterion: string;
  /** The grid input of the cell. */
  id: string;
}

/**
 * The cells still empty, in display order; at most `limit` of them (issue 8: a sheet of 20,000 applications
 * has up to 80,000, and the list shows the first few; the scan stops there).
 */
export function emptyCells(order: readonly string[], criteria: readonly string[], valueOf: (applicationId: string, criterion: string) => number | null, limit = Infinity): EmptyCell[] {
  const out: EmptyCell[] = [];
  for (let row = 0; row < order.length && out.length < limit; row++) {
    const a = order[row]!;
    for (let col = 0; col < criteria.length && out.length < limit; col++) if (valueOf(a, criteria[col]!) === null) out.push({ applicationId: a, criterion: criteria[col]!, id: `cell-${row}-${col}` });
  }
  return out;
}

/** The applications with an empty cell (what "只看未评分" keeps). */
export function unscoredApplications(order: readonly string[], criteria: readonly string[], valueOf: (applicationId: string, criterion: string) => number | null): Set<string> {
  return new Set(order.filter((a) => criteria.some((c) => valueOf(a, c) === null)));
}
