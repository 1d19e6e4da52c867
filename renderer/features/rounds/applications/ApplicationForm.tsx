// One application's details: regions in order of preference, the price quote (from the dossier unless the
// applicant quoted otherwise), an optional statement of strengths (主体优势说明) and, for programs with shop
// gates, the shop facts. Validated by the shared application schema.
import { useEffect, useRef } from 'react';
import { Controller, useForm, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { applicationInputSchema } from '../../../../shared/rounds/schema';
import type { ApiError } from '../../../../shared/api/result';
import type { Region } from '../../../../shared/rounds/views';
import { useLocale, useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { formatYuan } from '../../../lib/format';
import { errorAt, Field, issueError, onCtrlEnter, toNullableNumber } from '../common/form-utils';
import { RegionOrderPicker } from './RegionOrderPicker';
import { ShopFactsFields } from './ShopFactsFields';

const formSchema = applicationInputSchema.omit({ dossierId: true });
export type ApplicationFormValues = z.input<typeof formSchema>;
export type ApplicationFormData = z.output<typeof formSchema>;

interface Props {
  regions: readonly Region[];
  initial: ApplicationFormValues;
  /** The dossier's own quote, offered as the default (add only). */
  dossierQuote?: number | null;
  shopRules: boolean;
  /** Show the 主体优势说明 only where the program's rules can use it (or one was written already). */
  statementRule: boolean;
  isNew: boolean;
  onSubmit: (data: ApplicationFormData, again: boolean) => Promise<ApiError | null>;
  onCancel: () => void;
}

export function ApplicationForm({ regions, initial, dossierQuote, shopRules, statementRule, isNew, onSubmit, onCancel }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { register, control, handleSubmit, formState, setError } = useForm<ApplicationFormValues, unknown, ApplicationFormData>({ resolver: zodResolver(formSchema), defaultValues: initial });
  const again = useRef(false);
  const againRef = useRef<HTMLButtonElement>(null);
  const submit = handleSubmit(async (data) => {
    // A penalty date only means something when a penalty is declared.
    const shopFacts = data.shopFacts.hasPenaltyRecord === true ? data.shopFacts : { ...data.shopFacts, lastPenaltyOn: null };
    const error = await onSubmit({ ...data, shopFacts }, again.current);
    if (!error) return;
    for (const issue of error.issues ?? []) setError(issue.path.replace(/^data\./, '') as Path<ApplicationFormValues>, issueError(issue));
    if (!error.issues?.length) setError('root', { message: errorText(error) });
  });
  const e = (path: string) => errorAt(formState.errors, path);
  // The picker's search box is gone once a dossier is picked: continue with the regions, keyboard first.
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => formRef.current?.querySelector<HTMLElement>('.region-order .chip, .region-order li, input')?.focus(), []);

  return (
    <form ref={formRef} onSubmit={submit} noValidate className="application-form" onKeyDown={onCtrlEnter(() => againRef.current?.click())}>
      <div className="field">
        <span>{t('applications.form.regions')}</span>
        <Controller control={control} name="regionIds" render={({ field }) => <RegionOrderPicker regions={regions} value={field.value} onChange={field.onChange} invalid={Boolean(e('regionIds'))} />} />
        {e('regionIds') && <span className="field-error" role="alert">{e('regionIds')}</span>}
      </div>
      <div className="grid two">
        <Field label={t('applications.form.quote')} error={e('priceQuoteYuan')} hint={isNew && dossierQuote != null ? t('applications.form.quoteHint', { quote: formatYuan(dossierQuote, locale) }) : undefined}>
          <input inputMode="decimal" {...register('priceQuoteYuan', { setValueAs: toNullableNumber })} aria-invalid={e('priceQuoteYuan') ? true : undefined} placeholder={t('applications.form.noQuote')} />
        </Field>
      </div>
      {(statementRule || initial.strengthStatement) && (
        <Field label={t('applications.form.statement')} error={e('strengthStatement')} hint={t('applications.form.statementHint')} wide>
          <textarea rows={3} {...register('strengthStatement')} />
        </Field>
      )}
      {shopRules && <ShopFactsFields register={register} control={control} errors={formState.errors} />}
      {formState.errors.root?.message && <p className="field-error" role="alert">{formState.errors.root.message}</p>}
      <div className="modal-actions ordered-actions">
        <button type="submit" className="primary" onClick={() => (again.current = false)} disabled={formState.isSubmitting}>
          {formState.isSubmitting ? t('common.saving') : t('common.save')}
        </button>
        <button type="button" onClick={onCancel}>{t('common.cancel')}</button>
        {isNew && (
          <button type="submit" ref={againRef} onClick={() => (again.current = true)} disabled={formState.isSubmitting} title="Ctrl+Enter">{t('applications.form.saveAndNext')}</button>
        )}
      </div>
    </form>
  );
}
