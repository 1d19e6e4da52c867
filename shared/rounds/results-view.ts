// The ranking of a round as the backend returns it: the core's structured results plus the labels the
// renderer needs to word them (names, regions, members). Frozen as-is when the round is finalized.
import type { RankingOptions } from '../ranking/types';
import type { RoundAllocation, RoundRanking } from '../ranking/results';
import type { Explanation } from '../ranking/explain';

export interface RoundResults {
  roundId: string;
  roundName: string;
  referenceDate: string;
  computedAt: string;
  options: RankingOptions;
  ranking: RoundRanking;
  allocation: RoundAllocation;
  explanations: Explanation[];
  /** The round's regions in the order the chair set them up (ranking and allocation are keyed by id). */
  regionOrder: string[];
  /** (application, region) pairs screened out; they are listed as ineligible in that region. */
  ineligible: { applicationId: string; regionId: string; preference: number }[];
  labels: {
    applications: Record<string, { legalName: string; creditCode: string; priceQuoteYuan: number | null }>;
    regions: Record<string, { name: string; city: string }>;
    members: Record<string, { name: string; role: string }>;
  };
  /**
   * Every member's sheet. Only submitted sheets are counted in the ranking; the others are drafts, left out
   * until submitted (the views say how many).
   */
  sheets: { memberId: string; submitted: boolean }[];
  /**
   * Who finalized, when, and the short fingerprint of the change history's chain head right after the
   * finalization was recorded (printed on the list and in the exports; null for rounds finalized before
   * it was kept). `memberId` is the committee member who confirmed (the chair, issue 11): `by` is then that
   * member's name as it was when finalizing; absent or null for finalizations recorded under the app user's
   * name only (before this was kept, or a scripted call that named no member).
   */
  finalized: { at: string; by: string; fingerprint?: string | null; memberId?: string | null; role?: 'chair' | 'member' | null } | null;
}
