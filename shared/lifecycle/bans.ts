// What an ending means for applying again (再准入) under a PROGRAM's rules. The waiting period after each
// kind of ending is a setting of the program's rule set (kpi-rules.ts `bans`), defaulting to what that
// platform's rule says — and where it says nothing, to no waiting period:
//   seed 001 §五  "被取消产业带服务商身份认证的服务商,原则上180天内不接受再次申请": a certified provider that
//                 fails a regular period waits 180 days; a failed trial (never certified) and an exit do not.
//   seed 002      "一次通知整改,二次清退": no word on applying again — no waiting period.
//   seed 000      清退 / 主动退出 under 《淘宝网“安心鉴”服务规范》: no word on applying again — none.
//   seed 003      "因不符合运营考核要求被清退的,180天后方可再申请", "主动申请退出的,180天内不允许再准入": a
//                 program run under it sets failedAssessment and voluntaryExit to 180.
// Days are counted from the day after the effective date (民法典 §201; eligibility/readmission.ts): 180
// days after 2027-04-30 the provider may apply from 2027-10-28.
// The other reason categories (违法 → never, 不再符合准入要求 → at once, 《机构管理规范》 → the chair's date)
// keep seed 003's table (readmissionAfter): they are judgements the chair makes by hand in any program.
import { readmissionAfter, readmissionAfterDays, type BanReason, type Readmission } from '../eligibility/readmission';
import type { CooperationStatus } from './cooperation';
import type { BanRules, KpiRuleSet } from './kpi-rules';
import type { IsoDay } from './months';

/** Which program setting an ending falls under; null = seed 003's table decides. */
export type BanKind = keyof BanRules;

/**
 * The setting for an ending with `reason` of a cooperation that was in `status`: a failed assessment during
 * the trial of a periodic rule set is a failed trial (no certification to revoke); after it, a failed
 * certified provider.
 */
export function banKindOf(ruleSet: Pick<KpiRuleSet, 'kind'>, reason: BanReason, status: CooperationStatus): BanKind | null {
  if (reason === 'voluntaryExit') return 'voluntaryExit';
  if (reason === 'failedAssessment') return ruleSet.kind === 'periodic' && status === 'trial' ? 'failedTrial' : 'failedAssessment';
  return null;
}

/** The waiting period in days for an ending (null = none), or undefined when seed 003's table decides. */
export function banDaysFor(ruleSet: Pick<KpiRuleSet, 'kind' | 'bans'>, reason: BanReason, status: CooperationStatus): number | null | undefined {
  const kind = banKindOf(ruleSet, reason, status);
  return kind === null ? undefined : ruleSet.bans[kind];
}

/** When a provider ended this way on `effectiveDate` may apply again, under the program's rules. */
export function programReadmission(ruleSet: Pick<KpiRuleSet, 'kind' | 'bans'>, reason: BanReason, status: CooperationStatus, effectiveDate: IsoDay): Readmission {
  const days = banDaysFor(ruleSet, reason, status);
  return days === undefined ? readmissionAfter(reason, effectiveDate) : readmissionAfterDays(days, effectiveDate);
}
