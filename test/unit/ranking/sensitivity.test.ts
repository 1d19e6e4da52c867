// Weight sensitivity of the admission cutoff (issue 3): the smallest change of one weight, the others
// rescaled proportionally, that changes who is admitted. Exact at 0.01 percentage points.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRound, rankRound, weightSensitivity } from '../../../shared/ranking';
import { round } from './support';

const two = [{ key: 'strength', weight: 50 }, { key: 'technical', weight: 50 }];

describe('weight sensitivity (golden)', () => {
  // Quota 1, weights strength 50 / technical 50, equal quotes.
  //   A: strength 90, technical 70 → 45 + 35 = 80.00 (admitted)
  //   B: strength 70, technical 88 → 35 + 44 = 79.00
  // Technical weight 50 + Δ, strength 50 − Δ (the only other weight, rescaled to keep the total 100):
  //   A(Δ) = 80 − 0.2Δ,  B(Δ) = 79 + 0.18Δ; unrounded they cross at Δ = 1 / 0.38 = 2.6316.
  //   Δ = 2.62: A = 0.4738 · 90 + 0.5262 · 70 = 79.476 → 79.48;  B = 0.4738 · 70 + 0.5262 · 88 = 79.4716 → 79.47: A stays.
  //   Δ = 2.63: A = 79.474 → 79.47;  B = 79.4734 → 79.47: equal published totals, equal price, and B's
  //   higher technical score (88 > 70) decides → B is admitted. So +2.63 pp, 0.01 pp before the crossing.
  // Raising strength (or lowering technical) only widens A's lead → null.
  const input = round({
    criteria: ['strength', 'technical'],
    apps: { A: { scores: { m1: { strength: 90, technical: 70 } } }, B: { scores: { m1: { strength: 70, technical: 88 } } } },
  });
  const ranking = rankRound(input, { criteria: two });
  const result = weightSensitivity(ranking, 'R');

  it('finds +2.63 pp on technical and −2.63 pp on strength', () => {
    expect(result.admitted).toEqual(['A']);
    const [strength, technical] = result.criteria;
    expect(technical).toMatchObject({ criterion: 'technical', weight: 50, decrease: null });
    expect(technical!.increase).toEqual({ delta: 2.63, weights: [{ key: 'strength', weight: 47.37 }, { key: 'technical', weight: 52.63 }], entering: ['B'], leaving: ['A'] });
    expect(technical!.smallest).toBe(technical!.increase);
    expect(strength).toMatchObject({ criterion: 'strength', increase: null });
    expect(strength!.decrease).toMatchObject({ delta: -2.63, entering: ['B'], leaving: ['A'] });
  });

  it('agrees with re-ranking at the reported weights, and not 0.01 pp before', () => {
    const at = (technical: number) =>
      evaluateRound(input, { criteria: [{ key: 'strength', weight: 100 - technical }, { key: 'technical', weight: technical }] }).allocation.regions[0]!.admitted;
    expect(at(52.62)).toEqual(['A']);
    expect(at(52.63)).toEqual(['B']);
  });

  it('reports both directions and picks the nearer one as the smallest', () => {
    // Quota 1, weights 50/50, equal quotes.
    //   A: 80, 80 → 80.00 (admitted; flat in the technical weight)
    //   B: strength 60, technical 98 → 79.00, B(Δ) = 79 + 0.38Δ
    //   C: strength 98, technical 61 → 79.50, C(Δ) = 79.5 − 0.37Δ
    // Up: B reaches a published 80.00 at Δ = 2.62 (79.9956) and wins the tie on technical (98 > 80) → +2.62.
    // Down: C must publish MORE than 80.00 (its technical 61 loses a tie): 79.5 + 0.37 · 1.36 = 80.0032 →
    // 80.00 (A keeps it); 79.5 + 0.37 · 1.37 = 80.0069 → 80.01 → −1.37, the nearer one.
    const input3 = round({
      criteria: ['strength', 'technical'],
      apps: {
        A: { scores: { m1: { strength: 80, technical: 80 } } },
        B: { scores: { m1: { strength: 60, technical: 98 } } },
        C: { scores: { m1: { strength: 98, technical: 61 } } },
      },
    });
    const technical = weightSensitivity(rankRound(input3, { criteria: two }), 'R').criteria[1]!;
    expect(technical.increase).toMatchObject({ delta: 2.62, entering: ['B'], leaving: ['A'] });
    expect(technical.decrease).toMatchObject({ delta: -1.37, entering: ['C'], leaving: ['A'] });
    expect(technical.smallest).toBe(technical.decrease);
  });

  it('finds the change that resolves a still-tied group at the cutoff', () => {
    // Quota 1, weights 40/30/30, equal quotes. A: 90, 80, 60 → 36 + 24 + 18 = 78.00;
    // B: 75, 80, 80 → 30 + 24 + 24 = 78.00; same technical → still tied, both tiedAtCutoff, nobody admitted.
    // Strength + Δ (others × (60 − Δ)/60): A gains (90 − 70)/100 = 0.2 per pp, B (75 − 80)/100 = −0.05.
    //   Δ = 0.02: A 78.004 → 78.00, B 77.999 → 78.00: still tied.  Δ = 0.03: A 78.006 → 78.01 > B → A.
    // Strength − Δ: B gains 0.05 per pp, A loses 0.2: at Δ = 0.02, B 78.001 → 78.00, A 77.996 → 78.00;
    //   Δ = 0.03: B 78.0015 → 78.00, A 77.994 → 77.99 → B.
    const tied = round({
      criteria: ['strength', 'technical', 'reputation'],
      apps: { A: { scores: { m1: { strength: 90, technical: 80, reputation: 60 } } }, B: { scores: { m1: { strength: 75, technical: 80, reputation: 80 } } } },
    });
    const criteria = [{ key: 'strength', weight: 40 }, { key: 'technical', weight: 30 }, { key: 'reputation', weight: 30 }];
    const ranking = rankRound(tied, { criteria });
    expect(ranking.regions[0]!.stillTiedGroups).toHaveLength(1);
    const r = weightSensitivity(ranking, 'R');
    expect(r.admitted).toEqual([]);
    expect(r.criteria[0]!.increase).toMatchObject({ delta: 0.03, entering: ['A'], leaving: [] });
    expect(r.criteria[0]!.decrease).toMatchObject({ delta: -0.03, entering: ['B'], leaving: [] });
  });

  it('reports null for both directions when nothing can change the outcome', () => {
    // B is better on both criteria: no weighting admits A.
    const dominated = round({ criteria: ['strength', 'technical'], apps: { A: { scores: { m1: 60 } }, B: { scores: { m1: 90 } } } });
    const r = weightSensitivity(rankRound(dominated, { criteria: two }), 'R');
    expect(r.criteria.map((c) => [c.increase, c.decrease])).toEqual([[null, null], [null, null]]);
  });

  it('rescales the other weights proportionally (three criteria)', () => {
    // Weights 50 / 30 / 20. A: 90, 60, 60 → 45 + 18 + 12 = 75; B: 60, 90, 90 → 30 + 27 + 18 = 75 → tie on
    // total; equal quotes; technical 90 > 60 → B admitted. Raising strength by Δ scales the others by
    // (50 − Δ)/50, so each gains Δ × (its strength − the weighted mean of its other scores) / 100:
    //   A(Δ) = 75 + Δ(90 − 60)/100 = 75 + 0.3Δ,  B(Δ) = 75 + Δ(60 − 90)/100 = 75 − 0.3Δ.
    //   Δ = 0.01: A 75.003 → 75.00, B 74.997 → 75.00: still equal, technical keeps B.
    //   Δ = 0.02: A 75.006 → 75.01, B 74.994 → 74.99 → A is admitted.
    const three = round({
      criteria: ['strength', 'technical', 'reputation'],
      apps: { A: { scores: { m1: { strength: 90, technical: 60, reputation: 60 } } }, B: { scores: { m1: { strength: 60, technical: 90, reputation: 90 } } } },
    });
    const criteria = [{ key: 'strength', weight: 50 }, { key: 'technical', weight: 30 }, { key: 'reputation', weight: 20 }];
    const r = weightSensitivity(rankRound(three, { criteria }), 'R');
    expect(r.admitted).toEqual(['B']);
    const up = r.criteria[0]!.increase!;
    expect(up.delta).toBe(0.02);
    [50.02, (30 * 49.98) / 50, (20 * 49.98) / 50].forEach((weight, i) => expect(up.weights[i]!.weight).toBeCloseTo(weight, 10));
    expect(up.weights.reduce((sum, w) => sum + w.weight, 0)).toBeCloseTo(100, 10);
    expect(up.entering).toEqual(['A']);
  });

  it('refuses to rescale when the criterion holds all the weight', () => {
    const only = round({ criteria: ['technical'], apps: { A: { scores: { m1: 90 } }, B: { scores: { m1: 80 } } } });
    const r = weightSensitivity(rankRound(only, { criteria: [{ key: 'technical', weight: 100 }] }), 'R');
    expect(r.criteria[0]).toMatchObject({ increase: null, decrease: null, smallest: null });
  });
});

