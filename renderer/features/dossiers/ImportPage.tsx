// Import in two steps: the file is checked and previewed (nothing written), then the user confirms and all
// valid rows are written in one transaction.
import { useState } from 'react';
import { api } from '../../api/client';
import type { ImportPreview } from '../../../shared/dossiers/import-schema';
import { navigate } from '../../app/router';
import { toast } from '../../app/toasts';
import { useT } from '../../i18n/i18n';
import { readFileAsBase64 } from '../../lib/files';
import { errorText } from '../../lib/errors';
import { newJobId, withProgress } from '../../lib/progress';
import { ProgressBar } from '../../components/ProgressBar';
import { ImportReport, type ImportReportLook } from '../../components/ImportReport';

const REPORT: ImportReportLook = {
  testIds: { summary: 'import-summary', issues: 'import-issues' },
  keys: { summary: 'import.summary', unknownColumns: 'import.unknownColumns', issues: 'import.issues', row: 'import.row', column: 'import.column', reason: 'import.reason' },
};

type Busy = { label: string; done: number; total: number } | null;

export function ImportPage() {
  const t = useT();
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);

  async function choose(file: File | undefined) {
    if (!file) return;
    setPreview(null);
    setError(null);
    const jobId = newJobId();
    const label = t('import.reading', { fileName: file.name });
    setBusy({ label, done: 0, total: 0 });
    const dataBase64 = await readFileAsBase64(file);
    const result = await withProgress(jobId, api['dossiers.importPreview']({ fileName: file.name, dataBase64, jobId }), (done, total) => setBusy({ label, done, total }));
    setBusy(null);
    if (result.ok) setPreview(result.value);
    else setError(errorText(result.error));
  }

  async function commit() {
    if (!preview) return;
    const jobId = newJobId();
    const label = t('import.writing');
    setBusy({ label, done: 0, total: 0 });
    const result = await withProgress(jobId, api['dossiers.importCommit']({ previewId: preview.previewId, jobId }), (done, total) => setBusy({ label, done, total }));
    setBusy(null);
    if (!result.ok) return setError(errorText(result.error));
    toast('success', t('import.done', result.value));
    navigate({ page: 'dossiers' });
  }

  const writable = preview ? preview.counts.create + preview.counts.update + preview.counts.unchanged : 0;
  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('import.title')}</h1>
        <div className="actions">
          <button type="button" onClick={() => navigate({ page: 'dossiers' })}>{t('common.back')}</button>
        </div>
      </div>
      <p className="muted">{t('import.hint')}</p>
      <label className={busy ? 'button primary disabled' : 'button primary'}>
        {t('import.choose')}
        <input type="file" hidden accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={!!busy} onChange={(e) => void choose(e.target.files?.[0])} data-testid="import-file" />
      </label>
      {busy && <ProgressBar label={busy.label} done={busy.done} total={busy.total} />}
      {error && <div className="banner error" role="alert">{error}</div>}
      {preview && (
        <div className="import-preview">
          <h2>{preview.fileName}</h2>
          <ImportReport preview={preview} look={REPORT} />
          <div className="form-actions">
            <button type="button" className="primary" disabled={writable === 0 || !!busy} onClick={() => void commit()}>
              {writable === 0 ? t('import.nothing') : preview.counts.invalid > 0 ? t('import.confirmSkipping', { count: writable, invalid: preview.counts.invalid }) : t('import.confirm', { count: writable })}
            </button>
          </div>
          {preview.sample.length > 0 && (
            <>
              <h3>{t('import.preview', { count: preview.sample.length })}</h3>
              <table className="table">
                <thead>
                  <tr>
                    <th className="num">{t('import.row')}</th>
                    <th>{t('dossier.col.legalName')}</th>
                    <th>{t('dossier.col.creditCode')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((r) => (
                    <tr key={r.row}>
                      <td className="num">{r.row}</td>
                      <td>{r.legalName}</td>
                      <td className="mono">{r.creditCode}</td>
                      <td><span className={`tag action-${r.action}`}>{t(`import.action.${r.action}`)}</span></td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
        </div>
      )}
    </section>
  );
}
