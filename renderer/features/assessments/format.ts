// Months, counts and rates the way the assessments pages write them (zh-CN: 2027年1月, 12,100 单, 89.99%).
// Display only: every verdict shown was computed by the backend; nothing here decides an outcome.
import { addMonths, type YearMonth } from '../../../shared/lifecycle/months';
import type { Locale } from '../../i18n/i18n';

const tag = (locale: Locale) => (locale === 'zh-CN' ? 'zh-CN' : 'en-US');

export function formatMonth(ym: YearMonth, locale: Locale): string {
  const [y, m] = ym.split('-').map(Number);
  if (!y || !m) return ym;
  if (locale === 'zh-CN') return `${y}年${m}月`;
  return new Intl.DateTimeFormat('en-US', { year: 'numeric', month: 'short', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
}

/** A short month for dense headers: 1月 / Jan (with the year when it is January or the first column). */
export function formatMonthShort(ym: YearMonth, locale: Locale, withYear: boolean): string {
  const [y, m] = ym.split('-').map(Number);
  if (!y || !m) return ym;
  if (locale === 'zh-CN') return withYear ? `${String(y).slice(2)}年${m}月` : `${m}月`;
  const month = new Intl.DateTimeFormat('en-US', { month: 'short', timeZone: 'UTC' }).format(Date.UTC(y, m - 1, 1));
  return withYear ? `${month} ${String(y).slice(2)}` : month;
}

export function formatCount(n: number, locale: Locale): string {
  return new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 0 }).format(n);
}

/** A figure as entered or computed, with its 2 decimals: 89.99%, 90.00%, 10.00%. */
export function formatPercent(n: number, locale: Locale, decimals = 2): string {
  return `${new Intl.NumberFormat(tag(locale), { minimumFractionDigits: decimals, maximumFractionDigits: decimals }).format(n)}%`;
}

/** A threshold as the rule states it: 90%, 10%, 85.5%. */
export function formatThresholdPercent(n: number, locale: Locale): string {
  return `${new Intl.NumberFormat(tag(locale), { maximumFractionDigits: 2 }).format(n)}%`;
}

/** The committee's calendar month before today's: the month whose figures are usually being entered. */
export function lastMonth(now: Date = new Date()): YearMonth {
  const current = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}`;
  return addMonths(current, -1);
}

/** `count` months ending with `last`, oldest first. */
export function monthsUpTo(last: YearMonth, count: number): YearMonth[] {
  return Array.from({ length: count }, (_, i) => addMonths(last, i - count + 1));
}
