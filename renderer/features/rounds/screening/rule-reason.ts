// A rule's verdict in words, with the values that decided it: "注册资本 30 万元，低于 50 万元",
// "经营主体在绍兴市，服务城市为杭州", "再准入限制至 2027年3月1日（不符合考核要求）", "体验分：未提供".
import type { RuleResult } from '../../../../shared/eligibility/evaluate';
import type { Rule } from '../../../../shared/eligibility/rules';
import type { BanReason } from '../../../../shared/eligibility/readmission';
import { translate as tr, type Locale, type MessageKey, type Params } from '../../../i18n/i18n';
import { formatDay } from '../../../lib/format';

const number = (n: number, locale: Locale) => new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(n);

export const banReasonLabel = (reason: string, locale: Locale): string =>
  (['agencyRules', 'requirementsNotMet', 'failedAssessment', 'illegal', 'voluntaryExit'] as const).includes(reason as BanReason) ? tr(`screening.banReason.${reason as BanReason}`, {}, locale) : reason;

export function ruleReason(result: RuleResult, rules: readonly Rule[], locale: Locale): string {
  const t = (key: MessageKey, params?: Params) => tr(key, params, locale);
  const day = (d: string) => formatDay(d, locale);
  const pass = result.outcome === 'pass';
  switch (result.kind) {
    case 'realNameVerified':
      return t(pass ? 'screening.reason.realNameVerified.pass' : 'screening.reason.realNameVerified.fail');
    case 'generalTaxpayer':
      return pass ? t('taxpayer.general') : t('screening.reason.generalTaxpayer.fail', { actual: t(`taxpayer.${result.actual}`) });
    case 'minRegisteredCapital':
      return t(pass ? 'screening.reason.minRegisteredCapital.pass' : 'screening.reason.minRegisteredCapital.fail', { actual: number(result.actualWan, locale), min: number(result.minWan, locale) });
    case 'minYearsRegistered': {
      if (pass) return t(result.byStatement ? 'screening.reason.minYearsRegistered.byStatement' : 'screening.reason.minYearsRegistered.pass', { date: day(result.establishedOn) });
      const rule = rules.find((r) => r.kind === 'minYearsRegistered');
      const substitutes = rule?.kind === 'minYearsRegistered' && rule.statementSubstitutes;
      return t(substitutes ? 'screening.reason.minYearsRegistered.failNoStatement' : 'screening.reason.minYearsRegistered.fail', { date: day(result.establishedOn), requiredBy: day(result.requiredBy) });
    }
    case 'minDeposit':
      return t(pass ? 'screening.reason.minDeposit.pass' : 'screening.reason.minDeposit.fail', { actual: number(result.actualYuan, locale), min: number(result.minYuan, locale) });
    case 'notShopAccount':
      return t(pass ? 'screening.reason.notShopAccount.pass' : 'screening.reason.notShopAccount.fail');
    case 'sameCity':
      return t(pass ? 'screening.reason.sameCity.pass' : 'screening.reason.sameCity.fail', { entity: result.entityCity || t('screening.reason.notProvided'), region: result.regionCity });
    case 'allCapabilities':
      return pass ? t('screening.reason.allCapabilities.pass') : t('screening.reason.allCapabilities.fail', { missing: result.missing.map((c) => t(`capability.${c}`)).join(locale === 'zh-CN' ? '、' : ', ') });
    case 'noCooldown':
      if (pass) return t('screening.reason.noCooldown.pass');
      return result.until === null
        ? t('screening.reason.noCooldown.never', { reason: banReasonLabel(result.reason ?? '', locale) })
        : t('screening.reason.noCooldown.until', { date: day(result.until), reason: banReasonLabel(result.reason ?? '', locale) });
    case 'minExperienceScore':
      if (result.actual === null) return t('screening.reason.minExperienceScore.missing');
      return t(pass ? 'screening.reason.minExperienceScore.pass' : 'screening.reason.minExperienceScore.fail', { actual: number(result.actual, locale), above: number(result.above, locale) });
    case 'noRecentPenalties':
      if (result.outcome === 'missing') return t('screening.reason.noRecentPenalties.missing');
      if (pass) return result.lastPenaltyOn === null ? t('screening.reason.noRecentPenalties.none') : t('screening.reason.noRecentPenalties.old', { date: day(result.lastPenaltyOn), since: day(result.since) });
      return t('screening.reason.noRecentPenalties.fail', { date: day(result.lastPenaltyOn ?? result.since), since: day(result.since) });
    case 'noSeriousViolations':
      return t(result.outcome === 'missing' ? 'screening.reason.noSeriousViolations.missing' : pass ? 'screening.reason.noSeriousViolations.pass' : 'screening.reason.noSeriousViolations.fail');
    case 'brandQualifications':
      return t(result.outcome === 'missing' ? 'screening.reason.brandQualifications.missing' : pass ? 'screening.reason.brandQualifications.pass' : 'screening.reason.brandQualifications.fail');
  }
}
