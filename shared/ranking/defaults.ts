// Every default of the ranking core lives here, in one place (the openskill.js `constants.ts` habit), so a
// reader finds what a round does when the chair changes nothing.
import type { CriterionWeight, RankingOptions, ScoreScale, TieBreakLevel } from './types';

/**
 * The four criteria of seed 000 (安心鉴): 公司实力, 技术水平, 业内口碑, 服务报价. The seed names them without
 * weights. 30/30/20/20 is kept after weighing the alternatives:
 * - price is 20%: 财政部令第87号 §55 wants price to weigh at least 10% for services (30% for goods); this
 *   is an inspection *service*, and the seed says the panel admits "the best" (择优录取), not the cheapest,
 *   so price sits clearly above the floor without dominating;
 * - strength and technical ability (what an inspection institution is trusted for) weigh most, equally;
 * - reputation is softer evidence (业内口碑), so it weighs less than the two it partly repeats.
 * The chair edits them per round; schema.ts checks that they add up to exactly 100.
 */
export const DEFAULT_CRITERIA: readonly CriterionWeight[] = Object.freeze([
  Object.freeze({ key: 'strength', weight: 30 }), // 公司实力
  Object.freeze({ key: 'technical', weight: 30 }), // 技术水平
  Object.freeze({ key: 'reputation', weight: 20 }), // 业内口碑
  Object.freeze({ key: 'price', weight: 20 }), // 服务报价
]);

/** Percent; the weights of a round must add up to exactly this. */
export const WEIGHTS_TOTAL = 100;

export const DEFAULT_SCALE: ScoreScale = Object.freeze({ min: 0, max: 100 });

/**
 * 去掉一个最高分和一个最低分 needs "enough members". With 5 scores, 3 remain after trimming; with 4 only 2
 * would remain, and one member's score would then weigh half of the result.
 */
export const TRIM_MIN_SCORES = 5;

/** DOMAIN.md "Ties": the lower price ranks first, then the better technical score. */
export const DEFAULT_TIE_BREAK: readonly TieBreakLevel[] = Object.freeze(['lowerPrice', 'higherTechnical'] as const);

/**
 * Chinese procurement publishes scores with 2 decimals (保留两位小数, 第三位四舍五入). The weighted total is
 * computed from the exact criterion scores and rounded to this many decimals once, for display AND
 * comparison (加权总分由精确值计算，只在最后四舍五入到两位小数, rank-region.ts); criterion scores are rounded to it
 * for display only. decimal.ts and exact.ts do it exactly.
 */
export const SCORE_DECIMALS = 2;

export const DEFAULT_RANKING_OPTIONS: RankingOptions = Object.freeze({
  criteria: DEFAULT_CRITERIA,
  scale: DEFAULT_SCALE,
  aggregation: 'mean',
  trimMinScores: TRIM_MIN_SCORES,
  priceMode: 'scored',
  priceCriterion: 'price',
  technicalCriterion: 'technical',
  minimumTotal: null,
  tieBreak: DEFAULT_TIE_BREAK,
  committeeOrder: Object.freeze({}),
  cap: null,
});

// ------------------------------------------------------------------------------------------------ analysis

/**
 * A member's score is an outlier when it differs from the median of the other members' scores by more than
 * this many points on a 0–100 scale (scaled to the round's scale range: 2 points on a 0–10 scale). A fifth of
 * the scale is more than ordinary disagreement between careful members and is the kind of gap a chair asks a
 * member to explain; it is a prompt to look, never a correction (no score is changed or dropped).
 */
export const OUTLIER_THRESHOLD = 20;

/** The outlier check needs at least this many scores: with two, each is "the outlier" of the other. */
export const OUTLIER_MIN_SCORES = 3;

export interface AnalysisOptions {
  readonly outlierThreshold: number;
  readonly outlierMinScores: number;
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = Object.freeze({
  outlierThreshold: OUTLIER_THRESHOLD,
  outlierMinScores: OUTLIER_MIN_SCORES,
});
