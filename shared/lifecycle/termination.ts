// Termination (清退) and what it means for applying again (再准入), DOMAIN.md §5 / seed 003 第一条(二)(三).
// The reason categories and the day counting are eligibility's (shared/eligibility/readmission.ts); the
// waiting period after a failed assessment or an exit is the program's (bans.ts). Both are reused here so
// screening and the lifecycle can never disagree on a date.
import { BAN_REASONS, readmissionAfter, type BanReason, type Readmission } from '../eligibility/readmission';
import { programReadmission } from './bans';
import type { CooperationStatus } from './cooperation';
import type { KpiRuleSet } from './kpi-rules';
import type { IsoDay } from './months';

/** The reasons a provider is terminated (被清退); voluntary exit (主动退出) is exit.ts's. */
export type TerminationReason = Exclude<BanReason, 'voluntaryExit'>;
export const TERMINATION_REASONS: readonly TerminationReason[] = Object.freeze(BAN_REASONS.filter((r): r is TerminationReason => r !== 'voluntaryExit'));

export interface Termination {
  readonly reason: TerminationReason;
  /** The day the termination takes effect (the date on the 《终止合作通知》). */
  readonly effectiveDate: IsoDay;
  /**
   * When the provider may apply again: a date (180 days for a failed assessment), never (illegal), as soon
   * as it meets the requirements again, or — for the agency rules — the date the chair set ('chairSets'
   * while the chair has not set one yet).
   * A program with no waiting period after this ending gives 'whenRequirementsMet' (apply again at once;
   * screening checks the requirements as for anyone).
   */
  readonly readmission: Readmission;
}

/**
 * The termination for `reason` on `effectiveDate`, via readmissionAfter: 'failedAssessment' on 2027-04-30
 * may apply again from 2027-10-28 under seed 003's table (180 days from the day after). A program's own
 * waiting periods: terminationUnder. For 'agencyRules' the 《机构管理规范》 decide, so the chair may
 * pass the date it sets (on or after the effective date); no other reason takes one.
 */
export function terminationOf(reason: TerminationReason, effectiveDate: IsoDay, chairSetUntil: IsoDay | null = null): Termination {
  if (chairSetUntil !== null) {
    if (reason !== 'agencyRules') throw new RangeError(`only an agency-rules termination takes a chair-set date, not ${reason}`);
    if (chairSetUntil < effectiveDate) throw new RangeError(`re-admission ${chairSetUntil} is before the termination ${effectiveDate}`);
    return Object.freeze({ reason, effectiveDate, readmission: Object.freeze({ kind: 'date' as const, until: chairSetUntil }) });
  }
  return Object.freeze({ reason, effectiveDate, readmission: readmissionAfter(reason, effectiveDate) });
}

/**
 * The termination under a program's rules: for 'failedAssessment' the waiting period is the program's
 * (a failed trial of the 抖音 rule: none; a failed regular period: 180 days), counted from the day after
 * `effectiveDate`; the other categories as terminationOf.
 */
export function terminationUnder(ruleSet: Pick<KpiRuleSet, 'kind' | 'bans'>, status: CooperationStatus, reason: TerminationReason, effectiveDate: IsoDay, chairSetUntil: IsoDay | null = null): Termination {
  if (reason !== 'failedAssessment') return terminationOf(reason, effectiveDate, chairSetUntil);
  if (chairSetUntil !== null) throw new RangeError(`only an agency-rules termination takes a chair-set date, not ${reason}`);
  return Object.freeze({ reason, effectiveDate, readmission: programReadmission(ruleSet, reason, status, effectiveDate) });
}

/** The date a letter prints as 再准入日期, or null when there is none (never / when requirements are met / not yet set). */
export function readmissionDate(readmission: Readmission): IsoDay | null {
  return readmission.kind === 'date' ? readmission.until : null;
}
