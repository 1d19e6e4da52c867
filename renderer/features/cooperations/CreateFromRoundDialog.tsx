// 从已定稿批次建立合作: every admitted applicant of a finalized round of this program becomes a cooperation
// (试跑 under seed 001, 正式 under seed 002). Running it again adds only those still missing. The dates shown
// are a preview from shared/lifecycle/periods; the backend decides.
import { useEffect } from 'react';
import { useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { api } from '../../api/client';
import { isoDate, msg } from '../../../shared/common/validation';
import type { KpiRuleSet } from '../../../shared/lifecycle/kpi-rules';
import { firstAssessedMonth, trialPeriod } from '../../../shared/lifecycle/periods';
import type { Program, RoundSummary } from '../../../shared/rounds/views';
import { Modal } from '../../components/Modal';
import { navigate } from '../../app/router';
import { toast } from '../../app/toasts';
import { translate, useLocale, useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { formatDay } from '../../lib/format';
import { errorAt, Field, today } from '../rounds/common/form-utils';
import { useLoad } from '../rounds/common/use-load';
import { formatMonth } from './calendar-model';
import { DateInput } from '../../components/DateInput';

const schema = z.object({ roundId: z.string().min(1, msg('error.choose')), admittedOn: isoDate });
type Values = z.input<typeof schema>;

/** The finalized rounds of the program, newest first. The round list has no program id, so each is read. */
async function finalizedRounds(programId: string) {
  const list = await api['rounds.list']({});
  if (!list.ok) return list;
  const finalized = list.value.filter((r) => r.status === 'finalized');
  const details = await Promise.all(finalized.map((r) => api['rounds.get']({ id: r.id })));
  const mine: RoundSummary[] = finalized.filter((_, i) => {
    const d = details[i]!;
    return d.ok && d.value.programId === programId;
  });
  return { ok: true as const, value: mine.sort((a, b) => b.updatedAt.localeCompare(a.updatedAt)) };
}

interface Props {
  program: Program;
  rules: KpiRuleSet | null;
  onClose: () => void;
  onCreated: () => Promise<void>;
  onSetRules: () => void;
}

export function CreateFromRoundDialog({ program, rules, onClose, onCreated, onSetRules }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { data: rounds, error: loadError } = useLoad(() => finalizedRounds(program.id), [program.id]);
  const { register, handleSubmit, formState, setError, setValue, getValues, control } = useForm<Values>({ resolver: zodResolver(schema), defaultValues: { roundId: '', admittedOn: today() } });
  const admittedOn = useWatch({ control, name: 'admittedOn' });

  useEffect(() => {
    if (rounds?.[0] && !getValues('roundId')) setValue('roundId', rounds[0].id);
  }, [rounds]);

  const submit = handleSubmit(async (v) => {
    const result = await api['cooperations.createFromRound']({ roundId: v.roundId, admittedOn: v.admittedOn });
    if (!result.ok) {
      // The backend refuses without a rule set; say where to set it rather than only that it is missing.
      const noRules = result.error.message === translate('error.noKpiRules', {}, 'zh-CN');
      return setError('root', { message: noRules ? t('cooperations.create.noRules') : errorText(result.error) });
    }
    const created = result.value.created;
    toast(created > 0 ? 'success' : 'info', created > 0 ? t('cooperations.create.done', { count: created }) : t('cooperations.create.noneNew'));
    onClose();
    await onCreated();
  });

  const validDate = isoDate.safeParse(admittedOn).success;
  const preview = !rules || !validDate ? null : rules.kind === 'noAssessment' ? t('cooperations.create.previewNoAssessment') : rules.kind === 'periodic' ? t('cooperations.create.previewTrial', { start: formatDay(trialPeriod(admittedOn, rules).start, locale), end: formatDay(trialPeriod(admittedOn, rules).end, locale), months: rules.trialMonths }) : t('cooperations.create.previewMonthly', { month: formatMonth(firstAssessedMonth(admittedOn, rules), locale) });
  const e = (path: string) => errorAt(formState.errors, path);

  return (
    <Modal title={t('cooperations.create.title')} onCancel={onClose}>
      <form className="dialog-medium" onSubmit={submit} noValidate>
        <p className="hint">{t('cooperations.create.intro', { program: program.name })}</p>
        {rules === null ? (
          <div className="banner" role="alert">
            <p>{t('cooperations.create.noRules')}</p>
            <button type="button" className="primary" onClick={onSetRules}>{t('cooperations.create.setRules')}</button>
          </div>
        ) : loadError ? (
          <p className="banner error" role="alert">{loadError}</p>
        ) : !rounds ? (
          <p className="hint">{t('common.loading')}</p>
        ) : rounds.length === 0 ? (
          <div className="banner">
            <p>{t('cooperations.create.noRounds')}</p>
            <button type="button" onClick={() => navigate({ page: 'rounds' })}>{t('cooperations.create.toRounds')}</button>
          </div>
        ) : (
          <div className="grid two">
            <Field label={t('cooperations.create.round')} error={e('roundId')} wide>
              <select {...register('roundId')}>
                {rounds.map((r) => <option key={r.id} value={r.id}>{r.name}（{t('cooperations.create.roundInfo', { regions: r.regionCount, applications: r.applicationCount })}）</option>)}
              </select>
            </Field>
            <Field label={t('cooperations.create.admittedOn')} error={e('admittedOn')} hint={t('cooperations.create.admittedOnHint')}>
              <DateInput {...register('admittedOn')} aria-invalid={e('admittedOn') ? true : undefined} />
            </Field>
            {preview && <p className="coop-preview">{preview}</p>}
          </div>
        )}
        {formState.errors.root?.message && <p className="banner error" role="alert">{formState.errors.root.message}</p>}
        <div className="modal-actions ordered-actions">
          <button type="submit" className="primary" disabled={!rules || !rounds?.length || formState.isSubmitting}>{t('cooperations.create.submit')}</button>
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}
