// Seed 001 assessment of one trial or regular period (抖音古董艺术品产业带服务商 §3.2–§3.4):
//   pass ⇔ ( [newly bound ≥ N  ∧  their GMV ≥ G]                                   指标1
//          ∨ [newly bound ≥ N  ∧  first-month orders ≥ O  ∧  growth ≥ R every month] 指标2 )
//          ∧ staff who passed the rules exam ≥ S   (trial only, see below)
// Pure: reads the figures, never changes them; the period and the "as of" month are arguments.
//
// 新增 is NET (§3.4 "新增:在上一个周期基础上增加的店铺数", total 10 → 20): the month figure `newlyBound` is the
// net change of qualifying bound merchants in that month (new bindings minus those that ended or stopped
// qualifying), so it may be negative; a period's 新增 is the sum of its months, and the cumulative total
// (the "商家总计20家" of the seed's example) is the sum of every month since the trial began, computed here
// from the figures — never typed in.
import { atLeast2dp, growthAtLeast, growthPercent, sum2dp } from './exact';
import { emptyPeriodicFigures, figuresOf, type PeriodicFigures } from './figures';
import type { PeriodicRuleSet } from './kpi-rules';
import { monthRange, monthsBetween, type YearMonth } from './months';
import type { Period } from './periods';
import { allOf, anyOf, missingKpis, overallOutcome, verdict, type AssessmentResult, type KpiResult, type RouteResult } from './results';

export interface PeriodicAssessmentInput {
  /** The trial or a regular period (periods.ts). */
  readonly period: Period;
  /** The provider's monthly figures; months outside the window are ignored, at most one record per month. */
  readonly figures: readonly PeriodicFigures[];
  /**
   * Read the period's months up to and including this one (default: its last month). An earlier month is an
   * early look: during the trial it can prove 提前转正 (seed 001 "提前完成考核指标,可提前申请转正").
   */
  readonly asOf?: YearMonth;
  /**
   * The cooperation's first month (its trial's first month). The months from here to the period's start
   * give the net bindings before the period, shown with the period's own as the cumulative total (10, then
   * 20 …). Default: the period's first month for the trial; unknown (null cumulative) for a regular period.
   */
  readonly since?: YearMonth;
}

/** The sum of a month field over `months`, with the months where it is missing (then the sum is null). */
function sumOver(records: readonly PeriodicFigures[], months: readonly YearMonth[], field: 'newlyBound' | 'newlyBoundGmvYuan') {
  const values = months.map((m) => figuresOf(records, m, emptyPeriodicFigures)[field]);
  const missingMonths = months.filter((_, i) => values[i] === null);
  const present = values.filter((v): v is number => v !== null);
  return { missingMonths, total: missingMonths.length > 0 ? null : field === 'newlyBound' ? present.reduce((s, v) => s + v, 0) : sum2dp(present) };
}

