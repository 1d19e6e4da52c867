// Golden cases of the analysis beside the table: breakdown, spread, standard deviation, outliers, and
// Kendall's W (issue 3 "Analysis beside the table").
import { describe, expect, it } from 'vitest';
import { analyseRegion, averageRanks, kendallW, rankRound } from '../../../shared/ranking';
import { round } from './support';

describe("Kendall's W", () => {
  // Worked example: m = 3 members, n = 4 applications. A member's weighted total is the uniform score
  // they give, so each member's ranking is the order of their scores:
  //   m1: A 90, B 80, C 70, D 60 → ranks A 1,   B 2,   C 3, D 4
  //   m2: A 90, B 70, C 80, D 60 → ranks A 1,   B 3,   C 2, D 4
  //   m3: A 85, B 85, C 70, D 60 → ranks A 1.5, B 1.5, C 3, D 4   (A and B tied: average of ranks 1 and 2)
  // Rank sums R: A 3.5, B 6.5, C 8, D 12 (total 30 = m·n(n+1)/2 ✓); mean m(n+1)/2 = 7.5.
  // S = (−4)² + (−1)² + 0.5² + 4.5² = 16 + 1 + 0.25 + 20.25 = 37.5.
  // Tie correction: m3 has one tie of t = 2 → Σ T = 2³ − 2 = 6.
  // W = 12 S / (m²(n³ − n) − m Σ T) = 450 / (9 · 60 − 3 · 6) = 450 / 522 = 0.862068…
  // (Without the correction it would be 450 / 540 = 0.8333.) χ² = m(n − 1)W = 9 · 0.862068… = 7.7586…
  const input = round({
    regions: { R: { quota: 2 } },
    apps: {
      A: { scores: { m1: 90, m2: 90, m3: 85 } },
      B: { scores: { m1: 80, m2: 70, m3: 85 } },
      C: { scores: { m1: 70, m2: 80, m3: 70 } },
      D: { scores: { m1: 60, m2: 60, m3: 60 } },
    },
  });

  it('matches the worked example with the tie correction', () => {
    const { concordance } = analyseRegion(input, rankRound(input), 'R');
    expect(concordance.memberIds).toEqual(['m1', 'm2', 'm3']);
    expect(concordance.applicationIds).toEqual(['A', 'B', 'C', 'D']);
    expect(concordance.result!.w).toBeCloseTo(450 / 522, 12);
    expect(concordance.result!.chiSquare).toBeCloseTo((9 * 450) / 522, 12);
    expect(concordance.result!.degreesOfFreedom).toBe(3);
  });

  it('computes average ranks and the tie term', () => {
    expect(averageRanks([85, 85, 70, 60])).toEqual({ ranks: [1.5, 1.5, 3, 4], tieCorrection: 6 });
    expect(averageRanks([1, 1, 1])).toEqual({ ranks: [2, 2, 2], tieCorrection: 24 });
  });

  it('is 1 for full agreement, 0 for two opposite rankings, null when undefined', () => {
    expect(kendallW([[3, 2, 1], [30, 20, 10], [9, 5, 1]])!.w).toBe(1);
    expect(kendallW([[3, 2, 1], [1, 2, 3]])!.w).toBe(0);
    expect(kendallW([[3, 2, 1]])).toBeNull(); // one member
    expect(kendallW([[3], [2]])).toBeNull(); // one application
    expect(kendallW([[5, 5], [7, 7]])).toBeNull(); // everyone ties everything: 0 / 0
  });

  it('leaves out members without a complete ranking (recused or missing a score)', () => {
    const more = round({
      regions: { R: { quota: 2 } },
      apps: {
        A: { scores: { m1: 90, m2: 90, m3: 85, m4: 10, m5: 50 } },
        B: { scores: { m1: 80, m2: 70, m3: 85, m4: 20 } },
        C: { scores: { m1: 70, m2: 80, m3: 70, m4: 30, m5: 50 } },
        D: { scores: { m1: 60, m2: 60, m3: 60, m4: 40, m5: 50 } },
      },
      recusals: [['A', 'm4']],
    });
    const { concordance } = analyseRegion(more, rankRound(more), 'R');
    expect(concordance.memberIds).toEqual(['m1', 'm2', 'm3']);
    expect(concordance.excludedMemberIds).toEqual(['m4', 'm5']);
    expect(concordance.result!.w).toBeCloseTo(450 / 522, 12);
  });
});

