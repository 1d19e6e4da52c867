// Analysis beside the ranking table (issue 3): per-criterion breakdown, each member's scores, spread and
// standard deviation with outlier flags, and agreement between members (Kendall's W) per region. It changes
// no result: outliers are a prompt for the chair to look, never dropped or corrected.
import { collectScores, isScoredCriterion, type ApplicationScores } from './aggregate';
import { compareIds } from './compare';
import { DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from './defaults';
import { round2, toHundredths } from './decimal';
import { ratioToNumber, scaleRatio } from './exact';
import { exactScoreH } from './rank-region';
import { kendallW, type Concordance } from './kendall';
import type { RegionEntry, RoundRanking, Standing } from './results';
import type { Aggregation, ApplicantId, ApplicationId, CriterionKey, MemberId, RankingOptions, RoundInput } from './types';

export interface MemberScoreAnalysis {
  readonly memberId: MemberId;
  readonly value: number;
  /** Score minus the median of the other members' scores; null below outlierMinScores scores. */
  readonly deviation: number | null;
  readonly outlier: boolean;
}

export interface CriterionAnalysis {
  readonly criterion: CriterionKey;
  readonly weight: number;
  readonly value: number | null;
  /**
   * weight/100 × the EXACT criterion score, as the nearest float (display only): the total is these summed
   * exactly and rounded once (rank-region.ts), so they add up to the total before its one rounding.
   */
  readonly contribution: number | null;
  readonly method: Aggregation | 'lowestPrice';
  /** Valid (non-recused) member scores, by member id. Empty for a computed price. */
  readonly scores: readonly MemberScoreAnalysis[];
  /** max − min of the member scores; null without scores. */
  readonly spread: number | null;
  /** Population standard deviation (÷ n: the panel is the whole population), 2 decimals; null without scores. */
  readonly stdDev: number | null;
}

export interface ApplicationAnalysis {
  readonly applicationId: ApplicationId;
  readonly applicantId: ApplicantId;
  readonly standing: Standing;
  readonly rank: number | null;
  readonly total: number | null;
  readonly recusedMemberIds: readonly MemberId[];
  readonly criteria: readonly CriterionAnalysis[];
}

export interface RegionConcordance {
  /** null with fewer than 2 members or 2 applications, or when all tie everything. */
  readonly result: Concordance | null;
  /** Members whose weighted totals entered W: those who scored every ranked application of the region. */
  readonly memberIds: readonly MemberId[];
  /** Members left out: recused from, or missing a score for, some ranked application of the region. */
  readonly excludedMemberIds: readonly MemberId[];
  /** The ranked applications W is computed over. */
  readonly applicationIds: readonly ApplicationId[];
}

export interface RegionAnalysis {
  readonly regionId: string;
  /** In the region's ranking order. */
  readonly applications: readonly ApplicationAnalysis[];
  readonly concordance: RegionConcordance;
}

/**
 * Analyses one region of a ranking computed by rankRound(input, …) from the same input.
 *
 * Outliers: a member's score is flagged when it differs from the median of the OTHER members' scores by more
 * than outlierThreshold points on a 0–100 scale (scaled: threshold × (max − min) / 100), strictly; only when
 * at least outlierMinScores members scored (defaults.ts). The median of the others, not the mean of all, so
 * one wild score neither hides itself nor makes its neighbours look odd.
 *
 * Kendall's W ranks applications by each member's own weighted total (the round's weights applied to that
 * member's scores; a computed price score is the same for every member). It needs complete rankings, so it
 * uses the members who scored every scored criterion of every ranked application of the region; W over
 * incomplete blocks (Durbin) is out of scope.
 */
export function analyseRegion(input: RoundInput, ranking: RoundRanking, regionId: string, analysisOptions: Partial<AnalysisOptions> = {}): RegionAnalysis {
  const opts = { ...DEFAULT_ANALYSIS_OPTIONS, ...analysisOptions };
  const options = ranking.options;
  const region = ranking.regions.find((r) => r.regionId === regionId);
  if (!region) throw new RangeError(`unknown region ${regionId}`);
  const scores = collectScores(input, options);
  const rangeH = toHundredths(options.scale.max) - toHundredths(options.scale.min);
  const thresholdH = toHundredths(opts.outlierThreshold);

  const applications = region.entries.map((e): ApplicationAnalysis => {
    const app = scores.get(e.applicationId)!;
    const criteria = options.criteria.map(({ key, weight }, i): CriterionAnalysis => {
      const list = app.byCriterion.get(key) ?? [];
      const values = list.map((s) => s.value);
      const result = e.criteria[i]!;
      return {
        criterion: key,
        weight,
        value: result.value,
        contribution: result.value === null ? null : ratioToNumber(scaleRatio(exactScoreH(result)!, toHundredths(weight))) / 1_000_000,
        method: result.method,
        scores: list.map((s, k) => {
          const deviation2 = values.length >= opts.outlierMinScores ? 2 * s.value - median2(values.filter((_, j) => j !== k)) : null;
          // |score − median of others| > threshold × range / 100, all in integers: deviation2 is in half-hundredths.
          const outlier = deviation2 !== null && Math.abs(deviation2) * 10_000 > 2 * thresholdH * rangeH;
          return { memberId: s.memberId, value: s.value / 100, deviation: deviation2 === null ? null : deviation2 / 200, outlier };
        }),
        spread: values.length === 0 ? null : (Math.max(...values) - Math.min(...values)) / 100,
        stdDev: values.length === 0 ? null : round2(populationStdDev(values) / 100),
      };
    });
    return {
      applicationId: e.applicationId,
      applicantId: e.applicantId,
      standing: e.standing,
      rank: e.rank,
      total: e.total,
      recusedMemberIds: [...app.recused].sort(compareIds),
      criteria,
    };
  });
  return { regionId, applications, concordance: concordance(region.entries.filter((e) => e.standing === 'ranked'), scores, options) };
}

function concordance(ranked: readonly RegionEntry[], scores: ReadonlyMap<ApplicationId, ApplicationScores>, options: RankingOptions): RegionConcordance {
  const members = new Set<MemberId>();
  for (const e of ranked) {
    const app = scores.get(e.applicationId)!;
    app.recused.forEach((m) => members.add(m));
    for (const list of app.byCriterion.values()) list.forEach((s) => members.add(s.memberId));
  }
  const included: MemberId[] = [];
  const excluded: MemberId[] = [];
  const rows: number[][] = [];
  for (const memberId of [...members].sort(compareIds)) {
    // The member's weighted total per application, as an exact integer (Σ scoreH × weightH).
    const row: number[] = [];
    for (const e of ranked) {
      const total = memberTotal(memberId, e, scores.get(e.applicationId)!, options);
      if (total === null) break;
      row.push(total);
    }
    if (row.length === ranked.length) {
      included.push(memberId);
      rows.push(row);
    } else excluded.push(memberId);
  }
  return { result: kendallW(rows), memberIds: included, excludedMemberIds: excluded, applicationIds: ranked.map((e) => e.applicationId) };
}

/** Σ scoreH × weightH of one member for one application; null if recused or a score is missing. */
function memberTotal(memberId: MemberId, e: RegionEntry, app: ApplicationScores, options: RankingOptions): number | null {
  if (app.recused.has(memberId)) return null;
  let total = 0;
  for (const [i, { key, weight }] of options.criteria.entries()) {
    // A computed price score is the same for every member: the region's price score of the application, here
    // its 2-decimal value: this total only orders one member's applications for Kendall's W and is never shown.
    const value = isScoredCriterion(key, options) ? app.byCriterion.get(key)?.find((s) => s.memberId === memberId)?.value : toHundredths(e.criteria[i]!.value!);
    if (value === undefined) return null;
    total += value * toHundredths(weight);
  }
  return total;
}

/** Twice the median, so the half of an even count stays an integer. */
function median2(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? 2 * s[mid]! : s[mid - 1]! + s[mid]!;
}

function populationStdDev(values: readonly number[]): number {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  return Math.sqrt(values.reduce((sum, v) => sum + (v - mean) ** 2, 0) / values.length);
}
