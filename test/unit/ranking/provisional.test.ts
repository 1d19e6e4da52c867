// Provisional placements (issue 7): a placement whose outcome depends on how the committee will order a
// still-tied group is marked 待定（并列待评审小组定序）, and no other placement is.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRound, provisionalByEnumerationOf, type RoundAllocation } from '../../../shared/ranking';
import { rng, round, roundArb, shuffle } from './support';

/** applicationId → "status#position" plus "*" when provisional, in one region. */
function marks(allocation: RoundAllocation, regionId = 'R'): Record<string, string> {
  const r = allocation.regions.find((x) => x.regionId === regionId)!;
  return Object.fromEntries(r.placements.map((p) => [p.applicationId, `${p.status}${p.waitlistPosition === null ? '' : `#${p.waitlistPosition}`}${p.provisional ? '*' : ''}`]));
}

const flagged = (allocation: RoundAllocation) => new Set(allocation.regions.flatMap((r) => r.placements.filter((p) => p.provisional).map((p) => `${r.regionId}\u0000${p.applicationId}`)));

// Same sheet and quote → same total, price and technical score: a still-tied pair. 30/30/20/20 weights.
const tied = { strength: 80, technical: 80, reputation: 80, price: 80 }; // 80.00
const high = { strength: 90, technical: 90, reputation: 90, price: 90 }; // 90.00
const low = { strength: 70, technical: 70, reputation: 70, price: 70 }; // 70.00

describe('provisional placements without a cap', () => {
  it('marks a tie across the quota line, and not the waitlist entry behind it', () => {
    // Quota 1: A and B tie for the one seat. C's place (候补 2, after the loser of A/B) is the same whatever
    // the committee decides, so it is settled.
    const input = round({ apps: { A: { scores: { m1: tied } }, B: { scores: { m1: tied } }, C: { scores: { m1: low } } }, regions: { R: { quota: 1, waitlist: 2 } } });
    const { allocation } = evaluateRound(input);
    expect(marks(allocation)).toEqual({ A: 'tiedAtCutoff*', B: 'tiedAtCutoff*', C: 'waitlist#2' });
  });

  it('marks a tie for waitlist places, and not the seat above nor the entry that stays out', () => {
    const input = round({
      apps: { D: { scores: { m1: high } }, A: { scores: { m1: tied } }, B: { scores: { m1: tied } }, C: { scores: { m1: low } } },
      regions: { R: { quota: 1, waitlist: 2 } },
    });
    const { allocation } = evaluateRound(input);
    // A and B share 候补 1 until the committee says who is 1 and who is 2.
    expect(marks(allocation)).toEqual({ D: 'admitted', A: 'waitlist#1*', B: 'waitlist#1*', C: 'notAdmitted' });
  });

  it('marks a tie straddling the end of the waitlist (one of them will drop off it)', () => {
    const input = round({ apps: { D: { scores: { m1: high } }, A: { scores: { m1: tied } }, B: { scores: { m1: tied } } }, regions: { R: { quota: 1, waitlist: 1 } } });
    expect(marks(evaluateRound(input).allocation)).toEqual({ D: 'admitted', A: 'waitlist#1*', B: 'waitlist#1*' });
  });

  it('does not mark a tie that no order can change', () => {
    // Both inside the quota, or both out with no waitlist: the committee's order changes nobody's result.
    const inside = round({ apps: { A: { scores: { m1: tied } }, B: { scores: { m1: tied } } }, regions: { R: { quota: 2 } } });
    expect(marks(evaluateRound(inside).allocation)).toEqual({ A: 'admitted', B: 'admitted' });
    const outside = round({ apps: { D: { scores: { m1: high } }, A: { scores: { m1: tied } }, B: { scores: { m1: tied } } }, regions: { R: { quota: 1 } } });
    expect(marks(evaluateRound(outside).allocation)).toEqual({ D: 'admitted', A: 'notAdmitted', B: 'notAdmitted' });
  });

  it('clears the mark once the committee has ordered the group', () => {
    const input = round({ apps: { A: { scores: { m1: tied } }, B: { scores: { m1: tied } }, C: { scores: { m1: low } } }, regions: { R: { quota: 1, waitlist: 2 } } });
    const { allocation } = evaluateRound(input, { committeeOrder: { R: ['B', 'A'] } });
    expect(marks(allocation)).toEqual({ B: 'admitted', A: 'waitlist#1', C: 'waitlist#2' });
  });
});

describe('provisional placements with a cap', () => {
  it('marks a placement in another region that the tie decides', () => {
    // Cap 1. In R (quota 1) A and B tie; both want R most. A also applied to S (quota 1), where it ranks
    // above C. If the committee puts A first, A takes R and C gets S; if B first, A falls back to S and C is
    // out. So C's seat in S is provisional although S has no tie of its own.
    const input = round({
      apps: {
        A: { regions: ['R', 'S'], scores: { m1: tied } },
        B: { regions: ['R'], scores: { m1: tied } },
        C: { regions: ['S'], scores: { m1: low } },
      },
      regions: { R: { quota: 1 }, S: { quota: 1 } },
    });
    const { allocation } = evaluateRound(input, { cap: 1 });
    expect(marks(allocation, 'R')).toEqual({ A: 'tiedAtCutoff*', B: 'tiedAtCutoff*' });
    expect(marks(allocation, 'S')).toEqual({ A: 'notAdmitted*', C: 'admitted*' });
    // Decided either way, nothing is provisional any more, and S follows the decision.
    expect(marks(evaluateRound(input, { cap: 1, committeeOrder: { R: ['A', 'B'] } }).allocation, 'S')).toEqual({ A: 'notAdmitted', C: 'admitted' });
    expect(marks(evaluateRound(input, { cap: 1, committeeOrder: { R: ['B', 'A'] } }).allocation, 'S')).toEqual({ A: 'admitted', C: 'notAdmitted' });
  });

  it('falls back to marking every qualifying placement when seats are pending and there are too many orders to try', () => {
    // Seven tied applications: 7! = 5040 orders, above the enumeration limit (720).
    const apps = Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((id) => [id, { regions: ['R', 'S'], scores: { m1: tied } }]));
    const input = round({ apps: { ...apps, Z: { regions: ['S'], scores: { m1: low } } }, regions: { R: { quota: 1 }, S: { quota: 1 } } });
    const { allocation } = evaluateRound(input, { cap: 1 });
    expect(allocation.regions.every((r) => r.placements.every((p) => p.provisional))).toBe(true);
  });

  it('without pending seats, the fallback marks the tied waitlist places only', () => {
    // Seven tied for R's one waitlist place (quota 0): no seat waits for the committee, Z's seat in S is settled.
    const apps = Object.fromEntries(['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((id) => [id, { regions: ['R'], scores: { m1: tied } }]));
    const input = round({ apps: { ...apps, Z: { regions: ['S'], scores: { m1: low } } }, regions: { R: { quota: 0, waitlist: 1 }, S: { quota: 1 } } });
    const { allocation } = evaluateRound(input, { cap: 1 });
    expect(allocation.pendingCommittee).toBe(false);
    expect(Object.values(marks(allocation, 'R'))).toEqual(Array(7).fill('waitlist#1*'));
    expect(marks(allocation, 'S')).toEqual({ Z: 'admitted' });
  });
});

describe('provisional placements (properties)', () => {
  const RUNS = { numRuns: 200 };

  it('without a cap, the closed form marks exactly what trying every committee order finds', () => {
    fc.assert(
      fc.property(fc.oneof(roundArb({ cap: 'none', ties: true }), roundArb({ cap: 'none', scoreSpread: 2 })), ({ input, options }) => {
        const { ranking, allocation } = evaluateRound(input, options);
        const byEnumeration = provisionalByEnumerationOf(ranking);
        fc.pre(byEnumeration !== null);
        expect([...flagged(allocation)].sort()).toEqual([...byEnumeration!].sort());
      }),
      RUNS,
    );
  });

  it('any complete committee order leaves every placement not marked provisional as it was', () => {
    fc.assert(
      fc.property(fc.oneof(roundArb({ ties: true }), roundArb({ cap: 'some', ties: true }), roundArb({ scoreSpread: 2 })), fc.integer(), ({ input, options }, seed) => {
        const { ranking, allocation } = evaluateRound(input, options);
        const committeeOrder = Object.fromEntries(ranking.regions.map((r) => [r.regionId, shuffle(r.entries.map((e) => e.applicationId), rng(seed))]));
        const decided = evaluateRound(input, { ...options, committeeOrder }).allocation;
        for (const r of allocation.regions) {
          const after = decided.regions.find((x) => x.regionId === r.regionId)!;
          for (const p of r.placements) {
            if (p.provisional) continue;
            const q = after.placements.find((x) => x.applicationId === p.applicationId)!;
            expect({ id: p.applicationId, status: q.status, position: q.waitlistPosition }).toEqual({ id: p.applicationId, status: p.status, position: p.waitlistPosition });
          }
          // And a decided round has nothing provisional.
          expect(after.placements.some((p) => p.provisional)).toBe(false);
        }
      }),
      RUNS,
    );
  });
});
