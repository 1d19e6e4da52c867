// Golden cases of the criterion aggregates (DOMAIN.md 综合评分法: mean of the members' scores; 去掉一个最高分和
// 一个最低分 when there are enough members; issue 3: at least 5) and of recusal (回避).
import { describe, expect, it } from 'vitest';
import { aggregateHundredths, evaluateRound, rankRound } from '../../../shared/ranking';
import { criterionOf, entryOf, round } from './support';

/** One application scored by members m1… on 'technical' only (other criteria 80 from m1). */
function technical(values: number[], recused: string[] = []) {
  const scores: Record<string, { technical: number; strength?: number; reputation?: number; price?: number }> = {};
  values.forEach((v, i) => (scores[`m${i + 1}`] = { technical: v }));
  scores.m1 = { ...scores.m1!, strength: 80, reputation: 80, price: 80 };
  return round({ apps: { A: { scores } }, recusals: recused.map((m) => ['A', m] as [string, string]) });
}

describe('trimmed mean', () => {
  it('drops one highest and one lowest score with 5 members', () => {
    // 50, 78, 80, 84, 99 → drop 50 and 99 → (78 + 80 + 84) / 3 = 242 / 3 = 80.666… → 80.67.
    const ranking = rankRound(technical([50, 78, 80, 84, 99]), { aggregation: 'trimmedMean' });
    // The exact mean (24200/3 hundredths) is kept beside the displayed 80.67; the total is computed from it.
    expect(entryOf(ranking, 'A').criteria[1]).toEqual({ criterion: 'technical', value: 80.67, exactH: '24200/3', count: 5, method: 'trimmedMean', trimmed: true });
    // The plain mean of the same scores: 391 / 5 = 78.20.
    expect(criterionOf(rankRound(technical([50, 78, 80, 84, 99])), 'A', 'technical')).toBe(78.2);
  });

  it('is the plain mean with 4 members', () => {
    // 50, 78, 80, 99 → too few to trim → (50 + 78 + 80 + 99) / 4 = 307 / 4 = 76.75 (trimming would give 79).
    const ranking = rankRound(technical([50, 78, 80, 99]), { aggregation: 'trimmedMean' });
    expect(entryOf(ranking, 'A').criteria[1]).toEqual({ criterion: 'technical', value: 76.75, exactH: '7675/1', count: 4, method: 'trimmedMean', trimmed: false });
  });

  it('drops only ONE of equal extremes', () => {
    // 60, 60, 80, 90, 90 → drop one 60 and one 90 → (60 + 80 + 90) / 3 = 76.666… → 76.67.
    expect(criterionOf(rankRound(technical([60, 60, 80, 90, 90]), { aggregation: 'trimmedMean' }), 'A', 'technical')).toBe(76.67);
  });

  it('follows a configured threshold', () => {
    // trimMinScores 4: 50, 78, 80, 99 → (78 + 80) / 2 = 79.
    expect(criterionOf(rankRound(technical([50, 78, 80, 99]), { aggregation: 'trimmedMean', trimMinScores: 4 }), 'A', 'technical')).toBe(79);
  });
});

describe('median', () => {
  it('takes the middle score, or the mean of the two middle ones', () => {
    expect(criterionOf(rankRound(technical([99, 50, 84, 80, 78]), { aggregation: 'median' }), 'A', 'technical')).toBe(80);
    // 50, 78, 80, 99 → (78 + 80) / 2 = 79.
    expect(criterionOf(rankRound(technical([50, 78, 80, 99]), { aggregation: 'median' }), 'A', 'technical')).toBe(79);
  });
});