describe('spread, standard deviation and outliers', () => {
  // Technical scores 70, 72, 75, 78, 99 (members m1–m5):
  //   spread = 99 − 70 = 29
  //   mean 78.8; squared deviations 77.44 + 46.24 + 14.44 + 0.64 + 408.04 = 546.8; ÷ 5 = 109.36;
  //   population σ = √109.36 = 10.4575… → 10.46
  //   m5: 99 − median(70, 72, 75, 78) = 99 − 73.5 = 25.5 > 20 → outlier
  //   m1: 70 − median(72, 75, 78, 99) = 70 − 76.5 = −6.5 → not
  const input = round({
    apps: { A: { scores: { m1: { technical: 70, strength: 90 }, m2: { technical: 72 }, m3: { technical: 75 }, m4: { technical: 78 }, m5: { technical: 99 } } } },
  });
  const analysis = analyseRegion(input, rankRound(input), 'R');
  const technical = analysis.applications[0]!.criteria.find((c) => c.criterion === 'technical')!;

  it('gives the spread, σ and deviations from the others’ median', () => {
    expect(technical).toMatchObject({ spread: 29, stdDev: 10.46, value: 78.8 });
    expect(technical.scores.map((s) => [s.memberId, s.deviation, s.outlier])).toEqual([
      ['m1', -6.5, false],
      ['m2', -4.5, false], // 72 − median(70, 75, 78, 99) = 72 − 76.5
      ['m3', 0, false], // 75 − median(70, 72, 78, 99) = 75 − 75
      ['m4', 4.5, false], //  78 − median(70, 72, 75, 99) = 78 − 73.5
      ['m5', 25.5, true],
    ]);
  });

  it('flags strictly above the threshold, and only from 3 scores', () => {
    const flags = (values: number[], scale?: { min: number; max: number }) => {
      const sheet = Object.fromEntries(values.map((v, i) => [`m${i + 1}`, { technical: v, strength: 1, reputation: 1, price: 1 }]));
      const r = round({ apps: { A: { scores: sheet } } });
      const c = analyseRegion(r, rankRound(r, scale ? { scale } : {}), 'R').applications[0]!.criteria[1]!;
      return c.scores.map((s) => s.outlier);
    };
    expect(flags([50, 50, 70])).toEqual([false, false, false]); // 70 − 50 = 20, not more than 20
    expect(flags([50, 50, 70.01])).toEqual([false, false, true]);
    expect(flags([50, 90])).toEqual([false, false]); // two members: no check
    // A 0–10 scale scales the threshold to 2 points: 8 − median(5, 5.5) = 2.75 > 2.
    expect(flags([5, 5.5, 8], { min: 0, max: 10 })).toEqual([false, false, true]);
  });

  it('takes the threshold from the options', () => {
    const c = analyseRegion(input, rankRound(input), 'R', { outlierThreshold: 30 }).applications[0]!.criteria[1]!;
    expect(c.scores.some((s) => s.outlier)).toBe(false);
  });

  it('breaks the total down by criterion; contributions add up to the total before its one rounding', () => {
    // strength 90 (m1 only) × 30% = 27; technical 78.8 × 30% = 23.64; reputation and price missing here.
    expect(analysis.applications[0]!.criteria.map((c) => c.contribution)).toEqual([27, 23.64, null, null]);
    expect(analysis.applications[0]!.standing).toBe('incomplete');
  });

  it('leaves recused members out of the scores and lists them', () => {
    const recused = round({ apps: { A: { scores: { m1: 80, m2: 70, m3: 0 } } }, recusals: [['A', 'm3']] });
    const a = analyseRegion(recused, rankRound(recused), 'R').applications[0]!;
    expect(a.recusedMemberIds).toEqual(['m3']);
    expect(a.criteria[0]!.scores.map((s) => s.memberId)).toEqual(['m1', 'm2']);
    expect(a.criteria[0]).toMatchObject({ spread: 10, stdDev: 5 });
  });
});
