// 清退: the reason category of DOMAIN §5, the effective date and the reason in words. When the provider may
// apply again follows from the category and the program's rules (shared terminationUnder: a failed
// assessment waits as long as the program says — a failed trial of the 抖音 rule not at all) and is shown as
// the chair types; under 违反《机构管理规范》 the chair enters it. The rule the program's terminations cite
// (e.g. 《淘宝网“安心鉴”服务规范》) and who else is told are shown too. A second step (ConfirmIrreversible) says what follows and asks first.
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { isoDate, msg, requiredMultilineText } from '../../../shared/common/validation';
import type { Cooperation } from '../../../shared/cooperations/views';
import { TERMINATION_REASONS, terminationOf, terminationUnder, type Termination, type TerminationReason } from '../../../shared/lifecycle/termination';
import type { KpiRuleSet } from '../../../shared/lifecycle/kpi-rules';
import type { CooperationStatus } from '../../../shared/lifecycle/cooperation';
import { Modal } from '../../components/Modal';
import { ConfirmIrreversible } from '../../components/ConfirmIrreversible';
import { toast } from '../../app/toasts';
import { useLocale, useT } from '../../i18n/i18n';
import { formatDay } from '../../lib/format';
import { errorAt, Field, today } from '../rounds/common/form-utils';
import { sendEvent } from './apply-event';
import { BAN_REASON_LABEL, readmissionText } from './labels';
import { DateInput } from '../../components/DateInput';

const schema = z
  .object({ banReason: z.enum(TERMINATION_REASONS as [TerminationReason, ...TerminationReason[]], msg('error.chooseBanReason')), effectiveOn: isoDate, reason: requiredMultilineText(500), until: z.string(), never: z.boolean() })
  .superRefine((v, ctx) => {
    if (v.banReason !== 'agencyRules' || v.never) return;
    const checked = isoDate.safeParse(v.until);
    if (!checked.success) return ctx.addIssue({ code: 'custom', path: ['until'], message: v.until ? checked.error.issues[0]!.message : 'error.readmissionDateRequired' });
    if (v.until < v.effectiveOn) ctx.addIssue({ code: 'custom', path: ['until'], message: 'cooperation.terminate.untilBeforeEffective' });
  });
type Values = z.input<typeof schema>;
type Data = z.output<typeof schema>;

/** The termination as it will be recorded, for the live preview; null while the inputs are incomplete. */
function preview(v: Partial<Values>, rules: KpiRuleSet | null, status: CooperationStatus): Termination | null {
  if (!v.banReason || !isoDate.safeParse(v.effectiveOn).success) return null;
  const reason = v.banReason as TerminationReason;
  if (reason !== 'agencyRules') return rules ? terminationUnder(rules, status, reason, v.effectiveOn!) : terminationOf(reason, v.effectiveOn!);
  if (v.never) return { reason, effectiveDate: v.effectiveOn!, readmission: { kind: 'never' } };
  try {
    return terminationOf(reason, v.effectiveOn!, isoDate.safeParse(v.until).success ? v.until! : null);
  } catch {
    // A date before the effective date: the field says so; until it is fixed the chair still has to set one.
    return { reason, effectiveDate: v.effectiveOn!, readmission: { kind: 'chairSets' } };
  }
}

