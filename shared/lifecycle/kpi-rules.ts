// KPI rule sets (考核规则) with editable thresholds. A program uses one rule set; two kinds exist, one per
// seed, because they differ in rhythm and consequence, not only in numbers:
// - 'periodic' (seed 001, 抖音古董艺术品产业带服务商): a 3-month trial, then 3-month regular periods; a
//   failed period ends the cooperation.
// - 'monthlyWarning' (seed 002, 淘特品牌认证): every calendar month from the month after certification;
//   first failure → 整改通知, second → 清退.
// Validation messages are the project's locale keys; a cross-field rule names itself in params.rule.
import { z } from 'zod';
import { amount, msg } from '../common/validation';
import type { CooperationStatus } from './cooperation';
import * as C from './constants';

const count = (max: number) => z.number(msg('error.number')).int(msg('error.integer')).min(0, msg('error.negative')).max(max, msg('error.tooLarge'));
const months = z.number(msg('error.number')).int(msg('error.integer')).min(1, msg('error.positive')).max(24, msg('error.tooLarge'));
const percent = amount(2, 100);

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
  /** Seed 001 §3.2 "提前完成考核指标,可提前申请转正"; off = the trial always runs its full length. */
  earlyConfirmation: z.boolean(msg('error.boolean')).default(true),
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
});
export type MonthlyWarningRuleSet = z.output<typeof monthlyWarningRuleSetSchema>;

export const kpiRuleSetSchema = z.discriminatedUnion('kind', [periodicRuleSetSchema, monthlyWarningRuleSetSchema], msg('error.choose'));
export type KpiRuleSet = z.output<typeof kpiRuleSetSchema>;
export type KpiRuleSetInput = z.input<typeof kpiRuleSetSchema>;
export type KpiRuleSetKind = KpiRuleSet['kind'];

/** Seed 001 as published (考核规则-自2023/4/26起执行). */
export const SEED_001_RULE_SET: Readonly<PeriodicRuleSet> = Object.freeze(periodicRuleSetSchema.parse({ kind: 'periodic' }));

/** Seed 002 as published (淘特品牌认证 汰换). */
export const SEED_002_RULE_SET: Readonly<MonthlyWarningRuleSet> = Object.freeze(monthlyWarningRuleSetSchema.parse({ kind: 'monthlyWarning' }));

/** The built-in rule sets by key, for a program's "start from" choice. */
export const BUILT_IN_RULE_SETS = Object.freeze({ seed001: SEED_001_RULE_SET, seed002: SEED_002_RULE_SET });
export type BuiltInRuleSetKey = keyof typeof BUILT_IN_RULE_SETS;

/** The status a new cooperation starts in: seed 001 admits to a trial (试跑); seed 002 certifies outright. */
export function initialStatus(ruleSet: Pick<KpiRuleSet, 'kind'>): CooperationStatus {
  return ruleSet.kind === 'periodic' ? 'trial' : 'formal';
}
