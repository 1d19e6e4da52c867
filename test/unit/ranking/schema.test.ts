// Validation of the round's ranking options (issue 3: "weights that must total 100% (validated)").
import { describe, expect, it } from 'vitest';
import { DEFAULT_RANKING_OPTIONS, resolveRankingOptions, roundRankingOptionsSchema } from '../../../shared/ranking';

const issues = (input: unknown) => {
  const r = roundRankingOptionsSchema.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message, ...((i as { params?: object }).params ?? {}) }));
};
const weights = (...w: number[]) => ['strength', 'technical', 'reputation', 'price'].slice(0, w.length).map((key, i) => ({ key, weight: w[i]! }));

describe('roundRankingOptionsSchema', () => {
  it('fills every default', () => {
    expect(resolveRankingOptions()).toEqual({
      criteria: [{ key: 'strength', weight: 30 }, { key: 'technical', weight: 30 }, { key: 'reputation', weight: 20 }, { key: 'price', weight: 20 }],
      scale: { min: 0, max: 100 },
      aggregation: 'mean',
      trimMinScores: 5,
      priceMode: 'scored',
      priceCriterion: 'price',
      technicalCriterion: 'technical',
      minimumTotal: null,
      tieBreak: ['lowerPrice', 'higherTechnical'],
      committeeOrder: {},
      cap: null,
    });
    expect(resolveRankingOptions()).toEqual(DEFAULT_RANKING_OPTIONS);
  });

  it('requires weights totalling exactly 100', () => {
    expect(issues({ criteria: weights(30, 30, 20, 20) })).toEqual([]);
    expect(issues({ criteria: weights(33.33, 33.33, 33.34) })).toEqual([]);
    expect(issues({ criteria: weights(0.1, 0.2, 99.7) })).toEqual([]); // binary 0.1 + 0.2 noise is not an error
    expect(issues({ criteria: weights(30, 30, 20, 19.99) })).toEqual([{ path: 'criteria', message: 'error.invalid', rule: 'weightsTotal', total: 99.99 }]);
    expect(issues({ criteria: weights(30, 30, 20, 21) })).toEqual([{ path: 'criteria', message: 'error.invalid', rule: 'weightsTotal', total: 101 }]);
  });

  it('refuses negative weights, weights with 3 decimals, and no criteria', () => {
    expect(issues({ criteria: weights(-10, 60, 30, 20) })).toContainEqual({ path: 'criteria.0.weight', message: 'error.negative' });
    expect(issues({ criteria: weights(29.995, 30.005, 20, 20) })).toContainEqual({ path: 'criteria.0.weight', message: 'error.decimals2' });
    expect(issues({ criteria: [] })).toContainEqual({ path: 'criteria', message: 'error.required' });
  });

  it('refuses duplicate criteria and tie-break levels', () => {
    expect(issues({ criteria: [{ key: 'technical', weight: 50 }, { key: 'technical', weight: 50 }] })).toContainEqual({ path: 'criteria.1.key', message: 'error.invalid', rule: 'duplicateCriterion', key: 'technical' });
    expect(issues({ tieBreak: ['lowerPrice', 'lowerPrice'] })).toEqual([{ path: 'tieBreak.1', message: 'error.invalid', rule: 'duplicateTieBreak', level: 'lowerPrice' }]);
  });

  it('needs the price criterion for a computed price and the technical one for its tie-break', () => {
    const noPrice = [{ key: 'strength', weight: 50 }, { key: 'technical', weight: 50 }];
    expect(issues({ criteria: noPrice })).toEqual([]);
    expect(issues({ criteria: noPrice, priceMode: 'lowestPrice' })).toEqual([{ path: 'priceCriterion', message: 'error.invalid', rule: 'priceCriterionMissing', key: 'price' }]);
    const noTechnical = [{ key: 'strength', weight: 50 }, { key: 'price', weight: 50 }];
    expect(issues({ criteria: noTechnical })).toEqual([{ path: 'technicalCriterion', message: 'error.invalid', rule: 'technicalCriterionMissing', key: 'technical' }]);
    expect(issues({ criteria: noTechnical, tieBreak: ['lowerPrice'] })).toEqual([]);
  });

  it('checks the scale, the minimum against it, the cap and the committee order', () => {
    expect(issues({ scale: { min: 10, max: 10 } })).toEqual([{ path: 'scale.max', message: 'error.invalid', rule: 'scaleRange' }]);
    expect(issues({ minimumTotal: 60 })).toEqual([]);
    expect(issues({ minimumTotal: 101 })).toEqual([{ path: 'minimumTotal', message: 'error.invalid', rule: 'minimumOutOfScale', min: 0, max: 100 }]);
    expect(issues({ cap: 0 })).toEqual([{ path: 'cap', message: 'error.invalid' }]);
    expect(issues({ cap: 1.5 })).toEqual([{ path: 'cap', message: 'error.number' }]);
    expect(issues({ trimMinScores: 2 })).toEqual([{ path: 'trimMinScores', message: 'error.invalid' }]);
    expect(issues({ committeeOrder: { R: ['a', 'b', 'a'] } })).toEqual([{ path: 'committeeOrder.R.2', message: 'error.invalid', rule: 'duplicateCommitteeOrder', applicationId: 'a' }]);
  });

  it('throws from resolveRankingOptions, so invalid options never reach the ranking', () => {
    expect(() => resolveRankingOptions({ criteria: weights(50, 30) })).toThrow();
  });
});
