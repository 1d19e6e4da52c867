// The round's name and its reference date (基准日期): screening counts years registered, penalty periods and
// re-admission dates up to this day.
import type { UseFormReturn } from 'react-hook-form';
import { useT } from '../../../i18n/i18n';
import { errorAt, Field } from '../common/form-utils';
import type { SetupOutput, SetupValues } from './setup-model';
import { DateInput } from '../../../components/DateInput';

export function BasicSection({ form, readOnly }: { form: UseFormReturn<SetupValues, unknown, SetupOutput>; readOnly: boolean }) {
  const t = useT();
  const { register, formState } = form;
  const nameError = errorAt(formState.errors, 'name');
  const dateError = errorAt(formState.errors, 'referenceDate');
  return (
    <fieldset className="setup-section" disabled={readOnly}>
      <legend>{t('setup.basic.title')}</legend>
      <div className="grid setup-basic">
        <Field label={t('setup.basic.name')} error={nameError} wide>
          <input {...register('name')} aria-invalid={nameError ? true : undefined} maxLength={100} />
        </Field>
        <Field label={t('setup.basic.referenceDate')} error={dateError} hint={t('setup.basic.referenceDateHint')} wide>
          <DateInput {...register('referenceDate')} aria-invalid={dateError ? true : undefined} />
        </Field>
      </div>
    </fieldset>
  );
}
