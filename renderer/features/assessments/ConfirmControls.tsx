// The chair's confirmation of one provider's action: 确认 as proposed, or — when figures are missing — a
// choice between what the figures would propose had they passed or failed, with a required reason (the
// backend refuses either without it too). Once confirmed: the action, who and when, and the reason given.
// 清退 cannot be undone: whichever way it is chosen, a second step (ConfirmIrreversible) says what follows
// and asks for the reason (issue 11; the backend refuses a termination without one).
import { useState } from 'react';
import { ConfirmIrreversible } from '../../components/ConfirmIrreversible';
import type { Proposal } from '../../../shared/lifecycle/actions';
import type { ApiError } from '../../../shared/api/result';
import { useLocale, useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { formatDateTime, formatDay } from '../../lib/format';
import { actionText, readmissionClause, type RunRow } from './action-text';
import type { Confirmation } from './use-run';

interface Props {
  row: RunRow;
  onConfirm: (confirmation: Confirmation) => Promise<ApiError | null>;
}

export function ConfirmControls({ row, onConfirm }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const [choice, setChoice] = useState<'ifPassed' | 'ifFailed' | null>(null);
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // The termination awaiting its second step: which choice, and the override reason typed so far.
  const [terminating, setTerminating] = useState<{ choice: Confirmation['choice']; proposal: Proposal; overrideReason?: string } | null>(null);
  const { entry, action, chosen } = row;
  const name = entry.legalName;

  if (action?.confirmed) {
    return (
      <div className="confirmed" data-testid="confirmed">
        <div className="confirmed-action">✓ {t('run.confirmed', { action: chosen ? actionText(chosen, t, locale) : action.confirmed })}</div>
        <div className="muted small">{t('run.confirmedBy', { name: action.confirmedBy ?? '', time: action.confirmedAt ? formatDateTime(action.confirmedAt, locale) : '' })}</div>
        {action.note && <div className="small">{t('run.override.note', { note: action.note })}</div>}
      </div>
    );
  }
  const proposal = entry.proposal;
  if (!proposal || proposal.action === 'none' || row.superseded) return null;
  // Proposals made on figures, rules or a status that changed since: run the month again (the backend
  // refuses them too).
  if (row.stale) return <p className="small run-stale-hint">{t('run.stale.rerun')}</p>;

  async function submit(c: Confirmation) {
    setBusy(true);
    setProblem(null);
    const error = await onConfirm(c);
    setBusy(false);
    if (error) setProblem(errorText(error));
  }

  const secondStep = terminating && (
    <ConfirmIrreversible
      title={t('run.terminate.title', { name })}
      consequences={[
        t('run.terminate.status', { date: terminating.proposal.termination ? formatDay(terminating.proposal.termination.effectiveDate, locale) : '—' }),
        t('run.terminate.readmission', { readmission: readmissionClause(terminating.proposal, t, locale) ?? '—' }),
        t('run.terminate.letter'),
      ]}
      confirmLabel={t('run.terminate.confirm')}
      reason={{ label: t('run.terminate.reason'), required: true, initial: terminating.overrideReason ?? '', placeholder: t('run.terminate.placeholder') }}
      onCancel={() => setTerminating(null)}
      onConfirm={async (reason) => {
        const error = await onConfirm({ cooperationId: entry.cooperationId, choice: terminating.choice, ...(terminating.choice === 'proposed' ? { reason } : { overrideReason: reason }) });
        if (error) return errorText(error);
        setTerminating(null);
        return null;
      }}
    />
  );

  if (!proposal.requiresOverride || !proposal.alternatives) {
    const irreversible = proposal.action === 'terminate';
    return (
      <div className="confirm-controls">
        <button
          type="button"
          className={irreversible ? 'danger' : 'primary'}
          disabled={busy}
          aria-label={t('run.confirmFor', { name })}
          onClick={() => (irreversible ? setTerminating({ choice: 'proposed', proposal }) : void submit({ cooperationId: entry.cooperationId, choice: 'proposed' }))}
        >
          {t('run.confirm')}
        </button>
        {problem && <p className="field-error" role="alert">{problem}</p>}
        {secondStep}
      </div>
    );
  }

  const alternatives: [('ifPassed' | 'ifFailed'), Proposal][] = [
    ['ifPassed', proposal.alternatives.ifPassed],
    ['ifFailed', proposal.alternatives.ifFailed],
  ];
  function confirmOverride() {
    if (!choice) return setProblem(t('run.override.choose'));
    if (!reason.trim()) return setProblem(t('run.override.required'));
    const alt = proposal!.alternatives![choice];
    if (alt.action === 'terminate') return setTerminating({ choice, proposal: alt, overrideReason: reason.trim() });
    void submit({ cooperationId: entry.cooperationId, choice, overrideReason: reason.trim() });
  }
  const reasonId = `override-reason-${entry.cooperationId}`;
  return (
    <fieldset className="override" aria-label={t('run.override.legend', { name })}>
      <p className="small">{t('run.override.hint')}</p>
      {alternatives.map(([key, alt]) => (
        <label key={key} className="check">
          <input type="radio" name={`override-${entry.cooperationId}`} checked={choice === key} onChange={() => (setChoice(key), setProblem(null))} />
          {t(key === 'ifPassed' ? 'run.override.ifPassed' : 'run.override.ifFailed', { action: actionText(alt, t, locale) })}
        </label>
      ))}
      <label className="field" htmlFor={reasonId}>{t('run.override.reason')}</label>
      <textarea id={reasonId} rows={2} value={reason} placeholder={t('run.override.placeholder')} aria-invalid={problem === t('run.override.required') ? true : undefined} onChange={(e) => (setReason(e.target.value), setProblem(null))} />
      <div className="confirm-controls">
        <button type="button" className="primary" disabled={busy} aria-label={t('run.confirmFor', { name })} onClick={confirmOverride}>{t('run.confirm')}</button>
      </div>
      {problem && <p className="field-error" role="alert">{problem}</p>}
      {secondStep}
    </fieldset>
  );
}
