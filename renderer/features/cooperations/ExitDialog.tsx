// 主动退出 (seed 003 第一条（二）1): allowed once both conditions are verified — the chair ticks them — and it
// starts the 180-day cooldown, shown live (shared exitDecision). A second step asks before it is recorded.
import { useState } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { isoDate, requiredText } from '../../../shared/common/validation';
import type { Cooperation } from '../../../shared/cooperations/views';
import { exitDecision, type ExitCondition } from '../../../shared/lifecycle/exit';
import { Modal } from '../../components/Modal';
import { toast } from '../../app/toasts';
import { useLocale, useT } from '../../i18n/i18n';
import { formatDay } from '../../lib/format';
import { errorAt, Field, today } from '../rounds/common/form-utils';
import { sendEvent } from './apply-event';
import { readmissionText } from './labels';

const mustHold = z.boolean().refine((v) => v, { message: 'cooperation.exit.conditionRequired' });
const schema = z.object({ effectiveOn: isoDate, reason: requiredText(500), merchantFeesSettled: mustHold, tradeObligationsFulfilled: mustHold });
type Values = z.input<typeof schema>;
type Data = z.output<typeof schema>;

const CONDITION_LABEL = { merchantFeesSettled: 'cooperation.exit.feesSettled', tradeObligationsFulfilled: 'cooperation.exit.obligationsFulfilled' } as const satisfies Record<ExitCondition, string>;

export function ExitDialog({ cooperation, onClose, onDone }: { cooperation: Cooperation; onClose: () => void; onDone: (c: Cooperation) => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [confirming, setConfirming] = useState<Data | null>(null);
  const { register, handleSubmit, formState, setError, control } = useForm<Values, unknown, Data>({
    resolver: zodResolver(schema),
    defaultValues: { effectiveOn: today(), reason: t('cooperation.exit.defaultReason'), merchantFeesSettled: false, tradeObligationsFulfilled: false },
  });
  const v = useWatch({ control });
  const validDate = isoDate.safeParse(v.effectiveOn).success;
  const decision = validDate ? exitDecision(cooperation.status, { merchantFeesSettled: v.merchantFeesSettled ?? null, tradeObligationsFulfilled: v.tradeObligationsFulfilled ?? null }, v.effectiveOn!) : null;
  const cooldown = decision ? readmissionText(decision.readmission, locale) : '—';
  const e = (path: string) => errorAt(formState.errors, path);

  async function exit(data: Data) {
    const updated = await sendEvent(
      { cooperationId: cooperation.id, event: 'exit', effectiveOn: data.effectiveOn, reason: data.reason, exitChecklist: { feesSettled: data.merchantFeesSettled, obligationsFulfilled: data.tradeObligationsFulfilled } },
      setError,
      ['effectiveOn', 'reason'],
    );
    setConfirming(null);
    if (!updated) return;
    toast('success', t('cooperation.exit.done', { name: cooperation.legalName }));
    onDone(updated);
  }

  return (
    <Modal title={t('cooperation.exit.title')} onCancel={onClose}>
      {confirming ? (
        <div className="dialog-medium coop-confirm">
          <p>{t('cooperation.exit.confirmBody', { name: cooperation.legalName, region: cooperation.regionName, date: formatDay(confirming.effectiveOn, locale) })}</p>
          <dl className="coop-facts">
            <dt>{t('cooperation.reason')}</dt><dd>{confirming.reason}</dd>
            <dt>{t('cooperation.readmission')}</dt><dd><strong>{cooldown}</strong></dd>
          </dl>
          <p className="coop-warning">{t('cooperation.exit.irreversible')}</p>
          <div className="modal-actions">
            <button type="button" autoFocus onClick={() => setConfirming(null)}>{t('cooperation.backToEdit')}</button>
            <button type="button" className="danger" onClick={() => void exit(confirming)}>{t('cooperation.exit.confirm')}</button>
          </div>
        </div>
      ) : (
        <form className="dialog-medium" onSubmit={handleSubmit((data) => setConfirming(data))} noValidate>
          <p className="hint">{t('cooperation.exit.intro', { name: cooperation.legalName })}</p>
          <fieldset className="plain coop-conditions">
            <legend>{t('cooperation.exit.conditions')}</legend>
            {(['merchantFeesSettled', 'tradeObligationsFulfilled'] as const).map((c) => (
              <div key={c}>
                <label className="check"><input type="checkbox" {...register(c)} aria-invalid={e(c) ? true : undefined} /> {t(CONDITION_LABEL[c])}</label>
                {e(c) && <span className="field-error" role="alert">{e(c)}</span>}
              </div>
            ))}
          </fieldset>
          <div className="grid two">
            <Field label={t('cooperation.effectiveOn')} error={e('effectiveOn')}>
              <input type="date" {...register('effectiveOn')} aria-invalid={e('effectiveOn') ? true : undefined} />
            </Field>
            <Field label={t('cooperation.reason')} error={e('reason')} wide>
              <textarea rows={2} maxLength={500} {...register('reason')} aria-invalid={e('reason') ? true : undefined} />
            </Field>
          </div>
          <p className="coop-readmission" aria-live="polite">
            <span>{t('cooperation.exit.cooldown')}</span><strong>{cooldown}</strong>
          </p>
          {decision && decision.unmet.length > 0 && <p className="hint">{t('cooperation.exit.unmetHint')}</p>}
          {formState.errors.root?.message && <p className="banner error" role="alert">{formState.errors.root.message}</p>}
          <div className="modal-actions">
            <button type="button" onClick={onClose}>{t('common.cancel')}</button>
            <button type="submit" className="danger">{t('cooperation.exit.next')}</button>
          </div>
        </form>
      )}
    </Modal>
  );
}
