// Exact 2-decimal arithmetic for scores, weights and quotes.
//
// Why not floats: Chinese procurement publishes scores with 2 decimals, rounded half up (四舍五入), and the
// ranking must compare the published numbers, or two applicants shown as 85.33 and 85.33 would be "ordered"
// by an invisible 0.0000001. Float rounding also misses half-way cases: 80.05 × 30% is 24.015 on paper but
// 24.014999… in binary, which Math.round(x * 100) / 100 turns into 24.01. So every input with at most
// 2 decimals (scores, weights in %, quotes in 元) becomes an integer count of hundredths; what is derived from
// them (means, price scores) stays an exact ratio (exact.ts) until the one rounding, half up, of what is
// published. All quantities here are non-negative, so half up = half away from 0.

/** Integer hundredths of a number that has at most 2 decimals (checked by the callers' validation). */
export function toHundredths(x: number): number {
  return Math.round(x * 100);
}

/** Hundredths back to the number a person reads (85.33); exact to the shortest decimal representation. */
export function fromHundredths(h: number): number {
  return h / 100;
}

/** Whether x is finite with at most 2 decimals; tolerant of the last-bit noise of binary input (0.1 + 0.2). */
export function hasAtMost2Decimals(x: number): boolean {
  if (!Number.isFinite(x)) return false;
  const scaled = x * 100;
  return Math.abs(scaled - Math.round(scaled)) <= Math.max(1e-6, Math.abs(scaled) * 1e-14);
}

/** round(n / d) half up, exactly, for integers n ≥ 0, d > 0 (BigInt: products of quotes can pass 2^53). */
export function divRoundHalfUp(n: bigint, d: bigint): bigint {
  return (2n * n + d) / (2n * d);
}

/** Same for plain integers known to stay far below 2^53. */
export function divRoundHalfUpInt(n: number, d: number): number {
  return Number(divRoundHalfUp(BigInt(n), BigInt(d)));
}

/**
 * Round a derived float (a standard deviation, a rescaled weight) to 2 decimals for display. Rounds the
 * shortest decimal form of x (what a person would read), so 1.005 → 1.01. Only for numbers that are never
 * compared to decide an outcome.
 */
export function round2(x: number): number {
  if (!Number.isFinite(x)) return x;
  const abs = Math.abs(x);
  const text = String(abs);
  // Exponent notation (1e-7, 1e21) cannot take the "e2" shift; such numbers have no half-way digit to lose.
  const r = text.includes('e') ? Math.round(abs * 100) : Math.round(Number(`${text}e2`));
  return (x < 0 ? -r : r) / 100 || 0;
}
