// The restore preview and its confirm step: what the backup holds (date, counts, last change, chain head),
// a warning of what happens, and a checkbox before the restore button is enabled.
import { useState } from 'react';
import { api } from '../../api/client';
import type { BackupPreview } from '../../../shared/api/contract-backup';
import { Modal } from '../../components/Modal';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { newJobId, withProgress } from '../../lib/progress';
import { formatSize, formatTime, kindKey } from './backup-text';

export interface RestoreDone {
  restored: string;
  safetyBackup: string | null;
}

export function RestoreDialog({ preview, recovering, onDone, onCancel }: { preview: BackupPreview; recovering: boolean; onDone: (result: RestoreDone) => void; onCancel: () => void }) {
  const t = useT();
  const [checked, setChecked] = useState(false);
  const [busy, setBusy] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function restore() {
    setError(null);
    setBusy({ done: 0, total: 0 });
    const jobId = newJobId();
    const result = await withProgress(jobId, api['backup.restore']({ stagingId: preview.stagingId, jobId }), (done, total) => setBusy({ done, total }));
    setBusy(null);
    if (result.ok) onDone(result.value);
    else setError(errorText(result.error));
  }

  return (
    <Modal title={t('backup.preview.title')} onCancel={busy ? undefined : onCancel}>
      <dl className="backup-preview" data-testid="backup-preview">
        <dt>{t('backup.preview.file')}</dt>
        <dd><span className="mono small">{preview.fileName}</span> · {formatSize(preview.sizeBytes)}{preview.kind && ` · ${t(kindKey(preview.kind))}`}</dd>
        <dt>{t('backup.preview.createdAt')}</dt>
        <dd>{formatTime(preview.createdAt)}</dd>
        <dt>{t('backup.preview.counts')}</dt>
        <dd data-testid="backup-preview-counts">{t('backup.preview.countsText', { ...preview.counts })}</dd>
        {preview.attachmentFiles !== null && (
          <>
            <dt>{t('backup.preview.attachmentFiles')}</dt>
            <dd>{t('backup.preview.attachmentFilesText', { count: preview.attachmentFiles })}</dd>
          </>
        )}
        <dt>{t('backup.preview.lastChange')}</dt>
        <dd>{preview.lastChange ? t('backup.preview.lastChangeText', { seq: preview.lastChange.seq, at: formatTime(preview.lastChange.at) }) : t('backup.preview.noChange')}</dd>
        <dt>{t('backup.preview.chainHead')}</dt>
        <dd>{preview.chainHead ? <span className="mono small">{preview.chainHead}</span> : t('backup.preview.noChain')}</dd>
        <dt>{t('backup.preview.schema')}</dt>
        <dd>{preview.schemaVersion}</dd>
      </dl>
      <p className="banner">{t(recovering ? 'backup.preview.warningRecovery' : 'backup.preview.warning')}</p>
      <label className="check">
        <input type="checkbox" checked={checked} onChange={(e) => setChecked(e.target.checked)} disabled={busy !== null} />
        {t('backup.preview.confirmCheck')}
      </label>
      {busy && <ProgressBar label={t('backup.restoring')} done={busy.done} total={busy.total} />}
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="modal-actions">
        <button type="button" onClick={onCancel} disabled={busy !== null}>{t('common.cancel')}</button>
        <button type="button" className="danger" disabled={!checked || busy !== null} onClick={() => void restore()}>{t('backup.preview.confirm')}</button>
      </div>
    </Modal>
  );
}