describe('weight sensitivity (property, against brute force)', () => {
  // With two criteria the rescaled weight is 100 − w exactly, so every 0.01 pp step can be re-ranked
  // through the public API: the reported Δ must be the first step that changes who is admitted.
  it('reports the first 0.01 pp step that changes the admitted set', () => {
    // Scores close together, so that admissions change within the feasible weights and totals run nearly
    // parallel: there the published totals tie over many steps and the exact first step is easy to miss
    // (a search window of 0.005 instead of 0.01 fails this test in about a quarter of the runs).
    const appArb = fc.record({ s: fc.integer({ min: 80, max: 90 }), t: fc.integer({ min: 80, max: 90 }), q: fc.constantFrom(1, 2) });
    fc.assert(
      fc.property(fc.array(appArb, { minLength: 2, maxLength: 5 }), fc.constantFrom(1, 1, 2), fc.integer({ min: 10, max: 90 }), fc.option(fc.constantFrom(50, 70), { nil: null }), (apps, quota, w, minimumTotal) => {
        const input = round({
          criteria: ['strength', 'technical'],
          regions: { R: { quota } },
          apps: Object.fromEntries(apps.map((a, i) => [`a${i}`, { quote: a.q * 1000, scores: { m1: { strength: a.s, technical: a.t } } }])),
        });
        const criteria = (tw: number) => [{ key: 'strength', weight: 100 - tw }, { key: 'technical', weight: tw }];
        const admittedAt = (twH: number) => evaluateRound(input, { criteria: criteria(twH / 100), minimumTotal }).allocation.regions[0]!.admitted.toSorted().join();
        const base = admittedAt(w * 100);
        const technical = weightSensitivity(rankRound(input, { criteria: criteria(w), minimumTotal }), 'R').criteria[1]!;
        for (const [dir, found] of [[1, technical.increase], [-1, technical.decrease]] as const) {
          const limit = dir === 1 ? (100 - w) * 100 : w * 100;
          let first: number | null = null;
          for (let k = 1; k <= limit && first === null; k++) if (admittedAt(w * 100 + dir * k) !== base) first = dir * k;
          expect(found === null ? null : Math.round(found.delta * 100)).toBe(first);
        }
      }),
      { numRuns: 25 },
    );
  });
});
