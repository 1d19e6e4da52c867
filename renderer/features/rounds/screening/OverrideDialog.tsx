// The chair's override of a screening verdict for one application and region, or its removal; both need a
// reason, which is recorded with the chair's name and the time (shown in the table and the round's history).
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
import type { OverrideAction } from './ScreeningTab';

// The reason as the shared override schema has it (requiredMultilineText(500)); the verdict as radio values.
const schema = z.object({ eligible: z.enum(['true', 'false']), reason: requiredMultilineText(500) });
type Values = z.input<typeof schema>;

interface Props {
  action: OverrideAction;
  applicant: string;
  region: string;
  onDone: () => Promise<void>;
  onClose: () => void;
}

export function OverrideDialog({ action, applicant, region, onDone, onClose }: Props) {
  const t = useT();
  const { row, remove } = action;
  // Overriding proposes the opposite of what the rules say; changing an override starts from it.
  const proposed = row.override ? row.override.eligible : !row.rulesEligible;
  const { register, handleSubmit, formState, setError } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { eligible: proposed ? 'true' : 'false', reason: '' } });
  const submit = handleSubmit(async (v) => {
    const eligible = remove ? null : v.eligible === 'true';
    const result = await api['screening.override']({ applicationId: row.applicationId, regionId: row.regionId, eligible, reason: v.reason });
    if (!result.ok) return setError('root', { message: errorText(result.error) });
    toast('success', t(remove ? 'screening.overrideRemoved' : 'screening.overrideSaved', { name: applicant, region }));
    await onDone();
    onClose();
  });
  const reasonError = errorAt(formState.errors, 'reason');
  return (
    <Modal title={t(remove ? 'screening.removeOverrideTitle' : 'screening.overrideTitle')} onCancel={onClose}>
      <form onSubmit={submit} noValidate className="dialog-medium">
        <p>
          <strong>{applicant}</strong> · {region}
          <br />
          <span className="muted small">{t(row.rulesEligible ? 'screening.byRulesEligible' : 'screening.byRulesIneligible')}</span>
        </p>
        {remove ? (
          <p>{t('screening.removeOverrideBody', { verdict: t(row.rulesEligible ? 'screening.eligible' : 'screening.ineligible') })}</p>
        ) : (
          <div className="checks" role="radiogroup" aria-label={t('screening.col.verdict')}>
            <label className="check"><input type="radio" value="true" {...register('eligible')} /> {t('screening.setEligible')}</label>
            <label className="check"><input type="radio" value="false" {...register('eligible')} /> {t('screening.setIneligible')}</label>
          </div>
        )}
        <Field label={t('screening.reasonLabel')} error={reasonError} hint={t('screening.reasonHint')} wide>
          <textarea rows={3} {...register('reason')} aria-invalid={reasonError ? true : undefined} maxLength={500} />
        </Field>
        {formState.errors.root?.message && <p className="field-error" role="alert">{formState.errors.root.message}</p>}
        <div className="modal-actions">
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="submit" className={remove ? 'danger' : 'primary'} disabled={formState.isSubmitting}>{t(remove ? 'screening.removeOverride' : 'screening.saveOverride')}</button>
        </div>
      </form>
    </Modal>
  );
}
