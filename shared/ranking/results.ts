// Outputs of the ranking core. Structured data only: numbers, ids and codes. The renderer turns codes into
// words from its locale files (zh-CN first); nothing here is prose.
import type { Aggregation, ApplicantId, ApplicationId, CriterionKey, RankingOptions, RegionId, TieBreakLevel } from './types';

/**
 * A criterion score of an application. `value` is rounded to 2 decimals for display (see decimal.ts for
 * why); the weighted total is computed from `exactH`, never from `value` (exact.ts).
 */
export interface CriterionResult {
  readonly criterion: CriterionKey;
  /** null: no valid score (every member recused or none scored) → the application is incomplete. */
  readonly value: number | null;
  /**
   * The exact score in hundredths as "numerator/denominator" (exact.ts formatRatio; e.g. "22600/3" for a mean
   * of 75.333…); null with `value`. Absent from results frozen before totals were exact: readers fall back
   * to `value` there (the total of such a snapshot was computed from it).
   */
  readonly exactH: string | null;
  /** Number of member scores that entered the aggregate (0 for a computed price score). */
  readonly count: number;
  readonly method: Aggregation | 'lowestPrice';
  /** true when trimmedMean really dropped the highest and the lowest score (count ≥ trimMinScores). */
  readonly trimmed: boolean;
}

/** How an entry stands in its region's ranking. Only 'ranked' entries get a rank and a total. */
export type Standing = 'ranked' | 'incomplete' | 'ineligible';

/** The tie-break level that decided between two neighbours with equal totals. */
export interface TieBreakDecision {
  readonly level: TieBreakLevel | 'committee';
  readonly against: ApplicationId;
  readonly outcome: 'won' | 'lost';
}

/** One application in one region's ranking. */
export interface RegionEntry {
  readonly applicationId: ApplicationId;
  readonly applicantId: ApplicantId;
  readonly regionId: RegionId;
  readonly preference: number;
  readonly standing: Standing;
  /** In the order of options.criteria. */
  readonly criteria: readonly CriterionResult[];
  readonly missingCriteria: readonly CriterionKey[];
  /** Weighted total, 2 decimals; null unless ranked. */
  readonly total: number | null;
  /** Competition rank (1, 2, 2, 4) among the ranked entries of the region; null unless ranked. */
  readonly rank: number | null;
  readonly priceQuote: number | null;
  /** lowestPrice mode: the quote is missing or not positive, so the price score is 0. */
  readonly invalidQuote: boolean;
  /** Distinct members who declared a conflict for this application (their scores are ignored). */
  readonly recusedMembers: number;
  /** Set while the tie-break chain could not separate this entry from others (never silently ordered). */
  readonly stillTiedGroup: string | null;
  /** Decisions against the neighbours above and below that had the same total. */
  readonly tieBreaks: readonly TieBreakDecision[];
}

export interface StillTiedGroup {
  /** Deterministic: `${regionId}#${rank}`. */
  readonly groupId: string;
  readonly regionId: RegionId;
  readonly rank: number;
  readonly total: number;
  /** In neutral display order (application id), which is NOT a ranking among them. */
  readonly applicationIds: readonly ApplicationId[];
  /** The committee listed some members of the group but not all, so its order was not applied. */
  readonly committeeOrderIncomplete: boolean;
}

export interface RegionRanking {
  readonly regionId: RegionId;
  readonly quota: number;
  readonly waitlistLength: number;
  /** lowestPrice mode: the lowest valid quote among the region's eligible applications (评标基准价). */
  readonly benchmarkQuote: number | null;
  /** Ranked entries by rank, then incomplete, then ineligible (each by application id). */
  readonly entries: readonly RegionEntry[];
  readonly stillTiedGroups: readonly StillTiedGroup[];
}

export interface RoundRanking {
  readonly options: RankingOptions;
  /** By region id. */
  readonly regions: readonly RegionRanking[];
}

// ------------------------------------------------------------------------------------------- allocation

export type PlacementStatus = 'admitted' | 'waitlist' | 'notAdmitted' | 'belowMinimum' | 'ineligible' | 'tiedAtCutoff' | 'incomplete';

export interface Placement {
  readonly applicationId: ApplicationId;
  readonly applicantId: ApplicantId;
  readonly regionId: RegionId;
  readonly status: PlacementStatus;
  /** 1-based; still-tied entries share a position. null unless status is 'waitlist'. */
  readonly waitlistPosition: number | null;
  /**
   * The placement (status and waitlist position) depends on how a still-tied group the committee has not yet
   * ordered will be ordered: 待定（并列待评审小组定序）. Always true for tiedAtCutoff. See provisional.ts.
   */
  readonly provisional: boolean;
}

export interface RegionAllocation {
  readonly regionId: RegionId;
  readonly quota: number;
  readonly waitlistLength: number;
  /** In rank order. */
  readonly admitted: readonly ApplicationId[];
  /** In waitlist order. */
  readonly waitlist: readonly ApplicationId[];
  /** Seats held back for a still-tied group straddling the quota (status tiedAtCutoff). */
  readonly seatsPendingCommittee: number;
  /** Total of the last admitted entry, or of the tied group the pending seats go to; null if none. */
  readonly cutoffTotal: number | null;
  /** In the order of the region's ranking entries. */
  readonly placements: readonly Placement[];
}

export interface ApplicationWins {
  readonly applicationId: ApplicationId;
  readonly applicantId: ApplicantId;
  /** Regions admitted, in the applicant's preference order. */
  readonly regionIds: readonly RegionId[];
}

export interface RoundAllocation {
  readonly cap: number | null;
  /** By region id. */
  readonly regions: readonly RegionAllocation[];
  /** By application id. */
  readonly wins: readonly ApplicationWins[];
  /**
   * Some seats wait for the committee (tiedAtCutoff). With a cap the other regions' results are
   * provisional too: ordering the tie may move an applicant between regions.
   */
  readonly pendingCommittee: boolean;
}
