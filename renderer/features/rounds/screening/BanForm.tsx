// 登记再准入限制: a provider that was terminated or left may apply again only from a date that depends on why
// (DOMAIN §5). The date is proposed by shared/eligibility/readmission.ts from the effective date and stays
// editable; 违法或重大问题 means never, 违反《机构管理规范》 leaves the date to the chair. A ban belongs to one
// program (the round's by default) and starts on the effective date: rounds judged before it are not affected.
import { useEffect, useState } from 'react';
import { useForm, useWatch, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { api } from '../../../api/client';
import { isoDate, optionalMultilineText, optionalText } from '../../../../shared/common/validation';
import { BAN_REASONS, readmissionAfter, type BanReason } from '../../../../shared/eligibility/readmission';
import { readmissionBanInputSchema } from '../../../../shared/rounds/schema';
import type { Program } from '../../../../shared/rounds/views';
import { toast } from '../../../app/toasts';
import { useLocale, useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { errorAt, Field, issueError, today } from '../common/form-utils';
import { banReasonLabel } from './rule-reason';
import { DateInput } from '../../../components/DateInput';

const schema = z
  .object({
    creditCode: readmissionBanInputSchema.shape.creditCode,
    programId: readmissionBanInputSchema.shape.programId,
    reason: z.enum(BAN_REASONS),
    startsOn: isoDate,
    until: z.string(),
    regions: optionalText(500),
    note: optionalMultilineText(1000),
  })
  .superRefine((v, ctx) => {
    if (v.reason === 'illegal') return; // never: no date
    const checked = isoDate.safeParse(v.until);
    if (!checked.success) ctx.addIssue({ code: 'custom', path: ['until'], message: checked.error.issues[0]!.message });
    else if (v.until <= v.startsOn) ctx.addIssue({ code: 'custom', path: ['until'], message: 'error.banUntilBeforeStart' });
  });
type Values = z.input<typeof schema>;
type Data = z.output<typeof schema>;

function proposedUntil(reason: BanReason, effectiveDate: string): string | null {
  const r = readmissionAfter(reason, effectiveDate);
  // 不再符合准入要求: no waiting period, screening re-checks the requirements — may apply from the effective date.
  return r.kind === 'date' ? r.until : r.kind === 'whenRequirementsMet' ? effectiveDate : null;
}

/** 诸暨珍珠产业带、杭州珠宝产业带 (or commas) → the list of region names. */
const regionNames = (text: string): string[] => [...new Set(text.split(/[、,，;；\n]/).map((r) => r.trim()).filter((r) => r !== ''))];

interface Props {
  /** The round whose applicants the number field suggests (asked per typed text: applications.choices). */
  roundId: string;
  programs: readonly Program[];
  /** The round's program: the default choice. */
  programId: string;
  regionSuggestions: readonly string[];
  onAdded: () => Promise<void>;
}

export function BanForm({ roundId, programs, programId, regionSuggestions, onAdded }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { register, handleSubmit, formState, setError, setValue, control, reset } = useForm<Values, unknown, Data>({
    resolver: zodResolver(schema),
    defaultValues: { creditCode: '', programId, reason: 'failedAssessment', startsOn: today(), until: proposedUntil('failedAssessment', today()) ?? '', regions: '', note: '' },
  });
  const [reason, effectiveDate, typedCode] = useWatch({ control, name: ['reason', 'startsOn', 'creditCode'] });
  // Suggestions for the number: the round's applicants matching what is typed (at most the picker's limit),
  // asked from the backend rather than listing a 20,000-applicant round. A person's number comes masked and
  // is not suggested (it is typed in full).
  const [suggestions, setSuggestions] = useState<{ code: string; name: string }[]>([]);
  useEffect(() => {
    let live = true;
    void api['applications.choices']({ roundId, filter: (typedCode ?? '').slice(0, 100), chosenId: '' }).then((r) => {
      if (live && r.ok) setSuggestions(r.value.options.filter((o) => !o.creditCode.includes('*')).map((o) => ({ code: o.creditCode, name: o.legalName })));
    });
    return () => void (live = false);
  }, [roundId, typedCode]);

  useEffect(() => {
    if (!isoDate.safeParse(effectiveDate).success) return;
    const until = proposedUntil(reason, effectiveDate);
    if (until !== null || reason === 'illegal') setValue('until', until ?? '');
    else setValue('until', ''); // the chair sets it
  }, [reason, effectiveDate]);

  const submit = handleSubmit(async (v) => {
    const result = await api['bans.add']({ creditCode: v.creditCode, programId: v.programId, startsOn: v.startsOn, reason: v.reason, until: v.reason === 'illegal' ? null : v.until, note: v.note, regionNames: regionNames(v.regions) });
    if (!result.ok) {
      for (const issue of result.error.issues ?? []) setError((issue.path.startsWith('regionNames') ? 'regions' : issue.path) as Path<Values>, issueError(issue));
      if (!result.error.issues?.length) setError('root', { message: errorText(result.error) });
      return;
    }
    toast('success', t('screening.bans.added', { code: result.value.creditCode }));
    reset({ creditCode: '', programId, reason: 'failedAssessment', startsOn: today(), until: proposedUntil('failedAssessment', today()) ?? '', regions: '', note: '' });
    await onAdded();
  });

  const e = (path: string) => errorAt(formState.errors, path);
  const invalid = (path: string) => (e(path) ? true : undefined);
  return (
    <form className="ban-form" onSubmit={submit} noValidate>
      <h3>{t('screening.bans.addTitle')}</h3>
      <div className="grid">
        <Field label={t('screening.bans.creditCode')} error={e('creditCode')}>
          <input className="mono" list="ban-credit-codes" maxLength={22} {...register('creditCode')} aria-invalid={invalid('creditCode')} />
        </Field>
        <Field label={t('screening.bans.program')} error={e('programId')}>
          <select {...register('programId')} aria-invalid={invalid('programId')}>
            {programs.map((p) => <option key={p.id} value={p.id}>{`${p.platform} · ${p.name}`}{p.id === programId ? t('screening.bans.thisProgram') : ''}</option>)}
          </select>
        </Field>
        <Field label={t('screening.bans.reason')} error={e('reason')}>
          <select {...register('reason')}>
            {BAN_REASONS.map((r) => <option key={r} value={r}>{banReasonLabel(r, locale)}</option>)}
          </select>
        </Field>
        <Field label={t('screening.bans.effectiveDate')} error={e('startsOn')} hint={t('screening.bans.effectiveDateHint')}>
          <DateInput {...register('startsOn')} aria-invalid={invalid('startsOn')} />
        </Field>
        {reason === 'illegal' ? (
          <div className="field"><span>{t('screening.bans.until')}</span><strong className="never">{t('screening.bans.never')}</strong></div>
        ) : (
          <Field label={t('screening.bans.until')} error={e('until')} hint={t(`screening.bans.untilHint.${reason}`)}>
            <DateInput {...register('until')} aria-invalid={invalid('until')} />
          </Field>
        )}
        <Field label={t('screening.bans.regions')} error={e('regions')} hint={t('screening.bans.regionsHint')} wide>
          <input list="ban-regions" maxLength={500} {...register('regions')} aria-invalid={invalid('regions')} />
        </Field>
        <Field label={t('screening.bans.note')} error={e('note')} wide>
          <input {...register('note')} maxLength={1000} />
        </Field>
      </div>
      <datalist id="ban-regions">{regionSuggestions.map((r) => <option key={r} value={r} />)}</datalist>
      <datalist id="ban-credit-codes">{suggestions.map((c) => <option key={c.code} value={c.code}>{c.name}</option>)}</datalist>
      {formState.errors.root?.message && <p className="field-error" role="alert">{formState.errors.root.message}</p>}
      <div className="modal-actions">
        <button type="submit" className="primary" disabled={formState.isSubmitting}>{t('screening.bans.add')}</button>
      </div>
    </form>
  );
}
