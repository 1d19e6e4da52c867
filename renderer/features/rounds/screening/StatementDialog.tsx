// The committee's acceptance of a 主体优势说明 (《淘宝直播区域产业服务商准入标准》: "如注册时间未满1年，需补充主体优势
// 说明"), or its withdrawal. A statement stands in for the registration years only once accepted; the acceptance
// is recorded with the user's name, the time and the reason, and an edited statement must be accepted again.
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { api } from '../../../api/client';
import { requiredMultilineText } from '../../../../shared/common/validation';
import { Modal } from '../../../components/Modal';
import { toast } from '../../../app/toasts';
import { useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { errorAt, Field } from '../common/form-utils';

const schema = z.object({ reason: requiredMultilineText(500) });
type Values = z.input<typeof schema>;

export interface StatementAction {
  applicationId: string;
  /** true: accept it; false: withdraw the acceptance. */
  accept: boolean;
}

interface Props {
  action: StatementAction;
  applicant: string;
  statement: string;
  onDone: () => Promise<void>;
  onClose: () => void;
}

export function StatementDialog({ action, applicant, statement, onDone, onClose }: Props) {
  const t = useT();
  const { register, handleSubmit, formState, setError } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { reason: '' } });
  const submit = handleSubmit(async (v) => {
    const result = await api['applications.acceptStatement']({ id: action.applicationId, accepted: action.accept, reason: v.reason });
    if (!result.ok) return setError('root', { message: errorText(result.error) });
    toast('success', t(action.accept ? 'screening.statement.accepted' : 'screening.statement.withdrawn', { name: applicant }));
    await onDone();
    onClose();
  });
  const reasonError = errorAt(formState.errors, 'reason');
  return (
    <Modal title={t(action.accept ? 'screening.statement.acceptTitle' : 'screening.statement.withdrawTitle')} onCancel={onClose}>
      <form onSubmit={submit} noValidate className="dialog-medium">
        <p><strong>{applicant}</strong></p>
        <blockquote className="statement-text">{statement || t('screening.statement.empty')}</blockquote>
        <p className="hint">{t('screening.statement.body')}</p>
        <Field label={t('screening.reasonLabel')} error={reasonError} hint={t('screening.reasonHint')} wide>
          <textarea rows={3} {...register('reason')} aria-invalid={reasonError ? true : undefined} maxLength={500} />
        </Field>
        {formState.errors.root?.message && <p className="field-error" role="alert">{formState.errors.root.message}</p>}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className={action.accept ? 'primary' : 'danger'} disabled={formState.isSubmitting}>
            {t(action.accept ? 'screening.statement.accept' : 'screening.statement.withdraw')}
          </button>
        </div>
      </form>
    </Modal>
  );
}
