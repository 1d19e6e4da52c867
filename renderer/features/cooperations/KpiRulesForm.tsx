// The thresholds of a KPI rule set (考核规则), by kind: the 抖音 quarterly assessment after a trial, or the
// 淘特 monthly assessment with a warning; and for every kind what follows an ending — the waiting period
// before applying again (empty = none), the rule a termination cites and who else is told. Numbers are
// typed as the committee reads them (元, %, 家, 天).
import type { ReactNode } from 'react';
import { useWatch, type UseFormReturn } from 'react-hook-form';
import type { KpiRuleSet, KpiRuleSetKind } from '../../../shared/lifecycle/kpi-rules';
import { useT, type MessageKey } from '../../i18n/i18n';
import { errorAt, Field, toNullableNumber } from '../rounds/common/form-utils';
import type { KpiFormValues, PERIODIC_NUMBERS } from './kpi-form-model';

type Form = UseFormReturn<KpiFormValues, unknown, KpiRuleSet>;

const PERIODIC_LABEL: Record<(typeof PERIODIC_NUMBERS)[number], MessageKey> = {
  trialMonths: 'cooperations.kpi.trialMonths',
  periodMonths: 'cooperations.kpi.periodMonths',
  minNewlyBound: 'cooperations.kpi.minNewlyBound',
  minGmvYuan: 'cooperations.kpi.minGmvYuan',
  minFirstMonthOrders: 'cooperations.kpi.minFirstMonthOrders',
  minMonthlyGrowthPercent: 'cooperations.kpi.minMonthlyGrowthPercent',
  minStaffPassedExam: 'cooperations.kpi.minStaffPassedExam',
};

function NumberField({ form, name, label, unit, prefix, hint, decimal }: { form: Form; name: string; label: string; unit?: string; prefix?: string; hint?: ReactNode; decimal?: boolean }) {
  const error = errorAt(form.formState.errors, name);
  return (
    <Field label={label} error={error} hint={hint}>
      <span className="coop-unit-input">
        {prefix && <span className="coop-unit">{prefix}</span>}
        <input inputMode={decimal ? 'decimal' : 'numeric'} {...form.register(name, { setValueAs: toNullableNumber })} aria-invalid={error ? true : undefined} />
        {unit && <span className="coop-unit">{unit}</span>}
      </span>
    </Field>
  );
}

export function PeriodicFields({ form }: { form: Form }) {
  const t = useT();
  const n = (name: (typeof PERIODIC_NUMBERS)[number], unit: string, extra: { hint?: ReactNode; decimal?: boolean } = {}) => (
    <NumberField form={form} name={name} label={t(PERIODIC_LABEL[name])} unit={unit} {...extra} />
  );
  return (
    <>
      <div className="grid">
        {n('trialMonths', t('cooperations.unit.months'), { hint: t('cooperations.kpi.trialMonthsHint') })}
        {n('periodMonths', t('cooperations.unit.months'), { hint: t('cooperations.kpi.periodMonthsHint') })}
        {n('minStaffPassedExam', t('cooperations.unit.people'), { hint: t('cooperations.kpi.minStaffPassedExamHint') })}
      </div>
      <h4 className="coop-kpi-set">{t('cooperations.kpi.set1')}</h4>
      <div className="grid">
        {n('minNewlyBound', t('cooperations.unit.merchants'), { hint: t('cooperations.kpi.minNewlyBoundHint') })}
        {n('minGmvYuan', t('cooperations.unit.yuan'), { decimal: true, hint: t('cooperations.kpi.minGmvYuanHint') })}
      </div>
      <h4 className="coop-kpi-set">{t('cooperations.kpi.set2')}</h4>
      <div className="grid">
        {n('minFirstMonthOrders', t('cooperations.unit.orders'))}
        {n('minMonthlyGrowthPercent', '%', { decimal: true, hint: t('cooperations.kpi.minMonthlyGrowthPercentHint') })}
      </div>
      <label className="check coop-kpi-check">
        <input type="checkbox" {...form.register('earlyConfirmation')} /> {t('cooperations.kpi.earlyConfirmation')}
      </label>
      <label className="check coop-kpi-check">
        <input type="checkbox" {...form.register('staffExamEveryPeriod')} /> {t('cooperations.kpi.staffExamEveryPeriod')}
      </label>
    </>
  );
}

