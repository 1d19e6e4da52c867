// The whole round's ranking: aggregates per application, the computed price per region, totals, and one
// ranking per region (issue 3 "Ranking and allocation": ranking is per region, over the applications that
// list that region).
import { aggregateHundredths, collectScores, isScoredCriterion, type ApplicationScores } from './aggregate';
import { checkRoundInput, RankingInputError } from './check-input';
import { compareIds } from './compare';
import { fromHundredths, toHundredths } from './decimal';
import { formatRatio, roundRatio } from './exact';
import { benchmarkQuote, isValidQuote, priceScoreExact } from './price-score';
import { exactScoreH, rankRegion, weightedTotalHundredths, type RegionCandidate } from './rank-region';
import type { CriterionResult, RoundRanking } from './results';
import { resolveRankingOptions, type RankingOptionsInput } from './schema';
import type { ApplicationInput, CriterionKey, RankingOptions, RoundInput } from './types';

/**
 * Ranks every region of the round. Pure: inputs are not mutated, and neither the order of the input arrays
 * nor the order of the members changes anything (outputs are ordered by ids and ranks).
 *
 * Decisions (each pinned by a test in test/unit/ranking):
 * - ineligible applications are listed ('ineligible'), not ranked, and their quotes are no benchmark;
 * - an eligible application without any valid score for some scored criterion is 'incomplete': no total, no
 *   rank, listed after the ranked ones, never admitted. A total over missing criteria would not be
 *   comparable, and admitting on a partial sheet would be unfair to the others; the chair sees which
 *   criteria are missing and completes the scoring;
 * - a criterion score averages the scores present: a member who left a cell empty (without a recusal) is
 *   simply not counted; the services layer decides whether the sheets are complete enough to rank.
 *
 * Throws ZodError on invalid options and RankingInputError on data checkRoundInput refuses.
 */
export function rankRound(input: RoundInput, optionsInput: RankingOptionsInput = {}): RoundRanking {
  const options = resolveRankingOptions(optionsInput);
  const issues = checkRoundInput(input, options);
  if (issues.length > 0) throw new RankingInputError(issues);

  const scores = collectScores(input, options);
  const byRegion = new Map<string, { app: ApplicationInput; preference: number }[]>();
  for (const app of input.applications) {
    for (const choice of app.regions) {
      const list = byRegion.get(choice.regionId) ?? [];
      list.push({ app, preference: choice.preference });
      byRegion.set(choice.regionId, list);
    }
  }
  const regions = [...input.regions].sort((a, b) => compareIds(a.regionId, b.regionId));
  return {
    options,
    regions: regions.map((region) => {
      const members = byRegion.get(region.regionId) ?? [];
      const benchmark = options.priceMode === 'lowestPrice' ? benchmarkQuote(members.filter((m) => m.app.eligible).map((m) => m.app.priceQuote)) : null;
      const candidates = members.map(({ app, preference }) => candidate(app, preference, scores.get(app.applicationId)!, benchmark, options));
      return rankRegion(region, benchmark, candidates, options);
    }),
  };
}

/** An application as seen from one region (the computed price score depends on the region's benchmark). */
export function candidate(
  app: ApplicationInput,
  preference: number,
  scores: ApplicationScores,
  benchmark: number | null,
  options: RankingOptions,
): RegionCandidate {
  const criteria = criterionResults(app, scores, benchmark, options);
  const missingCriteria: CriterionKey[] = app.eligible ? criteria.filter((c) => c.value === null).map((c) => c.criterion) : [];
  const standing = !app.eligible ? 'ineligible' : missingCriteria.length > 0 ? 'incomplete' : 'ranked';
  const weightsH = options.criteria.map((c) => toHundredths(c.weight));
  return {
    applicationId: app.applicationId,
    applicantId: app.applicantId,
    preference,
    standing,
    criteria,
    missingCriteria,
    // The exact scores, never the displayed 2-decimal values (rank-region.ts).
    totalH: standing === 'ranked' ? weightedTotalHundredths(criteria.map(exactScoreH), weightsH) : null,
    priceQuote: app.priceQuote,
    invalidQuote: options.priceMode === 'lowestPrice' && app.eligible && !isValidQuote(app.priceQuote),
    recusedMembers: scores.recused.size,
  };
}

function criterionResults(app: ApplicationInput, scores: ApplicationScores, benchmark: number | null, options: RankingOptions): CriterionResult[] {
  return options.criteria.map(({ key }): CriterionResult => {
    if (!isScoredCriterion(key, options)) {
      // Computed price; an ineligible application takes no part in the price competition, so it gets none.
      const exact = app.eligible ? priceScoreExact(app.priceQuote, benchmark, options.scale.max) : null;
      return { criterion: key, value: exact === null ? null : fromHundredths(roundRatio(exact)), exactH: exact === null ? null : formatRatio(exact), count: 0, method: 'lowestPrice', trimmed: false };
    }
    const values = (scores.byCriterion.get(key) ?? []).map((s) => s.value);
    const agg = aggregateHundredths(values, options.aggregation, options.trimMinScores);
    return {
      criterion: key,
      value: agg.value === null ? null : fromHundredths(agg.value),
      exactH: agg.exact === null ? null : formatRatio(agg.exact),
      count: agg.count,
      method: options.aggregation,
      trimmed: agg.trimmed,
    };
  });
}
