// A rule set in one sentence, for the collapsed 考核规则 panel: the thresholds, then what follows an ending.
import type { BanRules, KpiRuleSet } from '../../../shared/lifecycle/kpi-rules';
import { translate, type Locale } from '../../i18n/i18n';
import { formatYuan } from '../../lib/format';

const num = (n: number, locale: Locale) => new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(n);
const join = (parts: string[], locale: Locale) => parts.filter(Boolean).join(locale === 'zh-CN' ? '' : ' ');

function thresholds(rules: KpiRuleSet, locale: Locale): string {
  if (rules.kind === 'noAssessment') return translate('cooperations.kpi.summaryNoAssessment', {}, locale);
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
    return join(
      [
        text,
        translate(rules.staffExamEveryPeriod ? 'cooperations.kpi.summaryExamEvery' : 'cooperations.kpi.summaryExamTrial', {}, locale),
        translate(rules.earlyConfirmation ? 'cooperations.kpi.summaryEarlyOn' : 'cooperations.kpi.summaryEarlyOff', {}, locale),
      ],
      locale,
    );
  }
  return translate(
    rules.secondFailure === 'any' ? 'cooperations.kpi.summaryMonthlyAny' : 'cooperations.kpi.summaryMonthly',
    { offset: rules.firstAssessedMonthOffset, level: rules.minMerchantLevel, pickup: num(rules.minPickupRatePercent, locale), response: num(rules.minResponseRatePercent, locale) },
    locale,
  );
}

/** "未通过试跑：不限制；常规考核期未通过：180 天后方可再申请；主动退出：不限制。" */
function endings(rules: KpiRuleSet, locale: Locale): string {
  const days = (d: number | null) => (d === null ? translate('cooperations.kpi.summaryBanNone', {}, locale) : translate('cooperations.kpi.summaryBanDays', { days: d }, locale));
  const keys: (keyof BanRules)[] = rules.kind === 'periodic' ? ['failedTrial', 'failedAssessment', 'voluntaryExit'] : rules.kind === 'monthlyWarning' ? ['failedAssessment', 'voluntaryExit'] : ['voluntaryExit'];
  const label = (k: keyof BanRules) => translate(k === 'failedAssessment' && rules.kind === 'periodic' ? 'cooperations.kpi.ban.failedPeriod' : `cooperations.kpi.ban.${k}`, {}, locale);
  const items = keys.map((k) => translate('cooperations.kpi.summaryBanItem', { ending: label(k), ban: days(rules.bans[k]) }, locale));
  const basis = rules.ruleBasis ? translate('cooperations.kpi.summaryRuleBasis', { basis: rules.ruleBasis }, locale) : '';
  const partner = rules.partnerToNotify ? translate('cooperations.kpi.summaryPartner', { partner: rules.partnerToNotify }, locale) : '';
  return join([translate('cooperations.kpi.summaryBans', { items: items.join(locale === 'zh-CN' ? '；' : '; ') }, locale), basis, partner], locale);
}

export function kpiSummary(rules: KpiRuleSet, locale: Locale): string {
  return join([thresholds(rules, locale), endings(rules, locale)], locale);
}
