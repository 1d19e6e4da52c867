// A rule set's thresholds in one sentence, for the collapsed 考核规则 panel.
import type { KpiRuleSet } from '../../../shared/lifecycle/kpi-rules';
import { translate, type Locale } from '../../i18n/i18n';
import { formatYuan } from '../../lib/format';

const num = (n: number, locale: Locale) => new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(n);

export function kpiSummary(rules: KpiRuleSet, locale: Locale): string {
  if (rules.kind === 'periodic') {
    const text = translate(
      'cooperations.kpi.summaryPeriodic',
      {
        trial: rules.trialMonths,
        period: rules.periodMonths,
        bound: num(rules.minNewlyBound, locale),
        gmv: formatYuan(rules.minGmvYuan, locale),
        orders: num(rules.minFirstMonthOrders, locale),
        growth: num(rules.minMonthlyGrowthPercent, locale),
        staff: rules.minStaffPassedExam,
      },
      locale,
    );
    return `${text}${locale === 'zh-CN' ? '' : ' '}${translate(rules.earlyConfirmation ? 'cooperations.kpi.summaryEarlyOn' : 'cooperations.kpi.summaryEarlyOff', {}, locale)}`;
  }
  return translate(
    rules.secondFailure === 'any' ? 'cooperations.kpi.summaryMonthlyAny' : 'cooperations.kpi.summaryMonthly',
    { offset: rules.firstAssessedMonthOffset, level: rules.minMerchantLevel, pickup: num(rules.minPickupRatePercent, locale), response: num(rules.minResponseRatePercent, locale) },
    locale,
  );
}
