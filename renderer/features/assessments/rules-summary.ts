// The program's rule set in one line, so whoever enters figures sees what they are measured against. The
// thresholds are the rule set's as stored; the verdicts are the backend's.
import type { KpiRuleSet } from '../../../shared/lifecycle/kpi-rules';
import { formatYuan } from '../../lib/format';
import type { Locale, MessageKey, Params } from '../../i18n/i18n';
import { formatCount, formatThresholdPercent } from './format';

type T = (key: MessageKey, params?: Params) => string;

export function rulesSummary(rules: KpiRuleSet, t: T, locale: Locale): string {
  if (rules.kind === 'noAssessment') return t('assessments.rules.noAssessment');
  if (rules.kind === 'monthlyWarning') {
    return t('assessments.rules.monthlyWarning', {
      level: rules.minMerchantLevel,
      pickup: formatThresholdPercent(rules.minPickupRatePercent, locale),
      response: formatThresholdPercent(rules.minResponseRatePercent, locale),
    });
  }
  return t('assessments.rules.periodic', {
    trial: rules.trialMonths,
    period: rules.periodMonths,
    bound: formatCount(rules.minNewlyBound, locale),
    gmv: formatYuan(rules.minGmvYuan, locale),
    orders: formatCount(rules.minFirstMonthOrders, locale),
    growth: formatThresholdPercent(rules.minMonthlyGrowthPercent, locale),
    staff: rules.minStaffPassedExam,
    examWhen: t(rules.staffExamEveryPeriod ? 'assessments.rules.examEveryPeriod' : 'assessments.rules.examTrialOnly'),
  });
}
