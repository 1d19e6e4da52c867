// Which providers and which month the KPI grid shows (issue 11).
// - A provider terminated (清退) or exited in a month was still serving in that month: its figures for that
//   month are entered and assessed like anyone's, so it stays in the grid up to and including the month of its
//   end date, and drops out after.
// - Opened without a remembered month, the grid shows the latest month that has any figure (an empty
//   "last month" made people think their data was gone), else last month.
import type { CooperationSummary } from '../../../shared/cooperations/views';
import type { MonthFigures } from '../../../shared/cooperations/assessment-views';
import type { FigureField } from '../../../shared/cooperations/figure-text';
import { monthOf, type YearMonth } from '../../../shared/lifecycle/months';

const OPEN = new Set(['trial', 'formal', 'rectification']);

/** The cooperations whose figures may be entered for some month: open ones, and ended ones (they show until their end month). */
export function mayHaveFigures(c: CooperationSummary): boolean {
  return OPEN.has(c.status) || c.endedOn !== null;
}

export function shownInMonth(c: CooperationSummary, month: YearMonth): boolean {
  if (OPEN.has(c.status)) return true;
  return c.endedOn !== null && monthOf(c.endedOn) >= month;
}

export function latestMonthWithData(records: Readonly<Record<string, readonly MonthFigures[]>>, fields: readonly FigureField[]): YearMonth | null {
  let latest: YearMonth | null = null;
  for (const list of Object.values(records)) {
    for (const r of list) {
      const record = r as unknown as Record<string, unknown>;
      if (fields.some((f) => record[f] !== null && record[f] !== undefined) && (latest === null || r.month > latest)) latest = r.month;
    }
  }
  return latest;
}
