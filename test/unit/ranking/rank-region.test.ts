// Golden cases of weighted totals, ordering and the tie-break chain (DOMAIN.md "Ties: the lower price ranks
// first, then the better technical score"; issue 3: still tied → flagged for the committee, never silently
// ordered).
import { describe, expect, it } from 'vitest';
import { evaluateRound, rankRound } from '../../../shared/ranking';
import { entryOf, round, statuses } from './support';

const order = (ranking: ReturnType<typeof rankRound>, regionId = 'R') => ranking.regions.find((r) => r.regionId === regionId)!.entries.map((e) => e.applicationId);

describe('weighted total', () => {
  it('is Σ weight/100 × criterion score', () => {
    // Default weights 30/30/20/20: 0.3 × 90 + 0.3 × 80 + 0.2 × 70 + 0.2 × 60 = 27 + 24 + 14 + 12 = 77.00.
    const input = round({ apps: { A: { scores: { m1: { strength: 90, technical: 80, reputation: 70, price: 60 } } } } });
    expect(entryOf(rankRound(input), 'A').total).toBe(77);
    // With weights 40/40/10/10: 36 + 32 + 7 + 6 = 81.00.
    const criteria = [{ key: 'strength', weight: 40 }, { key: 'technical', weight: 40 }, { key: 'reputation', weight: 10 }, { key: 'price', weight: 10 }];
    expect(entryOf(rankRound(input, { criteria }), 'A').total).toBe(81);
  });

  it('rounds half up at 0.005 where float arithmetic would not', () => {
    // 0.3 × 80.05 = 24.015 exactly → 24.02 (四舍五入). In binary 80.05 × 0.3 = 24.014999…, which
    // Math.round(x * 100) / 100 publishes as 24.01.
    expect(Math.round(80.05 * 0.3 * 100) / 100).toBe(24.01);
    const input = round({ apps: { A: { scores: { m1: { strength: 80.05, technical: 0, reputation: 0, price: 0 } } } } });
    expect(entryOf(rankRound(input), 'A').total).toBe(24.02);
    // 0.3 × 80.04 = 24.012 → 24.01 (just below the half stays down).
    const below = round({ apps: { A: { scores: { m1: { strength: 80.04, technical: 0, reputation: 0, price: 0 } } } } });
    expect(entryOf(rankRound(below), 'A').total).toBe(24.01);
  });

  it('compares the published 2-decimal totals, not invisible float differences', () => {
    // Weights strength 30 / technical 70.
    //   A: 0.3 × 80.01 + 0.7 × 90 = 24.003 + 63 = 87.003 → 87.00
    //   B: 0.3 × 80.00 + 0.7 × 90 = 24.000 + 63 = 87.000 → 87.00
    // Both publish 87.00, so the tie-break decides: B's lower quote ranks it first, although A's unrounded
    // total is 0.003 higher.
    const criteria = [{ key: 'strength', weight: 30 }, { key: 'technical', weight: 70 }];
    const input = round({
      criteria: ['strength', 'technical'],
      apps: { A: { quote: 40_000, scores: { m1: { strength: 80.01, technical: 90 } } }, B: { quote: 38_000, scores: { m1: { strength: 80, technical: 90 } } } },
    });
    const ranking = rankRound(input, { criteria });
    expect(order(ranking)).toEqual(['B', 'A']);
    expect([entryOf(ranking, 'A').total, entryOf(ranking, 'B').total]).toEqual([87, 87]);
    expect(entryOf(ranking, 'B').tieBreaks).toEqual([{ level: 'lowerPrice', against: 'A', outcome: 'won' }]);
  });
});

