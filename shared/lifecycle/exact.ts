// Exact comparisons for KPI figures. Thresholds are percentages with at most 2 decimals and money has at
// most 2 decimals (元), so both become integer hundredths; growth is compared as an integer cross-product,
// never as a float quotient. Growth exactly at the threshold must pass, and floats miss it: 1,000 → 1,011
// is exactly 1.1%, yet (1011 − 1000) / 1000 ≥ 1.1 / 100 is false in binary floating point, and the seed's
// 11,000 → 12,100 written as 12100 / 11000 − 1 ≥ 0.1 only passes by luck (it fails the same way for 15%:
// 20 → 23). Products can pass 2^53 (orders × hundredths of a percent), hence BigInt inside; results leave as
// plain numbers so they cross IPC as JSON.
import { PERCENT_DECIMALS } from './constants';
import { toHundredths } from '../ranking/decimal';

export { toHundredths };

/** actual ≥ min for numbers with at most 2 decimals (a percentage, an amount in 元), compared in hundredths. */
export function atLeast2dp(actual: number, min: number): boolean {
  return toHundredths(actual) >= toHundredths(min);
}

/** Sum of amounts with at most 2 decimals, exact (summed in hundredths): 0.1 + 0.2 is 0.3 here. */
export function sum2dp(values: readonly number[]): number {
  return values.reduce((s, v) => s + toHundredths(v), 0) / 100;
}

/**
 * Month-over-month growth (seed 001 §3.4: (当月订单量 − 上月订单量) / 上月订单量) ≥ minPercent, exactly.
 * A previous month with 0 orders has no growth ratio; decided as: any orders after none is unlimited growth
 * (passes every threshold), none after none is 0% growth (passes only a 0% threshold). Only reachable when
 * the first-month minimum is edited to 0; with the seed's 10,000 such a period already fails.
 */
export function growthAtLeast(previous: number, current: number, minPercent: number): boolean {
  if (previous === 0) return current > 0 || toHundredths(minPercent) <= 0;
  // (c − p) / p ≥ r / 10000 (r in hundredths of a percent)  ⇔  (c − p) · 10000 ≥ r · p, since p > 0.
  return (BigInt(current) - BigInt(previous)) * 10_000n >= BigInt(toHundredths(minPercent)) * BigInt(previous);
}

/** round(n / d) half away from zero, exactly, for integers and d > 0. */
function divRoundHalfAway(n: bigint, d: bigint): bigint {
  const q = (2n * (n < 0n ? -n : n) + d) / (2n * d);
  return n < 0n ? -q : q;
}

/**
 * The growth in percent for display, rounded to PERCENT_DECIMALS half away from zero from the exact ratio:
 * 11,000 → 12,099 is 9.99, 11,000 → 12,100 is 10. Null when the previous month had no orders and this one
 * has some (unlimited growth); 0 for none after none. Never used to decide a pass (see growthAtLeast).
 */
export function growthPercent(previous: number, current: number, decimals = PERCENT_DECIMALS): number | null {
  if (previous === 0) return current === 0 ? 0 : null;
  const scale = 10n ** BigInt(decimals);
  const r = divRoundHalfAway((BigInt(current) - BigInt(previous)) * 100n * scale, BigInt(previous));
  return Number(r) / Number(scale) || 0;
}
