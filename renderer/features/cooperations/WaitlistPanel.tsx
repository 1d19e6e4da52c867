// 候补递补: once a provider has left (已清退 / 已退出), its region's waitlist from the finalized round is offered
// and the chair admits the NEXT applicant in rank order, with a reason; the backend refuses any other. One
// seat, one replacement: when a cooperation already replaces this one, the panel names it instead.
import { displayNumberByFormat } from '../../../shared/dossiers/identity';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import { z } from 'zod';
import { api } from '../../api/client';
import { isoDate, requiredMultilineText } from '../../../shared/common/validation';
import type { Cooperation, WaitlistCandidate } from '../../../shared/cooperations/views';
import { Modal } from '../../components/Modal';
import { navigate } from '../../app/router';
import { toast } from '../../app/toasts';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { errorAt, Field, issueError, today } from '../rounds/common/form-utils';
import { useLoad } from '../rounds/common/use-load';
import { DateInput } from '../../components/DateInput';

/** The cooperation admitted from the waitlist in place of `c` (its admit event says `replaces`), if any. */
async function replacementOf(c: Cooperation) {
  const list = await api['cooperations.list']({ programId: c.programId });
  if (!list.ok) return list;
  const others = list.value.filter((o) => o.id !== c.id && o.regionName === c.regionName && o.startedOn >= c.startedOn);
  for (const o of others) {
    const full = await api['cooperations.get']({ id: o.id });
    if (full.ok && full.value.events.some((e) => e.event === 'admit' && e.detail.replaces === c.id)) return { ok: true as const, value: { found: full.value as Cooperation | null } };
  }
  return { ok: true as const, value: { found: null as Cooperation | null } };
}

export function WaitlistPanel({ cooperation }: { cooperation: Cooperation }) {
  const t = useT();
  const waitlist = useLoad(() => api['cooperations.waitlist']({ cooperationId: cooperation.id }), [cooperation.id, cooperation.version]);
  const replacement = useLoad(() => replacementOf(cooperation), [cooperation.id, cooperation.version]);
  const [admitting, setAdmitting] = useState<WaitlistCandidate | null>(null);
  const error = waitlist.error ?? replacement.error;
  const replacedBy = replacement.data?.found ?? null;

  return (
    <section className="panel coop-waitlist" aria-labelledby="coop-waitlist-title">
      <h2 id="coop-waitlist-title">{t('cooperation.waitlist.title', { region: cooperation.regionName })}</h2>
      {error && <p className="banner error" role="alert">{error}</p>}
      {replacedBy ? (
        <p>{t('cooperation.waitlist.replacedBy')} <a href={`#/cooperations/${replacedBy.id}`}>{replacedBy.legalName}</a></p>
      ) : !waitlist.data || !replacement.data ? (
        !error && <p className="hint">{t('common.loading')}</p>
      ) : waitlist.data.length === 0 ? (
        <p className="hint">{t('cooperation.waitlist.empty')}</p>
      ) : (
        <>
          <p className="hint">{t('cooperation.waitlist.intro')}</p>
          <ol className="coop-waitlist-list">
            {waitlist.data.map((w, i) => (
              <li key={w.applicationId} className={i === 0 ? 'next' : ''}>
                <span className="coop-rank">{w.waitlistPosition}</span>
                <span className="coop-candidate">
                  <strong>{w.legalName}</strong>
                  <span className="mono small muted">{displayNumberByFormat(w.creditCode)}</span>
                  {w.total !== null && <span className="small muted">{t('cooperation.waitlist.total', { total: w.total.toFixed(2) })}</span>}
                </span>
                {i === 0 ? (
                  <button type="button" className="primary" onClick={() => setAdmitting(w)}>{t('cooperation.waitlist.admit')}</button>
                ) : (
                  <span className="small muted">{t('cooperation.waitlist.inOrder')}</span>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      {admitting && (
        <AdmitDialog
          cooperation={cooperation}
          candidate={admitting}
          onClose={() => setAdmitting(null)}
          onDone={async (admitted) => {
            setAdmitting(null);
            toast('success', t('cooperation.waitlist.done', { name: admitted.legalName }), { label: t('cooperation.waitlist.open'), run: () => navigate({ page: 'cooperation', id: admitted.id }) });
            await Promise.all([waitlist.reload(), replacement.reload()]);
          }}
        />
      )}
    </section>
  );
}

const schema = z.object({ admittedOn: isoDate, reason: requiredMultilineText(500) });
type Values = z.input<typeof schema>;

function AdmitDialog({ cooperation, candidate, onClose, onDone }: { cooperation: Cooperation; candidate: WaitlistCandidate; onClose: () => void; onDone: (c: Cooperation) => Promise<void> }) {
  const t = useT();
  const { register, handleSubmit, formState, setError } = useForm<Values>({
    resolver: zodResolver(schema),
    defaultValues: { admittedOn: today(), reason: t('cooperation.waitlist.defaultReason', { region: cooperation.regionName, name: cooperation.legalName, position: candidate.waitlistPosition }) },
  });
  const submit = handleSubmit(async (v) => {
    const result = await api['cooperations.admitFromWaitlist']({ cooperationId: cooperation.id, applicationId: candidate.applicationId, admittedOn: v.admittedOn, reason: v.reason });
    if (result.ok) return onDone(result.value);
    const issues = (result.error.issues ?? []).filter((i) => i.path === 'admittedOn' || i.path === 'reason');
    for (const issue of issues) setError(issue.path as 'admittedOn' | 'reason', issueError(issue));
    if (!issues.length) setError('root', { message: errorText(result.error) });
  });
  const e = (path: string) => errorAt(formState.errors, path);
  return (
    <Modal title={t('cooperation.waitlist.dialogTitle')} onCancel={onClose}>
      <form className="dialog-medium" onSubmit={submit} noValidate>
        <p>{t('cooperation.waitlist.dialogIntro', { name: candidate.legalName, position: candidate.waitlistPosition, region: cooperation.regionName })}</p>
        <div className="grid two">
          <Field label={t('cooperation.waitlist.admittedOn')} error={e('admittedOn')}>
            <DateInput {...register('admittedOn')} aria-invalid={e('admittedOn') ? true : undefined} />
          </Field>
          <Field label={t('cooperation.reason')} error={e('reason')} wide>
            <textarea rows={2} maxLength={500} {...register('reason')} aria-invalid={e('reason') ? true : undefined} />
          </Field>
        </div>
        {formState.errors.root?.message && <p className="banner error" role="alert">{formState.errors.root.message}</p>}
        <div className="modal-actions ordered-actions">
          <button type="submit" className="primary" disabled={formState.isSubmitting}>{t('cooperation.waitlist.admitConfirm')}</button>
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
        </div>
      </form>
    </Modal>
  );
}
