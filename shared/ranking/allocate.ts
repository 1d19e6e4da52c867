// From the region rankings to who is admitted where (issue 3 "Ranking and allocation"): quota, minimum,
// still-tied groups at the cutoff, waitlist, and the per-applicant cap by deferred acceptance.
import { compareIds } from './compare';
import { toHundredths } from './decimal';
import { deferredAcceptance } from './deferred-acceptance';
import { markProvisional, provisionalByEnumeration } from './provisional';
import type { ApplicationWins, Placement, PlacementStatus, RegionAllocation, RegionEntry, RegionRanking, RoundAllocation, RoundRanking } from './results';

/**
 * Allocates seats. An entry qualifies in a region when it is ranked (eligible, complete) and its total there
 * is at least options.minimumTotal: "admitted up to the quota among eligible applications at or above the
 * minimum" (issue 3), so a total below the minimum is 'belowMinimum' even with seats left.
 *
 * - No cap: regions are independent; each admits its first `quota` qualifying entries.
 * - Cap k: deferred-acceptance.ts with each region's ranking as its priority. The result is stable: no
 *   qualifying (applicant, region) pair where the applicant wants the region (fewer than k wins, or prefers it
 *   to a win) and the region has a free seat or ranks the applicant above someone it admitted.
 *
 * Still-tied groups are never silently ordered. Seats are first matched with the neutral order (application
 * id) standing in for the missing decision; then, in each region, a still-tied group with members who got a
 * seat there AND members who want it but did not is 'tiedAtCutoff' as a whole: nobody in it is admitted, the
 * seats its members held are reported as seatsPendingCommittee, and options.committeeOrder resolves it on the
 * next run. Without a cap this is exactly "the group straddles the quota boundary". With a cap, wanting is
 * judged against the matching, and other regions' results are provisional until the committee decides
 * (RoundAllocation.pendingCommittee).
 *
 * Waitlist (候补): the next entries of the region's ranking that qualify, were not admitted there and still
 * want the region (always, without a cap), up to waitlistLength. Positions after a tiedAtCutoff group start
 * after the group's members that will not get a seat — they come first once the committee orders them, so
 * nobody else's position changes then. A still-tied group shares one position and is kept whole when it
 * straddles the end of the waitlist: a waitlist place is no seat, and cutting between equals would be an
 * arbitrary choice the rules do not make.
 *
 * Every placement that the committee's pending order could still change is marked provisional (待定):
 * provisional.ts.
 */
export function allocate(ranking: RoundRanking): RoundAllocation {
  return markProvisional(ranking, seat(ranking), seat);
}

/**
 * The provisional placements found by trying every committee order (keys `${regionId}\u0000${applicationId}`);
 * null above provisional.ts's ENUMERATION_LIMIT / WORK_LIMIT. For the tests: allocate() uses a closed form without a cap.
 */
export function provisionalByEnumerationOf(ranking: RoundRanking): Set<string> | null {
  return provisionalByEnumeration(ranking, seat);
}

