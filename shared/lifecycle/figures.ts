// KPI figures as the storage keeps them: one record per provider per calendar month. Every figure may be
// null = not entered; a null is assessed as 'missing', never as a pass. Figures are as the platform reports
// them (seed 001 "考核数据以平台系统统计和核算的数据为准"); this core does not second-guess them.
import { z } from 'zod';
import { amount, msg } from '../common/validation';
import { MAX_COUNT, MAX_MERCHANT_LEVEL, MAX_YUAN } from './constants';
import { yearMonthSchema, type YearMonth } from './months';

const count = (max: number) => z.number(msg('error.number')).int(msg('error.integer')).min(0, msg('error.negative')).max(max, msg('error.tooLarge')).nullable().default(null);
const percent = amount(2, 100).nullable().default(null);

/**
 * Seed 001 figures of one month.
 * - newlyBound: the NET change in this month of the merchants (店铺) bound in the 抖店服务市场 that count for
 *   seed 001 — in normal operating state, not bound in the last 6 months, registered or shipping in the
 *   provider's region, in its category (§3.2, §3.4): new bindings minus those that ended or stopped
 *   counting. It may be negative (§3.4 "在上一个周期基础上增加的店铺数" is an increase of the total). The
 *   period's 新增 is the sum of its months; the cumulative total the sum since the trial (assess-periodic.ts).
 * - newlyBoundGmvYuan: GMV in this month (元, 2 decimals) of the merchants newly bound in the current period.
 * - orders: valid orders (有效订单量) in this month of all merchants bound to the provider (§3.4).
 * - staffPassedExam: how many of the provider's staff have passed the platform's rules exam, as it stands at
 *   the end of this month (a standing count, not the passes of this month). The assessment reads it from the
 *   last month assessed, so it must be entered for at least that month.
 */
const signedCount = (max: number) => z.number(msg('error.number')).int(msg('error.integer')).min(-max, msg('error.tooLarge')).max(max, msg('error.tooLarge')).nullable().default(null);

export const periodicFiguresSchema = z.object({
  month: yearMonthSchema,
  newlyBound: signedCount(MAX_COUNT),
  newlyBoundGmvYuan: amount(2, MAX_YUAN).nullable().default(null),
  orders: count(MAX_COUNT),
  staffPassedExam: count(MAX_COUNT),
});
export type PeriodicFigures = z.output<typeof periodicFiguresSchema>;

/**
 * Seed 002 figures of one month, as read on its last day (the check date, "自然月的最后一天触发汰换"):
 * - merchantLevel: the shop's level number (L3 → 3);
 * - pickupRatePercent: 近30天发揽率 in %, 2 decimals;
 * - responseRatePercent: 近30天客服响应率 in %, 2 decimals.
 */
export const monthlyWarningFiguresSchema = z.object({
  month: yearMonthSchema,
  merchantLevel: count(MAX_MERCHANT_LEVEL),
  pickupRatePercent: percent,
  responseRatePercent: percent,
});
export type MonthlyWarningFigures = z.output<typeof monthlyWarningFiguresSchema>;

/** The figure columns of each rule set kind, in display order (for the entry grid and the import). */
export const FIGURE_FIELDS = Object.freeze({
  periodic: Object.freeze(['newlyBound', 'newlyBoundGmvYuan', 'orders', 'staffPassedExam'] as const),
  monthlyWarning: Object.freeze(['merchantLevel', 'pickupRatePercent', 'responseRatePercent'] as const),
});
export type PeriodicFigureField = (typeof FIGURE_FIELDS.periodic)[number];
export type MonthlyWarningFigureField = (typeof FIGURE_FIELDS.monthlyWarning)[number];

/** An empty record for a month (every figure missing). */
export function emptyPeriodicFigures(month: YearMonth): PeriodicFigures {
  return { month, newlyBound: null, newlyBoundGmvYuan: null, orders: null, staffPassedExam: null };
}

export function emptyMonthlyWarningFigures(month: YearMonth): MonthlyWarningFigures {
  return { month, merchantLevel: null, pickupRatePercent: null, responseRatePercent: null };
}

/**
 * The record of `month` among `records`, or an empty one; more than one record for a month is an error.
 * A field a partial record leaves undefined reads as null (missing) — never as NaN, never as a pass.
 */
export function figuresOf<T extends { month: YearMonth }>(records: readonly T[], month: YearMonth, empty: (m: YearMonth) => T): T {
  const found = records.filter((r) => r.month === month);
  if (found.length > 1) throw new RangeError(`more than one figures record for ${month}`);
  const base = empty(month);
  const record = found[0] as Record<string, unknown> | undefined;
  return record ? (Object.fromEntries(Object.entries(base).map(([k, v]) => [k, record[k] ?? v])) as T) : base;
}
