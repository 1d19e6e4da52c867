// The periods of one cooperation as rows to display (试跑期 / 第 n 考核期 / 考核月), computed by the shared
// lifecycle calendar (shared/lifecycle/periods.ts) — display only, the assessment runs decide.
import type { Cooperation } from '../../../shared/cooperations/views';
import type { KpiRuleSet } from '../../../shared/lifecycle/kpi-rules';
import type { YearMonth } from '../../../shared/lifecycle/months';
import { assessedMonth, assessedMonthContaining, firstAssessedMonth, periodContaining, periodicCalendar, regularPeriod, type Period } from '../../../shared/lifecycle/periods';
import type { Locale } from '../../i18n/i18n';

export type PeriodState = 'past' | 'current' | 'future';

export interface CalendarRow {
  period: Period;
  state: PeriodState;
  /** The trial ended early with the confirmation (提前转正). */
  shortened?: boolean;
}

export interface CooperationCalendar {
  kind: KpiRuleSet['kind'];
  rows: CalendarRow[];
  /** seed 002: the first assessed month. */
  firstMonth?: YearMonth;
  /** The rows before those shown (long monthly histories are cut to the recent months). */
  hiddenBefore: number;
}

export function formatMonth(ym: YearMonth, locale: Locale): string {
  const [y, m] = ym.split('-').map(Number);
  return locale === 'zh-CN' ? `${y}年${m}月` : new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(y!, m! - 1, 1));
}

/** The month an early confirmation covered (detail.confirmedThrough of the confirm event), as the assessment service reads it. */
function confirmedThrough(c: Cooperation): YearMonth | null {
  const through = c.events.find((e) => e.event === 'confirm')?.detail.confirmedThrough;
  return typeof through === 'string' ? through : null;
}

const stateOf = (p: Period, day: string): PeriodState => (p.end < day ? 'past' : p.start <= day ? 'current' : 'future');

const MONTHS_SHOWN = 6;

/**
 * Rows up to the period the reference day falls in (today, or the end date once the cooperation ended), plus
 * the next one while it runs. `asOf` is the caller's today: shared code takes no clock.
 */
export function cooperationCalendar(c: Cooperation, rules: KpiRuleSet, asOf: string): CooperationCalendar {
  // 安心鉴 (seed 000): no trial, no assessment — nothing to schedule.
  if (rules.kind === 'noAssessment') return { kind: 'noAssessment', rows: [], hiddenBefore: 0 };
  const ref = c.endedOn ?? asOf;
  const open = c.endedOn === null;
  if (rules.kind === 'periodic') {
    let calendar;
    try {
      calendar = periodicCalendar(c.startedOn, rules, c.status === 'trial' ? null : confirmedThrough(c));
    } catch {
      calendar = periodicCalendar(c.startedOn, rules); // a confirmation month outside the trial (rules changed since)
    }
    const rows: CalendarRow[] = [{ period: calendar.trial, state: stateOf(calendar.trial, ref), shortened: calendar.trial.months.length < rules.trialMonths }];
    const at = periodContaining(calendar, ref);
    const lastIndex = at?.kind === 'regular' ? at.index : 0;
    const until = open ? Math.max(lastIndex + 1, 1) : lastIndex;
    for (let n = 1; n <= until; n++) {
      const p = regularPeriod(calendar, n);
      rows.push({ period: p, state: stateOf(p, ref) });
    }
    return { kind: 'periodic', rows, hiddenBefore: 0 };
  }
  const current = assessedMonthContaining(c.startedOn, ref, rules);
  const lastIndex = current?.index ?? 0;
  const until = open ? lastIndex + 1 : lastIndex;
  const from = Math.max(1, until - MONTHS_SHOWN + 1);
  const rows: CalendarRow[] = [];
  for (let n = from; n <= until; n++) {
    const p = assessedMonth(c.startedOn, n, rules);
    rows.push({ period: p, state: stateOf(p, ref) });
  }
  return { kind: 'monthlyWarning', rows, firstMonth: firstAssessedMonth(c.startedOn, rules), hiddenBefore: from - 1 };
}