export function TerminateDialog({ cooperation, rules, onClose, onDone }: { cooperation: Cooperation; rules: KpiRuleSet | null; onClose: () => void; onDone: (c: Cooperation) => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [confirming, setConfirming] = useState<Data | null>(null);
  const { register, handleSubmit, formState, setError, control } = useForm<Values, unknown, Data>({
    resolver: zodResolver(schema),
    defaultValues: { banReason: '' as TerminationReason, effectiveOn: today(), reason: '', until: '', never: false },
  });
  const values = useWatch({ control });
  const termination = preview(values, rules, cooperation.status);
  const e = (path: string) => errorAt(formState.errors, path);

  async function terminate(v: Data) {
    const updated = await sendEvent(
      { cooperationId: cooperation.id, event: 'terminate', effectiveOn: v.effectiveOn, reason: v.reason, banReason: v.banReason, ...(v.banReason === 'agencyRules' ? { readmissionUntil: v.never ? null : v.until } : {}) },
      setError,
      ['effectiveOn', 'reason', 'banReason', 'readmissionUntil'],
    );
    setConfirming(null);
    if (!updated) return;
    toast('success', t('cooperation.terminate.done', { name: cooperation.legalName }));
    onDone(updated);
  }

  const readmission = termination ? readmissionText(termination.readmission, locale) : null;
  return (
    <Modal title={t('cooperation.terminate.title')} onCancel={onClose}>
      <form className="dialog-medium" onSubmit={handleSubmit((v) => setConfirming(v))} noValidate>
        <p className="hint">{t('cooperation.terminate.intro', { name: cooperation.legalName })}</p>
        {rules?.ruleBasis && <p className="hint">{t('cooperation.terminate.ruleBasisHint', { rules: rules.ruleBasis })}</p>}
        <div className="grid two">
          <Field label={t('cooperation.terminate.banReason')} error={e('banReason')}>
            <select {...register('banReason')} aria-invalid={e('banReason') ? true : undefined}>
              <option value="">{t('cooperation.terminate.chooseReason')}</option>
              {TERMINATION_REASONS.map((r) => <option key={r} value={r}>{t(BAN_REASON_LABEL[r])}</option>)}
            </select>
          </Field>
          <Field label={t('cooperation.effectiveOn')} error={e('effectiveOn')}>
            <DateInput {...register('effectiveOn')} aria-invalid={e('effectiveOn') ? true : undefined} />
          </Field>
          <Field label={t('cooperation.reason')} error={e('reason')} hint={t('cooperation.terminate.reasonHint')} wide>
            <textarea rows={3} maxLength={500} {...register('reason')} aria-invalid={e('reason') ? true : undefined} />
          </Field>
          {values.banReason === 'agencyRules' && (
            <>
              <Field label={t('cooperation.terminate.until')} error={e('until') ?? e('readmissionUntil')} hint={t('cooperation.terminate.untilHint')}>
                <DateInput disabled={values.never} {...register('until')} aria-invalid={e('until') ? true : undefined} />
              </Field>
              <label className="check coop-never"><input type="checkbox" {...register('never')} /> {t('cooperation.terminate.never')}</label>
            </>
          )}
        </div>
        <p className={termination?.readmission.kind === 'never' ? 'coop-readmission never' : 'coop-readmission'} aria-live="polite">
          <span>{t('cooperation.readmission')}</span>{readmission ? <strong>{readmission}</strong> : <span className="muted">{t('cooperation.terminate.previewIncomplete')}</span>}
        </p>
        {formState.errors.root?.message && <p className="banner error" role="alert">{formState.errors.root.message}</p>}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className="danger">{t('cooperation.terminate.next')}</button>
        </div>
      </form>
      {confirming && (
        <ConfirmIrreversible
          title={t('cooperation.terminate.title')}
          consequences={[
            t('cooperation.terminate.confirmBody', { name: cooperation.legalName, region: cooperation.regionName, date: formatDay(confirming.effectiveOn, locale) }),
            `${t('cooperation.terminate.banReason')}：${t(BAN_REASON_LABEL[confirming.banReason])}`,
            `${t('cooperation.reason')}：${confirming.reason}`,
            `${t('cooperation.readmission')}：${readmission ?? '—'}`,
            ...(rules?.ruleBasis ? [`${t('cooperation.ruleBasis')}：${rules.ruleBasis}`] : []),
            ...(rules?.partnerToNotify ? [t('cooperation.partnerNotifiedText', { partner: rules.partnerToNotify })] : []),
            t('cooperation.terminate.irreversible'),
          ]}
          confirmLabel={t('cooperation.terminate.confirm')}
          onConfirm={() => terminate(confirming)}
          onCancel={() => setConfirming(null)}
        />
      )}
    </Modal>
  );
}
