// The plain-integer exact arithmetic of the streamed ranking (shared/ranking/small.ts) against the BigInt one it
// stands in for (exact.ts, aggregate.ts, rank-region.ts): equal wherever it answers, and it declines (null)
// rather than answer once a value leaves the safe integer range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { aggregateHundredths } from '../../../shared/ranking/aggregate';
import { divRoundHalfUp } from '../../../shared/ranking/decimal';
import { formatRatio, ratio } from '../../../shared/ranking/exact';
import { weightedTotalHundredths } from '../../../shared/ranking/rank-region';
import { aggregateSmall, divRoundHalfUpSmall, smallRatio, truncDiv, weightedTotalSmall } from '../../../shared/ranking/small';

const RUNS = { numRuns: 2000 };
const anyInt = fc.oneof(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.maxSafeInteger(), fc.integer({ min: -(2 ** 53) + 1, max: 2 ** 53 - 1 }));
const positive = fc.oneof(fc.integer({ min: 1, max: 400_000 }), fc.integer({ min: 1, max: 2 ** 53 - 1 }));

describe('small exact arithmetic = BigInt', () => {
  it('truncDiv is BigInt division (toward zero), also where the float quotient rounds', () => {
    fc.assert(
      fc.property(anyInt, positive, (a, b) => {
        expect(truncDiv(a, b)).toBe(Number(BigInt(a) / BigInt(b)));
      }),
      RUNS,
    );
    // 2^53 − 1 over 3: the float quotient is not exact.
    expect(truncDiv(2 ** 53 - 1, 3)).toBe(Number(BigInt(2 ** 53 - 1) / 3n));
    expect(truncDiv(-7, 2)).toBe(-3);
  });

  it('divRoundHalfUpSmall = divRoundHalfUp, or null out of range', () => {
    fc.assert(
      fc.property(anyInt, positive, (n, d) => {
        const small = divRoundHalfUpSmall(n, d);
        if (small !== null) expect(small).toBe(Number(divRoundHalfUp(BigInt(n), BigInt(d))));
        else expect(Math.abs(2 * n) + 3 * d).toBeGreaterThan(2 ** 53 - 1 - 4 * d);
      }),
      RUNS,
    );
    expect(divRoundHalfUpSmall(16_001, 2)).toBe(8001); // 80.005 → 80.01
  });

  it('smallRatio is ratio() in lowest terms', () => {
    fc.assert(
      fc.property(anyInt, positive, (n, d) => {
        const r = smallRatio(n, d)!;
        const big = ratio(BigInt(n), BigInt(d));
        expect(`${r.num}/${r.den}`).toBe(`${big.num}/${big.den}`);
      }),
      RUNS,
    );
  });

  it('aggregateSmall = aggregateHundredths for every method (values in hundredths, any count)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100_000, max: 1_000_000 }), { maxLength: 40 }), fc.constantFrom('mean', 'trimmedMean', 'median' as const), fc.integer({ min: 3, max: 8 }), (values, method, trimMin) => {
        const small = aggregateSmall(values, method, trimMin)!;
        const big = aggregateHundredths(values, method, trimMin);
        expect({ value: small.value, exact: small.num === null ? null : `${small.num}/${small.den}`, trimmed: small.trimmed }).toEqual({ value: big.value, exact: big.exact === null ? null : formatRatio(big.exact), trimmed: big.trimmed });
      }),
      RUNS,
    );
  });

  it('weightedTotalSmall = weightedTotalHundredths, or null (then the BigInt path is taken)', () => {
    const term = fc.tuple(fc.oneof(fc.integer({ min: 0, max: 1_500_000 }), fc.integer({ min: 0, max: 2 ** 53 - 1 })), fc.oneof(fc.integer({ min: 1, max: 15 }), fc.integer({ min: 1, max: 2 ** 40 })));
    fc.assert(
      fc.property(fc.array(term, { minLength: 1, maxLength: 5 }), fc.array(fc.integer({ min: 0, max: 10_000 }), { minLength: 5, maxLength: 5 }), (terms, weights) => {
        const ratios = terms.map(([n, d]) => ratio(n, d));
        const smalls = ratios.map((r) => smallRatio(Number(r.num), Number(r.den)));
        const weightsH = weights.slice(0, terms.length);
        const small = weightedTotalSmall(smalls, weightsH);
        const big = weightedTotalHundredths(ratios, weightsH);
        if (small !== null) expect(small).toBe(big);
      }),
      RUNS,
    );
    // Means of 7 and 3 members with weights 30/70 %: 22600/3 and 5600/7 → exact 2938.57… → 29.39 after /10⁴… in hundredths.
    const a = smallRatio(22_600, 3)!;
    const b = smallRatio(5_600, 7)!;
    expect(weightedTotalSmall([a, b], [3000, 7000])).toBe(weightedTotalHundredths([ratio(22_600, 3), ratio(5_600, 7)], [3000, 7000]));
    // Out of range: declines instead of answering.
    expect(weightedTotalSmall([{ num: 2 ** 52, den: 1 }], [10_000])).toBeNull();
  });
});
