// 转正 / 整改 / 整改完成: a dated event with its reason. The effective date defaults to today; 转正 and 整改完成
// propose a reason the chair may keep, 整改 needs the chair's own words (they go into the 整改通知).
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { isoDate, requiredMultilineText } from '../../../shared/common/validation';
import type { Cooperation } from '../../../shared/cooperations/views';
import type { CooperationEvent } from '../../../shared/lifecycle/cooperation';
import { Modal } from '../../components/Modal';
import { toast } from '../../app/toasts';
import { useT } from '../../i18n/i18n';
import { errorAt, Field, onCtrlEnter, today } from '../rounds/common/form-utils';
import { sendEvent } from './apply-event';
import { STATUS_LABEL } from './labels';
import { DateInput } from '../../components/DateInput';

export type SimpleEvent = Extract<CooperationEvent, 'confirm' | 'rectify' | 'resolveRectification'>;

const schema = z.object({ effectiveOn: isoDate, reason: requiredMultilineText(500) });
type Values = z.input<typeof schema>;

export function EventDialog({ event, cooperation, onClose, onDone }: { event: SimpleEvent; cooperation: Cooperation; onClose: () => void; onDone: (c: Cooperation) => void }) {
  const t = useT();
  const defaultReason = event === 'confirm' ? t('cooperation.confirm.defaultReason') : event === 'resolveRectification' ? t('cooperation.resolve.defaultReason') : '';
  const { register, handleSubmit, formState, setError } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { effectiveOn: today(), reason: defaultReason } });
  const submit = handleSubmit(async (v) => {
    const updated = await sendEvent({ cooperationId: cooperation.id, event, effectiveOn: v.effectiveOn, reason: v.reason }, setError, ['effectiveOn', 'reason']);
    if (!updated) return;
    toast('success', t('cooperation.eventDone', { event: t(`cooperation.event.${event}`), status: t(STATUS_LABEL[updated.status]) }));
    onDone(updated);
  });
  const e = (path: string) => errorAt(formState.errors, path);
  return (
    <Modal title={t(`cooperation.${event}.title`)} onCancel={onClose}>
      <form className="dialog-medium" onSubmit={submit} onKeyDown={onCtrlEnter(() => void submit())} noValidate>
        <p className="hint">{t(`cooperation.${event}.intro`, { name: cooperation.legalName })}</p>
        <div className="grid two">
          <Field label={t('cooperation.effectiveOn')} error={e('effectiveOn')}>
            <DateInput {...register('effectiveOn')} aria-invalid={e('effectiveOn') ? true : undefined} />
          </Field>
          <Field label={t('cooperation.reason')} error={e('reason')} hint={event === 'rectify' ? t('cooperation.rectify.reasonHint') : undefined} wide>
            <textarea rows={3} maxLength={500} {...register('reason')} aria-invalid={e('reason') ? true : undefined} />
          </Field>
        </div>
        {formState.errors.root?.message && <p className="banner error" role="alert">{formState.errors.root.message}</p>}
        <div className="modal-actions ordered-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>{t(`cooperation.${event}.submit`)}</button>
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}
