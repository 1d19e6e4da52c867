// Golden cases of the allocation: minimum score, quota, waitlist, still-tied groups at the cutoff, the
// committee's order, and the per-applicant cap (issue 3 "Ranking and allocation").
import { describe, expect, it } from 'vitest';
import { evaluateRound } from '../../../shared/ranking';
import { entryOf, round, statuses } from './support';

/** Applications with one member's uniform score each (total = that score) and distinct quotes. */
function simple(totals: Record<string, number>, regions?: Record<string, { quota: number; waitlist?: number }>) {
  const apps = Object.fromEntries(Object.entries(totals).map(([id, t]) => [id, { scores: { m1: t } }]));
  return round({ apps, regions: regions ?? { R: { quota: 1 } } });
}

describe('minimum total', () => {
  it('refuses a total below the minimum even with free seats, and admits one exactly at it', () => {
    // Quota 3 but minimum 60: A 80 admitted, B 60.00 admitted (at the minimum), C 59.99 below.
    const { allocation, explanations } = evaluateRound(simple({ A: 80, B: 60, C: 59.99 }, { R: { quota: 3, waitlist: 2 } }), { minimumTotal: 60 });
    expect(statuses(allocation)).toEqual({ A: 'admitted', B: 'admitted', C: 'belowMinimum' });
    expect(allocation.regions[0]!.cutoffTotal).toBe(60);
    expect(explanations.find((x) => x.applicationId === 'C')!.reasons).toEqual([{ code: 'belowMinimum', total: 59.99, minimumTotal: 60 }]);
    // Without the minimum all three are admitted.
    expect(statuses(evaluateRound(simple({ A: 80, B: 60, C: 59.99 }, { R: { quota: 3 } })).allocation)).toEqual({ A: 'admitted', B: 'admitted', C: 'admitted' });
  });

  it('compares the rounded total with the minimum', () => {
    // Means (59.99 + 60) / 2 = 59.995 → published 60.00 → at the minimum.
    const input = round({ apps: { A: { scores: { m1: 59.99, m2: 60 } } } });
    const { ranking, allocation } = evaluateRound(input, { minimumTotal: 60 });
    expect(entryOf(ranking, 'A').total).toBe(60);
    expect(statuses(allocation)).toEqual({ A: 'admitted' });
  });
});

describe('quota and waitlist', () => {
  it('admits the first `quota`, waitlists the next `waitlistLength` with positions, and no more', () => {
    const input = simple({ A: 90, B: 85, C: 80, D: 75, E: 70 }, { R: { quota: 2, waitlist: 2 } });
    const { allocation, explanations } = evaluateRound(input);
    expect(statuses(allocation)).toEqual({ A: 'admitted', B: 'admitted', C: 'waitlist#1', D: 'waitlist#2', E: 'notAdmitted' });
    expect(allocation.regions[0]).toMatchObject({ admitted: ['A', 'B'], waitlist: ['C', 'D'], cutoffTotal: 85, seatsPendingCommittee: 0 });
    expect(explanations.find((x) => x.applicationId === 'E')).toMatchObject({
      status: 'notAdmitted',
      rank: 5,
      rankedCount: 5,
      total: 70,
      quota: 2,
      cutoffTotal: 85,
      waitlistPosition: null,
      reasons: [{ code: 'quotaFull', quota: 2, cutoffTotal: 85 }],
    });
  });

  it('has no waitlist with length 0, and admits nobody with quota 0', () => {
    expect(statuses(evaluateRound(simple({ A: 90, B: 85 }, { R: { quota: 1, waitlist: 0 } })).allocation)).toEqual({ A: 'admitted', B: 'notAdmitted' });
    const none = evaluateRound(simple({ A: 90, B: 85 }, { R: { quota: 0, waitlist: 1 } })).allocation;
    expect(statuses(none)).toEqual({ A: 'waitlist#1', B: 'notAdmitted' });
    expect(none.regions[0]!.cutoffTotal).toBeNull();
  });

  it('keeps below-minimum entries off the waitlist', () => {
    const input = simple({ A: 90, B: 85, C: 50 }, { R: { quota: 1, waitlist: 5 } });
    expect(statuses(evaluateRound(input, { minimumTotal: 60 }).allocation)).toEqual({ A: 'admitted', B: 'waitlist#1', C: 'belowMinimum' });
  });
});

