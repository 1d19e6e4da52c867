// Exact rational numbers for the aggregates that feed the weighted total.
//
// 加权总分由精确值计算，只在最后四舍五入到两位小数. A criterion score is a mean (a fraction with the member
// count as denominator), a median of two (÷ 2) or a computed price score (benchmark ÷ quote × full marks).
// Rounding each of them to 2 decimals before weighting adds up to ±0.005 × Σ weights of error, enough to move
// a total by 0.01 and decide a seat against the lower-price tie-break (issue 7). So the aggregates are kept as
// exact fractions of hundredths (numerator and denominator are BigInt: a quote of 10⁹ 元 is 10¹¹ 分, and its
// product with the full marks passes 2^53), the total is summed exactly and rounded half up once.
import { divRoundHalfUp } from './decimal';

/** A non-negative exact number of hundredths, num / den, den > 0, in lowest terms. */
export interface Ratio {
  readonly num: bigint;
  readonly den: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

export function ratio(num: bigint | number, den: bigint | number = 1n): Ratio {
  const n = BigInt(num);
  const d = BigInt(den);
  if (d <= 0n) throw new RangeError('ratio: denominator must be positive');
  const g = gcd(n, d) || 1n;
  return { num: n / g, den: d / g };
}

export function addRatio(a: Ratio, b: Ratio): Ratio {
  return ratio(a.num * b.den + b.num * a.den, a.den * b.den);
}

export function scaleRatio(a: Ratio, factor: bigint | number): Ratio {
  return ratio(a.num * BigInt(factor), a.den);
}

/** round(a / divisor) half up (a ≥ 0), as an integer; divisor 1 rounds the ratio itself to hundredths. */
export function roundRatio(a: Ratio, divisor: bigint | number = 1n): number {
  return Number(divRoundHalfUp(a.num, a.den * BigInt(divisor)));
}

/** Nearest float, for estimates only (never to decide an outcome). */
export function ratioToNumber(a: Ratio): number {
  return Number(a.num) / Number(a.den);
}

/**
 * Serialised form for results that cross IPC and are frozen as JSON (BigInt has no JSON form): "num/den".
 * A string also reads well in the JSON export ("22600/3" hundredths = 75.333… points).
 */
export function formatRatio(a: Ratio): string {
  return `${a.num}/${a.den}`;
}

/** Parses formatRatio's output; null for anything else (a snapshot frozen before the field existed). */
export function parseRatio(text: string | null | undefined): Ratio | null {
  const m = typeof text === 'string' ? /^(\d+)\/([1-9]\d*)$/.exec(text) : null;
  return m ? ratio(BigInt(m[1]!), BigInt(m[2]!)) : null;
}
