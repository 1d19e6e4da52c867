// One region's ranking: weighted totals, order, the tie-break chain and still-tied groups.
//
// 加权总分由精确值计算，只在最后四舍五入到两位小数. The weighted total is Σ weight × criterion score over the
// EXACT criterion scores (a mean keeps its member-count denominator, a computed price score its quote), and is
// rounded half up to 2 decimals exactly once; ranking and display both use that rounded total. The criterion
// scores shown beside it are rounded to 2 decimals for reading only and never enter the total. Rounding them
// first and then the total again (as before issue 7) shifts totals by up to 0.01: with weights 30/30/20/20,
// means 75.333…/81.666…/74/78.666… and 71.666…/82.666…/86.666…/70 both total exactly 77.6333… (a tie the
// lower quote decides), but the rounded means give 77.63 against 77.64.
import { compareIds } from './compare';
import { fromHundredths, toHundredths } from './decimal';
import { addRatio, parseRatio, ratio, roundRatio, scaleRatio, type Ratio } from './exact';
import { isValidQuote } from './price-score';
import type { CriterionResult, RegionEntry, RegionRanking, Standing, StillTiedGroup, TieBreakDecision } from './results';
import type { ApplicantId, ApplicationId, CriterionKey, RankingOptions, RegionInput, TieBreakLevel } from './types';

/** An application as one region sees it, totals already computed (rank-round.ts, sensitivity.ts). */
export interface RegionCandidate {
  readonly applicationId: ApplicationId;
  readonly applicantId: ApplicantId;
  readonly preference: number;
  readonly standing: Standing;
  readonly criteria: readonly CriterionResult[];
  readonly missingCriteria: readonly CriterionKey[];
  /** Hundredths; null unless standing is 'ranked'. */
  readonly totalH: number | null;
  readonly priceQuote: number | null;
  readonly invalidQuote: boolean;
  readonly recusedMembers: number;
}

/**
 * Weighted total = Σ weight/100 × criterion score (issue 3) over the exact criterion scores, rounded half up
 * once. In hundredths: round(Σ scoreH × weightH / 10⁴) (weights are hundredths of a percent, basis points of
 * the total), summed as one exact fraction. null if any score is null.
 */
export function weightedTotalHundredths(scoresH: readonly (Ratio | null)[], weightsH: readonly number[]): number | null {
  let sum = ratio(0);
  for (let i = 0; i < weightsH.length; i++) {
    const s = scoresH[i];
    if (s === null || s === undefined) return null;
    sum = addRatio(sum, scaleRatio(s, weightsH[i]!));
  }
  return roundRatio(sum, 10_000);
}

/**
 * The exact score of a criterion result in hundredths; for a result frozen before `exactH` existed, its
 * 2-decimal value (which is what that snapshot's total was computed from).
 */
export function exactScoreH(c: Pick<CriterionResult, 'value' | 'exactH'>): Ratio | null {
  if (c.value === null) return null;
  return parseRatio(c.exactH) ?? ratio(toHundredths(c.value));
}

interface TieKeys {
  readonly quoteH: number | null; // valid quotes only
  readonly technicalH: number | null;
}

/** < 0 when a ranks before b at this level. Missing values (no valid quote, no technical score) rank last. */
function compareLevel(level: TieBreakLevel, a: TieKeys, b: TieKeys): number {
  const [x, y, lowerFirst] = level === 'lowerPrice' ? [a.quoteH, b.quoteH, true] : [a.technicalH, b.technicalH, false];
  if (x === y) return 0;
  if (x === null) return 1;
  if (y === null) return -1;
  return lowerFirst ? x - y : y - x;
}

/** The first level of the chain that separates a and b, or null if none does. */
function decidingLevel(chain: readonly TieBreakLevel[], a: TieKeys, b: TieKeys): { level: TieBreakLevel; cmp: number } | null {
  for (const level of chain) {
    const cmp = compareLevel(level, a, b);
    if (cmp !== 0) return { level, cmp };
  }
  return null;
}

interface Work {
  readonly c: RegionCandidate;
  readonly keys: TieKeys;
  group: string | null;
  rank: number | null;
  readonly tieBreaks: TieBreakDecision[];
}

/**
 * Orders a region. Ranked candidates: total (2 decimals) descending, then options.tieBreak level by level
 * (DOMAIN.md: lower price, then the better technical score; 87号令 §65 ranks equal scores by price and calls
 * equal score and price 并列). Candidates the chain cannot separate form a still-tied group: they share the
 * rank (competition ranking 1, 2, 2, 4), carry the group id and are shown in a neutral order (application id)
 * that is NOT a ranking. options.committeeOrder[region] listing every member of a group orders it ('committee').
 * Unranked entries follow: incomplete, then ineligible, each by application id.
 */
