// The ranked selection list as flat rows, one per application and region, in the region's ranking order
// (with a cap a high rank may still be 未入选 there: it won a region it prefers); screened-out applications
// last. Used by every export format and by the print layout, so they always agree.
import type { PlacementStatus } from '../ranking/results';
import type { RoundResults } from './results-view';

export interface SelectionRow {
  regionId: string;
  regionName: string;
  applicationId: string;
  legalName: string;
  creditCode: string;
  rank: number | null;
  total: number | null;
  status: PlacementStatus;
  waitlistPosition: number | null;
  /**
   * The placement waits for the committee's order of a still-tied group (shared/ranking/provisional.ts):
   * every format marks it 待定（并列待评审小组定序）. false for results frozen before the flag existed.
   */
  provisional: boolean;
  preference: number | null;
  priceQuoteYuan: number | null;
}

export function selectionRows(results: RoundResults): SelectionRow[] {
  const label = (id: string) => results.labels.applications[id] ?? { legalName: id, creditCode: '', priceQuoteYuan: null };
  const byId = new Map(results.allocation.regions.map((r) => [r.regionId, r]));
  return results.regionOrder.flatMap((regionId) => {
    const region = byId.get(regionId)!;
    const regionName = results.labels.regions[region.regionId]?.name ?? region.regionId;
    const entries = new Map(results.ranking.regions.find((r) => r.regionId === region.regionId)?.entries.map((e) => [e.applicationId, e]) ?? []);
    const rows: SelectionRow[] = region.placements.map((p) => {
      const entry = entries.get(p.applicationId);
      return {
        regionId: region.regionId,
        regionName,
        applicationId: p.applicationId,
        legalName: label(p.applicationId).legalName,
        creditCode: label(p.applicationId).creditCode,
        rank: entry?.rank ?? null,
        total: entry?.total ?? null,
        status: p.status,
        waitlistPosition: p.waitlistPosition,
        provisional: p.provisional === true,
        preference: entry?.preference ?? null,
        priceQuoteYuan: label(p.applicationId).priceQuoteYuan,
      };
    });
    const screenedOut = results.ineligible
      .filter((i) => i.regionId === region.regionId)
      .map((i): SelectionRow => ({ regionId: region.regionId, regionName, applicationId: i.applicationId, legalName: label(i.applicationId).legalName, creditCode: label(i.applicationId).creditCode, rank: null, total: null, status: 'ineligible', waitlistPosition: null, provisional: false, preference: i.preference, priceQuoteYuan: label(i.applicationId).priceQuoteYuan }));
    return [...rows, ...screenedOut];
  });
}
