// Builders shared by the lifecycle tests.
import { emptyMonthlyWarningFigures, emptyPeriodicFigures, type MonthlyWarningFigures, type PeriodicFigures, type YearMonth } from '../../../shared/lifecycle';

/** A seed 001 month with figures that pass comfortably unless overridden. */
export const pm = (month: YearMonth, over: Partial<Omit<PeriodicFigures, 'month'>> = {}): PeriodicFigures => ({
  ...emptyPeriodicFigures(month),
  newlyBound: 4,
  newlyBoundGmvYuan: 20_000,
  orders: 10_000,
  staffPassedExam: 2,
  ...over,
});

/** A seed 002 month at the thresholds (L3, 90%, 85%) unless overridden. */
export const mm = (month: YearMonth, over: Partial<Omit<MonthlyWarningFigures, 'month'>> = {}): MonthlyWarningFigures => ({
  ...emptyMonthlyWarningFigures(month),
  merchantLevel: 3,
  pickupRatePercent: 90,
  responseRatePercent: 85,
  ...over,
});

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
