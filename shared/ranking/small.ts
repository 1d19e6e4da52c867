// Exact ratios in plain integers, for the streamed ranking's hot path (stream.ts, issue 8: 80,000 aggregates
// and 40,000 weighted totals at platform scale, where BigInt ratios with a gcd per operation were a third of
// the core's time). Same arithmetic as exact.ts and aggregate.ts — lowest terms, half up once
// (加权总分由精确值计算，只在最后四舍五入到两位小数) — done only while every integer stays safe (|x| < 2^53, checked
// at each step); otherwise the functions answer null and the caller takes the BigInt path. Division rounds
// like BigInt's (toward zero), with the float quotient corrected by its remainder, so nothing is decided by a
// float rounding. test/unit/ranking/small.test.ts compares both paths for random and extreme inputs.
import type { Aggregation } from './types';

/** num / den in lowest terms, den > 0. */
export interface SmallRatio {
  readonly num: number;
  readonly den: number;
}

const safe = (x: number) => Number.isSafeInteger(x);

function gcd(a: number, b: number): number {
  let x = Math.abs(a);
  let y = b;
  while (y !== 0) [x, y] = [y, x % y];
  return x;
}

/** BigInt's a / b (b > 0): the quotient truncated toward zero, exactly. */
export function truncDiv(a: number, b: number): number {
  let q = Math.trunc(a / b);
  const r = a - q * b;
  if (a >= 0) {
    if (r < 0) q -= 1;
    else if (r >= b) q += 1;
  } else if (r > 0) q += 1;
  else if (r <= -b) q -= 1;
  return q || 0; // never −0 (BigInt has none: a rounded −0.004 is 0, not −0)
}

/** exact.ts ratio() in integers; null when an input is not a safe integer. */
export function smallRatio(num: number, den: number): SmallRatio | null {
  if (!safe(num) || !safe(den) || den <= 0) return null;
  const g = gcd(num, den) || 1;
  return { num: num / g, den: den / g };
}

/** decimal.ts divRoundHalfUp: (2n + d) / (2d), truncated like BigInt division; null if not safe. */
export function divRoundHalfUpSmall(n: number, d: number): number | null {
  const a = 2 * n + d;
  const b = 2 * d;
  // |a| + b safe: truncDiv's q·b then stays exact too.
  return safe(a) && safe(b) && safe(Math.abs(a) + b) ? truncDiv(a, b) : null;
}

/**
 * aggregate.ts aggregateHundredths in integers: the same sort, trim, mean and median, the same lowest-terms
 * ratio and the same one rounding. null when something leaves the safe range (then use aggregateHundredths).
 */
export function aggregateSmall(values: readonly number[], method: Aggregation, trimMinScores: number): { value: number | null; num: number | null; den: number; trimmed: boolean } | null {
  const count = values.length;
  if (count === 0) return { value: null, num: null, den: 1, trimmed: false };
  let r: SmallRatio | null;
  let trimmed = false;
  if (method === 'median') {
    const sorted = Float64Array.from(values).sort();
    const mid = Math.floor(count / 2);
    r = count % 2 === 1 ? smallRatio(sorted[mid]!, 1) : smallRatio(sorted[mid - 1]! + sorted[mid]!, 2);
  } else {
    // The mean needs no order; the trimmed mean drops one lowest and one highest (aggregate.ts), i.e. the sum
    // less the minimum and the maximum. Hundredths are integers far below 2^53, so every sum here is exact.
    trimmed = method === 'trimmedMean' && count >= trimMinScores;
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (const v of values) {
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    r = trimmed ? smallRatio(sum - min - max, count - 2) : smallRatio(sum, count);
  }
  if (r === null) return null;
  const value = divRoundHalfUpSmall(r.num, r.den);
  return value === null ? null : { value, num: r.num, den: r.den, trimmed };
}

/**
 * rank-region.ts weightedTotalHundredths in integers: round(Σ wᵢ·nᵢ/dᵢ / 10⁴) half up, over the common
 * denominator. null when a term is missing in small form (undefined) or anything leaves the safe range; a
 * null score (no aggregate) is not expected here (the candidate is not ranked then).
 */
export function weightedTotalSmall(scores: readonly (SmallRatio | null | undefined)[], weightsH: readonly number[]): number | null {
  let den = 1;
  for (let i = 0; i < weightsH.length; i++) {
    const s = scores[i];
    if (!s) return null;
    den = (den / gcd(den, s.den)) * s.den;
    if (!safe(den)) return null;
  }
  let num = 0;
  for (let i = 0; i < weightsH.length; i++) {
    const s = scores[i]!;
    const term = s.num * (den / s.den);
    const weighted = term * weightsH[i]!;
    num += weighted;
    if (!safe(term) || !safe(weighted) || !safe(num)) return null;
  }
  return divRoundHalfUpSmall(num, den * 10_000);
}
