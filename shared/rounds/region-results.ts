// One region of a round's ranking, and a summary of all regions (issue 8): at 300 regions and 20,000
// applications the whole RoundResults is tens of MB, so the ranking tab asks for the region it shows plus a
// summary, both cut from the same computed (and cached) RoundResults, so they never disagree with it or with
// the exports, which still take the whole results.
import type { RegionAllocation, RegionRanking, ApplicationWins } from '../ranking/results';
import type { Explanation } from '../ranking/explain';
import type { RoundResults } from './results-view';

type Header = Pick<RoundResults, 'roundId' | 'roundName' | 'referenceDate' | 'computedAt' | 'options' | 'regionOrder' | 'sheets' | 'finalized'>;

export interface RegionResults extends Header {
  regionId: string;
  ranking: RegionRanking;
  allocation: RegionAllocation;
  /** The region's explanations, in the order of the full results. */
  explanations: Explanation[];
  ineligible: RoundResults['ineligible'];
  /** Admitted regions of the region's applicants (the per-applicant cap is round-wide). */
  wins: ApplicationWins[];
  cap: number | null;
  pendingCommittee: boolean;
  /** Labels of the region's applications only; every region and member. */
  labels: RoundResults['labels'];
}

export interface RegionSummary {
  regionId: string;
  name: string;
  city: string;
  quota: number;
  waitlistLength: number;
  applications: number;
  ranked: number;
  admitted: number;
  waitlist: number;
  seatsPendingCommittee: number;
  stillTiedGroups: number;
  cutoffTotal: number | null;
}

export interface RoundResultsSummary extends Header {
  cap: number | null;
  pendingCommittee: boolean;
  labels: Pick<RoundResults['labels'], 'regions' | 'members'>;
  /** In regionOrder. */
  regions: RegionSummary[];
}

const winOrder = (by: ByRegion, w: ApplicationWins) => by.winIndex.get(w.applicationId)!;
const header = (r: RoundResults): Header => ({ roundId: r.roundId, roundName: r.roundName, referenceDate: r.referenceDate, computedAt: r.computedAt, options: r.options, regionOrder: r.regionOrder, sheets: r.sheets, finalized: r.finalized });

/** The results grouped by region once, so that each region's slice is cut without scanning the whole round. */
export interface ByRegion {
  ranking: Map<string, RegionRanking>;
  allocation: Map<string, RegionAllocation>;
  explanations: Map<string, Explanation[]>;
  ineligible: Map<string, RoundResults['ineligible']>;
  wins: Map<string, ApplicationWins>;
  winIndex: Map<string, number>;
}

export function groupByRegion(r: RoundResults): ByRegion {
  const group = <T extends { regionId: string }>(xs: readonly T[]) => {
    const map = new Map<string, T[]>();
    for (const x of xs) {
      const list = map.get(x.regionId);
      if (list) list.push(x);
      else map.set(x.regionId, [x]);
    }
    return map;
  };
  return {
    ranking: new Map(r.ranking.regions.map((x) => [x.regionId, x])),
    allocation: new Map(r.allocation.regions.map((x) => [x.regionId, x])),
    explanations: group(r.explanations),
    ineligible: group(r.ineligible),
    wins: new Map(r.allocation.wins.map((w) => [w.applicationId, w])),
    winIndex: new Map(r.allocation.wins.map((w, i) => [w.applicationId, i])),
  };
}

/** The region's slice, or null when the round has no such region. */
export function regionResults(r: RoundResults, regionId: string, by: ByRegion = groupByRegion(r)): RegionResults | null {
  const ranking = by.ranking.get(regionId);
  const allocation = by.allocation.get(regionId);
  if (!ranking || !allocation) return null;
  const ineligible = by.ineligible.get(regionId) ?? [];
  const ids = new Set([...ranking.entries.map((e) => e.applicationId), ...ineligible.map((x) => x.applicationId)]);
  return {
    ...header(r),
    regionId,
    ranking,
    allocation,
    explanations: by.explanations.get(regionId) ?? [],
    ineligible,
    // In the order of the full results' wins.
    wins: [...ids].flatMap((id) => (by.wins.has(id) ? [by.wins.get(id)!] : [])).sort((a, b) => winOrder(by, a) - winOrder(by, b)),
    cap: r.allocation.cap,
    pendingCommittee: r.allocation.pendingCommittee,
    labels: { applications: Object.fromEntries([...ids].flatMap((id) => (r.labels.applications[id] ? [[id, r.labels.applications[id]]] : []))), regions: r.labels.regions, members: r.labels.members },
  };
}

export function resultsSummary(r: RoundResults): RoundResultsSummary {
  const rankingOf = new Map(r.ranking.regions.map((x) => [x.regionId, x]));
  const allocationOf = new Map(r.allocation.regions.map((x) => [x.regionId, x]));
  const ineligibleIn = new Map<string, number>();
  for (const x of r.ineligible) ineligibleIn.set(x.regionId, (ineligibleIn.get(x.regionId) ?? 0) + 1);
  return {
    ...header(r),
    cap: r.allocation.cap,
    pendingCommittee: r.allocation.pendingCommittee,
    labels: { regions: r.labels.regions, members: r.labels.members },
    regions: r.regionOrder.flatMap((regionId) => {
      const ranking = rankingOf.get(regionId);
      const allocation = allocationOf.get(regionId);
      if (!ranking || !allocation) return [];
      const label = r.labels.regions[regionId] ?? { name: '', city: '' };
      return [
        {
          regionId,
          name: label.name,
          city: label.city,
          quota: ranking.quota,
          waitlistLength: ranking.waitlistLength,
          applications: ranking.entries.length + (ineligibleIn.get(regionId) ?? 0),
          ranked: ranking.entries.filter((e) => e.standing === 'ranked').length,
          admitted: allocation.admitted.length,
          waitlist: allocation.waitlist.length,
          seatsPendingCommittee: allocation.seatsPendingCommittee,
          stillTiedGroups: ranking.stillTiedGroups.length,
          cutoffTotal: allocation.cutoffTotal,
        },
      ];
    }),
  };
}
