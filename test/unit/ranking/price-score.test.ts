// Golden cases of the computed price score, 低价优先法 (DOMAIN.md 综合评分法; 财政部令第87号 §55):
// price score = lowest valid quote in the region ÷ this quote × full marks.
import { describe, expect, it } from 'vitest';
import { benchmarkQuote, evaluateRound, priceScoreHundredths, rankRound } from '../../../shared/ranking';
import { criterionOf, entryOf, round } from './support';

const lowestPrice = { priceMode: 'lowestPrice' } as const;

describe('price score (lowestPrice mode)', () => {
  // Worked example. Quotes 38,000 / 40,000 / 50,000 元, full marks 100; benchmark = 38,000.
  //   A: 38,000 / 38,000 × 100 = 100.00
  //   B: 38,000 / 40,000 × 100 =  95.00
  //   C: 38,000 / 50,000 × 100 =  76.00
  // Every member gives 80 on the three scored criteria (80% of the weight), so the totals are
  //   A: 0.8 × 80 + 0.2 × 100 = 84.00,  B: 64 + 19 = 83.00,  C: 64 + 15.2 = 79.20.
  const input = round({
    apps: {
      A: { quote: 38_000, scores: { m1: 80, m2: 80 } },
      B: { quote: 40_000, scores: { m1: 80, m2: 80 } },
      C: { quote: 50_000, scores: { m1: 80, m2: 80 } },
    },
  });

  it('gives 100, 95.00 and 76.00 for 38,000 / 40,000 / 50,000', () => {
    const ranking = rankRound(input, lowestPrice);
    expect(['A', 'B', 'C'].map((id) => criterionOf(ranking, id, 'price'))).toEqual([100, 95, 76]);
    expect(['A', 'B', 'C'].map((id) => entryOf(ranking, id).total)).toEqual([84, 83, 79.2]);
    expect(ranking.regions[0]!.benchmarkQuote).toBe(38_000);
    expect(entryOf(ranking, 'B').criteria.find((c) => c.criterion === 'price')).toEqual({ criterion: 'price', value: 95, exactH: '9500/1', count: 0, method: 'lowestPrice', trimmed: false });
  });

  it('ignores members’ price scores when the price is computed', () => {
    // m1 and m2 scored price 80 and m3 scores it 0: in lowestPrice mode those cells are not used.
    const withPriceScores = { ...input, scores: [...input.scores, { applicationId: 'A', memberId: 'm3', criterion: 'price', value: 0 }] };
    expect(criterionOf(rankRound(withPriceScores, lowestPrice), 'A', 'price')).toBe(100);
    // …while in scored mode the members' price scores are the price score: (0 + 80) / 2 = 40.
    const scored = round({ apps: { A: { quote: 38_000, scores: { m1: { price: 0 }, m2: { price: 80 } } } } });
    expect(criterionOf(rankRound(scored), 'A', 'price')).toBe(40);
  });

  it('takes the benchmark among eligible applications only', () => {
    // D quotes 30,000 but failed 资格审查: its bid is not valid, so the benchmark stays 38,000.
    const withIneligible = round({
      apps: {
        A: { quote: 38_000, scores: { m1: 80 } },
        B: { quote: 40_000, scores: { m1: 80 } },
        D: { quote: 30_000, eligible: false, scores: { m1: 80 } },
      },
    });
    const ranking = rankRound(withIneligible, lowestPrice);
    expect(ranking.regions[0]!.benchmarkQuote).toBe(38_000);
    expect(criterionOf(ranking, 'B', 'price')).toBe(95);
    expect(criterionOf(ranking, 'D', 'price')).toBeNull();
    expect(entryOf(ranking, 'D').standing).toBe('ineligible');
  });

  it('gives a missing or non-positive quote 0 points and flags it; such a quote is never the benchmark', () => {
    const invalid = round({
      apps: {
        A: { quote: 38_000, scores: { m1: 80 } },
        E: { quote: null, scores: { m1: 80 } },
        F: { quote: 0, scores: { m1: 80 } },
        G: { quote: -5, scores: { m1: 80 } },
      },
    });
    const { ranking, explanations } = evaluateRound(invalid, lowestPrice);
    expect(['A', 'E', 'F', 'G'].map((id) => criterionOf(ranking, id, 'price'))).toEqual([100, 0, 0, 0]);
    expect(['A', 'E', 'F', 'G'].map((id) => entryOf(ranking, id).invalidQuote)).toEqual([false, true, true, true]);
    expect(explanations.find((x) => x.applicationId === 'E')!.reasons).toContainEqual({ code: 'invalidQuote' });
    // In scored mode nothing is computed, so nothing is flagged.
    expect(entryOf(rankRound(invalid), 'E').invalidQuote).toBe(false);
  });

  it('computes the benchmark per region', () => {
    // A applies to R and S. In S, H quotes 19,000: A's price score there is 19,000 / 38,000 × 100 = 50.
    const twoRegions = round({
      regions: { R: { quota: 1 }, S: { quota: 1 } },
      apps: { A: { quote: 38_000, regions: ['R', 'S'], scores: { m1: 80 } }, H: { quote: 19_000, regions: ['S'], scores: { m1: 80 } } },
    });
    const ranking = rankRound(twoRegions, lowestPrice);
    expect(criterionOf(ranking, 'A', 'price', 'R')).toBe(100);
    expect(criterionOf(ranking, 'A', 'price', 'S')).toBe(50);
    // Totals differ per region too: 64 + 20 = 84 in R, 64 + 10 = 74 in S.
    expect([entryOf(ranking, 'A', 'R').total, entryOf(ranking, 'A', 'S').total]).toEqual([84, 74]);
  });

  it('uses the scale maximum as full marks', () => {
    const tenPoint = round({ apps: { A: { quote: 38_000, scores: { m1: 8 } }, B: { quote: 40_000, scores: { m1: 8 } } } });
    const ranking = rankRound(tenPoint, { ...lowestPrice, scale: { min: 0, max: 10 } });
    expect(criterionOf(ranking, 'B', 'price')).toBe(9.5); // 38,000 / 40,000 × 10
  });

  it('rounds half up exactly at the third decimal', () => {
    // 401 / 800 × 100 = 50.125 exactly → 50.13 (四舍五入); 2/3 × 100 = 66.666… → 66.67; 1/3 → 33.33.
    expect(priceScoreHundredths(800, 401, 100)).toBe(5013);
    expect(priceScoreHundredths(300, 200, 100)).toBe(6667);
    expect(priceScoreHundredths(300, 100, 100)).toBe(3333);
    // Quotes with 分: 38,000.01 / 40,000.02 × 100 = 95.000… → 95.00.
    expect(priceScoreHundredths(40_000.02, 38_000.01, 100)).toBe(9500);
    // Large quotes stay exact (the products pass 2^53 in 分 × hundredths).
    expect(priceScoreHundredths(999_999_999.99, 333_333_333.33, 100)).toBe(3333);
  });

  it('finds the lowest valid quote', () => {
    expect(benchmarkQuote([50_000, null, 0, 38_000, -1, 40_000])).toBe(38_000);
    expect(benchmarkQuote([null, 0])).toBeNull();
  });
});
