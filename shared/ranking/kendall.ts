// Kendall's coefficient of concordance W (Kendall & Babington Smith 1939): how far m members agree on the
// order of n applications. 1 = everyone ranks them the same; 0 = no agreement at all.
//
//   W = 12·S / (m²·(n³ − n) − m·Σ T_j),   S = Σ_i (R_i − m(n + 1)/2)²,   T_j = Σ over tie groups (t³ − t)
//
// R_i is the sum of application i's ranks; tied scores take the average of the ranks they span, and T_j is
// the standard correction for member j's ties (Siegel & Castellan, Nonparametric Statistics, §9.4). For
// large n, m·(n − 1)·W is approximately χ² with n − 1 degrees of freedom.

export interface Concordance {
  /** In [0, 1]. */
  readonly w: number;
  readonly chiSquare: number;
  readonly degreesOfFreedom: number;
}

/** Ranks (1 = best = highest value) with average ranks for ties, and Σ(t³ − t) over the tie groups. */
export function averageRanks(values: readonly number[]): { ranks: number[]; tieCorrection: number } {
  const order = values.map((v, i) => ({ v, i })).sort((a, b) => b.v - a.v);
  const ranks = new Array<number>(values.length).fill(0);
  let tieCorrection = 0;
  for (let start = 0; start < order.length; ) {
    let end = start + 1;
    while (end < order.length && order[end]!.v === order[start]!.v) end++;
    const t = end - start;
    const rank = (start + 1 + end) / 2; // average of ranks start+1 … end
    for (let k = start; k < end; k++) ranks[order[k]!.i] = rank;
    tieCorrection += t ** 3 - t;
    start = end;
  }
  return { ranks, tieCorrection };
}

/**
 * W for a matrix of values: one row per member, one column per application, higher = better. null with
 * fewer than 2 members or 2 applications, or when every member ties every application (0 / 0).
 */
export function kendallW(rows: readonly (readonly number[])[]): Concordance | null {
  const m = rows.length;
  const n = rows[0]?.length ?? 0;
  if (m < 2 || n < 2) return null;
  const rankSums = new Array<number>(n).fill(0);
  let ties = 0;
  for (const row of rows) {
    const { ranks, tieCorrection } = averageRanks(row);
    ranks.forEach((r, i) => (rankSums[i]! += r));
    ties += tieCorrection;
  }
  const mean = (m * (n + 1)) / 2;
  const s = rankSums.reduce((sum, r) => sum + (r - mean) ** 2, 0);
  const denominator = m * m * (n ** 3 - n) - m * ties;
  if (denominator <= 0) return null;
  const w = Math.min(1, Math.max(0, (12 * s) / denominator));
  return { w, chiSquare: m * (n - 1) * w, degreesOfFreedom: n - 1 };
}
