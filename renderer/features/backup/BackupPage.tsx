// #/backup: the backups in the data directory (restore any of them after a preview), "立即备份", "备份到…",
// the mirror folder for automatic copies, restore from a file, the move-to-a-new-laptop archive, and
// 核验修改记录 (HistoryVerifyPanel).
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { CallOutput } from '../../../shared/api/contract';
import { toast } from '../../app/toasts';
import { Modal } from '../../components/Modal';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { downloadBase64 } from '../../lib/files';
import { newJobId, withProgress } from '../../lib/progress';
import { formatSize, formatTime, kindKey } from './backup-text';
import { PathField } from './PathField';
import { RestoreFromFile } from './RestoreFromFile';
import { HistoryVerifyPanel } from './HistoryVerifyPanel';
import { useRestore } from './use-restore';
import './backup.css';

type Listing = CallOutput<'backup.list'>;
type Busy = { label: string; done: number; total: number } | null;

export function BackupPage() {
  const t = useT();
  const [listing, setListing] = useState<Listing | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [saveToOpen, setSaveToOpen] = useState(false);
  const [saveFolder, setSaveFolder] = useState('');
  const [mirror, setMirror] = useState('');
  const [archiveFolder, setArchiveFolder] = useState('');
  const restore = useRestore(false, () => void load());

  async function load() {
    const result = await api['backup.list']({});
    if (!result.ok) return toast('error', errorText(result.error));
    setListing(result.value);
    setMirror((m) => m || (result.value.mirror.folder ?? ''));
  }
  useEffect(() => void load(), []);

  /** Runs a long call with a progress bar; reports failure as a toast. */
  async function run<T>(label: string, work: (jobId: string) => Promise<{ ok: true; value: T } | { ok: false; error: Parameters<typeof errorText>[0] }>): Promise<T | null> {
    const jobId = newJobId();
    setBusy({ label, done: 0, total: 0 });
    const result = await withProgress(jobId, work(jobId), (done, total) => setBusy({ label, done, total }));
    setBusy(null);
    if (!result.ok) {
      toast('error', errorText(result.error));
      return null;
    }
    return result.value;
  }

  async function backupNow() {
    const made = await run(t('backup.working'), (jobId) => api['backup.create']({ jobId }));
    if (made) toast('success', t('backup.saved', { name: made.name }));
    await load();
  }

  async function saveTo() {
    const saved = await run(t('backup.working'), (jobId) => api['backup.saveTo']({ folder: saveFolder.trim(), jobId }));
    if (!saved) return;
    setSaveToOpen(false);
    toast('success', t('backup.savedTo', { path: saved.path }));
  }

  async function setMirrorFolder(folder: string | null) {
    const result = await api['backup.setMirror']({ folder });
    if (!result.ok) return toast('error', errorText(result.error));
    if (folder === null) setMirror('');
    toast('success', t('backup.mirror.saved'));
    await load();
  }

  async function exportArchive() {
    const folder = archiveFolder.trim();
    const made = await run(t('backup.archive.exporting'), (jobId) => api['backup.exportArchive']({ ...(folder ? { folder } : {}), jobId }));
    if (!made) return;
    if (made.dataBase64) downloadBase64(made.fileName, 'application/x-tar', made.dataBase64);
    toast('success', t('backup.archive.done', { name: made.path ?? made.fileName, files: made.attachmentFiles }));
  }

  const m = listing?.mirror;
  return (
    <section className="page backup-page">
      <div className="page-header">
        <h1>{t('backup.page.title')}</h1>
        <div className="actions">
          <button type="button" className="primary" disabled={busy !== null} onClick={() => void backupNow()}>{t('backup.now')}</button>
          <button type="button" disabled={busy !== null} onClick={() => setSaveToOpen(true)}>{t('backup.saveTo')}</button>
        </div>
      </div>
      <p className="muted backup-intro">{t('backup.page.intro')}</p>
      {busy && <ProgressBar label={busy.label} done={busy.done} total={busy.total} />}
      {restore.view}

      <div className="backup-layout">
        <div className="panel backup-panel">
          <h2>{t('backup.list.title')}</h2>
          {listing && <p className="muted small">{t('backup.list.location')}<span className="backup-path-text">{listing.backupDir}</span></p>}
          {listing && listing.backups.length === 0 && <p className="empty">{t('backup.list.empty')}</p>}
          {listing && listing.backups.length > 0 && (
            <table className="table" data-testid="backup-list">
              <thead>
                <tr><th>{t('backup.col.time')}</th><th>{t('backup.col.kind')}</th><th>{t('backup.col.size')}</th><th /></tr>
              </thead>
              <tbody>
                {listing.backups.map((b) => (
                  <tr key={b.name} data-kind={b.kind}>
                    <td title={b.name}>{formatTime(b.createdAt)}</td>
                    <td>{t(kindKey(b.kind))}</td>
                    <td>{formatSize(b.sizeBytes)}</td>
                    <td><button type="button" className="link" disabled={restore.busy} onClick={() => void restore.open({ type: 'backup', name: b.name })}>{t('backup.restore')}</button></td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>

        <div className="side">
          <div className="panel backup-panel" data-testid="backup-mirror">
            <h2>{t('backup.mirror.title')}</h2>
            <p className="muted small">{t('backup.mirror.hint')}</p>
            {m && (
              <p className="small">
                {m.folder ? <span className="backup-path-text">{m.folder}</span> : t('backup.mirror.none')}
                {m.folder && <span className={m.available ? 'tag action-create' : 'tag action-update'}>{t(m.available ? 'backup.mirror.available' : 'backup.mirror.missing')}</span>}
              </p>
            )}
            {m?.lastError && <p className="banner small" role="status">{m.lastError}</p>}
            <PathField value={mirror} onChange={setMirror} purpose="folder" label={t('backup.path.label')} testId="mirror-path" />
            <div className="actions backup-actions">
              <button type="button" disabled={!mirror.trim()} onClick={() => void setMirrorFolder(mirror.trim())}>{t('backup.mirror.set')}</button>
              {m?.folder && <button type="button" className="link" onClick={() => void setMirrorFolder(null)}>{t('backup.mirror.clear')}</button>}
            </div>
          </div>

          <RestoreFromFile busy={restore.busy} onOpen={(source) => void restore.open(source)} />

          <HistoryVerifyPanel />

          <div className="panel backup-panel" data-testid="backup-archive">
            <h2>{t('backup.archive.title')}</h2>
            <p className="muted small">{t('backup.archive.hint')}</p>
            <PathField value={archiveFolder} onChange={setArchiveFolder} purpose="folder" label={t('backup.archive.folder')} testId="archive-folder" />
            <div className="actions backup-actions">
              <button type="button" disabled={busy !== null} onClick={() => void exportArchive()}>{t('backup.archive.export')}</button>
            </div>
          </div>
        </div>
      </div>

      {saveToOpen && (
        <Modal title={t('backup.saveTo.title')} onCancel={() => setSaveToOpen(false)}>
          <p className="muted small">{t('backup.saveTo.hint')}</p>
          <PathField value={saveFolder} onChange={setSaveFolder} purpose="folder" label={t('backup.path.label')} testId="save-to-path" />
          {busy && <ProgressBar label={busy.label} done={busy.done} total={busy.total} />}
          <div className="modal-actions">
            <button type="button" onClick={() => setSaveToOpen(false)}>{t('common.cancel')}</button>
            <button type="button" className="primary" disabled={busy !== null || !saveFolder.trim()} onClick={() => void saveTo()}>{t('backup.saveTo')}</button>
          </div>
        </Modal>
      )}
    </section>
  );
}
