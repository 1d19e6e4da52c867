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
