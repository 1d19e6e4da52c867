// Which placements are provisional (待定（并列待评审小组定序）): those whose outcome — status and waitlist
// position — still depends on how a still-tied group the committee has not ordered yet will be ordered
// (issue 7). A list with such a placement must say so on screen, in every export, on paper and in the command
// line, so nobody reads "入选" or "候补 2" as settled while the committee's decision is pending.
//
// Definition: over every way the committee could order the unresolved still-tied groups (each group's
// permutations, all groups together), a placement is provisional when its outcome is not the same in all of
// them. tiedAtCutoff is always provisional.
//
// - No cap: regions are independent, and allocate.ts starts the waitlist positions after a group at the
//   same place whatever the group's order, so only the group's own members can change; they do exactly when
//   the group holds pending seats (tiedAtCutoff) or waitlist places (each member can be ordered first or
//   last, so their positions, or who stays on a waitlist the group straddles the end of, differ). Closed
//   form, no search.
// - A cap: ordering a tie may move an applicant between regions, so anyone may be affected. The orders are
//   enumerated while that stays small (ENUMERATION_LIMIT orders, WORK_LIMIT placements computed in all).
//   Beyond that (groups of 6 or more, many groups at once, or a platform-scale round), the closed form's
//   marks are kept and, when seats are pending (tiedAtCutoff somewhere), every placement that qualifies for
//   a seat is marked too: erring towards 待定 is safe, calling a pending result settled is not. Without
//   pending seats the fallback marks the tied groups' own waitlist places only; the exact check covers every
//   round small enough for a committee to read, which is where a tie's side effects would be looked at.
import { toHundredths } from './decimal';
import { rankRegion, type RegionCandidate } from './rank-region';
import type { Placement, RoundAllocation, RoundRanking } from './results';

/** 6! orders of one group of 6, or 4! × 3! × 3! for three groups; each is one allocation of the round. */
export const ENUMERATION_LIMIT = 720;
/** Orders × entries of the round: keeps the check to well under a second on a laptop. */
export const WORK_LIMIT = 400_000;

interface Group {
  readonly regionId: string;
  readonly ids: readonly string[];
}

const key = (regionId: string, applicationId: string) => `${regionId}\u0000${applicationId}`;
const outcome = (p: Placement) => `${p.status}#${p.waitlistPosition ?? ''}`;
const QUALIFIED = new Set(['admitted', 'waitlist', 'notAdmitted', 'tiedAtCutoff']);

/** The allocation with `provisional` set on every placement; `seat` allocates a ranking (allocate.ts). */
export function markProvisional(ranking: RoundRanking, allocation: RoundAllocation, seat: (r: RoundRanking) => RoundAllocation): RoundAllocation {
  const groups: Group[] = ranking.regions.flatMap((r) => r.stillTiedGroups.map((g) => ({ regionId: r.regionId, ids: g.applicationIds })));
  if (groups.length === 0) return allocation;
  const flagged = ranking.options.cap === null ? closedForm(groups, allocation) : (enumerate(ranking, groups, seat) ?? fallback(groups, allocation));
  return {
    ...allocation,
    regions: allocation.regions.map((r) => ({
      ...r,
      placements: r.placements.map((p) => ({ ...p, provisional: p.status === 'tiedAtCutoff' || flagged.has(key(r.regionId, p.applicationId)) })),
    })),
  };
}

function closedForm(groups: readonly Group[], allocation: RoundAllocation): Set<string> {
  const out = new Set<string>();
  for (const g of groups) {
    const placements = allocation.regions.find((r) => r.regionId === g.regionId)!.placements.filter((p) => g.ids.includes(p.applicationId));
    if (placements.some((p) => p.status === 'tiedAtCutoff' || p.status === 'waitlist')) g.ids.forEach((id) => out.add(key(g.regionId, id)));
  }
  return out;
}

function fallback(groups: readonly Group[], allocation: RoundAllocation): Set<string> {
  const out = closedForm(groups, allocation);
  if (allocation.pendingCommittee) {
    for (const r of allocation.regions) for (const p of r.placements) if (QUALIFIED.has(p.status)) out.add(key(r.regionId, p.applicationId));
  }
  return out;
}

/**
 * Placements whose outcome differs between two complete committee orders; null when there are more than
 * ENUMERATION_LIMIT orders or WORK_LIMIT placements. Exported for the tests, which check closedForm against it.
 */
export function provisionalByEnumeration(ranking: RoundRanking, seat: (r: RoundRanking) => RoundAllocation): Set<string> | null {
  const groups: Group[] = ranking.regions.flatMap((r) => r.stillTiedGroups.map((g) => ({ regionId: r.regionId, ids: g.applicationIds })));
  return groups.length === 0 ? new Set() : enumerate(ranking, groups, seat);
}

function enumerate(ranking: RoundRanking, groups: readonly Group[], seat: (r: RoundRanking) => RoundAllocation): Set<string> | null {
  const entries = ranking.regions.reduce((n, r) => n + r.entries.length, 0);
  let count = 1;
  for (const g of groups) {
    for (let k = 2; k <= g.ids.length; k++) count *= k;
    if (count > ENUMERATION_LIMIT || count * entries > WORK_LIMIT) return null;
  }
  const seen = new Map<string, string>();
  const varying = new Set<string>();
  const pending = new Set(groups.flatMap((g) => g.ids.map((id) => key(g.regionId, id))));
  const choose = (i: number, chosen: readonly (readonly string[])[]): void => {
    if (i === groups.length) {
      for (const r of seat(resolved(ranking, groups, chosen, pending)).regions) {
        for (const p of r.placements) {
          const k = key(r.regionId, p.applicationId);
          const before = seen.get(k);
          if (before === undefined) seen.set(k, outcome(p));
          else if (before !== outcome(p)) varying.add(k);
        }
      }
      return;
    }
    for (const order of permutations(groups[i]!.ids)) choose(i + 1, [...chosen, order]);
  };
  choose(0, []);
  return varying;
}

/** The ranking as if the committee had ordered group i as chosen[i] (everything else unchanged). */
function resolved(ranking: RoundRanking, groups: readonly Group[], chosen: readonly (readonly string[])[], pending: ReadonlySet<string>): RoundRanking {
  const committeeOrder: Record<string, string[]> = {};
  for (const r of ranking.regions) {
    // The committee's own list, without the ids of groups it has not (completely) ordered, then our orders.
    const own = (ranking.options.committeeOrder[r.regionId] ?? []).filter((id) => !pending.has(key(r.regionId, id)));
    committeeOrder[r.regionId] = [...own, ...groups.flatMap((g, i) => (g.regionId === r.regionId ? chosen[i]! : []))];
  }
  const options = { ...ranking.options, committeeOrder };
  return {
    options,
    regions: ranking.regions.map((r) => {
      const candidates = r.entries.map((e): RegionCandidate => ({ ...e, totalH: e.total === null ? null : toHundredths(e.total) }));
      return rankRegion(r, r.benchmarkQuote, candidates, options);
    }),
  };
}

function permutations(items: readonly string[]): string[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) => permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]));
}