export function rankRegion(region: RegionInput, benchmarkQuote: number | null, candidates: readonly RegionCandidate[], options: RankingOptions): RegionRanking {
  const technicalIndex = options.criteria.findIndex((c) => c.key === options.technicalCriterion);
  const toWork = (c: RegionCandidate): Work => ({
    c,
    keys: {
      quoteH: isValidQuote(c.priceQuote) ? toHundredths(c.priceQuote) : null,
      technicalH: toH(c.criteria[technicalIndex]?.value ?? null),
    },
    group: null,
    rank: null,
    tieBreaks: [],
  });
  const byId = (a: Work, b: Work) => compareIds(a.c.applicationId, b.c.applicationId);
  const ranked = candidates.filter((c) => c.standing === 'ranked').map(toWork);
  ranked.sort((a, b) => b.c.totalH! - a.c.totalH! || (decidingLevel(options.tieBreak, a.keys, b.keys)?.cmp ?? 0) || byId(a, b));

  // Still-tied runs: equal total and no level of the chain separates them.
  // Positions in a Map: includes/indexOf per candidate was O(candidates × order length).
  const committee = new Map<string, number>();
  (options.committeeOrder[region.regionId] ?? []).forEach((id, i) => {
    if (!committee.has(id)) committee.set(id, i);
  });
  const groups: StillTiedGroup[] = [];
  const order: Work[] = [];
  const resolvedByCommittee = new Set<Work>();
  for (let i = 0; i < ranked.length; ) {
    let j = i + 1;
    while (j < ranked.length && sameTie(ranked[i]!, ranked[j]!, options.tieBreak)) j++;
    const run = ranked.slice(i, j);
    const listed = run.filter((w) => committee.has(w.c.applicationId));
    if (run.length > 1 && listed.length === run.length) {
      run.sort((a, b) => committee.get(a.c.applicationId)! - committee.get(b.c.applicationId)!);
      run.forEach((w) => resolvedByCommittee.add(w));
    } else if (run.length > 1) {
      const rank = order.length + 1;
      const groupId = `${region.regionId}#${rank}`;
      run.forEach((w) => (w.group = groupId));
      groups.push({
        groupId,
        regionId: region.regionId,
        rank,
        total: fromHundredths(run[0]!.c.totalH!),
        applicationIds: run.map((w) => w.c.applicationId),
        committeeOrderIncomplete: listed.length > 0,
      });
    }
    order.push(...run);
    i = j;
  }

  order.forEach((w, i) => {
    const prev = order[i - 1];
    w.rank = prev && w.group !== null && prev.group === w.group ? prev.rank : i + 1;
    if (!prev || prev.c.totalH !== w.c.totalH || (w.group !== null && prev.group === w.group)) return;
    const level = resolvedByCommittee.has(w) && resolvedByCommittee.has(prev) && sameTie(prev, w, options.tieBreak)
      ? 'committee'
      : decidingLevel(options.tieBreak, prev.keys, w.keys)!.level;
    prev.tieBreaks.push({ level, against: w.c.applicationId, outcome: 'won' });
    w.tieBreaks.push({ level, against: prev.c.applicationId, outcome: 'lost' });
  });

  const rest = (standing: Standing) => candidates.filter((c) => c.standing === standing).map(toWork).sort(byId);
  const entries = [...order, ...rest('incomplete'), ...rest('ineligible')].map(toEntry(region.regionId));
  return { regionId: region.regionId, quota: region.quota, waitlistLength: region.waitlistLength, benchmarkQuote, entries, stillTiedGroups: groups };
}

function sameTie(a: Work, b: Work, chain: readonly TieBreakLevel[]): boolean {
  return a.c.totalH === b.c.totalH && decidingLevel(chain, a.keys, b.keys) === null;
}

function toH(v: number | null): number | null {
  return v === null ? null : toHundredths(v);
}

const toEntry = (regionId: string) => (w: Work): RegionEntry => ({
  applicationId: w.c.applicationId,
  applicantId: w.c.applicantId,
  regionId,
  preference: w.c.preference,
  standing: w.c.standing,
  criteria: w.c.criteria,
  missingCriteria: w.c.missingCriteria,
  total: w.c.totalH === null ? null : fromHundredths(w.c.totalH),
  rank: w.rank,
  priceQuote: w.c.priceQuote,
  invalidQuote: w.c.invalidQuote,
  recusedMembers: w.c.recusedMembers,
  stillTiedGroup: w.group,
  tieBreaks: w.tieBreaks,
});
