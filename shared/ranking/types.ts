// Inputs and options of the ranking core (shared/ranking). Plain data, no behaviour: the services layer maps
// its rows onto these shapes, the renderer words the results from locale keys. Ids are strings (the
// services pass String(rowId) or a uuid); wherever an order between ids is needed it is UTF-16 code-unit
// order (compareIds), never localeCompare, so results do not depend on the machine's locale.

export type ApplicationId = string;
export type ApplicantId = string;
export type RegionId = string;
export type MemberId = string;
export type CriterionKey = string;

/** One member's score for one criterion of one application (评分表的一格). */
export interface ScoreInput {
  readonly applicationId: ApplicationId;
  readonly memberId: MemberId;
  readonly criterion: CriterionKey;
  /** On the round's scale, at most 2 decimals (checkRoundInput refuses more). */
  readonly value: number;
}

/** A conflict-of-interest declaration (回避): the member's scores for that application are ignored. */
export interface RecusalInput {
  readonly applicationId: ApplicationId;
  readonly memberId: MemberId;
}

/** A region the application asks for; preference 1 = most wanted (期待合作的地区, seed 000). */
export interface RegionChoice {
  readonly regionId: RegionId;
  /** Positive integer, distinct within the application; only the order matters (1, 3, 7 is fine). */
  readonly preference: number;
}

/** An application: one dossier (applicant) in one round, covering one or more regions. */
export interface ApplicationInput {
  readonly applicationId: ApplicationId;
  /** The dossier. At most one application per applicant in a round (checkRoundInput enforces it). */
  readonly applicantId: ApplicantId;
  /** Service price quote in 元 (at most 2 decimals); null = no quote. */
  readonly priceQuote: number | null;
  /** Result of 资格审查 (after any recorded override by the chair). */
  readonly eligible: boolean;
  readonly regions: readonly RegionChoice[];
}

/** A region (产业带/城市) with the quota the platform set (招标数量, seed 000) and the waitlist length. */
export interface RegionInput {
  readonly regionId: RegionId;
  readonly quota: number;
  readonly waitlistLength: number;
}

export interface RoundInput {
  readonly applications: readonly ApplicationInput[];
  readonly regions: readonly RegionInput[];
  readonly scores: readonly ScoreInput[];
  readonly recusals: readonly RecusalInput[];
}

// ---------------------------------------------------------------------------------------------- options

/** How the members' scores of one criterion become the application's criterion score. */
export type Aggregation = 'mean' | 'trimmedMean' | 'median';
/** 'scored': members score price by hand; 'lowestPrice': 低价优先法, computed from the quotes. */
export type PriceMode = 'scored' | 'lowestPrice';
/** One level of the tie-break chain applied to equal totals (DOMAIN.md: lower price, then technical). */
export type TieBreakLevel = 'lowerPrice' | 'higherTechnical';

export interface CriterionWeight {
  readonly key: CriterionKey;
  /** Percent of the total, at most 2 decimals; all weights add up to exactly 100. */
  readonly weight: number;
}

export interface ScoreScale {
  readonly min: number;
  readonly max: number;
}

/** The resolved round options (see defaults.ts for the defaults and schema.ts for validation). */
export interface RankingOptions {
  readonly criteria: readonly CriterionWeight[];
  readonly scale: ScoreScale;
  readonly aggregation: Aggregation;
  /** trimmedMean drops one highest and one lowest score only from this many scores up (default 5). */
  readonly trimMinScores: number;
  readonly priceMode: PriceMode;
  readonly priceCriterion: CriterionKey;
  readonly technicalCriterion: CriterionKey;
  /** Minimum weighted total to be admitted, on the scale of the totals (= the score scale); null = none. */
  readonly minimumTotal: number | null;
  readonly tieBreak: readonly TieBreakLevel[];
  /**
   * Per region, application ids in the order the committee decided for still-tied groups. A group is
   * resolved only when every one of its members is listed; ids outside still-tied groups are ignored
   * (the committee cannot override an order the rules already decide).
   */
  readonly committeeOrder: Readonly<Record<RegionId, readonly ApplicationId[]>>;
  /** Maximum number of regions one applicant may win; null = no cap (regions are independent). */
  readonly cap: number | null;
}
