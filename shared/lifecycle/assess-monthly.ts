// Seed 002 assessment of one month (淘特品牌认证 汰换考核): all three items must hold on the check date.
//   ① 商家层级L3及以上  ② 近30天发揽率>=90%  ③ 近30天客服响应率>=85%
// "≥" throughout, as the seed writes it (L3及以上, >=): a figure exactly at the threshold passes.
import { atLeast2dp } from './exact';
import { emptyMonthlyWarningFigures, figuresOf, type MonthlyWarningFigures } from './figures';
import type { MonthlyWarningRuleSet } from './kpi-rules';
import type { Period } from './periods';
import { allOf, missingKpis, overallOutcome, verdict, type AssessmentResult, type KpiResult } from './results';

export interface MonthlyAssessmentInput {
  /** An assessed month (periods.ts assessedMonth). */
  readonly period: Period;
  /** The provider's monthly figures; only the period's month is read. */
  readonly figures: readonly MonthlyWarningFigures[];
}

export function assessMonthly(ruleSet: MonthlyWarningRuleSet, input: MonthlyAssessmentInput): AssessmentResult {
  const { period } = input;
  if (period.months.length !== 1) throw new RangeError(`seed 002 assesses one month at a time, got ${period.start}..${period.end}`);
  const m = period.months[0]!;
  const f = figuresOf(input.figures, m, emptyMonthlyWarningFigures);

  const level = f.merchantLevel;
  const pickup = f.pickupRatePercent;
  const response = f.responseRatePercent;
  const kpis: KpiResult[] = [
    { kpi: 'merchantLevel', outcome: verdict(level === null ? null : level >= ruleSet.minMerchantLevel), actual: level, min: ruleSet.minMerchantLevel },
    { kpi: 'pickupRate', outcome: verdict(pickup === null ? null : atLeast2dp(pickup, ruleSet.minPickupRatePercent)), actualPercent: pickup, minPercent: ruleSet.minPickupRatePercent },
    { kpi: 'responseRate', outcome: verdict(response === null ? null : atLeast2dp(response, ruleSet.minResponseRatePercent)), actualPercent: response, minPercent: ruleSet.minResponseRatePercent },
  ];
  const rule = allOf(kpis.map((k) => k.outcome));
  return { kind: 'monthlyWarning', period, asOf: m, months: [m], final: true, outcome: overallOutcome(rule, kpis), kpis, missing: missingKpis(kpis), routes: null };
}
