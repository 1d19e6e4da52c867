// The order a member works through their sheet (issue 11): grouped by region — each application under the
// region it wants most (its first preference), in the round's region order — keeping the sheet's own order
// inside a group. The grid, the empty-cell list, the jump to the first empty cell and the printed sheet all
// use this one order, so cell ids (cell-<position>-<column>) mean the same thing everywhere.
export interface ScoringApplication {
  legalName: string;
  creditCode: string;
  dossierId: number;
  priceQuoteYuan: number | null;
  /** In the applicant's order of preference. */
  regionIds: readonly string[];
}

export interface SheetGroup {
  regionId: string | null;
  regionName: string;
  applicationIds: string[];
}

export function groupByRegion(applicationIds: readonly string[], applications: Readonly<Record<string, ScoringApplication>>, regions: readonly { id: string; name: string }[], noRegionName: string): SheetGroup[] {
  const groups = new Map<string | null, SheetGroup>(regions.map((r) => [r.id, { regionId: r.id, regionName: r.name, applicationIds: [] }]));
  const rest: SheetGroup = { regionId: null, regionName: noRegionName, applicationIds: [] };
  for (const id of applicationIds) {
    const first = applications[id]?.regionIds[0];
    const group = (first !== undefined ? groups.get(first) : undefined) ?? rest;
    group.applicationIds.push(id);
  }
  return [...groups.values(), rest].filter((g) => g.applicationIds.length > 0);
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
