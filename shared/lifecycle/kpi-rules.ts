// KPI rule sets (考核规则) with editable thresholds. A program uses one rule set; three kinds exist, one per
// platform rule, because they differ in rhythm and consequence, not only in numbers:
// - 'periodic' (seed 001, 抖音古董艺术品产业带服务商): a 3-month trial, then 3-month regular periods; a
//   failed period ends the cooperation.
// - 'monthlyWarning' (seed 002, 淘特品牌认证): every calendar month from the month after certification;
//   first failure → 整改通知, second → 清退.
// - 'noAssessment' (seed 000, 淘宝直播安心鉴 鉴定机构): no trial and no KPIs. An admitted institution signs
//   and serves (formal from the start); it leaves by 清退 under 《淘宝网“安心鉴”服务规范》 or by 主动退出
//   (its 《解除合作申请》, then the platform's confirmation), both recorded by hand.
// Every kind also carries what the program's rules say happens AFTER an ending (bans.ts): the waiting period
// before re-application for each kind of termination, the rule a termination cites, and who else is told.
// Where a seed is silent the default is "no waiting period" — a ban is never invented (see bans.ts).
// Validation messages are the project's locale keys; a cross-field rule names itself in params.rule.
import { z } from 'zod';
import { amount, msg, humanText } from '../common/validation';
import type { CooperationStatus } from './cooperation';
import * as C from './constants';

const count = (max: number) => z.number(msg('error.number')).int(msg('error.integer')).min(0, msg('error.negative')).max(max, msg('error.tooLarge'));
const months = z.number(msg('error.number')).int(msg('error.integer')).min(1, msg('error.positive')).max(24, msg('error.tooLarge'));
const percent = amount(2, 100);
/** A waiting period in days before re-application; null = none (the seed states none). */
const banDays = z.number(msg('error.number')).int(msg('error.integer')).min(0, msg('error.negative')).max(3650, msg('error.tooLarge')).nullable();
const text = (max: number) => humanText(max);

/**
 * The waiting period (days) after each kind of ending, per program (bans.ts reads it):
 * - failedTrial: a trial not passed (periodic only — a provider that was never certified);
 * - failedAssessment: a certified provider terminated for failing its assessment (a regular period, or the
 *   second failure of the monthly rule);
 * - voluntaryExit: 主动退出.
 * Terminations for other reasons (违法 → never, 不再符合准入要求 → at once, 《机构管理规范》 → the chair's
 * date) follow seed 003's table, which states them for every program alike.
 */
const bansSchema = (defaults: { failedTrial: number | null; failedAssessment: number | null; voluntaryExit: number | null }) =>
  z
    .object({
      failedTrial: banDays.default(defaults.failedTrial),
      failedAssessment: banDays.default(defaults.failedAssessment),
      voluntaryExit: banDays.default(defaults.voluntaryExit),
    })
    .default(defaults);
export type BanRules = { failedTrial: number | null; failedAssessment: number | null; voluntaryExit: number | null };

/**
 * The platform rule a termination cites (recorded on the event, printed by the letters), and the party the
 * platform informs besides the provider; '' = none. Seed 000: "平台有权依据《淘宝网“安心鉴”服务规范》…清退
 * …同时平台将通知安心鉴服务商".
 */
const ruleBasis = (d: string) => text(100).default(d);
const partnerToNotify = (d: string) => text(50).default(d);

export const periodicRuleSetSchema = z.object({
  kind: z.literal('periodic'),
  trialMonths: months.default(C.TRIAL_MONTHS),
  periodMonths: months.default(C.PERIOD_MONTHS),
  /** Newly bound merchants required IN EACH period (seed 001 §3.4: on top of the previous period). */
  minNewlyBound: count(C.MAX_COUNT).default(C.MIN_NEWLY_BOUND),
  /** GMV (元) of the merchants newly bound in the period, over the period (指标1). */
  minGmvYuan: amount(2, C.MAX_YUAN).default(C.MIN_GMV_YUAN),
  /** Orders of the bound merchants in the period's first month (指标2). */
  minFirstMonthOrders: count(C.MAX_COUNT).default(C.MIN_FIRST_MONTH_ORDERS),
  /**
   * Month-over-month order growth (%) required for every later month of the period (指标2). May be 0 ("no
   * decline") but not negative: a negative threshold would reward decline, which no seed describes.
   */
  minMonthlyGrowthPercent: amount(2, 1000).default(C.MIN_MONTHLY_GROWTH_PERCENT),
  minStaffPassedExam: count(C.MAX_COUNT).default(C.MIN_STAFF_PASSED_EXAM),
  /**
   * Seed 001 lists "服务商公司至少2人通过…考试" under §3.2 (the trial) only; §3.3 (regular periods) repeats
   * the two KPI sets without it. Default false: the exam is a trial requirement and cannot fail a certified
   * provider. A program whose rules ask it every period turns this on.
   */
  staffExamEveryPeriod: z.boolean(msg('error.boolean')).default(false),
  /** Seed 001 §3.2 "提前完成考核指标,可提前申请转正"; off = the trial always runs its full length. */
  earlyConfirmation: z.boolean(msg('error.boolean')).default(true),
  /**
   * Seed 001 §五 "被取消产业带服务商身份认证的服务商,原则上180天内不接受再次申请": a failed REGULAR period
   * (certification revoked) waits 180 days. A failed trial revokes nothing (the provider was never certified)
   * and voluntary exit is not mentioned: no waiting period.
   */
  bans: bansSchema({ failedTrial: null, failedAssessment: C.COOLDOWN_DAYS, voluntaryExit: null }),
  ruleBasis: ruleBasis(''),
  partnerToNotify: partnerToNotify(''),
});
export type PeriodicRuleSet = z.output<typeof periodicRuleSetSchema>;

