// Weight sensitivity of a region's admission cutoff (issue 3): for each criterion, the smallest change of its
// weight that would change WHO is admitted, the other weights rescaled proportionally so they still add up
// to 100. It tells the committee how much its result depends on the weights it chose.
//
// Precision: exact at the resolution the chair can type a weight in, 0.01 percentage points (pp). The answer
// is the smallest multiple of 0.01 pp, in each direction, for which the admitted set differs; totals at that
// weight are computed with exact rational arithmetic from the EXACT criterion scores (rank-region.ts: 加权总分由精确值
// 计算，只在最后四舍五入到两位小数) and rounded and tie-broken as in the real ranking. Only
// a few candidate weights need checking: a total is linear in the weight (t(Δ) = t(0) + Δ·slope), and two
// entries' rounded totals can only change order, or tie, while their unrounded totals are less than 0.01
// apart, so the admitted set can only change inside those windows (or where a total crosses the minimum).
import { allocate } from './allocate';
import { toHundredths } from './decimal';
import { addRatio, ratio, ratioToNumber, roundRatio, scaleRatio, type Ratio } from './exact';
import { exactScoreH, rankRegion, type RegionCandidate } from './rank-region';
import type { RegionAllocation, RegionEntry, RegionRanking, RoundRanking } from './results';
import type { ApplicationId, CriterionKey, RankingOptions } from './types';

export interface WeightChange {
  /** Signed change of the criterion's weight in percentage points (a multiple of 0.01). */
  readonly delta: number;
  /** All weights after the change (others rescaled proportionally, unrounded). */
  readonly weights: readonly { readonly key: CriterionKey; readonly weight: number }[];
  /** Admitted after the change but not before, and the reverse; by application id. */
  readonly entering: readonly ApplicationId[];
  readonly leaving: readonly ApplicationId[];
}

export interface CriterionSensitivity {
  readonly criterion: CriterionKey;
  readonly weight: number;
  /** null: no change of who is admitted up to a weight of 100 (resp. down to 0), or nothing to rescale. */
  readonly increase: WeightChange | null;
  readonly decrease: WeightChange | null;
  /** The one of the two with the smaller |delta|; the decrease when both are equally far. */
  readonly smallest: WeightChange | null;
}

export interface RegionSensitivity {
  readonly regionId: string;
  /** Admitted with the current weights, regions taken independently (no cap). */
  readonly admitted: readonly ApplicationId[];
  readonly criteria: readonly CriterionSensitivity[];
}

/**
 * Sensitivity of one region of `ranking`. The cutoff is the region's own: the allocation is recomputed as if
 * there were no cap, since with a cap a weight change moves applicants between regions and "the" cutoff of
 * one region is no longer defined by its ranking alone.
 */
export function weightSensitivity(ranking: RoundRanking, regionId: string): RegionSensitivity {
  const region = ranking.regions.find((r) => r.regionId === regionId);
  if (!region) throw new RangeError(`unknown region ${regionId}`);
  const options: RankingOptions = { ...ranking.options, cap: null };
  const weightsH = options.criteria.map((c) => toHundredths(c.weight));
  const ranked = region.entries.filter((e) => e.standing === 'ranked');
  const scoresH = ranked.map((e) => e.criteria.map((c) => exactScoreH(c)!));
  const admittedAt = (c: number, d: number) => new Set(allocateAt(region, options, ranked, totalsAt(scoresH, weightsH, c, d)).admitted);

  const before = allocateAt(region, options, ranked, totalsAt(scoresH, weightsH, 0, 0));
  const baseline = new Set(before.admitted);
  // Entries at the cutoff: admitted, or tied for seats pending the committee.
  const atCutoff = new Set(before.placements.filter((p) => p.status === 'admitted' || p.status === 'tiedAtCutoff').map((p) => p.applicationId));
  const criteria = options.criteria.map(({ key, weight }, c): CriterionSensitivity => {
    const rest = 10_000 - weightsH[c]!;
    const search = (direction: 1 | -1): WeightChange | null => {
      if (rest === 0) return null; // every other weight is 0: nothing to rescale proportionally
      for (const d of candidateSteps(scoresH, weightsH, c, direction, options, ranked, baseline, atCutoff)) {
        const after = admittedAt(c, d);
        if (!sameSet(after, baseline)) {
          return {
            delta: d / 100,
            weights: options.criteria.map((k, j) => ({ key: k.key, weight: j === c ? (weightsH[c]! + d) / 100 : (weightsH[j]! * (rest - d)) / rest / 100 })),
            entering: [...after].filter((id) => !baseline.has(id)).sort(),
            leaving: [...baseline].filter((id) => !after.has(id)).sort(),
          };
        }
      }
      return null;
    };
    const increase = search(1);
    const decrease = search(-1);
    const smallest = !increase ? decrease : !decrease ? increase : Math.abs(decrease.delta) <= increase.delta ? decrease : increase;
    return { criterion: key, weight, increase, decrease, smallest };
  });
  return { regionId, admitted: [...baseline].sort(), criteria };
}