describe('still tied at the cutoff', () => {
  // A and B are still tied (identical sheets and quotes); C and D follow. Quota 2, waitlist 2.
  //   X 90 > A = B 80 > C 70 > D 60: X takes seat 1; A and B straddle seat 2.
  const tie = round({
    regions: { R: { quota: 2, waitlist: 2 } },
    apps: { X: { scores: { m1: 90 } }, B: { scores: { m1: 80 } }, A: { scores: { m1: 80 } }, C: { scores: { m1: 70 } }, D: { scores: { m1: 60 } } },
  });

  it('admits nobody of the group and holds the seats for the committee', () => {
    const { ranking, allocation, explanations } = evaluateRound(tie);
    expect([entryOf(ranking, 'A').rank, entryOf(ranking, 'B').rank]).toEqual([2, 2]);
    // C's waitlist position is 2: the loser of A/B will be first once the committee decides.
    expect(statuses(allocation)).toEqual({ X: 'admitted', A: 'tiedAtCutoff', B: 'tiedAtCutoff', C: 'waitlist#2', D: 'notAdmitted' });
    expect(allocation.regions[0]).toMatchObject({ admitted: ['X'], seatsPendingCommittee: 1, cutoffTotal: 80 });
    expect(allocation.pendingCommittee).toBe(true);
    expect(explanations.find((x) => x.applicationId === 'A')!.reasons).toEqual([{ code: 'tiedAtCutoff', groupId: 'R#2', seatsPendingCommittee: 1 }]);
  });

  it('is resolved by the committee’s order, reported as tie-break "committee"', () => {
    const { ranking, allocation } = evaluateRound(tie, { committeeOrder: { R: ['B', 'A'] } });
    expect(statuses(allocation)).toEqual({ X: 'admitted', B: 'admitted', A: 'waitlist#1', C: 'waitlist#2', D: 'notAdmitted' });
    expect([entryOf(ranking, 'B').rank, entryOf(ranking, 'A').rank]).toEqual([2, 3]);
    expect(entryOf(ranking, 'A')).toMatchObject({ stillTiedGroup: null, tieBreaks: [{ level: 'committee', against: 'B', outcome: 'lost' }] });
    expect(ranking.regions[0]!.stillTiedGroups).toEqual([]);
    expect(allocation.pendingCommittee).toBe(false);
  });

  it('ignores a committee order that leaves a member of the group out', () => {
    const three = round({ regions: { R: { quota: 1 } }, apps: { A: { scores: { m1: 80 } }, B: { scores: { m1: 80 } }, C: { scores: { m1: 80 } } } });
    const { ranking, allocation, explanations } = evaluateRound(three, { committeeOrder: { R: ['C', 'A'] } });
    expect(statuses(allocation)).toEqual({ A: 'tiedAtCutoff', B: 'tiedAtCutoff', C: 'tiedAtCutoff' });
    expect(ranking.regions[0]!.stillTiedGroups[0]).toMatchObject({ applicationIds: ['A', 'B', 'C'], committeeOrderIncomplete: true });
    expect(explanations[0]!.reasons).toContainEqual({ code: 'committeeOrderIncomplete', groupId: 'R#1' });
  });

  it('does not let the committee override an order the rules decide', () => {
    // A 90 > B 80: listing B first changes nothing.
    const { allocation } = evaluateRound(simple({ A: 90, B: 80 }), { committeeOrder: { R: ['B', 'A'] } });
    expect(statuses(allocation)).toEqual({ A: 'admitted', B: 'notAdmitted' });
  });

  it('applies the committee order only in the region it was given for', () => {
    const twoRegions = round({ regions: { R: { quota: 1 }, S: { quota: 1 } }, apps: { A: { regions: ['R', 'S'], scores: { m1: 80 } }, B: { regions: ['S', 'R'], scores: { m1: 80 } } } });
    const { allocation } = evaluateRound(twoRegions, { committeeOrder: { R: ['B', 'A'] } });
    expect(statuses(allocation, 'R')).toEqual({ B: 'admitted', A: 'notAdmitted' });
    expect(statuses(allocation, 'S')).toEqual({ A: 'tiedAtCutoff', B: 'tiedAtCutoff' });
  });

  it('keeps a still-tied group whole when it straddles the end of the waitlist, sharing a position', () => {
    // Quota 1, waitlist 2: X admitted; Y waitlist 1; A and B tied for waitlist place 2 → both, position 2.
    const input = round({
      regions: { R: { quota: 1, waitlist: 2 } },
      apps: { X: { scores: { m1: 95 } }, Y: { scores: { m1: 90 } }, A: { scores: { m1: 80 } }, B: { scores: { m1: 80 } }, C: { scores: { m1: 70 } } },
    });
    expect(statuses(evaluateRound(input).allocation)).toEqual({ X: 'admitted', Y: 'waitlist#1', A: 'waitlist#2', B: 'waitlist#2', C: 'notAdmitted' });
  });
});

