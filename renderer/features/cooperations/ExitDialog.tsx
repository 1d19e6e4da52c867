// 主动退出: allowed once the program's exit conditions are verified — the chair ticks them (seed 003 第一条
// （二）1's two, or for 安心鉴 those of 《淘宝网“安心鉴”服务规范》, seed 000 三、2) — and it starts the
// program's waiting period, shown live (shared exitDecision). The day the 《解除合作申请》 was received is
// recorded (required for 安心鉴: the institution asks, the platform confirms). A second step (ConfirmIrreversible) says what follows and asks first.
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { isoDate, requiredMultilineText } from '../../../shared/common/validation';
import type { Cooperation } from '../../../shared/cooperations/views';
import { exitConditionsFor, exitDecision, type ExitCondition } from '../../../shared/lifecycle/exit';
import type { KpiRuleSet } from '../../../shared/lifecycle/kpi-rules';
import { Modal } from '../../components/Modal';
import { ConfirmIrreversible } from '../../components/ConfirmIrreversible';
import { toast } from '../../app/toasts';
import { useLocale, useT } from '../../i18n/i18n';
import { formatDay } from '../../lib/format';
import { errorAt, Field, today } from '../rounds/common/form-utils';
import { sendEvent } from './apply-event';
import { readmissionText } from './labels';
import { DateInput } from '../../components/DateInput';

const schemaFor = (conditions: readonly ExitCondition[], requestRequired: boolean) =>
  z
    .object({ effectiveOn: isoDate, reason: requiredMultilineText(500), merchantFeesSettled: z.boolean(), tradeObligationsFulfilled: z.boolean(), serviceRulesConditionsMet: z.boolean(), requestReceivedOn: z.string() })
    .superRefine((v, ctx) => {
      for (const c of conditions) if (!v[c]) ctx.addIssue({ code: 'custom', path: [c], message: 'cooperation.exit.conditionRequired' });
      if (!v.requestReceivedOn) {
        if (requestRequired) ctx.addIssue({ code: 'custom', path: ['requestReceivedOn'], message: 'error.required' });
      } else if (!isoDate.safeParse(v.requestReceivedOn).success) ctx.addIssue({ code: 'custom', path: ['requestReceivedOn'], message: 'error.date' });
      else if (v.requestReceivedOn > v.effectiveOn) ctx.addIssue({ code: 'custom', path: ['requestReceivedOn'], message: 'cooperation.exit.requestAfterEffective' });
    });
type Values = z.input<ReturnType<typeof schemaFor>>;
type Data = z.output<ReturnType<typeof schemaFor>>;

const CONDITION_LABEL = {
  merchantFeesSettled: 'cooperation.exit.feesSettled',
  tradeObligationsFulfilled: 'cooperation.exit.obligationsFulfilled',
  serviceRulesConditionsMet: 'cooperation.exit.serviceRulesConditionsMet',
} as const satisfies Record<ExitCondition, string>;