/**
 * Totals in hundredths when criterion c's weight changes by d hundredths of a pp and the others are rescaled
 * by (rest − d) / rest: round(((wc + d)·Sc·rest + (rest − d)·Σ wj·Sj) / (rest · 10⁴)), exact (BigInt ratios).
 */
function totalsAt(scoresH: readonly Ratio[][], weightsH: readonly number[], c: number, d: number): number[] {
  const rest = BigInt(10_000 - weightsH[c]!);
  if (rest === 0n) return scoresH.map((s) => roundRatio(scaleRatio(s[c]!, weightsH[c]!), 10_000));
  return scoresH.map((s) => {
    let others = ratio(0);
    s.forEach((v, j) => (others = j === c ? others : addRatio(others, scaleRatio(v, weightsH[j]!))));
    const n = addRatio(scaleRatio(s[c]!, BigInt(weightsH[c]! + d) * rest), scaleRatio(others, rest - BigInt(d)));
    return roundRatio(n, rest * 10_000n);
  });
}

/** The region's allocation (no cap) with the given totals; everything else as in the real ranking. */
function allocateAt(region: RegionRanking, options: RankingOptions, ranked: readonly RegionEntry[], totalsH: readonly number[]): RegionAllocation {
  const candidates = ranked.map((e, i): RegionCandidate => ({ ...e, totalH: totalsH[i]! }));
  const one = rankRegion(region, region.benchmarkQuote, candidates, options);
  return allocate({ options, regions: [one] }).regions[0]!;
}

/** The weight steps (hundredths of a pp, signed) worth checking in one direction, nearest first. */
function candidateSteps(
  exactH: readonly Ratio[][],
  weightsH: readonly number[],
  c: number,
  direction: 1 | -1,
  options: RankingOptions,
  ranked: readonly RegionEntry[],
  baseline: ReadonlySet<ApplicationId>,
  atCutoff: ReadonlySet<ApplicationId>,
): number[] {
  const rest = 10_000 - weightsH[c]!;
  const limit = direction === 1 ? rest : weightsH[c]!; // the new weight stays within [0, 100]
  // Floats are fine here: they only place the windows, which carry slack; totalsAt decides exactly.
  const scoresH = exactH.map((s) => s.map(ratioToNumber));
  // Unrounded total (in points) = base + d · slope, d in hundredths of a pp.
  const lines = scoresH.map((s) => {
    const others = s.reduce((sum, v, j) => (j === c ? sum : sum + v * weightsH[j]!), 0);
    return { base: (weightsH[c]! * s[c]! + others) / 1e6, slope: (s[c]! - others / rest) / 1e6 };
  });
  const steps = new Set<number>();
  const addWindow = (base: number, slope: number) => {
    // Where |base + d·slope| ≤ 0.01 plus two steps of slack, so the first step past a crossing is included.
    const reach = 0.01 + 2 * Math.abs(slope) + 1e-9;
    let lo: number, hi: number;
    if (Math.abs(slope) < 1e-15) {
      if (Math.abs(base) > reach) return;
      [lo, hi] = [-Infinity, Infinity];
    } else {
      [lo, hi] = [(-reach - base) / slope, (reach - base) / slope].sort((a, b) => a - b) as [number, number];
    }
    const from = Math.max(1, direction === 1 ? Math.floor(lo) - 1 : -Math.ceil(hi) - 1);
    const to = Math.min(limit, direction === 1 ? Math.ceil(hi) + 1 : -Math.floor(lo) + 1);
    for (let k = from; k <= to; k++) steps.add(k);
  };
  // Entries at the cutoff against everyone not admitted: the admitted set can only change through such a pair.
  const near = ranked.map((e, i) => (atCutoff.has(e.applicationId) ? i : -1)).filter((i) => i >= 0);
  ranked.forEach((e, j) => {
    if (baseline.has(e.applicationId)) return;
    for (const i of near) if (i !== j) addWindow(lines[i]!.base - lines[j]!.base, lines[i]!.slope - lines[j]!.slope);
  });
  if (options.minimumTotal !== null) for (const l of lines) addWindow(l.base - options.minimumTotal, l.slope);
  return [...steps].sort((a, b) => a - b).map((k) => k * direction);
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x));
}