/** What follows an ending, for every regime: waiting periods (天; empty = none), the rule cited, who is told. */
export function EndingFields({ form, kind }: { form: Form; kind: KpiRuleSetKind }) {
  const t = useT();
  const text = (name: 'ruleBasis' | 'partnerToNotify', max: number, hint: string) => {
    const error = errorAt(form.formState.errors, name);
    return (
      <Field label={t(`cooperations.kpi.${name}`)} error={error} hint={hint} wide>
        <input maxLength={max} {...form.register(name)} aria-invalid={error ? true : undefined} />
      </Field>
    );
  };
  return (
    <>
      <h4 className="coop-kpi-set">{t('cooperations.kpi.endings')}</h4>
      <p className="hint">{t('cooperations.kpi.bansHint')}</p>
      <div className="grid">
        {kind === 'periodic' && <NumberField form={form} name="bans.failedTrial" label={t('cooperations.kpi.ban.failedTrial')} unit={t('cooperations.unit.days')} hint={t('cooperations.kpi.ban.empty')} />}
        {kind !== 'noAssessment' && <NumberField form={form} name="bans.failedAssessment" label={t(kind === 'periodic' ? 'cooperations.kpi.ban.failedPeriod' : 'cooperations.kpi.ban.failedAssessment')} unit={t('cooperations.unit.days')} hint={t('cooperations.kpi.ban.empty')} />}
        <NumberField form={form} name="bans.voluntaryExit" label={t('cooperations.kpi.ban.voluntaryExit')} unit={t('cooperations.unit.days')} hint={t('cooperations.kpi.ban.empty')} />
      </div>
      <div className="grid">
        {text('ruleBasis', 100, t('cooperations.kpi.ruleBasisHint'))}
        {text('partnerToNotify', 50, t('cooperations.kpi.partnerToNotifyHint'))}
      </div>
    </>
  );
}

export function MonthlyFields({ form }: { form: Form }) {
  const t = useT();
  const mode = useWatch({ control: form.control, name: 'secondFailure' });
  return (
    <>
      <div className="grid">
        <NumberField form={form} name="minMerchantLevel" label={t('cooperations.kpi.minMerchantLevel')} prefix="L" />
        <NumberField form={form} name="minPickupRatePercent" label={t('cooperations.kpi.minPickupRatePercent')} unit="%" decimal />
        <NumberField form={form} name="minResponseRatePercent" label={t('cooperations.kpi.minResponseRatePercent')} unit="%" decimal />
        <NumberField form={form} name="firstAssessedMonthOffset" label={t('cooperations.kpi.firstAssessedMonthOffset')} unit={t('cooperations.unit.months')} hint={t('cooperations.kpi.firstAssessedMonthOffsetHint')} />
      </div>
      <div className="choice-group coop-kpi-mode" role="radiogroup" aria-label={t('cooperations.kpi.secondFailure')}>
        <div className="choice-title">{t('cooperations.kpi.secondFailure')}</div>
        <label className="check"><input type="radio" value="whileInRectification" {...form.register('secondFailure')} /> {t('cooperations.kpi.secondFailure.whileInRectification')}</label>
        <label className="check"><input type="radio" value="any" {...form.register('secondFailure')} /> {t('cooperations.kpi.secondFailure.any')}</label>
        <span className="hint">{t(mode === 'any' ? 'cooperations.kpi.secondFailure.anyHint' : 'cooperations.kpi.secondFailure.whileInRectificationHint')}</span>
      </div>
    </>
  );
}