export function ExitDialog({ cooperation, rules, onClose, onDone }: { cooperation: Cooperation; rules: KpiRuleSet | null; onClose: () => void; onDone: (c: Cooperation) => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [confirming, setConfirming] = useState<Data | null>(null);
  const conditions = exitConditionsFor(rules);
  const requestRequired = rules?.kind === 'noAssessment';
  const { register, handleSubmit, formState, setError, control } = useForm<Values, unknown, Data>({
    resolver: zodResolver(schemaFor(conditions, requestRequired)),
    defaultValues: { effectiveOn: today(), reason: t('cooperation.exit.defaultReason'), merchantFeesSettled: false, tradeObligationsFulfilled: false, serviceRulesConditionsMet: false, requestReceivedOn: '' },
  });
  const v = useWatch({ control });
  const validDate = isoDate.safeParse(v.effectiveOn).success;
  const decision = validDate
    ? exitDecision(cooperation.status, { merchantFeesSettled: v.merchantFeesSettled ?? null, tradeObligationsFulfilled: v.tradeObligationsFulfilled ?? null, serviceRulesConditionsMet: v.serviceRulesConditionsMet ?? null }, v.effectiveOn!, rules)
    : null;
  const cooldown = decision ? readmissionText(decision.readmission, locale) : '—';
  const e = (path: string) => errorAt(formState.errors, path);

  async function exit(data: Data) {
    const updated = await sendEvent(
      {
        cooperationId: cooperation.id,
        event: 'exit',
        effectiveOn: data.effectiveOn,
        reason: data.reason,
        exitChecklist: requestRequired ? { serviceRulesMet: data.serviceRulesConditionsMet } : { feesSettled: data.merchantFeesSettled, obligationsFulfilled: data.tradeObligationsFulfilled },
        ...(data.requestReceivedOn ? { requestReceivedOn: data.requestReceivedOn } : {}),
      },
      setError,
      ['effectiveOn', 'reason', 'requestReceivedOn'],
    );
    setConfirming(null);
    if (!updated) return;
    toast('success', t('cooperation.exit.done', { name: cooperation.legalName }));
    onDone(updated);
  }

  return (
    <Modal title={t('cooperation.exit.title')} onCancel={onClose}>
      <form className="dialog-medium" onSubmit={handleSubmit((data) => setConfirming(data))} noValidate>
        <p className="hint">{t('cooperation.exit.intro', { name: cooperation.legalName })}</p>
        <fieldset className="plain coop-conditions">
          <legend>{t('cooperation.exit.conditions')}</legend>
          {conditions.map((c) => (
            <div key={c}>
              <label className="check"><input type="checkbox" {...register(c)} aria-invalid={e(c) ? true : undefined} /> {t(CONDITION_LABEL[c], { rules: rules?.ruleBasis ?? '' })}</label>
              {e(c) && <span className="field-error" role="alert">{e(c)}</span>}
            </div>
          ))}
        </fieldset>
        <div className="grid two">
          <Field label={t('cooperation.exit.requestReceivedOn')} error={e('requestReceivedOn')} hint={t(requestRequired ? 'cooperation.exit.requestReceivedHint' : 'cooperation.exit.requestReceivedOptional')}>
            <DateInput {...register('requestReceivedOn')} aria-invalid={e('requestReceivedOn') ? true : undefined} />
          </Field>
          <Field label={t('cooperation.exit.confirmedOn')} error={e('effectiveOn')}>
            <DateInput {...register('effectiveOn')} aria-invalid={e('effectiveOn') ? true : undefined} />
          </Field>
          <Field label={t('cooperation.reason')} error={e('reason')} wide>
            <textarea rows={2} maxLength={500} {...register('reason')} aria-invalid={e('reason') ? true : undefined} />
          </Field>
        </div>
        <p className="coop-readmission" aria-live="polite">
          <span>{t('cooperation.readmission')}</span><strong>{cooldown}</strong>
        </p>
        {decision && decision.unmet.length > 0 && <p className="hint">{t('cooperation.exit.unmetHint')}</p>}
        {formState.errors.root?.message && <p className="banner error" role="alert">{formState.errors.root.message}</p>}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="danger">{t('cooperation.exit.next')}</button>
        </div>
      </form>
      {confirming && (
        <ConfirmIrreversible
          title={t('cooperation.exit.title')}
          consequences={[
            t('cooperation.exit.confirmBody', { name: cooperation.legalName, region: cooperation.regionName, date: formatDay(confirming.effectiveOn, locale) }),
            ...(confirming.requestReceivedOn ? [`${t('cooperation.exit.requestReceivedOn')}：${formatDay(confirming.requestReceivedOn, locale)}`] : []),
            `${t('cooperation.reason')}：${confirming.reason}`,
            `${t('cooperation.readmission')}：${cooldown}`,
            ...(rules?.partnerToNotify ? [t('cooperation.partnerNotifiedText', { partner: rules.partnerToNotify })] : []),
            t('cooperation.exit.irreversible'),
          ]}
          confirmLabel={t('cooperation.exit.confirm')}
          onConfirm={() => exit(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </Modal>
  );
}