/**
 * What makes a failure the "second" one of seed 002's "一次通知整改,二次清退":
 * - 'whileInRectification' (default): a failed month while a rectification notice is open terminates; a
 *   passed month resolves the notice (back to 正式) and a later failure starts again with a new notice.
 *   整改 means "fix, then be checked again": once the next check passes the notice has done its work.
 * - 'any': every failure after the first notice terminates, even after a passed month in between (the
 *   strict reading of "二次" as the second failure since certification).
 */
export const SECOND_FAILURE_MODES = ['whileInRectification', 'any'] as const;
export type SecondFailureMode = (typeof SECOND_FAILURE_MODES)[number];

export const monthlyWarningRuleSetSchema = z.object({
  kind: z.literal('monthlyWarning'),
  /** Months from the month of certification to the first assessed month (seed 002 FAQ 4: 1, see constants). */
  firstAssessedMonthOffset: z.number(msg('error.number')).int(msg('error.integer')).min(0, msg('error.negative')).max(12, msg('error.tooLarge')).default(C.FIRST_ASSESSED_MONTH_OFFSET),
  minMerchantLevel: count(C.MAX_MERCHANT_LEVEL).default(C.MIN_MERCHANT_LEVEL),
  minPickupRatePercent: percent.default(C.MIN_PICKUP_RATE_PERCENT),
  minResponseRatePercent: percent.default(C.MIN_RESPONSE_RATE_PERCENT),
  secondFailure: z.enum(SECOND_FAILURE_MODES, msg('error.choose')).default('whileInRectification'),
  /** Seed 002 says "二次清退" and nothing about applying again: no waiting period after any ending. */
  bans: bansSchema({ failedTrial: null, failedAssessment: null, voluntaryExit: null }),
  ruleBasis: ruleBasis(''),
  partnerToNotify: partnerToNotify(''),
});
export type MonthlyWarningRuleSet = z.output<typeof monthlyWarningRuleSetSchema>;

/**
 * Seed 000 (淘宝直播安心鉴 鉴定机构): no KPI regime. It names no waiting period after 清退 or 主动退出.
 * 清退 cites 《淘宝网“安心鉴”服务规范》, and every ending is also told to the 安心鉴服务商 (the platform's
 * service partner the institution signed with), who ends its own agreement with the institution.
 */
export const noAssessmentRuleSetSchema = z.object({
  kind: z.literal('noAssessment'),
  bans: bansSchema({ failedTrial: null, failedAssessment: null, voluntaryExit: null }),
  ruleBasis: ruleBasis(C.ANXINJIAN_SERVICE_RULES),
  partnerToNotify: partnerToNotify(C.ANXINJIAN_SERVICE_PARTNER),
});
export type NoAssessmentRuleSet = z.output<typeof noAssessmentRuleSetSchema>;

export const kpiRuleSetSchema = z.discriminatedUnion('kind', [periodicRuleSetSchema, monthlyWarningRuleSetSchema, noAssessmentRuleSetSchema], msg('error.choose'));
export type KpiRuleSet = z.output<typeof kpiRuleSetSchema>;
export type KpiRuleSetInput = z.input<typeof kpiRuleSetSchema>;
export type KpiRuleSetKind = KpiRuleSet['kind'];
/** The kinds that assess figures (the figures grid, the import and assessment runs exist only for these). */
export type AssessedRuleSet = PeriodicRuleSet | MonthlyWarningRuleSet;
export type AssessedKind = AssessedRuleSet['kind'];
export const isAssessed = (rules: KpiRuleSet): rules is AssessedRuleSet => rules.kind !== 'noAssessment';

/** Seed 001 as published (考核规则-自2023/4/26起执行). */
export const SEED_001_RULE_SET: Readonly<PeriodicRuleSet> = Object.freeze(periodicRuleSetSchema.parse({ kind: 'periodic' }));

/** Seed 002 as published (淘特品牌认证 汰换). */
export const SEED_002_RULE_SET: Readonly<MonthlyWarningRuleSet> = Object.freeze(monthlyWarningRuleSetSchema.parse({ kind: 'monthlyWarning' }));

/** Seed 000 as published (淘宝直播安心鉴: no assessment). */
export const SEED_000_RULE_SET: Readonly<NoAssessmentRuleSet> = Object.freeze(noAssessmentRuleSetSchema.parse({ kind: 'noAssessment' }));

/**
 * The built-in rule sets by key, for a program's "start from" choice; the keys name the platform rule each
 * follows (the UI labels them 抖音古董艺术品产业带服务商考核规则（季度） / 淘特品牌认证汰换考核（月度） /
 * 无考核（安心鉴）).
 */
export const BUILT_IN_RULE_SETS = Object.freeze({ douyinQuarterly: SEED_001_RULE_SET, taoteMonthly: SEED_002_RULE_SET, anxinjian: SEED_000_RULE_SET });
export type BuiltInRuleSetKey = keyof typeof BUILT_IN_RULE_SETS;
export const PRESET_FOR_KIND: Readonly<Record<KpiRuleSetKind, BuiltInRuleSetKey>> = Object.freeze({ periodic: 'douyinQuarterly', monthlyWarning: 'taoteMonthly', noAssessment: 'anxinjian' });

/** The status a new cooperation starts in: seed 001 admits to a trial (试跑); seeds 000 and 002 start formal. */
export function initialStatus(ruleSet: Pick<KpiRuleSet, 'kind'>): CooperationStatus {
  return ruleSet.kind === 'periodic' ? 'trial' : 'formal';
}
