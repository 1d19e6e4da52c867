// A member's name and role (组长 / 委员). One chair at most: the chair option is off while another member
// holds it (the backend refuses it too, with the chair's name).
import { useForm, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { memberInputSchema } from '../../../../shared/rounds/schema';
import type { ApiError } from '../../../../shared/api/result';
import { useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { errorAt, Field, issueError } from '../common/form-utils';

type Values = z.input<typeof memberInputSchema>;

interface Props {
  initial: Values;
  /** The name of another member who is chair, if any. */
  otherChair: string | null;
  submitLabel: string;
  inline?: boolean;
  onSubmit: (data: Values) => Promise<ApiError | null>;
  onCancel?: () => void;
}

export function MemberForm({ initial, otherChair, submitLabel, inline, onSubmit, onCancel }: Props) {
  const t = useT();
  const { register, handleSubmit, formState, setError, reset, setFocus } = useForm<Values>({ resolver: zodResolver(memberInputSchema), defaultValues: initial });
  const submit = handleSubmit(async (data) => {
    const error = await onSubmit(data);
    if (!error) {
      // Inline (adding): ready for the next name; after a chair the next one is a member.
      if (inline) {
        reset({ name: '', role: 'member' });
        setTimeout(() => setFocus('name'), 0); // once handleSubmit has finished with the form state
      }
      return;
    }
    for (const issue of error.issues ?? []) setError(issue.path.replace(/^data\./, '') as Path<Values>, issueError(issue));
    // A name issue shows at the name; anything else (e.g. 本批次已有组长：张三) below the form.
    if (!error.issues?.some((i) => i.path.endsWith('name'))) setError('root', { message: errorText(error) });
  });
  const nameError = errorAt(formState.errors, 'name');
  return (
    <form onSubmit={submit} noValidate className={inline ? 'member-form inline' : 'member-form'}>
      <Field label={t('committee.name')} error={nameError}>
        <input {...register('name')} aria-invalid={nameError ? true : undefined} maxLength={40} placeholder={inline ? t('committee.namePlaceholder') : undefined} />
      </Field>
      <Field label={t('committee.role')}>
        <select {...register('role')}>
          <option value="member">{t('committee.role.member')}</option>
          <option value="chair" disabled={otherChair !== null}>{otherChair ? t('committee.role.chairTaken', { name: otherChair }) : t('committee.role.chair')}</option>
        </select>
      </Field>
      <div className={inline ? 'member-form-actions' : 'modal-actions'}>
        {onCancel && <button type="button" onClick={onCancel}>{t('common.cancel')}</button>}
        <button type="submit" className="primary" disabled={formState.isSubmitting}>{submitLabel}</button>
      </div>
      {formState.errors.root?.message && <p className="field-error wide-error" role="alert">{formState.errors.root.message}</p>}
    </form>
  );
}
