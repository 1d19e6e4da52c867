// 回避: a member declares a conflict of interest with an application, with a reason. The member then does not
// score it and is not counted in its aggregate. Withdrawing a declaration can be undone from the toast.
// The applicant list is in pinyin order and can be narrowed by name, credit code, city, pinyin or initials
// (hz → 杭州…); a filter that leaves exactly one applicant chooses it. The backend answers the filter
// (applications.choices): the tab never loads a 20,000-applicant round's list (issue 8).
import { useEffect, useRef, useState } from 'react';
import { useForm, type Path } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { api } from '../../../api/client';
import { recusalInputSchema, uuid } from '../../../../shared/rounds/schema';
import { msg } from '../../../../shared/common/validation';
import type { ApplicantChoicesView, ListedRecusal, Member } from '../../../../shared/rounds/views';
import { toast } from '../../../app/toasts';
import { useLocale, useT } from '../../../i18n/i18n';
import { errorText, toastError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { errorAt, Field, issueError } from '../common/form-utils';

// Nothing chosen yet reads 请选择, not 内容无效.
const chosen = z.string().min(1, msg('error.choose')).pipe(uuid);
const schema = recusalInputSchema.extend({ memberId: chosen, applicationId: chosen });
type Values = z.input<typeof schema>;

/** The picker's options for this filter, from the backend; an answer to an older filter is dropped. */
function useApplicantChoices(roundId: string, filter: string, chosenId: string): ApplicantChoicesView | null {
  const [answer, setAnswer] = useState<ApplicantChoicesView | null>(null);
  const asked = useRef(0);
  useEffect(() => {
    const n = ++asked.current;
    void api['applications.choices']({ roundId, filter: filter.slice(0, 100), chosenId }).then((r) => {
      if (n !== asked.current) return;
      if (r.ok) setAnswer(r.value);
      else toastError(r.error);
    });
  }, [roundId, filter, chosenId]);
  return answer;
}

interface Props {
  roundId: string;
  members: readonly Member[];
  recusals: readonly ListedRecusal[];
  readOnly: boolean;
  onChanged: () => Promise<void>;
}

export function RecusalsPanel({ roundId, members, recusals, readOnly, onChanged }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const memberName = new Map(members.map((m) => [m.id, m.name]));
  const { register, handleSubmit, formState, setError, reset, getValues, setValue, watch, setFocus } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { memberId: '', applicationId: '', reason: '' },
  });
  const [filter, setFilter] = useState('');
  const chosenId = watch('applicationId');
  const choices = useApplicantChoices(roundId, filter, chosenId);
  const options = choices?.options ?? [];
  const more = choices?.more ?? 0;
  const activeCount = choices?.activeCount ?? 0;
  // After the render that lists it, so the select has the option to show.
  const onlyMatchId = choices?.onlyMatchId;
  useEffect(() => {
    if (onlyMatchId) setValue('applicationId', onlyMatchId, { shouldValidate: formState.isSubmitted });
  }, [onlyMatchId]);

  const declare = handleSubmit(async (data) => {
    const result = await api['recusals.declare'](data);
    if (!result.ok) {
      for (const issue of result.error.issues ?? []) setError(issue.path as Path<Values>, issueError(issue));
      if (!result.error.issues?.length) setError('root', { message: errorText(result.error) });
      return;
    }
    toast('success', t('committee.recusal.declared', { member: memberName.get(data.memberId) ?? '', applicant: options.find((a) => a.id === data.applicationId)?.legalName ?? '' }));
    // The same member often declares several in a row: keep the member, clear the rest.
    reset({ memberId: getValues('memberId'), applicationId: '', reason: '' });
    setFilter('');
    await onChanged();
  });

  async function withdraw(r: ListedRecusal, undoable = true) {
    const result = await api['recusals.withdraw']({ applicationId: r.applicationId, memberId: r.memberId });
    if (!result.ok) return toastError(result.error);
    await onChanged();
    const params = { member: memberName.get(r.memberId) ?? '', applicant: r.applicantName };
    const undo = async () => {
      const again = await api['recusals.declare']({ applicationId: r.applicationId, memberId: r.memberId, reason: r.reason });
      if (!again.ok) return toastError(again.error);
      await onChanged();
      toast('success', t('committee.recusal.declared', params));
    };
    toast('info', t('committee.recusal.withdrawn', params), undoable ? { label: t('common.undo'), run: () => void undo() } : undefined);
  }

  const e = (path: string) => errorAt(formState.errors, path);
  const invalid = (path: string) => (e(path) ? true : undefined);
  return (
    <section className="panel committee-section" aria-labelledby="recusals-title">
      <div className="section-head">
        <h2 id="recusals-title">{t('committee.recusal.title')}</h2>
        <span className="muted small">{t('committee.recusal.hint')}</span>
      </div>
      {recusals.length === 0 ? (
        <p className="empty compact">{t('committee.recusal.empty')}</p>
      ) : (
        <table className="table compact recusals-table">
          <thead>
            <tr>
              <th>{t('committee.recusal.member')}</th>
              <th>{t('committee.recusal.application')}</th>
              <th>{t('committee.recusal.reason')}</th>
              <th>{t('committee.recusal.declaredAt')}</th>
              {!readOnly && <th aria-label={t('setup.actions')} />}
            </tr>
          </thead>
          <tbody>
            {recusals.map((r) => (
              <tr key={`${r.memberId}|${r.applicationId}`}>
                <td>{memberName.get(r.memberId) ?? '—'}</td>
                <td>
                  {r.applicantName}
                  {r.applicantWithdrawn && <span className="tag">{t('applications.status.withdrawn')}</span>}
                </td>
                <td>{r.reason}</td>
                <td className="small">{formatDateTime(r.declaredAt, locale)}</td>
                {!readOnly && (
                  <td className="row-actions"><button type="button" className="link danger-text" onClick={() => void withdraw(r)}>{t('committee.recusal.withdraw')}</button></td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && members.length > 0 && activeCount > 0 && (
        <form className="recusal-form" onSubmit={declare} noValidate>
          <Field label={t('committee.recusal.member')} error={e('memberId')}>
            <select {...register('memberId')} aria-invalid={invalid('memberId')}>
              <option value="">{t('committee.recusal.chooseMember')}</option>
              {members.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
            </select>
          </Field>
          <div className="field">
            <span id="recusal-application-label">{t('committee.recusal.application')}</span>
            <input
              type="search"
              value={filter}
              onChange={(ev) => setFilter(ev.target.value)}
              onKeyDown={(ev) => {
                // Enter in the filter moves on to the reason rather than submitting half a declaration.
                if (ev.key !== 'Enter') return;
                ev.preventDefault();
                if (getValues('applicationId')) setFocus('reason');
              }}
              placeholder={t('committee.recusal.findPlaceholder')}
              aria-label={t('committee.recusal.find')}
            />
            <select {...register('applicationId')} aria-labelledby="recusal-application-label" aria-invalid={invalid('applicationId')}>
              <option value="">{options.length ? t('committee.recusal.chooseApplication') : t('committee.recusal.noMatch')}</option>
              {options.map((a) => <option key={a.id} value={a.id}>{a.legalName}</option>)}
            </select>
            {more > 0 && <span className="hint">{t('lists.picker.more', { count: more })}</span>}
            {e('applicationId') && <span className="field-error" role="alert">{e('applicationId')}</span>}
          </div>
          <Field label={t('committee.recusal.reason')} error={e('reason')}>
            <input {...register('reason')} aria-invalid={invalid('reason')} maxLength={500} placeholder={t('committee.recusal.reasonPlaceholder')} />
          </Field>
          <div className="member-form-actions">
            <button type="submit" className="primary" disabled={formState.isSubmitting}>{t('committee.recusal.declare')}</button>
          </div>
          {formState.errors.root?.message && <p className="field-error wide-error" role="alert">{formState.errors.root.message}</p>}
        </form>
      )}
      {!readOnly && choices && (members.length === 0 || activeCount === 0) && <p className="hint">{t('committee.recusal.needBoth')}</p>}
    </section>
  );
}
