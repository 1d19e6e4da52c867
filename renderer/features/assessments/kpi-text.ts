// One KPI verdict in words, with the figures that decided it: "新增绑定商家 12 家 ≥ 10 家", "近30天发揽率
// 89.99% < 90%", "2027年1月 订单环比增长 9.99% < 10%". The outcome and the figures are the backend's
// (AssessmentResult): the comparison sign follows the outcome it computed, never a comparison made here.
import type { KpiResult } from '../../../shared/lifecycle/results';
import { growthPercent } from '../../../shared/lifecycle/exact';
import { formatYuan } from '../../lib/format';
import type { Locale, MessageKey, Params } from '../../i18n/i18n';
import { formatCount, formatMonth, formatPercent, formatThresholdPercent } from './format';

type T = (key: MessageKey, params?: Params) => string;

export interface KpiLine {
  label: string;
  /** "12 家 ≥ 10 家"; for a missing figure "缺数据（要求 ≥ 10 家）". */
  comparison: string;
  /** Extra facts: cumulative count, the months missing, the order counts behind a growth rate. */
  note: string | null;
}

export function kpiLine(k: KpiResult, t: T, locale: Locale): KpiLine {
  const month = (m: string) => formatMonth(m, locale);
  const compare = (actual: string | null, min: string) =>
    k.outcome === 'missing' || actual === null ? t('run.kpi.missingRule', { min }) : `${actual} ${k.outcome === 'pass' ? '≥' : '<'} ${min}`;
  const missingMonths = (months: readonly string[]) => (months.length > 0 ? t('run.kpi.missingMonths', { months: months.map(month).join('、') }) : null);
  switch (k.kpi) {
    case 'newlyBound': {
      const unit = (n: number) => t('run.unit.merchants', { count: formatCount(n, locale) });
      // Seed 001 §3.4: the period's net new bindings on top of the total before it (10 → 20), computed by
      // the backend from every month since the trial began; unknown while an earlier month is missing.
      const cumulative =
        k.cumulative !== null && k.boundBefore !== null
          ? t('run.kpi.cumulative', { count: formatCount(k.cumulative, locale), before: formatCount(k.boundBefore, locale) })
          : k.actual !== null
            ? t('run.kpi.cumulativeUnknown')
            : null;
      const notes = [missingMonths(k.missingMonths), cumulative].filter((n): n is string => n !== null);
      return { label: t('run.kpi.newlyBound'), comparison: compare(k.actual === null ? null : unit(k.actual), unit(k.min)), note: notes.length > 0 ? notes.join(' · ') : null };
    }
    case 'gmv':
      return { label: t('run.kpi.gmv'), comparison: compare(k.actualYuan === null ? null : formatYuan(k.actualYuan, locale), formatYuan(k.minYuan, locale)), note: missingMonths(k.missingMonths) };
    case 'firstMonthOrders': {
      const unit = (n: number) => t('run.unit.orders', { count: formatCount(n, locale) });
      return { label: t('run.kpi.firstMonthOrders', { month: month(k.month) }), comparison: compare(k.actual === null ? null : unit(k.actual), unit(k.min)), note: null };
    }
    case 'orderGrowth': {
      const min = formatThresholdPercent(k.minPercent, locale);
      const known = k.orders !== null && k.previousOrders !== null;
      const note = known ? t('run.kpi.orderCounts', { orders: formatCount(k.orders!, locale), previous: formatCount(k.previousOrders!, locale) }) : null;
      if (known && k.growthPercent === null) return { label: t('run.kpi.orderGrowth', { month: month(k.month) }), comparison: t('run.kpi.unlimitedGrowth'), note };
      let shown = k.growthPercent === null ? null : formatPercent(k.growthPercent, locale);
      // Rounded for display, a growth just under the threshold (9.999%) would read "10.00% < 10%": show the
      // digits that make the backend's verdict visible instead.
      if (k.outcome === 'fail' && k.growthPercent !== null && k.growthPercent >= k.minPercent && known) shown = formatPercent(growthPercent(k.previousOrders!, k.orders!, 4) ?? 0, locale, 4);
      return { label: t('run.kpi.orderGrowth', { month: month(k.month) }), comparison: compare(shown, min), note };
    }
    case 'staffPassedExam': {
      const unit = (n: number) => t('run.unit.people', { count: formatCount(n, locale) });
      return { label: t('run.kpi.staffPassedExam', { month: month(k.month) }), comparison: compare(k.actual === null ? null : unit(k.actual), unit(k.min)), note: null };
    }
    case 'merchantLevel':
      return { label: t('run.kpi.merchantLevel'), comparison: compare(k.actual === null ? null : `L${k.actual}`, `L${k.min}`), note: null };
    case 'pickupRate':
      return { label: t('run.kpi.pickupRate'), comparison: compare(k.actualPercent === null ? null : formatPercent(k.actualPercent, locale), formatThresholdPercent(k.minPercent, locale)), note: null };
    case 'responseRate':
      return { label: t('run.kpi.responseRate'), comparison: compare(k.actualPercent === null ? null : formatPercent(k.actualPercent, locale), formatThresholdPercent(k.minPercent, locale)), note: null };
  }
}