describe('per-applicant cap (deferred acceptance)', () => {
  // Regions X and Y, one seat each, cap 1. Scores are the same in every region, A 90 > B 80 > C 70.
  //   A proposes X (its first choice) and holds it. B proposes X, is rejected (A ranks higher), proposes Y
  //   and holds it. C proposes Y and is rejected (B ranks higher). Result: A–X, B–Y.
  const capped = round({
    regions: { X: { quota: 1, waitlist: 2 }, Y: { quota: 1, waitlist: 2 } },
    apps: { A: { regions: ['X', 'Y'], scores: { m1: 90 } }, B: { regions: ['X', 'Y'], scores: { m1: 80 } }, C: { regions: ['Y'], scores: { m1: 70 } } },
  });

  it('gives each applicant at most `cap` regions, by preference and rank', () => {
    const { allocation, explanations } = evaluateRound(capped, { cap: 1 });
    expect(allocation.wins.map((w) => [w.applicationId, w.regionIds])).toEqual([['A', ['X']], ['B', ['Y']], ['C', []]]);
    // X's waitlist: B (it holds Y but prefers X). Y's waitlist: C; not A, which won X, a region it prefers.
    expect(statuses(allocation, 'X')).toEqual({ A: 'admitted', B: 'waitlist#1' });
    expect(statuses(allocation, 'Y')).toEqual({ A: 'notAdmitted', B: 'admitted', C: 'waitlist#1' });
    const aInY = explanations.find((x) => x.applicationId === 'A' && x.regionId === 'Y')!;
    expect(aInY).toMatchObject({ rank: 1, cap: 1, wins: ['X'], reasons: [{ code: 'preferredRegionWon', cap: 1, wonRegionIds: ['X'] }] });
    expect(explanations.find((x) => x.applicationId === 'B' && x.regionId === 'X')!.reasons).toEqual([{ code: 'quotaFull', quota: 1, cutoffTotal: 90 }]);
  });

  it('lets an applicant win several regions up to the cap', () => {
    expect(evaluateRound(capped, { cap: 2 }).allocation.wins.map((w) => w.regionIds)).toEqual([['X', 'Y'], [], []]);
    // Without a cap the regions are independent: the same here.
    expect(evaluateRound(capped).allocation.wins.map((w) => w.regionIds)).toEqual([['X', 'Y'], [], []]);
  });

  it('follows the applicant’s preference, not the region’s list order', () => {
    // A prefers Y: it takes Y, and X goes to B.
    const prefersY = round({
      regions: { X: { quota: 1 }, Y: { quota: 1 } },
      apps: { A: { regions: ['Y', 'X'], scores: { m1: 90 } }, B: { regions: ['X', 'Y'], scores: { m1: 80 } } },
    });
    expect(evaluateRound(prefersY, { cap: 1 }).allocation.wins.map((w) => [w.applicationId, w.regionIds])).toEqual([['A', ['Y']], ['B', ['X']]]);
  });

  it('lets a higher-ranked later proposer displace a holder (the "deferred" in deferred acceptance)', () => {
    // Price computed per region makes the regions rank differently:
    //   X: quotes A 40,000, B 20,000 → B's price score 100, A's 50.
    //   Y: C alone (benchmark 30,000).  Sheets: A 90, B 70, C 80 on the scored criteria.
    // X ranks A (0.8 × 90 + 0.2 × 50 = 82) above B (0.8 × 70 + 20 = 76). Cap 1.
    //   A proposes Y first (its first choice) and holds it; B holds X.
    //   C proposes Y: A in Y has 0.8 × 90 + 0.2 × 100 (benchmark 30,000 vs 40,000 → 75) = 72 + 15 = 87,
    //   C has 64 + 20 = 84 → C is rejected. Nothing else happens: A–Y, B–X.
    // And with C stronger (sheet 95 → 76 + 20 = 96 > 87) C displaces A from Y, A proposes X and displaces B.
    const build = (c: number) =>
      round({
        regions: { X: { quota: 1 }, Y: { quota: 1 } },
        apps: {
          A: { quote: 40_000, regions: ['Y', 'X'], scores: { m1: 90 } },
          B: { quote: 20_000, regions: ['X'], scores: { m1: 70 } },
          C: { quote: 30_000, regions: ['Y'], scores: { m1: c } },
        },
      });
    const weak = evaluateRound(build(80), { cap: 1, priceMode: 'lowestPrice' });
    expect(weak.allocation.wins.map((w) => [w.applicationId, w.regionIds])).toEqual([['A', ['Y']], ['B', ['X']], ['C', []]]);
    const strong = evaluateRound(build(95), { cap: 1, priceMode: 'lowestPrice' });
    expect(entryOf(strong.ranking, 'C', 'Y').total).toBe(96);
    expect(strong.allocation.wins.map((w) => [w.applicationId, w.regionIds])).toEqual([['A', ['X']], ['B', []], ['C', ['Y']]]);
  });

  it('flags a still-tied group that a seat depends on, with a cap too', () => {
    const tied = round({ regions: { X: { quota: 1 }, Y: { quota: 1 } }, apps: { A: { regions: ['X', 'Y'], scores: { m1: 80 } }, B: { regions: ['X', 'Y'], scores: { m1: 80 } } } });
    const { allocation } = evaluateRound(tied, { cap: 1 });
    expect(statuses(allocation, 'X')).toEqual({ A: 'tiedAtCutoff', B: 'tiedAtCutoff' });
    expect(allocation.pendingCommittee).toBe(true);
    const ordered = evaluateRound(tied, { cap: 1, committeeOrder: { X: ['B', 'A'], Y: ['B', 'A'] } });
    expect(ordered.allocation.wins.map((w) => [w.applicationId, w.regionIds])).toEqual([['A', ['Y']], ['B', ['X']]]);
  });
});
