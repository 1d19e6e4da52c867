// Golden cases of issue 7: 加权总分由精确值计算，只在最后四舍五入到两位小数. Criterion aggregates and the
// computed price score enter the weighted total exactly; only the total is rounded (half up, 2 decimals),
// once, and that rounded total is what ranks and what is shown. Rounding the criterion scores first moved
// totals by 0.01, which decided seats against the lower-price tie-break.
import { describe, expect, it } from 'vitest';
import { evaluateRound, rankRound } from '../../../shared/ranking';
import { criterionOf, entryOf, round, statuses } from './support';

const order = (ranking: ReturnType<typeof rankRound>) => ranking.regions[0]!.entries.map((e) => e.applicationId);

describe('weighted total from exact aggregates', () => {
  // Three members, default weights 30/30/20/20 (strength, technical, reputation, price — price scored by the
  // members here). Member scores chosen so the means are the issue's:
  //   A (quote 50,000):  strength 75/75/76 → 75.333…, technical 81/82/82 → 81.666…,
  //                      reputation 74/74/74 → 74, price 78/79/79 → 78.666…
  //   B (quote 120,000): strength 71/72/72 → 71.666…, technical 82/83/83 → 82.666…,
  //                      reputation 86/87/87 → 86.666…, price 70/70/70 → 70
  // Exact totals: A = 22.6 + 24.5 + 14.8 + 15.7333… = 77.6333…; B = 21.5 + 24.8 + 17.3333… + 14 = 77.6333….
  // Both publish 77.63: tied, and the lower quote (A) ranks first. Rounding the means first gives
  // A = 0.3 × 75.33 + 0.3 × 81.67 + 0.2 × 74 + 0.2 × 78.67 = 77.634 → 77.63 but
  // B = 0.3 × 71.67 + 0.3 × 82.67 + 0.2 × 86.67 + 0.2 × 70 = 77.636 → 77.64, which put B first.
  const sheet = (strength: number, technical: number, reputation: number, price: number) => ({ strength, technical, reputation, price });
  const input = round({
    apps: {
      A: { quote: 50_000, scores: { m1: sheet(75, 81, 74, 78), m2: sheet(75, 82, 74, 79), m3: sheet(76, 82, 74, 79) } },
      B: { quote: 120_000, scores: { m1: sheet(71, 82, 86, 70), m2: sheet(72, 83, 87, 70), m3: sheet(72, 83, 87, 70) } },
    },
    regions: { R: { quota: 1 } },
  });

  it('ties 77.6333… with 77.6333… and ranks the lower quote first', () => {
    const { ranking, allocation } = evaluateRound(input);
    expect([entryOf(ranking, 'A').total, entryOf(ranking, 'B').total]).toEqual([77.63, 77.63]);
    expect(order(ranking)).toEqual(['A', 'B']);
    expect(entryOf(ranking, 'A').tieBreaks).toEqual([{ level: 'lowerPrice', against: 'B', outcome: 'won' }]);
    expect(statuses(allocation)).toEqual({ A: 'admitted', B: 'notAdmitted' });
  });

  it('still shows each criterion score with 2 decimals, and keeps its exact value beside it', () => {
    const ranking = rankRound(input);
    expect(['strength', 'technical', 'reputation', 'price'].map((c) => criterionOf(ranking, 'A', c))).toEqual([75.33, 81.67, 74, 78.67]);
    expect(['strength', 'technical', 'reputation', 'price'].map((c) => criterionOf(ranking, 'B', c))).toEqual([71.67, 82.67, 86.67, 70]);
    // In hundredths: 22600/3 = 7533.33…, 24500/3, 7400, 23600/3.
    expect(entryOf(ranking, 'A').criteria.map((c) => c.exactH)).toEqual(['22600/3', '24500/3', '7400/1', '23600/3']);
    // The hazard the rule removes: the published criterion scores, weighted, would give B 0.01 more.
    const published = (id: string) => entryOf(ranking, id).criteria.reduce((sum, c, i) => sum + Math.round(c.value! * 100) * [30, 30, 20, 20][i]!, 0);
    expect([published('A'), published('B')]).toEqual([776_340, 776_360]);
  });

  it('rounds the exact total half up once (…0.005 → up, …0.00499 → down)', () => {
    // 2 members, strength only weighted 100: (80.00 + 80.01) / 2 = 80.005 → 80.01 (half up).
    const criteria = [{ key: 'strength', weight: 100 }];
    const half = round({ criteria: ['strength'], apps: { A: { scores: { m1: { strength: 80 }, m2: { strength: 80.01 } } } } });
    expect(entryOf(rankRound(half, { criteria, tieBreak: ['lowerPrice'] }), 'A').total).toBe(80.01);
    // Weights 50/50, means 80.005 (exact) and 80 → 80.0025 → 80.00; rounding the mean first (80.01) would
    // give 80.005 → 80.01.
    const criteria2 = [{ key: 'strength', weight: 50 }, { key: 'technical', weight: 50 }];
    const quarter = round({ criteria: ['strength', 'technical'], apps: { A: { scores: { m1: { strength: 80, technical: 80 }, m2: { strength: 80.01, technical: 80 } } } } });
    expect(entryOf(rankRound(quarter, { criteria: criteria2 }), 'A').total).toBe(80);
    expect(entryOf(rankRound(quarter, { criteria: criteria2 }), 'A').criteria[0]!.value).toBe(80.01);
  });
});

describe('computed price score (低价优先法) enters the total exactly', () => {
  // Weights strength 70 / price 30, price computed: benchmark 38,000 (A).
  //   B quotes 40,007: price 3,800,000 / 40,007 = 94.98337… (shown 94.98);
  //     total 0.7 × 80 + 0.3 × 94.98337… = 84.49501… → 84.50. From the shown 94.98: 84.494 → 84.49.
  //   C quotes 41,000: price 92.68292… (shown 92.68); total 0.7 × 81 + 0.3 × 92.68292… = 84.50487… → 84.50.
  // Exact: B and C tie at 84.50 and B's lower quote takes the one seat; double rounding gave it to C.
  const criteria = [{ key: 'strength', weight: 70 }, { key: 'price', weight: 30 }];
  const input = round({
    criteria: ['strength'],
    apps: {
      A: { quote: 38_000, scores: { m1: { strength: 50 } } },
      B: { quote: 40_007, scores: { m1: { strength: 80 } } },
      C: { quote: 41_000, scores: { m1: { strength: 81 } } },
    },
    regions: { R: { quota: 1 } },
  });
  const options = { criteria, priceMode: 'lowestPrice' as const, tieBreak: ['lowerPrice' as const] };

  it('shows the price score with 2 decimals but totals the exact ratio', () => {
    const ranking = rankRound(input, options);
    expect(criterionOf(ranking, 'B', 'price')).toBe(94.98);
    expect(entryOf(ranking, 'B').criteria[1]!.exactH).toBe('380000000/40007');
    expect(['A', 'B', 'C'].map((id) => entryOf(ranking, id).total)).toEqual([65, 84.5, 84.5]);
  });

  it('lets the lower quote win the tie the exact totals make', () => {
    const { ranking, allocation } = evaluateRound(input, options);
    expect(order(ranking)).toEqual(['B', 'C', 'A']);
    expect(entryOf(ranking, 'B').tieBreaks).toEqual([{ level: 'lowerPrice', against: 'C', outcome: 'won' }]);
    expect(statuses(allocation)).toEqual({ A: 'notAdmitted', B: 'admitted', C: 'notAdmitted' });
  });
});