describe('tie-break chain', () => {
  // A and B: 0.3 × 90 + 0.3 × 80 + 0.2 × 70 + 0.2 × 70 = 79.00 both (strength and technical swapped where
  // the technical level must decide; identical sheets where the price must).
  const same = { strength: 90, technical: 80, reputation: 70, price: 70 };

  it('level 1: the lower price ranks first', () => {
    const input = round({ apps: { B: { quote: 40_000, scores: { m1: same } }, A: { quote: 38_000, scores: { m1: same } } }, regions: { R: { quota: 1 } } });
    const { ranking, allocation } = evaluateRound(input);
    expect(order(ranking)).toEqual(['A', 'B']);
    expect([entryOf(ranking, 'A').rank, entryOf(ranking, 'B').rank]).toEqual([1, 2]);
    expect(entryOf(ranking, 'A').tieBreaks).toEqual([{ level: 'lowerPrice', against: 'B', outcome: 'won' }]);
    expect(entryOf(ranking, 'B').tieBreaks).toEqual([{ level: 'lowerPrice', against: 'A', outcome: 'lost' }]);
    expect(entryOf(ranking, 'A').stillTiedGroup).toBeNull();
    expect(statuses(allocation)).toEqual({ A: 'admitted', B: 'notAdmitted' });
  });

  it('level 2: with equal prices, the higher technical score ranks first', () => {
    // A: 0.3 × 80 + 0.3 × 90 + 14 + 14 = 79.00;  B: 0.3 × 90 + 0.3 × 80 + 14 + 14 = 79.00.
    const input = round({
      apps: {
        B: { quote: 38_000, scores: { m1: { strength: 90, technical: 80, reputation: 70, price: 70 } } },
        A: { quote: 38_000, scores: { m1: { strength: 80, technical: 90, reputation: 70, price: 70 } } },
      },
    });
    const ranking = rankRound(input);
    expect([entryOf(ranking, 'A').total, entryOf(ranking, 'B').total]).toEqual([79, 79]);
    expect(order(ranking)).toEqual(['A', 'B']);
    expect(entryOf(ranking, 'B').tieBreaks).toEqual([{ level: 'higherTechnical', against: 'A', outcome: 'lost' }]);
  });

  it('applies the levels in the configured order', () => {
    // A is cheaper, B technically better: the default chain favours A, the reversed chain B.
    const input = round({
      apps: {
        A: { quote: 38_000, scores: { m1: { strength: 90, technical: 80, reputation: 70, price: 70 } } },
        B: { quote: 40_000, scores: { m1: { strength: 80, technical: 90, reputation: 70, price: 70 } } },
      },
    });
    expect(order(rankRound(input))).toEqual(['A', 'B']);
    expect(order(rankRound(input, { tieBreak: ['higherTechnical', 'lowerPrice'] }))).toEqual(['B', 'A']);
  });

  it('ranks a missing quote after a valid one at the price level', () => {
    const input = round({ apps: { A: { quote: null, scores: { m1: same } }, B: { quote: 99_000, scores: { m1: same } } } });
    expect(order(rankRound(input))).toEqual(['B', 'A']);
  });

  it('flags a still-tied group: equal total, equal price, equal technical', () => {
    // A: 0.3 × 90 + 0.3 × 80 + 0.2 × 60 + 14 = 77.00;  B: 0.3 × 70 + 24 + 0.2 × 90 + 14 = 77.00;
    // same quote, same technical 80 → the chain cannot separate them. C: 76.00.
    const input = round({
      regions: { R: { quota: 2 } },
      apps: {
        B: { quote: 38_000, scores: { m1: { strength: 70, technical: 80, reputation: 90, price: 70 } } },
        A: { quote: 38_000, scores: { m1: { strength: 90, technical: 80, reputation: 60, price: 70 } } },
        C: { quote: 38_000, scores: { m1: { strength: 90, technical: 80, reputation: 60, price: 65 } } },
      },
    });
    const { ranking, allocation, explanations } = evaluateRound(input);
    const [a, b, c] = ['A', 'B', 'C'].map((id) => entryOf(ranking, id));
    expect([a!.total, b!.total, c!.total]).toEqual([77, 77, 76]);
    // Equal rank, the same group, competition ranking after them (1, 1, 3); neutral display order A, B.
    expect([a!.rank, b!.rank, c!.rank]).toEqual([1, 1, 3]);
    expect([a!.stillTiedGroup, b!.stillTiedGroup, c!.stillTiedGroup]).toEqual(['R#1', 'R#1', null]);
    expect(a!.tieBreaks).toEqual([]);
    expect(ranking.regions[0]!.stillTiedGroups).toEqual([{ groupId: 'R#1', regionId: 'R', rank: 1, total: 77, applicationIds: ['A', 'B'], committeeOrderIncomplete: false }]);
    // Two seats: the tie does not straddle the quota, both are admitted, and the flag stays visible.
    expect(statuses(allocation)).toEqual({ A: 'admitted', B: 'admitted', C: 'notAdmitted' });
    expect(explanations.find((x) => x.applicationId === 'B')!.reasons).toEqual([{ code: 'stillTied', groupId: 'R#1' }]);
  });

  it('leaves equal totals still tied when the chain is empty', () => {
    const input = round({ apps: { A: { quote: 38_000, scores: { m1: same } }, B: { quote: 40_000, scores: { m1: same } } } });
    const ranking = rankRound(input, { tieBreak: [] });
    expect([entryOf(ranking, 'A').stillTiedGroup, entryOf(ranking, 'B').stillTiedGroup]).toEqual(['R#1', 'R#1']);
  });

  it('records the decision against each neighbour with the same total', () => {
    // Three totals of 80.00: A quotes 38,000; B and C 40,000, C with the higher technical score (85 > 75).
    // The order is A, C, B: A–C decided by price, C–B (same price) by technical.
    const input = round({
      apps: {
        A: { quote: 38_000, scores: { m1: { strength: 80, technical: 80, reputation: 80, price: 80 } } },
        B: { quote: 40_000, scores: { m1: { strength: 85, technical: 75, reputation: 80, price: 80 } } },
        C: { quote: 40_000, scores: { m1: { strength: 75, technical: 85, reputation: 80, price: 80 } } },
      },
    });
    const ranking = rankRound(input);
    expect(order(ranking)).toEqual(['A', 'C', 'B']);
    expect(entryOf(ranking, 'C').tieBreaks).toEqual([
      { level: 'lowerPrice', against: 'A', outcome: 'lost' },
      { level: 'higherTechnical', against: 'B', outcome: 'won' },
    ]);
  });
});

describe('standing', () => {
  it('lists ineligible applications without ranking them, after the incomplete ones', () => {
    const input = round({
      regions: { R: { quota: 3 } },
      apps: { Z: { eligible: false, scores: { m1: 99 } }, B: { scores: { m1: 70 } }, A: { scores: { m1: { technical: 90 } } }, C: { scores: { m1: 80 } } },
    });
    const { ranking, allocation } = evaluateRound(input);
    expect(order(ranking)).toEqual(['C', 'B', 'A', 'Z']);
    expect(ranking.regions[0]!.entries.map((e) => [e.standing, e.rank])).toEqual([['ranked', 1], ['ranked', 2], ['incomplete', null], ['ineligible', null]]);
    expect(statuses(allocation)).toEqual({ C: 'admitted', B: 'admitted', A: 'incomplete', Z: 'ineligible' });
  });
});
