// Import in two steps: the file is checked and previewed (nothing written), then the user confirms and all
// valid rows are written in one transaction. Issue 11: every updated row shows its changes field by field;
// a change of 企业名称 or 法定代表人 is flagged and needs an explicit tick (the backend refuses the commit
// without it); empty cells keep stored values unless "空单元格清空字段" is ticked; refused cells show their
// value; a template (columns + one example row) can be downloaded; afterwards the list starts without the
// old search, so the imported rows show.
import { displayNumberByFormat } from '../../../shared/dossiers/identity';
import { useState } from 'react';
import { api } from '../../api/client';
import type { ImportPreview } from '../../../shared/dossiers/import-schema';
import { navigate } from '../../app/router';
import { toast } from '../../app/toasts';
import { useT } from '../../i18n/i18n';
import { downloadBase64, readFileAsBase64 } from '../../lib/files';
import { errorText } from '../../lib/errors';
import { newJobId, withProgress } from '../../lib/progress';
import { ProgressBar } from '../../components/ProgressBar';
import { ImportReport, type ImportReportLook } from '../../components/ImportReport';
import { ImportChanges } from './ImportChanges';
import { forgetDossierListSearch } from './DossierListPage';

const REPORT: ImportReportLook = {
  testIds: { summary: 'import-summary', issues: 'import-issues' },
  keys: { summary: 'import.summary', unknownColumns: 'import.unknownColumns', issues: 'import.issues', row: 'import.row', column: 'import.column', reason: 'import.reason', value: 'import.value' },
};

type Busy = { label: string; done: number; total: number } | null;

export function ImportPage() {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [clearEmpty, setClearEmpty] = useState(false);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [acknowledged, setAcknowledged] = useState(false);
  const [busy, setBusy] = useState<Busy>(null);
  const [error, setError] = useState<string | null>(null);

  async function check(chosen: File | null, clear: boolean) {
    if (!chosen) return;
    setPreview(null);
    setAcknowledged(false);
    setError(null);
    const jobId = newJobId();
    const label = t('import.reading', { fileName: chosen.name });
    setBusy({ label, done: 0, total: 0 });
    const dataBase64 = await readFileAsBase64(chosen);
    const result = await withProgress(jobId, api['dossiers.importPreview']({ fileName: chosen.name, dataBase64, jobId, emptyCells: clear ? 'clear' : 'keep' }), (done, total) => setBusy({ label, done, total }));
    setBusy(null);
    if (result.ok) setPreview(result.value);
    else setError(errorText(result.error));
  }

  async function commit() {
    if (!preview) return;
    if (preview.identityChanges > 0 && !acknowledged) return setError(t('import.identity.needAck'));
    const jobId = newJobId();
    const label = t('import.writing');
    setBusy({ label, done: 0, total: 0 });
    const result = await withProgress(jobId, api['dossiers.importCommit']({ previewId: preview.previewId, jobId, acknowledgeIdentityChanges: acknowledged }), (done, total) => setBusy({ label, done, total }));
    setBusy(null);
    if (!result.ok) return setError(errorText(result.error));
    toast('success', t('import.done', result.value));
    forgetDossierListSearch();
    navigate({ page: 'dossiers' });
  }

  async function template() {
    const result = await api['dossiers.importTemplate']({});
    if (!result.ok) return setError(errorText(result.error));
    downloadBase64(result.value.fileName, result.value.mime, result.value.dataBase64);
  }

  const writable = preview ? preview.counts.create + preview.counts.update + preview.counts.unchanged : 0;
  const blockedByIdentity = preview !== null && preview.identityChanges > 0 && !acknowledged;
  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('import.title')}</h1>
        <div className="actions">
          <button type="button" onClick={() => void template()}>{t('import.template')}</button>
          <button type="button" onClick={() => navigate({ page: 'dossiers' })}>{t('common.back')}</button>
        </div>
      </div>
      <p className="muted">{t('import.hint')}</p>
      <div className="import-choose">
        <label className={busy ? 'button primary disabled' : 'button primary'}>
          {t('import.choose')}
          <input
            type="file"
            hidden
            accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            disabled={!!busy}
            onChange={(e) => {
              const chosen = e.target.files?.[0] ?? null;
              setFile(chosen);
              void check(chosen, clearEmpty);
            }}
            data-testid="import-file"
          />
        </label>
        <label className="check">
          <input type="checkbox" checked={clearEmpty} disabled={!!busy} onChange={(e) => (setClearEmpty(e.target.checked), void check(file, e.target.checked))} />
          {t('import.emptyCells.clear')}
        </label>
        <span className="muted small">{t('import.emptyCells.hint')}</span>
      </div>
      {busy && <ProgressBar label={busy.label} done={busy.done} total={busy.total} />}
      {error && <div className="banner error" role="alert">{error}</div>}
      {preview && (
        <div className="import-preview">
          <h2>{preview.fileName}</h2>
          <ImportReport preview={preview} look={REPORT} />
          <ImportChanges preview={preview} acknowledged={acknowledged} onAcknowledge={(v) => (setAcknowledged(v), setError(null))} />
          <div className="form-actions">
            <button type="button" className="primary" disabled={writable === 0 || !!busy || blockedByIdentity} title={blockedByIdentity ? t('import.identity.needAck') : undefined} onClick={() => void commit()}>
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
                    <th>{t('dossier.col.identityNumber')}</th>
                    <th />
                  </tr>
                </thead>
                <tbody>
                  {preview.sample.map((r) => (
                    <tr key={r.row}>
                      <td className="num">{r.row}</td>
                      <td>{r.legalName}</td>
                      <td className="mono">{displayNumberByFormat(r.creditCode)}</td>
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
