// Assessment periods (考核周期) as calendar dates. Every period is a run of whole calendar months, from the
// 1st of its first month to the last day of its last month (the check date); the KPI figures are kept per
// month, so each month's figures belong to exactly one period. Year ends need no special case (months.ts).
import { SEED_001_RULE_SET, SEED_002_RULE_SET, type MonthlyWarningRuleSet, type PeriodicRuleSet } from './kpi-rules';
import { addMonths, firstDay, isFirstOfMonth, lastDay, monthOf, monthRange, monthsBetween, type IsoDay, type YearMonth } from './months';

export type PeriodKind = 'trial' | 'regular' | 'month';

export interface Period {
  readonly kind: PeriodKind;
  /** trial: 0; regular: 1 = the first period after the trial; month: 1 = the first assessed month. */
  readonly index: number;
  /** The 1st of the first month. */
  readonly start: IsoDay;
  /** The last day of the last month: the check date (seed 002 "自然月的最后一天触发汰换"). */
  readonly end: IsoDay;
  readonly months: readonly YearMonth[];
}

function period(kind: PeriodKind, index: number, from: YearMonth, length: number): Period {
  const months = Object.freeze(monthRange(from, length));
  return Object.freeze({ kind, index, start: firstDay(from), end: lastDay(months[months.length - 1]!), months });
}

export function containsDay(p: Period, day: IsoDay): boolean {
  return p.start <= day && day <= p.end;
}

// ------------------------------------------------------------------------------------ seed 001: periodic

type PeriodLengths = Pick<PeriodicRuleSet, 'trialMonths' | 'periodMonths'>;

/**
 * The day a trial starts. Seed 001 §3.2 "试跑开始日期为每月1日": a trial always starts on a 1st. Decision:
 * admitted on a 1st → that day; admitted on any other day → the 1st of the NEXT month, so the trial has its
 * full 3 months and never a partial first month (the platform reports figures per whole month, and an
 * earlier start would count days before the admission).
 */
export function trialStart(admittedOn: IsoDay): IsoDay {
  return isFirstOfMonth(admittedOn) ? admittedOn : firstDay(addMonths(monthOf(admittedOn), 1));
}

/** The full trial (试跑期): admitted 2026-10-20 → 2026-11-01..2027-01-31 with the seed's 3 months. */
export function trialPeriod(admittedOn: IsoDay, lengths: Pick<PeriodLengths, 'trialMonths'> = SEED_001_RULE_SET): Period {
  return period('trial', 0, monthOf(trialStart(admittedOn)), lengths.trialMonths);
}

/** Where a seed 001 cooperation's periods lie: its trial (possibly cut short) and the regular periods after. */
export interface PeriodicCalendar {
  readonly trial: Period;
  /** The 1st of the month after the trial: regular period 1 starts here (seed 001 §3.3). */
  readonly firstRegularStart: IsoDay;
  readonly periodMonths: number;
}

/**
 * The calendar of a seed 001 cooperation. Seed 001 §3.3: "试跑期结束的次月1日开始认证后的第一个考核周期".
 * Decision for early confirmation (提前转正): the trial ends with the last month whose figures confirmed it
 * (`confirmedThrough`), and regular period 1 starts on the 1st of the month after — not after the nominal
 * trial end. So no month's figures are wasted on an already-passed trial, and every month still belongs to
 * exactly one period. Pass the month of the assessment that confirmed early (AssessmentResult.asOf).
 */
export function periodicCalendar(admittedOn: IsoDay, lengths: PeriodLengths = SEED_001_RULE_SET, confirmedThrough: YearMonth | null = null): PeriodicCalendar {
  const full = trialPeriod(admittedOn, lengths);
  let trial = full;
  if (confirmedThrough !== null) {
    const used = monthsBetween(full.months[0]!, confirmedThrough) + 1;
    if (used < 1 || used > full.months.length) throw new RangeError(`${confirmedThrough} is not a month of the trial ${full.start}..${full.end}`);
    trial = period('trial', 0, full.months[0]!, used);
  }
  const next = addMonths(trial.months[trial.months.length - 1]!, 1);
  return Object.freeze({ trial, firstRegularStart: firstDay(next), periodMonths: lengths.periodMonths });
}

/** Regular period n (n ≥ 1): trial 2026-11..2027-01 → period 1 is 2027-02-01..2027-04-30. */
export function regularPeriod(calendar: PeriodicCalendar, n: number): Period {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`regular periods are numbered from 1, got ${n}`);
  return period('regular', n, addMonths(monthOf(calendar.firstRegularStart), (n - 1) * calendar.periodMonths), calendar.periodMonths);
}

/** Regular periods 1..count. */
export function regularPeriods(calendar: PeriodicCalendar, count: number): Period[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => regularPeriod(calendar, i + 1));
}

/** The trial or regular period a day falls in; null before the trial starts. */
export function periodContaining(calendar: PeriodicCalendar, day: IsoDay): Period | null {
  if (day < calendar.trial.start) return null;
  if (containsDay(calendar.trial, day)) return calendar.trial;
  const offset = monthsBetween(monthOf(calendar.firstRegularStart), monthOf(day));
  return regularPeriod(calendar, Math.floor(offset / calendar.periodMonths) + 1);
}

/** The trial and the regular periods whose check date (last day) is on or before `asOf`, oldest first. */
export function periodsEndedBy(calendar: PeriodicCalendar, asOf: IsoDay): Period[] {
  if (calendar.trial.end > asOf) return [];
  const out: Period[] = [calendar.trial];
  for (let n = 1; regularPeriod(calendar, n).end <= asOf; n++) out.push(regularPeriod(calendar, n));
  return out;
}

// ------------------------------------------------------------------------------ seed 002: monthlyWarning

type Offset = Pick<MonthlyWarningRuleSet, 'firstAssessedMonthOffset'>;

/** Seed 002 FAQ 4: certified 9月2日 → first assessed month October, first check 10月31日 (offset 1). */
export function firstAssessedMonth(certifiedOn: IsoDay, ruleSet: Offset = SEED_002_RULE_SET): YearMonth {
  return addMonths(monthOf(certifiedOn), ruleSet.firstAssessedMonthOffset);
}

/** Assessed month n (n ≥ 1) as a period: one calendar month, checked on its last day. */
export function assessedMonth(certifiedOn: IsoDay, n: number, ruleSet: Offset = SEED_002_RULE_SET): Period {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`assessed months are numbered from 1, got ${n}`);
  return period('month', n, addMonths(firstAssessedMonth(certifiedOn, ruleSet), n - 1), 1);
}

/** The assessed month a day falls in; null before assessment starts (the months after certification). */
export function assessedMonthContaining(certifiedOn: IsoDay, day: IsoDay, ruleSet: Offset = SEED_002_RULE_SET): Period | null {
  const n = monthsBetween(firstAssessedMonth(certifiedOn, ruleSet), monthOf(day)) + 1;
  return n >= 1 ? assessedMonth(certifiedOn, n, ruleSet) : null;
}

/** Every assessed month whose check date (its last day) is on or before `asOf`, oldest first. */
export function assessedMonthsDue(certifiedOn: IsoDay, asOf: IsoDay, ruleSet: Offset = SEED_002_RULE_SET): Period[] {
  const out: Period[] = [];
  for (let n = 1; ; n++) {
    const p = assessedMonth(certifiedOn, n, ruleSet);
    if (p.end > asOf) return out;
    out.push(p);
  }
}
