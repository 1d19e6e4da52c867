// Why each applicant got its result in each region (issue 3: "every applicant's result is explained in
// words: rank, total, quota, cutoff score, cap, tie-break used"). This module gives the facts and reason
// codes; the renderer words them from its locale files (zh-CN, en). No prose here.
import type { Placement, PlacementStatus, RegionEntry, RoundAllocation, RoundRanking, TieBreakDecision } from './results';
import type { ApplicantId, ApplicationId, CriterionKey, RegionId } from './types';

export type ExplanationReason =
  | { readonly code: 'ineligible' }
  | { readonly code: 'incomplete'; readonly missingCriteria: readonly CriterionKey[] }
  | { readonly code: 'belowMinimum'; readonly total: number; readonly minimumTotal: number }
  /** Ranked behind the quota's last seat (or, with a cap, behind everyone the region admitted). */
  | { readonly code: 'quotaFull'; readonly quota: number; readonly cutoffTotal: number | null }
  /** With a cap: already admitted to `cap` regions it prefers, so it does not take this one. */
  | { readonly code: 'preferredRegionWon'; readonly cap: number; readonly wonRegionIds: readonly RegionId[] }
  | { readonly code: 'tiedAtCutoff'; readonly groupId: string; readonly seatsPendingCommittee: number }
  /** Equal with others on every tie-break level, away from the cutoff (informational). */
  | { readonly code: 'stillTied'; readonly groupId: string }
  | { readonly code: 'committeeOrderIncomplete'; readonly groupId: string }
  | { readonly code: 'recusedMembers'; readonly count: number }
  | { readonly code: 'invalidQuote' };

export interface Explanation {
  readonly applicationId: ApplicationId;
  readonly applicantId: ApplicantId;
  readonly regionId: RegionId;
  readonly preference: number;
  readonly status: PlacementStatus;
  readonly rank: number | null;
  /** How many entries the region ranked (for "rank 3 of 12"). */
  readonly rankedCount: number;
  readonly total: number | null;
  readonly quota: number;
  readonly cutoffTotal: number | null;
  readonly minimumTotal: number | null;
  readonly cap: number | null;
  /** Regions this application was admitted to, in its preference order. */
  readonly wins: readonly RegionId[];
  readonly waitlistPosition: number | null;
  /** The placement waits for the committee's order of a still-tied group (provisional.ts): 待定. */
  readonly provisional: boolean;
  readonly waitlistLength: number;
  readonly tieBreaks: readonly TieBreakDecision[];
  readonly stillTiedGroup: string | null;
  readonly seatsPendingCommittee: number;
  /** The decisive reason first, then informational ones. */
  readonly reasons: readonly ExplanationReason[];
}

/** One explanation per (application, region), by region id and then in the region's ranking order. */
export function explain(ranking: RoundRanking, allocation: RoundAllocation): Explanation[] {
  const { cap, minimumTotal } = ranking.options;
  const wins = new Map(allocation.wins.map((w) => [w.applicationId, w.regionIds]));
  const preference = new Map<string, number>();
  for (const r of ranking.regions) for (const e of r.entries) preference.set(`${e.applicationId}\u0000${r.regionId}`, e.preference);
  const prefOf = (applicationId: string, regionId: string) => preference.get(`${applicationId}\u0000${regionId}`)!;

  return ranking.regions.flatMap((region) => {
    const ra = allocation.regions.find((a) => a.regionId === region.regionId)!;
    const placement = new Map<string, Placement>(ra.placements.map((p) => [p.applicationId, p]));
    const rankedCount = region.entries.filter((e) => e.standing === 'ranked').length;
    return region.entries.map((e): Explanation => {
      const p = placement.get(e.applicationId)!;
      const won = wins.get(e.applicationId) ?? [];
      const group = region.stillTiedGroups.find((g) => g.groupId === e.stillTiedGroup);
      const decisive = ((): ExplanationReason[] => {
        switch (p.status) {
          case 'ineligible': return [{ code: 'ineligible' }];
          case 'incomplete': return [{ code: 'incomplete', missingCriteria: e.missingCriteria }];
          case 'belowMinimum': return [{ code: 'belowMinimum', total: e.total!, minimumTotal: minimumTotal! }];
          case 'tiedAtCutoff': return [{ code: 'tiedAtCutoff', groupId: e.stillTiedGroup!, seatsPendingCommittee: ra.seatsPendingCommittee }];
          case 'admitted': return [];
          case 'waitlist':
          case 'notAdmitted':
            // With a cap, an applicant holding `cap` regions it prefers does not want this one (see allocate.ts).
            return cap !== null && won.length >= cap && won.every((w) => prefOf(e.applicationId, w) < e.preference)
              ? [{ code: 'preferredRegionWon', cap, wonRegionIds: won }]
              : [{ code: 'quotaFull', quota: region.quota, cutoffTotal: ra.cutoffTotal }];
        }
      })();
      return {
        applicationId: e.applicationId,
        applicantId: e.applicantId,
        regionId: region.regionId,
        preference: e.preference,
        status: p.status,
        rank: e.rank,
        rankedCount,
        total: e.total,
        quota: region.quota,
        cutoffTotal: ra.cutoffTotal,
        minimumTotal,
        cap,
        wins: won,
        waitlistPosition: p.waitlistPosition,
        provisional: p.provisional,
        waitlistLength: region.waitlistLength,
        tieBreaks: e.tieBreaks,
        stillTiedGroup: e.stillTiedGroup,
        seatsPendingCommittee: ra.seatsPendingCommittee,
        reasons: [...decisive, ...informational(e, p.status, group?.committeeOrderIncomplete ?? false)],
      };
    });
  });
}

function informational(e: RegionEntry, status: PlacementStatus, committeeOrderIncomplete: boolean): ExplanationReason[] {
  const out: ExplanationReason[] = [];
  if (e.stillTiedGroup !== null && status !== 'tiedAtCutoff') out.push({ code: 'stillTied', groupId: e.stillTiedGroup });
  if (e.stillTiedGroup !== null && committeeOrderIncomplete) out.push({ code: 'committeeOrderIncomplete', groupId: e.stillTiedGroup });
  if (e.recusedMembers > 0) out.push({ code: 'recusedMembers', count: e.recusedMembers });
  if (e.invalidQuote) out.push({ code: 'invalidQuote' });
  return out;
}
