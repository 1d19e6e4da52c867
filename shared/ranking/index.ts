// Public surface of the ranking core. Typical use (services layer):
//
//   const parsed = roundRankingOptionsSchema.safeParse(settings);      // report issues as data
//   const issues = checkRoundInput(input, parsed.data);                 // idem
//   const { ranking, allocation, explanations } = evaluateRound(input, parsed.data);
//   analyseRegion(input, ranking, regionId); weightSensitivity(ranking, regionId);
import { allocate } from './allocate';
import { explain, type Explanation } from './explain';
import { rankRound } from './rank-round';
import type { RoundAllocation, RoundRanking } from './results';
import type { RankingOptionsInput } from './schema';
import type { RoundInput } from './types';

export * from './types';
export * from './results';
export * from './defaults';
export { roundRankingOptionsSchema, resolveRankingOptions, type RankingOptionsInput } from './schema';
export { checkRoundInput, RankingInputError, type InputIssue, type InputIssueCode } from './check-input';
export { aggregateHundredths } from './aggregate';
export { benchmarkQuote, isValidQuote, priceScoreExact, priceScoreHundredths } from './price-score';
export { rankRound } from './rank-round';
export { allocate, provisionalByEnumerationOf } from './allocate';
export { ENUMERATION_LIMIT } from './provisional';
export { formatRatio, parseRatio, type Ratio } from './exact';
export { deferredAcceptance, type DaProposer, type DaRegion } from './deferred-acceptance';
export { explain, type Explanation, type ExplanationReason } from './explain';
export { analyseRegion, type ApplicationAnalysis, type CriterionAnalysis, type MemberScoreAnalysis, type RegionAnalysis, type RegionConcordance } from './analysis';
export { averageRanks, kendallW, type Concordance } from './kendall';
export { weightSensitivity, type CriterionSensitivity, type RegionSensitivity, type WeightChange } from './sensitivity';

export interface RoundEvaluation {
  readonly ranking: RoundRanking;
  readonly allocation: RoundAllocation;
  readonly explanations: readonly Explanation[];
}

/** rankRound → allocate → explain in one call. Throws like rankRound on invalid options or data. */
export function evaluateRound(input: RoundInput, options: RankingOptionsInput = {}): RoundEvaluation {
  const ranking = rankRound(input, options);
  const allocation = allocate(ranking);
  return { ranking, allocation, explanations: explain(ranking, allocation) };
}
