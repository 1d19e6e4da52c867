// When a provider that left may apply again (再准入), DOMAIN.md §5 (seed 003 第一条(三)).
//
// Counting days: "180天后方可再申请" / "180天内不允许再准入" is a period of 180 days. Under 民法典 §201
// ("按照年、月、日计算期间的，开始的当日不计入，自下一日开始计算") the effective date itself is not counted:
// day 1 is the day after it, day 180 is effective + 180, so the first day the provider may apply again is
// effective + 181 (terminated 2027-01-31 → may apply from 2027-07-31).
//
// Which terminations carry a waiting period at all is the PROGRAM's rule, not a universal one: seed 003
// gives 180 days for a failed operating assessment and for a voluntary exit, seed 001 §五 gives 180 days
// only to a provider whose certification was revoked, seeds 000 and 002 give none. The per-program setting
// lives in the KPI rule set (shared/lifecycle/bans.ts); readmissionAfter below is seed 003's table, used
// where no program rule applies (the screening ban form, letters written by hand).
import { addDays } from '../common/dates';

export const BAN_REASONS = [
  'agencyRules', // 违反《机构管理规范》: as those rules say — the chair sets the date
  'requirementsNotMet', // 不再符合准入要求: may apply as soon as it meets them again (screening re-checks them)
  'failedAssessment', // 不符合考核要求: seed 003 — after 180 days
  'illegal', // 违法或重大问题: never
  'voluntaryExit', // 主动退出: seed 003 — after 180 days
] as const;
export type BanReason = (typeof BAN_REASONS)[number];

/** Seed 003 第一条(三)3 and 5: "180天后方可再申请", "180天内不允许再准入". */
export const COOLDOWN_DAYS = 180;

export type Readmission =
  | { kind: 'date'; until: string } // may apply again on this day (the first allowed day)
  | { kind: 'never' }
  | { kind: 'whenRequirementsMet' } // no waiting period: eligibility screening decides
  | { kind: 'chairSets' }; // the agency rules decide; the chair enters the date

/**
 * The first day a provider may apply again after a waiting period of `days` days that follows
 * `effectiveDate` (民法典 §201: the effective date is not counted): 180 days after 2027-01-31 → 2027-07-31.
 */
export function firstDayAfterWaiting(effectiveDate: string, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`a waiting period is a whole number of days, got ${days}`);
  return addDays(effectiveDate, days + 1);
}

/**
 * The re-admission a waiting period of `days` gives: null = no waiting period (the provider may apply again
 * at once; screening checks the requirements as for anyone), a number = a date.
 */
export function readmissionAfterDays(days: number | null, effectiveDate: string): Readmission {
  return days === null ? { kind: 'whenRequirementsMet' } : { kind: 'date', until: firstDayAfterWaiting(effectiveDate, days) };
}

/** Seed 003's table: the re-admission each reason category gives when the program sets nothing else. */
export function readmissionAfter(reason: BanReason, effectiveDate: string): Readmission {
  switch (reason) {
    case 'failedAssessment':
    case 'voluntaryExit':
      return readmissionAfterDays(COOLDOWN_DAYS, effectiveDate);
    case 'illegal':
      return { kind: 'never' };
    case 'requirementsNotMet':
      return { kind: 'whenRequirementsMet' };
    case 'agencyRules':
      return { kind: 'chairSets' };
  }
}
