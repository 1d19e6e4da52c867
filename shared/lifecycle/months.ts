// Calendar months as 'YYYY-MM' strings, and the days that bound them. Month arithmetic is integer
// arithmetic on a month index (year × 12 + month − 1), so year ends need no special case: 2026-11 + 3 =
// 2027-02. Days are 'YYYY-MM-DD' strings as everywhere else (shared/common/dates.ts), never Date objects.
import { z } from 'zod';
import { msg } from '../common/validation';

/** A calendar month, 'YYYY-MM' (the storage keeps KPI figures per provider per month). */
export type YearMonth = string;
/** A calendar day, 'YYYY-MM-DD'. */
export type IsoDay = string;

const YEAR_MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;

export function isYearMonth(s: string): boolean {
  return YEAR_MONTH.test(s);
}

export const yearMonthSchema = z.string(msg('error.required')).regex(YEAR_MONTH, msg('error.date'));

function index(ym: YearMonth): number {
  const m = YEAR_MONTH.exec(ym);
  if (!m) throw new RangeError(`not a YYYY-MM month: ${ym}`);
  return Number(m[1]) * 12 + Number(m[2]) - 1;
}

function fromIndex(i: number): YearMonth {
  const year = Math.floor(i / 12);
  const month = i - year * 12 + 1;
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
}

/** The month a day falls in: '2026-11-15' → '2026-11'. */
export function monthOf(day: IsoDay): YearMonth {
  const ym = day.slice(0, 7);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || !isYearMonth(ym)) throw new RangeError(`not a YYYY-MM-DD day: ${day}`);
  return ym;
}

export function addMonths(ym: YearMonth, n: number): YearMonth {
  return fromIndex(index(ym) + n);
}

/** How many months from `from` to `to` (negative when `to` is earlier): 2026-11 → 2027-02 is 3. */
export function monthsBetween(from: YearMonth, to: YearMonth): number {
  return index(to) - index(from);
}

/** `count` consecutive months starting with `from`. */
export function monthRange(from: YearMonth, count: number): YearMonth[] {
  return Array.from({ length: Math.max(0, count) }, (_, i) => addMonths(from, i));
}

export function firstDay(ym: YearMonth): IsoDay {
  index(ym);
  return `${ym}-01`;
}

/** The last day of the month, leap years included: '2028-02' → '2028-02-29'. */
export function lastDay(ym: YearMonth): IsoDay {
  const i = index(ym);
  const year = Math.floor(i / 12);
  const month = i - year * 12 + 1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const day = month === 2 ? (leap ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  return `${ym}-${day}`;
}

/** Whether the day is the 1st of its month. */
export function isFirstOfMonth(day: IsoDay): boolean {
  monthOf(day);
  return day.endsWith('-01');
}
