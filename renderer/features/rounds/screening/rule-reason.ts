// A rule's verdict in words, with the values that decided it: "注册资本 30 万元，低于 50 万元",
// "经营主体在绍兴市，服务城市为杭州", "再准入限制至 2027年3月1日（不符合考核要求）", "体验分：未提供".
import type { RuleResult } from '../../../../shared/eligibility/evaluate';
import type { EntityKind } from '../../../../shared/dossiers/credit-code';
import type { Rule } from '../../../../shared/eligibility/rules';
import type { BanReason } from '../../../../shared/eligibility/readmission';
import { translate as tr, type Locale, type MessageKey, type Params } from '../../../i18n/i18n';
import { formatDateTime, formatDay } from '../../../lib/format';

const number = (n: number, locale: Locale) => new Intl.NumberFormat(locale === 'zh-CN' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 2 }).format(n);

export const banReasonLabel = (reason: string, locale: Locale): string =>
  (['agencyRules', 'requirementsNotMet', 'failedAssessment', 'illegal', 'voluntaryExit'] as const).includes(reason as BanReason) ? tr(`screening.banReason.${reason as BanReason}`, {}, locale) : reason;

/** 企业 / 个体工商户 / 民政部门登记的机构 …, read from the credit code's positions 1–2 (GB 32100). */
export function entityLabel(kind: EntityKind, authority: string, category: string, locale: Locale): string {
  if (kind !== 'other') return tr(`entityKind.${kind}`, {}, locale);
  if (authority === '9' && category === '3') return tr('entityKind.cooperative', {}, locale);
  const known = ['1', '5', '9'].includes(authority) ? tr(`creditCode.authority.${authority as '1' | '5' | '9'}`, {}, locale) : tr('creditCode.authority.other', { code: authority }, locale);
  return tr('entityKind.otherBy', { authority: known }, locale);
}

export function ruleReason(result: RuleResult, rules: readonly Rule[], locale: Locale): string {
  const t = (key: MessageKey, params?: Params) => tr(key, params, locale);
  const day = (d: string) => formatDay(d, locale);
  const pass = result.outcome === 'pass';
  switch (result.kind) {
    case 'entityType': {
      if (result.entity === null) return t('screening.reason.entityType.missing');
      const allowed = result.allowed.map((k) => t(`entityKind.${k}`)).join(locale === 'zh-CN' ? '或' : ' or ');
      // A person has no credit code to quote: the reason names the kind only.
      if (result.entity === 'person') return pass ? t('screening.reason.entityType.personPass') : t('screening.reason.entityType.personFail', { allowed });
      const params = {
        kind: entityLabel(result.entity, result.authority, result.category, locale),
        digits: result.authority + result.category,
        allowed,
      };
      return t(pass ? 'screening.reason.entityType.pass' : 'screening.reason.entityType.fail', params);
    }
    case 'realName':
      return t(pass ? 'screening.reason.realName.pass' : 'screening.reason.realName.fail');
    case 'generalTaxpayer':
      return pass ? t('taxpayer.general') : t('screening.reason.generalTaxpayer.fail', { actual: t(`taxpayer.${result.actual}`) });
    case 'minRegisteredCapital':
      return t(pass ? 'screening.reason.minRegisteredCapital.pass' : 'screening.reason.minRegisteredCapital.fail', { actual: number(result.actualWan, locale), min: number(result.minWan, locale) });
    case 'minYearsRegistered': {
      if (pass && result.byStatement && result.acceptance) {
        const a = result.acceptance;
        return t('screening.reason.minYearsRegistered.byStatement', { date: day(result.establishedOn), by: a.by, at: formatDateTime(a.at, locale), reason: a.reason });
      }
      if (pass) return t('screening.reason.minYearsRegistered.pass', { date: day(result.establishedOn) });
      const rule = rules.find((r) => r.kind === 'minYearsRegistered');
      const substitutes = rule?.kind === 'minYearsRegistered' && rule.statementSubstitutes;
      const key = !substitutes ? 'fail' : result.statement === 'awaiting' ? 'awaiting' : 'failNoStatement';
      return t(`screening.reason.minYearsRegistered.${key}`, { date: day(result.establishedOn), requiredBy: day(result.requiredBy) });
    }
    case 'minDeposit':
      return t(pass ? 'screening.reason.minDeposit.pass' : 'screening.reason.minDeposit.fail', { actual: number(result.actualYuan, locale), min: number(result.minYuan, locale) });
    case 'notShopAccount':
      if (result.outcome === 'missing') return t('screening.reason.notShopAccount.missing');
      return t(pass ? 'screening.reason.notShopAccount.pass' : 'screening.reason.notShopAccount.fail');
    case 'sameCity': {
      if (result.outcome === 'missing') return t('screening.reason.sameCity.missing');
      const join = (path: string[], fallback: string) => (path.length === 0 ? fallback : path.join(locale === 'zh-CN' ? '' : ' / '));
      const params = { entity: join(result.entityPath, result.entityCity), region: join(result.regionPath, result.regionCity) };
      if (result.method === 'name') return t(pass ? 'screening.reason.sameCity.passByName' : 'screening.reason.sameCity.failByName', params);
      return t(pass ? 'screening.reason.sameCity.pass' : 'screening.reason.sameCity.fail', params);
    }
    case 'allCapabilities':
      return pass ? t('screening.reason.allCapabilities.pass') : t('screening.reason.allCapabilities.fail', { missing: result.missing.map((c) => t(`capability.${c}`)).join(locale === 'zh-CN' ? '、' : ', ') });
    case 'noCooldown':
      if (pass) return t('screening.reason.noCooldown.pass');
      return result.until === null
        ? t('screening.reason.noCooldown.never', { reason: banReasonLabel(result.reason ?? '', locale) })
        : t('screening.reason.noCooldown.until', { date: day(result.until), reason: banReasonLabel(result.reason ?? '', locale) });
    case 'shopOperating':
      return t(`screening.reason.shopOperating.${result.outcome}`);
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
    case 'classBViolationPoints':
      return t(`screening.reason.classBViolationPoints.${result.outcome}`, { days: result.days, actual: number(result.actual ?? 0, locale), closesAt: number(result.closesAt, locale) });
    case 'maxViolations':
      return t(`screening.reason.maxViolations.${result.outcome}`, { actual: result.actual ?? 0, max: result.max });
  }
}
