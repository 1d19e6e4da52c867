// The chair's actions on the ranking: export the list, print it, finalize (定稿) and reopen (重新开启).
// Check first, then confirm (issue 11): with sheets outstanding 定稿 says why it cannot be done and offers
// nothing to confirm; otherwise ConfirmIrreversible words what freezes. Refusals the backend alone knows (a
// tie at the cutoff) are shown as it words them. The committee's chair confirms (issue 11): the confirm step
// asks which member confirms, the chair preselected, and the chair's id and name are what the round records;
// without a chair there is nothing to confirm and the dialog says so.
import { useState } from 'react';
import { api } from '../../../api/client';
import { navigate } from '../../../app/router';
import { toast } from '../../../app/toasts';
import { Modal } from '../../../components/Modal';
import { ConfirmIrreversible } from '../../../components/ConfirmIrreversible';
import { useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { downloadBase64 } from '../../../lib/files';
import { ReopenChanges } from './ReopenChanges';
import { ChairPicker, chairOf, useCommittee } from './ChairConfirm';
import { ProgressBar } from '../../../components/ProgressBar';

interface Props {
  roundId: string;
  viewerMemberId: string | null;
  finalized: boolean;
  /** Names of members whose sheets are not submitted: 定稿 is refused while any is. */
  outstanding: readonly string[];
  /** After finalize/reopen: reload the round and its results. */
  onChanged: () => Promise<void>;
  onRefused: (message: string | null) => void;
}

export function RankingActions({ roundId, viewerMemberId, finalized, outstanding, onChanged, onRefused }: Props) {
  const t = useT();
  const [confirmFinalize, setConfirmFinalize] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [busy, setBusy] = useState(false);
  // Issue 11: long operations show progress. Finalize and export are one backend call each (one transaction,
  // one workbook) with no steps to report, so the bar is indeterminate: it says what is happening.
  const [working, setWorking] = useState<'exporting' | 'finalizing' | null>(null);

  async function exportAs(format: 'xlsx' | 'csv') {
    setBusy(true);
    setWorking('exporting');
    const result = await api['ranking.export']({ roundId, viewerMemberId, format });
    setBusy(false);
    setWorking(null);
    if (!result.ok) return toast('error', errorText(result.error));
    downloadBase64(result.value.fileName, result.value.mime, result.value.dataBase64);
    toast('success', t('ranking.exported', { fileName: result.value.fileName }));
  }

  async function finalize(memberId: string): Promise<string | null> {
    setBusy(true);
    setWorking('finalizing');
    const result = await api['rounds.finalize']({ roundId, memberId });
    setBusy(false);
    setWorking(null);
    setConfirmFinalize(false);
    if (!result.ok) {
      onRefused(errorText(result.error));
      return null;
    }
    onRefused(null);
    toast('success', t('ranking.finalize.done'));
    await onChanged();
    return null;
  }

  return (
    <div className="actions ranking-actions">
      <button type="button" disabled={busy} onClick={() => void exportAs('xlsx')}>{t('ranking.export.xlsx')}</button>
      <button type="button" disabled={busy} onClick={() => void exportAs('csv')}>{t('ranking.export.csv')}</button>
      <button type="button" onClick={() => navigate({ page: 'round-print', id: roundId })}>{t('ranking.print')}</button>
      {finalized ? (
        <button type="button" className="danger" onClick={() => setReopening(true)}>{t('ranking.reopen.button')}</button>
      ) : (
        <button type="button" className="primary" disabled={busy} onClick={() => setConfirmFinalize(true)}>{t('ranking.finalize.button')}</button>
      )}
      {working && <ProgressBar done={0} total={0} label={t(working === 'exporting' ? 'ranking.progress.exporting' : 'ranking.progress.finalizing')} />}
      {confirmFinalize && outstanding.length > 0 && (
        <Modal title={t('ranking.finalize.refusedTitle')} onCancel={() => setConfirmFinalize(false)} labelledBy="finalize-refused-title">
          <p role="alert">{t('ranking.finalize.refused', { count: outstanding.length, names: outstanding.join('、') })}</p>
          <div className="modal-actions">
            <button type="button" onClick={() => setConfirmFinalize(false)}>{t('common.close')}</button>
            <button type="button" className="primary" onClick={() => navigate({ page: 'round', id: roundId, tab: 'scoring' })}>{t('ranking.finalize.toScoring')}</button>
          </div>
        </Modal>
      )}
      {confirmFinalize && outstanding.length === 0 && <FinalizeConfirm roundId={roundId} onConfirm={finalize} onCancel={() => setConfirmFinalize(false)} />}
      {reopening && <ReopenDialog roundId={roundId} onClose={() => setReopening(false)} onDone={onChanged} />}
    </div>
  );
}

/** The second step of 定稿, once the committee is read: refused without a chair, else the chair confirms. */
function FinalizeConfirm({ roundId, onConfirm, onCancel }: { roundId: string; onConfirm: (memberId: string) => Promise<string | null>; onCancel: () => void }) {
  const t = useT();
  const { members, error } = useCommittee(roundId);
  const chair = chairOf(members);
  const [memberId, setMemberId] = useState<string | null>(null);
  if (error) return <Modal title={t('ranking.finalize.noChairTitle')} onCancel={onCancel} labelledBy="finalize-error-title"><p role="alert">{error}</p></Modal>;
  if (!members) return null;
  if (!chair) {
    return (
      <Modal title={t('ranking.finalize.noChairTitle')} onCancel={onCancel} labelledBy="finalize-nochair-title">
        <p role="alert">{t('ranking.finalize.noChair')}</p>
        <div className="modal-actions">
          <button type="button" onClick={onCancel}>{t('common.close')}</button>
          <button type="button" className="primary" onClick={() => navigate({ page: 'round', id: roundId, tab: 'committee' })}>{t('ranking.finalize.toCommittee')}</button>
        </div>
      </Modal>
    );
  }
  const chosen = memberId ?? chair.id;
  return (
    <ConfirmIrreversible
      title={t('ranking.finalize.button')}
      consequences={[t('ranking.finalize.freezes'), t('ranking.finalize.noAmend'), t('ranking.finalize.reopenNeedsReason')]}
      extra={<ChairPicker members={members} value={chosen} onChange={setMemberId} purpose="finalize" />}
      confirmLabel={t('ranking.finalize.button')}
      onConfirm={() => onConfirm(chosen)}
      onCancel={onCancel}
    />
  );
}

function ReopenDialog({ roundId, onClose, onDone }: { roundId: string; onClose: () => void; onDone: () => Promise<void> }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { members } = useCommittee(roundId);
  const chair = chairOf(members);
  const [memberId, setMemberId] = useState<string | null>(null);
  async function reopen() {
    if (!reason.trim()) return setError(t('ranking.reopen.reasonRequired'));
    // A round finalized before a chair was named cannot get one now (the committee is frozen): it is then
    // reopened under the app user's name, as before, rather than locked for good.
    const confirming = memberId ?? chair?.id;
    const result = await api['rounds.reopen']({ roundId, reason: reason.trim(), ...(confirming ? { memberId: confirming } : {}) });
    if (!result.ok) return setError(errorText(result.error));
    toast('success', t('ranking.reopen.done'));
    onClose();
    await onDone();
  }
  return (
    <Modal title={t('ranking.reopen.button')} onCancel={onClose} labelledBy="reopen-title">
      <p className="small">{t('ranking.reopen.explain')}</p>
      <ReopenChanges roundId={roundId} />
      {members && chair && <ChairPicker members={members} value={memberId ?? chair.id} onChange={setMemberId} purpose="reopen" />}
      <label className="field">
        <span>{t('ranking.reopen.reason')}</span>
        <textarea rows={3} maxLength={500} value={reason} aria-invalid={error ? true : undefined} onChange={(e) => setReason(e.target.value)} />
      </label>
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="modal-actions">
        <button type="button" onClick={onClose}>{t('common.cancel')}</button>
        <button type="button" className="danger" onClick={() => void reopen()}>{t('ranking.reopen.button')}</button>
      </div>
    </Modal>
  );
}
