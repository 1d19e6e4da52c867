// Add or edit one region (产业带/区域): its name, the service city the same-city rule compares with, the
// quota (名额) and the waitlist length (候补人数). "保存并继续添加" keeps the dialog open for the next one.
import { useRef } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { regionInputSchema, type RegionInput } from '../../../../shared/rounds/schema';
import type { ApiError } from '../../../../shared/api/result';
import type { z } from 'zod';
import { Modal } from '../../../components/Modal';
import { useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { errorAt, Field, issueError, onCtrlEnter, toNumber } from '../common/form-utils';

type RegionData = z.output<typeof regionInputSchema>;
export const NEW_REGION: RegionInput = { name: '', city: '', quota: 1, waitlistLength: 1 };

interface Props {
  initial: RegionInput;
  isNew: boolean;
  /** Returns the backend's error, if any. */
  onSave: (data: RegionData) => Promise<ApiError | null>;
  onClose: () => void;
}

export function RegionDialog({ initial, isNew, onSave, onClose }: Props) {
  const t = useT();
  const { register, handleSubmit, formState, setError, reset, setFocus } = useForm<RegionInput, unknown, RegionData>({ resolver: zodResolver(regionInputSchema), defaultValues: initial });
  const again = useRef(false);
  const againRef = useRef<HTMLButtonElement>(null);
  const submit = handleSubmit(async (data) => {
    const error = await onSave(data);
    if (error) {
      for (const issue of error.issues ?? []) setError(issue.path.replace(/^data\./, '') as Path<RegionInput>, issueError(issue));
      if (!error.issues?.length) setError('root', { message: errorText(error) });
      return;
    }
    if (!again.current) return onClose();
    reset({ ...NEW_REGION, quota: data.quota, waitlistLength: data.waitlistLength });
    // After handleSubmit has finished updating the form state (it would otherwise keep the focus where it was).
    setTimeout(() => setFocus('name'), 0);
  });
  const e = (path: string) => errorAt(formState.errors, path);
  const invalid = (path: string) => (e(path) ? true : undefined);
  return (
    <Modal title={isNew ? t('setup.regions.addTitle') : t('setup.regions.editTitle')} onCancel={onClose}>
      <form onSubmit={submit} noValidate onKeyDown={onCtrlEnter(() => againRef.current?.click())}>
        <div className="grid two">
          <Field label={t('setup.regions.name')} error={e('name')} wide>
            <input {...register('name')} aria-invalid={invalid('name')} placeholder={t('setup.regions.namePlaceholder')} maxLength={40} />
          </Field>
          <Field label={t('setup.regions.city')} error={e('city')} hint={t('setup.regions.cityHint')} wide>
            <input {...register('city')} aria-invalid={invalid('city')} placeholder={t('setup.regions.cityPlaceholder')} maxLength={30} />
          </Field>
          <Field label={t('setup.regions.quota')} error={e('quota')}>
            <input inputMode="numeric" {...register('quota', { setValueAs: toNumber })} aria-invalid={invalid('quota')} />
          </Field>
          <Field label={t('setup.regions.waitlist')} error={e('waitlistLength')}>
            <input inputMode="numeric" {...register('waitlistLength', { setValueAs: toNumber })} aria-invalid={invalid('waitlistLength')} />
          </Field>
        </div>
        {formState.errors.root?.message && <p className="field-error" role="alert">{formState.errors.root.message}</p>}
        <div className="modal-actions ordered-actions">
          <button type="submit" className="primary" onClick={() => (again.current = false)} disabled={formState.isSubmitting}>{t('common.save')}</button>
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          {isNew && (
            <button type="submit" ref={againRef} onClick={() => (again.current = true)} disabled={formState.isSubmitting} title="Ctrl+Enter">{t('setup.regions.saveAndNext')}</button>
          )}
        </div>
      </form>
    </Modal>
  );
}