describe('2-decimal rounding of aggregates', () => {
  it('rounds the exact half up where float arithmetic would round down', () => {
    // (10.07 + 10.08) / 2 = 10.075 exactly → 10.08. In binary 10.075 × 100 = 1007.4999…, so
    // Math.round(x * 100) / 100 would publish 10.07.
    expect(Math.round(((10.07 + 10.08) / 2) * 100) / 100).toBe(10.07);
    for (const aggregation of ['mean', 'median'] as const) {
      expect(criterionOf(rankRound(technical([10.07, 10.08]), { aggregation }), 'A', 'technical')).toBe(10.08);
    }
    // (80 + 80.01) / 2 = 80.005 → 80.01; (85 + 85 + 85.01) / 3 = 85.00333… → 85.00.
    expect(criterionOf(rankRound(technical([80, 80.01])), 'A', 'technical')).toBe(80.01);
    expect(criterionOf(rankRound(technical([85, 85, 85.01])), 'A', 'technical')).toBe(85);
  });

  it('aggregates exact hundredths', () => {
    expect(aggregateHundredths([8000, 8001], 'mean', 5)).toEqual({ value: 8001, exact: { num: 16001n, den: 2n }, count: 2, trimmed: false });
    expect(aggregateHundredths([], 'mean', 5)).toEqual({ value: null, exact: null, count: 0, trimmed: false });
    expect(aggregateHundredths([1, 2, 2], 'mean', 5).value).toBe(2); // 5/3 = 1.67 → 2
  });
});

describe('recusal (回避)', () => {
  it('ignores a recused member’s score, even an extreme one that is present', () => {
    // m5 declared a conflict for A but a score of 0 is in the data anyway. Aggregate over m1–m4:
    // (80 + 82 + 84 + 86) / 4 = 83.00. Counting m5 would give 332 / 5 = 66.40.
    const ranking = rankRound(technical([80, 82, 84, 86, 0], ['m5']));
    expect(entryOf(ranking, 'A').criteria[1]).toMatchObject({ value: 83, count: 4 });
    expect(entryOf(ranking, 'A').recusedMembers).toBe(1);
    expect(criterionOf(rankRound(technical([80, 82, 84, 86, 0])), 'A', 'technical')).toBe(66.4);
  });

  it('counts only non-recused members towards the trimming threshold', () => {
    // 5 scores but m5 is recused → 4 count → plain mean (80 + 82 + 84 + 100) / 4 = 86.50, not trimmed.
    const ranking = rankRound(technical([80, 82, 84, 100, 0], ['m5']), { aggregation: 'trimmedMean' });
    expect(entryOf(ranking, 'A').criteria[1]).toMatchObject({ value: 86.5, count: 4, trimmed: false });
  });

  it('affects only the application the conflict was declared for', () => {
    const input = round({ apps: { A: { scores: { m1: 80, m2: 60 } }, B: { scores: { m1: 80, m2: 60 } } }, recusals: [['A', 'm2']] });
    const ranking = rankRound(input);
    expect([criterionOf(ranking, 'A', 'technical'), criterionOf(ranking, 'B', 'technical')]).toEqual([80, 70]);
    expect([entryOf(ranking, 'A').recusedMembers, entryOf(ranking, 'B').recusedMembers]).toEqual([1, 0]);
  });

  it('makes the application incomplete when every scorer of a criterion is recused, and says which', () => {
    const input = round({ apps: { A: { scores: { m1: 80 } }, B: { scores: { m1: 70 } } }, regions: { R: { quota: 2 } }, recusals: [['A', 'm1']] });
    const { ranking, allocation, explanations } = evaluateRound(input);
    expect(entryOf(ranking, 'A')).toMatchObject({ standing: 'incomplete', total: null, rank: null, missingCriteria: ['strength', 'technical', 'reputation', 'price'] });
    expect(allocation.regions[0]!.placements.map((p) => [p.applicationId, p.status])).toEqual([['B', 'admitted'], ['A', 'incomplete']]);
    expect(explanations.find((x) => x.applicationId === 'A')!.reasons).toEqual([
      { code: 'incomplete', missingCriteria: ['strength', 'technical', 'reputation', 'price'] },
      { code: 'recusedMembers', count: 1 },
    ]);
  });
});