export function assessPeriodic(ruleSet: PeriodicRuleSet, input: PeriodicAssessmentInput): AssessmentResult {
  const { period, figures } = input;
  const asOf = input.asOf ?? period.months[period.months.length - 1]!;
  const upTo = period.months.indexOf(asOf);
  if (upTo < 0) throw new RangeError(`${asOf} is not a month of the period ${period.start}..${period.end}`);
  const months = period.months.slice(0, upTo + 1);
  const final = upTo === period.months.length - 1;
  const month = (m: YearMonth) => figuresOf(figures, m, emptyPeriodicFigures);

  // Seed 001 §3.4 "新增:在上一个周期基础上增加的店铺数": each period needs N net new merchants of its own;
  // the cumulative total (10 after the trial, 20 after period 1 …) is computed and shown, not tested.
  // Decision: a trial that binds 15 does not lower period 1's need to 5 — "在上一个周期基础上" counts from
  // the previous period's actual total, so surplus does not carry over. The period's count is the sum of
  // its months' net counts; a merchant lost in the period is made up inside it.
  const bound = sumOver(figures, months, 'newlyBound');
  const since = input.since ?? (period.kind === 'trial' ? period.months[0]! : null);
  if (since !== null && since > period.months[0]!) throw new RangeError(`the cooperation began ${since}, after the period ${period.start}`);
  const before = since === null ? null : sumOver(figures, monthRange(since, monthsBetween(since, period.months[0]!)), 'newlyBound');
  const boundBefore = before === null ? null : before.total;
  const newlyBound: KpiResult = {
    kpi: 'newlyBound',
    outcome: verdict(bound.total === null ? null : bound.total >= ruleSet.minNewlyBound),
    actual: bound.total,
    min: ruleSet.minNewlyBound,
    boundBefore,
    cumulative: bound.total !== null && boundBefore !== null ? boundBefore + bound.total : null,
    missingMonths: bound.missingMonths,
  };

  // 指标1: "新增绑定的商家在3个月考核期内GMV不低于5万" — summed exactly in 分.
  const gmvSum = sumOver(figures, months, 'newlyBoundGmvYuan');
  const gmv: KpiResult = {
    kpi: 'gmv',
    outcome: verdict(gmvSum.total === null ? null : atLeast2dp(gmvSum.total, ruleSet.minGmvYuan)),
    actualYuan: gmvSum.total,
    minYuan: ruleSet.minGmvYuan,
    missingMonths: gmvSum.missingMonths,
  };

  // 指标2: "考核期内首月订单量不低于1万单,同时每个月订单量环比增长率不低于10%". Decision (seed 001 §3.4 example
  // 4月 10000 → 5月 11000 → 6月 12100): growth is checked for the 2nd and 3rd month of the period against the
  // month before, inside the period; the first month is held to the order minimum instead, not compared
  // with the last month of the previous period.
  const first = months[0]!;
  const firstOrders = month(first).orders;
  const firstMonthOrders: KpiResult = {
    kpi: 'firstMonthOrders',
    outcome: verdict(firstOrders === null ? null : firstOrders >= ruleSet.minFirstMonthOrders),
    month: first,
    actual: firstOrders,
    min: ruleSet.minFirstMonthOrders,
  };
  const growth: KpiResult[] = months.slice(1).map((m, i) => {
    const previousMonth = months[i]!;
    const orders = month(m).orders;
    const previousOrders = month(previousMonth).orders;
    const known = orders !== null && previousOrders !== null;
    return {
      kpi: 'orderGrowth',
      outcome: verdict(known ? growthAtLeast(previousOrders, orders, ruleSet.minMonthlyGrowthPercent) : null),
      month: m,
      previousMonth,
      orders,
      previousOrders,
      growthPercent: known ? growthPercent(previousOrders, orders) : null,
      minPercent: ruleSet.minMonthlyGrowthPercent,
    };
  });

  // Seed 001 lists "服务商公司至少2人通过平台推送的抖音电商规则考试" under §3.2 (trial) and not under §3.3
  // (regular periods): it is a condition of becoming certified, not of staying so. A regular period is
  // judged without it unless the program asks for it every period (staffExamEveryPeriod).
  // Decision: the exam count is a standing number ("公司至少2人通过"), read as it stands at the end of the
  // assessed window — the figure of its last month. An earlier month's figure is not carried forward: staff
  // may have left since, and a missing last-month figure must stay 'missing' (the property tests check that
  // no verdict could be overturned by the figures not entered).
  const examApplies = period.kind === 'trial' || ruleSet.staffExamEveryPeriod;
  const staffMonth = asOf;
  const staffCount = month(staffMonth).staffPassedExam;
  const staff: KpiResult | null = examApplies
    ? {
        kpi: 'staffPassedExam',
        outcome: verdict(staffCount === null ? null : staffCount >= ruleSet.minStaffPassedExam),
        actual: staffCount,
        min: ruleSet.minStaffPassedExam,
        month: staffMonth,
      }
    : null;

  const gmvRoute = allOf([newlyBound.outcome, gmv.outcome]);
  // Decision: the order route asks for growth in EVERY month of the period, which no early month can prove,
  // so before the period's last month it is 'open' unless already failed. Early confirmation therefore goes
  // through 指标1 (count and GMV are totals that can be reached early) — or waits for the period's end.
  const orderParts = allOf([newlyBound.outcome, firstMonthOrders.outcome, ...growth.map((g) => g.outcome)]);
  const orderRoute = !final && orderParts !== 'fail' ? 'open' : orderParts;
  const routes: RouteResult[] = [
    { route: 'gmv', outcome: gmvRoute },
    { route: 'orderGrowth', outcome: orderRoute },
  ];
  const rule = allOf([anyOf([gmvRoute, orderRoute === 'open' ? 'fail' : orderRoute]), ...(staff ? [staff.outcome] : [])]);

  const kpis = [newlyBound, gmv, firstMonthOrders, ...growth, ...(staff ? [staff] : [])];
  return { kind: 'periodic', period, asOf, months, final, outcome: overallOutcome(rule, kpis), kpis, missing: missingKpis(kpis), routes };
}

/** Net newly bound merchants over `months` (e.g. all months before a period); null if any is missing. */
export function sumNewlyBound(figures: readonly PeriodicFigures[], months: readonly YearMonth[]): number | null {
  return sumOver(figures, months, 'newlyBound').total;
}