/** The allocation with every placement's provisional flag false (provisional.ts sets them). */
function seat(ranking: RoundRanking): RoundAllocation {
  const { cap, minimumTotal } = ranking.options;
  const minH = minimumTotal === null ? null : toHundredths(minimumTotal);
  const qualifies = (e: RegionEntry) => e.standing === 'ranked' && (minH === null || toHundredths(e.total!) >= minH);

  // The strict order each region uses to match: its entries' order (ties in neutral order, see above).
  const matched = new Map<string, Set<string>>();
  if (cap === null) {
    for (const r of ranking.regions) matched.set(r.regionId, new Set(r.entries.filter(qualifies).slice(0, r.quota).map((e) => e.applicationId)));
  } else {
    const choices = new Map<string, { regionId: string; preference: number }[]>();
    for (const r of ranking.regions) {
      for (const e of r.entries.filter(qualifies)) choices.set(e.applicationId, [...(choices.get(e.applicationId) ?? []), { regionId: r.regionId, preference: e.preference }]);
    }
    const proposers = [...choices].map(([id, list]) => ({ id, preferences: list.sort((a, b) => a.preference - b.preference).map((c) => c.regionId) }));
    proposers.sort((a, b) => compareIds(a.id, b.id));
    const daRegions = ranking.regions.map((r) => ({
      id: r.regionId,
      capacity: r.quota,
      priority: new Map(r.entries.filter(qualifies).map((e, i) => [e.applicationId, i])),
    }));
    for (const [regionId, ids] of deferredAcceptance(proposers, daRegions, cap)) matched.set(regionId, new Set(ids));
  }

  // Preferences of each application's matched regions, to judge whether it still wants another region.
  const matchedPrefs = new Map<string, number[]>();
  for (const r of ranking.regions) {
    for (const e of r.entries) if (matched.get(r.regionId)!.has(e.applicationId)) matchedPrefs.set(e.applicationId, [...(matchedPrefs.get(e.applicationId) ?? []), e.preference]);
  }
  const wants = (r: RegionRanking, e: RegionEntry) => {
    if (!qualifies(e) || matched.get(r.regionId)!.has(e.applicationId)) return false;
    const prefs = matchedPrefs.get(e.applicationId) ?? [];
    return cap === null || prefs.length < cap || prefs.some((p) => p > e.preference);
  };

  const regions = ranking.regions.map((r) => allocateRegion(r, matched.get(r.regionId)!, qualifies, (e) => wants(r, e)));

  // Wins are the final admissions (a tiedAtCutoff seat is no win yet), in the applicant's preference order.
  const won = new Map<string, { applicantId: string; regions: { regionId: string; preference: number }[] }>();
  for (const [i, r] of ranking.regions.entries()) {
    for (const e of r.entries) {
      const w = won.get(e.applicationId) ?? { applicantId: e.applicantId, regions: [] };
      if (regions[i]!.admitted.includes(e.applicationId)) w.regions.push({ regionId: r.regionId, preference: e.preference });
      won.set(e.applicationId, w);
    }
  }
  const wins: ApplicationWins[] = [...won]
    .map(([applicationId, w]) => ({ applicationId, applicantId: w.applicantId, regionIds: w.regions.sort((a, b) => a.preference - b.preference).map((x) => x.regionId) }))
    .sort((a, b) => compareIds(a.applicationId, b.applicationId));

  return {
    cap,
    regions,
    wins,
    pendingCommittee: regions.some((r) => r.seatsPendingCommittee > 0),
  };
}

function allocateRegion(
  r: RegionRanking,
  matched: ReadonlySet<string>,
  qualifies: (e: RegionEntry) => boolean,
  wants: (e: RegionEntry) => boolean,
): RegionAllocation {
  // Still-tied groups split by the neutral order: some members seated here, others wanting the seat.
  const tied = new Set<string>();
  let seatsPending = 0;
  for (const g of r.stillTiedGroups) {
    const members = r.entries.filter((e) => e.stillTiedGroup === g.groupId);
    const seated = members.filter((e) => matched.has(e.applicationId));
    const wanting = members.filter(wants);
    if (seated.length === 0 || wanting.length === 0) continue;
    [...seated, ...wanting].forEach((e) => tied.add(e.applicationId));
    seatsPending += seated.length;
  }

  // Waitlist: positions continue after the tied members who will not get a pending seat.
  const waitlist = new Map<string, number>();
  let ahead = tied.size - seatsPending;
  const candidates = r.entries.filter((e) => wants(e) && !tied.has(e.applicationId));
  for (let i = 0; i < candidates.length; ) {
    const group = candidates[i]!.stillTiedGroup;
    let j = i + 1;
    while (group !== null && j < candidates.length && candidates[j]!.stillTiedGroup === group) j++;
    const position = ahead + 1;
    if (position > r.waitlistLength) break;
    for (let k = i; k < j; k++) waitlist.set(candidates[k]!.applicationId, position);
    ahead += j - i;
    i = j;
  }

  const matchedTotals = r.entries.filter((e) => matched.has(e.applicationId)).map((e) => toHundredths(e.total!));
  const placements = r.entries.map((e): Placement => {
    const status: PlacementStatus =
      e.standing !== 'ranked' ? e.standing
      : !qualifies(e) ? 'belowMinimum'
      : tied.has(e.applicationId) ? 'tiedAtCutoff'
      : matched.has(e.applicationId) ? 'admitted'
      : waitlist.has(e.applicationId) ? 'waitlist'
      : 'notAdmitted';
    return { applicationId: e.applicationId, applicantId: e.applicantId, regionId: r.regionId, status, waitlistPosition: waitlist.get(e.applicationId) ?? null, provisional: false };
  });
  return {
    regionId: r.regionId,
    quota: r.quota,
    waitlistLength: r.waitlistLength,
    admitted: placements.filter((p) => p.status === 'admitted').map((p) => p.applicationId),
    waitlist: placements.filter((p) => p.status === 'waitlist').sort((a, b) => a.waitlistPosition! - b.waitlistPosition!).map((p) => p.applicationId),
    seatsPendingCommittee: seatsPending,
    cutoffTotal: matchedTotals.length === 0 ? null : Math.min(...matchedTotals) / 100,
    placements,
  };
}
