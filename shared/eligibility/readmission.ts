// When a provider that left may apply again (再准入), DOMAIN.md §5 (seed 003 第一条(三)).
import { addDays } from '../common/dates';

export const BAN_REASONS = [
  'agencyRules', // 违反《机构管理规范》: as those rules say — the chair sets the date
  'requirementsNotMet', // 不再符合准入要求: may apply as soon as it meets them again (screening re-checks them)
  'failedAssessment', // 不符合考核要求: after 180 days
  'illegal', // 违法或重大问题: never
  'voluntaryExit', // 主动退出: after 180 days
] as const;
export type BanReason = (typeof BAN_REASONS)[number];

export const COOLDOWN_DAYS = 180;

export type Readmission =
  | { kind: 'date'; until: string } // may apply again on this day
  | { kind: 'never' }
  | { kind: 'whenRequirementsMet' } // no waiting period: eligibility screening decides
  | { kind: 'chairSets' }; // the agency rules decide; the chair enters the date

/** Seed 003: "180天后方可再申请" / "180天内不允许再准入" — day 180 after the effective date is the first allowed day. */
export function readmissionAfter(reason: BanReason, effectiveDate: string): Readmission {
  switch (reason) {
    case 'failedAssessment':
    case 'voluntaryExit':
      return { kind: 'date', until: addDays(effectiveDate, COOLDOWN_DAYS) };
    case 'illegal':
      return { kind: 'never' };
    case 'requirementsNotMet':
      return { kind: 'whenRequirementsMet' };
    case 'agencyRules':
      return { kind: 'chairSets' };
  }
}
