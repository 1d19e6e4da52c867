// From the members' scores to one score per criterion and application (DOMAIN.md 综合评分法: "a criterion's
// score is the mean of the members' scores; many panels drop the single highest and lowest score first when
// there are enough members").
//
// 加权总分由精确值计算，只在最后四舍五入到两位小数: every aggregate is returned twice, as the exact fraction that
// enters the weighted total (rank-region.ts) and rounded to 2 decimals for display. The rounded value is never
// fed into a total (exact.ts says why).
import { toHundredths } from './decimal';
import { ratio, roundRatio, type Ratio } from './exact';
import type { Aggregation, ApplicationId, CriterionKey, MemberId, RankingOptions, RoundInput } from './types';

export interface AggregateH {
  /** Hundredths, rounded half up once from `exact`, for display; null when there is no score. */
  readonly value: number | null;
  /** The exact aggregate in hundredths (a mean keeps its member-count denominator); null when no score. */
  readonly exact: Ratio | null;
  readonly count: number;
  readonly trimmed: boolean;
}

/**
 * Aggregates member scores given in hundredths. Exact: the mean is an integer ratio (kept as such in
 * `exact`), and the displayed value rounds it half up once, so (80 + 80.01) / 2 = 80.005 → 80.01, where float
 * arithmetic could land on either side.
 * - mean: plain mean.
 * - trimmedMean: drop ONE highest and ONE lowest score (even when several members gave the same extreme),
 *   only when at least `trimMinScores` members scored (default 5); below that, the plain mean.
 * - median: the middle score; with an even count the mean of the two middle ones, rounded half up.
 */
export function aggregateHundredths(values: readonly number[], method: Aggregation, trimMinScores: number): AggregateH {
  const count = values.length;
  if (count === 0) return { value: null, exact: null, count, trimmed: false };
  const sorted = [...values].sort((a, b) => a - b);
  if (method === 'median') {
    const mid = Math.floor(count / 2);
    const exact = count % 2 === 1 ? ratio(sorted[mid]!) : ratio(sorted[mid - 1]! + sorted[mid]!, 2);
    return { value: roundRatio(exact), exact, count, trimmed: false };
  }
  const trimmed = method === 'trimmedMean' && count >= trimMinScores;
  const kept = trimmed ? sorted.slice(1, -1) : sorted;
  const exact = ratio(kept.reduce((s, v) => s + v, 0), kept.length);
  return { value: roundRatio(exact), exact, count, trimmed };
}

/** A member's score as it enters the aggregates. */
export interface MemberScoreH {
  readonly memberId: MemberId;
  readonly value: number; // hundredths
}

export interface ApplicationScores {
  /** Distinct members who declared a conflict for the application (回避). */
  readonly recused: ReadonlySet<MemberId>;
  /** Valid scores per scored criterion, sorted by member id (so member order cannot matter). */
  readonly byCriterion: ReadonlyMap<CriterionKey, readonly MemberScoreH[]>;
}

/** Whether members score this criterion (false for the price criterion when price is computed). */
export function isScoredCriterion(key: CriterionKey, options: RankingOptions): boolean {
  return !(options.priceMode === 'lowestPrice' && key === options.priceCriterion);
}

/**
 * Groups the valid scores by application and criterion. Ignored, so they count in no aggregate:
 * - scores of a member recused from that application, even if present (issue 3: "a recused member … is not
 *   counted in its aggregate");
 * - scores of the price criterion in lowestPrice mode (the price score is computed, not scored).
 */
export function collectScores(input: RoundInput, options: RankingOptions): ReadonlyMap<ApplicationId, ApplicationScores> {
  const recused = new Map<ApplicationId, Set<MemberId>>();
  for (const r of input.recusals) {
    const set = recused.get(r.applicationId) ?? new Set<MemberId>();
    set.add(r.memberId);
    recused.set(r.applicationId, set);
  }
  const out = new Map<ApplicationId, { recused: Set<MemberId>; byCriterion: Map<CriterionKey, MemberScoreH[]> }>();
  for (const a of input.applications) {
    const byCriterion = new Map<CriterionKey, MemberScoreH[]>();
    for (const c of options.criteria) if (isScoredCriterion(c.key, options)) byCriterion.set(c.key, []);
    out.set(a.applicationId, { recused: recused.get(a.applicationId) ?? new Set(), byCriterion });
  }
  for (const s of input.scores) {
    const app = out.get(s.applicationId);
    const list = app?.byCriterion.get(s.criterion);
    if (!app || !list || app.recused.has(s.memberId)) continue;
    list.push({ memberId: s.memberId, value: toHundredths(s.value) });
  }
  for (const app of out.values()) {
    for (const list of app.byCriterion.values()) list.sort((x, y) => (x.memberId < y.memberId ? -1 : x.memberId > y.memberId ? 1 : 0));
  }
  return out;
}
