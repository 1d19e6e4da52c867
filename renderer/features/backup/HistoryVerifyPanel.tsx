// 核验修改记录 (issue 9): walks the change history's hash chain with progress and says whether it is intact
// (with the current fingerprint) or names the first broken row; and checks a fingerprint typed from paper
// — the footer of a finalized selection list or of a letter — against the history (history.findHead).
import { useState } from 'react';
import { api } from '../../api/client';
import type { CallOutput } from '../../../shared/api/contract';
import { ProgressBar } from '../../components/ProgressBar';
import { isMessageKey, translateLoose, useLocale, useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { newJobId, withProgress } from '../../lib/progress';

type Busy = { label: string; done: number; total: number } | null;
type Verdict = CallOutput<'history.verify'>;
type HeadMatch = CallOutput<'history.findHead'>;

/** The history's entity names in words a committee member knows; an unknown one is shown as stored. */
const entityKey = (entity: string) => `trust.entity.${entity}`;

export function HistoryVerifyPanel() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [busy, setBusy] = useState<Busy>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [typed, setTyped] = useState('');
  const [match, setMatch] = useState<HeadMatch | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function verify() {
    const jobId = newJobId();
    const label = t('trust.verifying');
    setBusy({ label, done: 0, total: 0 });
    setError(null);
    const result = await withProgress(jobId, api['history.verify']({ jobId }), (done, total) => setBusy({ label, done, total }));
    setBusy(null);
    if (!result.ok) return setError(errorText(result.error));
    setVerdict(result.value);
  }

  async function find() {
    const jobId = newJobId();
    const label = t('trust.find.checking');
    setBusy({ label, done: 0, total: 0 });
    setError(null);
    setMatch(null);
    const result = await withProgress(jobId, api['history.findHead']({ fingerprint: typed, jobId }), (done, total) => setBusy({ label, done, total }));
    setBusy(null);
    if (!result.ok) return setError(errorText(result.error));
    setMatch(result.value);
  }

  const when = (at: string | null) => (at ? formatDateTime(at, locale) : '');
  return (
    <div className="panel backup-panel" data-testid="history-verify">
      <h2>{t('trust.title')}</h2>
      <p className="muted small">{t('trust.intro')}</p>
      <div className="actions backup-actions">
        <button type="button" disabled={busy !== null} onClick={() => void verify()}>{t('trust.verify')}</button>
      </div>
      {busy && <ProgressBar label={busy.label} done={busy.done} total={busy.total} />}
      {verdict && (verdict.ok ? (
        <p className="banner trust-ok small" role="status" data-verdict="intact">{t('trust.intact', { rows: verdict.rows, fingerprint: verdict.fingerprint })}</p>
      ) : (
        <p className="banner error small" role="alert" data-verdict="broken">
          {t('trust.broken', { seq: verdict.brokenAt!.seq, at: when(verdict.brokenAt!.at), entity: isMessageKey(entityKey(verdict.brokenAt!.entity)) ? translateLoose(entityKey(verdict.brokenAt!.entity)) : verdict.brokenAt!.entity, problem: t(`trust.problem.${verdict.brokenAt!.problem}`) })}
        </p>
      ))}
      <h2 className="trust-find-title">{t('trust.find.title')}</h2>
      <label className="field">
        <span>{t('trust.find.label')}</span>
        <input type="text" className="mono" value={typed} placeholder="3f2a 91c0 7be4 0d15" maxLength={40} onChange={(e) => setTyped(e.target.value)} data-testid="fingerprint-input" />
      </label>
      <div className="actions backup-actions">
        <button type="button" disabled={busy !== null || typed.trim() === ''} onClick={() => void find()}>{t('trust.find.submit')}</button>
      </div>
      {error && <p className="banner error small" role="alert">{error}</p>}
      {match && (
        <p className={match.match === 'intact' ? 'banner trust-ok small' : 'banner error small'} role={match.match === 'intact' ? 'status' : 'alert'} data-match={match.match}>
          {match.match === 'intact' && match.seq === 0
            ? t('trust.find.empty', { fingerprint: match.fingerprint })
            : t(`trust.find.${match.match}`, { fingerprint: match.fingerprint, seq: match.seq ?? 0, at: when(match.at), rows: match.rows })}
        </p>
      )}
    </div>
  );
}
