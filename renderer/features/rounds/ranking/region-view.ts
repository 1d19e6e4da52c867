// The ranking tab asks for one region at a time (ranking.region, issue 8) and a summary of all regions
// (ranking.summary); the panels beside the table (the table itself, tie order, analysis, sensitivity, detail)
// were written against the whole RoundResults and only ever look at the selected region. asResults wraps one
// region's slice in that shape — a round of one region, with the round-wide allocation facts (cap, whether
// seats wait for the committee) and the applicants' wins as the slice carries them — so they read it unchanged.
import type { RegionResults } from '../../../../shared/rounds/region-results';
import type { RoundResults } from '../../../../shared/rounds/results-view';
import type { Explanation } from '../../../../shared/ranking/explain';

export function asResults(region: RegionResults): RoundResults {
  return {
    roundId: region.roundId,
    roundName: region.roundName,
    referenceDate: region.referenceDate,
    computedAt: region.computedAt,
    options: region.options,
    ranking: { options: region.options, regions: [region.ranking] },
    allocation: { cap: region.cap, regions: [region.allocation], wins: region.wins, pendingCommittee: region.pendingCommittee },
    explanations: region.explanations,
    regionOrder: region.regionOrder,
    ineligible: region.ineligible,
    labels: region.labels,
    sheets: region.sheets,
    finalized: region.finalized,
  };
}

/** Columns the ranking table sorts by (issue 11); 'rank' is the default, the committee's order. */
export type SortKey = { by: 'rank' } | { by: 'name' } | { by: 'total' } | { by: 'criterion'; index: number };
export interface Sort {
  key: SortKey;
  descending: boolean;
}
export const RANK_ORDER: Sort = { key: { by: 'rank' }, descending: false };

export interface SortableRow {
  applicationId: string;
  /** Position in rank order (ranked rows first, then screened-out ones). */
  order: number;
  name: string;
  total: number | null;
  criteria: readonly (number | null)[];
}

const collator = new Intl.Collator('zh-CN');

/**
 * The rows in the chosen order. Rows without a value (screened out, incomplete) go last in either direction;
 * equal values keep rank order, so a sort never scrambles a tie the committee has ordered.
 */
export function sortRows<T extends SortableRow>(rows: readonly T[], sort: Sort): T[] {
  const value = (r: T): number | string | null => {
    switch (sort.key.by) {
      case 'rank':
        return r.order;
      case 'name':
        return r.name;
      case 'total':
        return r.total;
      case 'criterion':
        return r.criteria[sort.key.index] ?? null;
    }
  };
  const sign = sort.descending ? -1 : 1;
  return [...rows].sort((a, b) => {
    const x = value(a);
    const y = value(b);
    if (x === null || y === null) return x === y ? a.order - b.order : x === null ? 1 : -1;
    const c = typeof x === 'string' ? collator.compare(x, y as string) : x - (y as number);
    return c !== 0 ? sign * c : a.order - b.order;
  });
}

/** Whether any explanation of the region waits for the committee's order (待定). */
export const hasProvisional = (explanations: readonly Explanation[]) => explanations.some((e) => e.provisional === true);

/** Regions whose name or city contains the search text (case- and width-insensitive enough for names). */
export function matchRegions<T extends { name: string; city: string }>(regions: readonly T[], search: string): T[] {
  const q = search.trim().toLowerCase();
  if (!q) return [...regions];
  return regions.filter((r) => r.name.toLowerCase().includes(q) || r.city.toLowerCase().includes(q));
}
