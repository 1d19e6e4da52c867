// The scoring grid's order and empty cells as the renderer computed them from the whole sheet before the grid
// was read in pages (issue 8): the reference the paged calls (scores.gridOutline, gridRows, gridMissing) are
// compared with in test/integration/perf/score-grid-pages.test.ts, and the order the virtual-grid e2e walks.
import type { SheetGroup } from '../../renderer/features/rounds/scoring/score-order';

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
