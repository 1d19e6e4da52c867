// 导入考核数据: the platform's figures from an XLSX/CSV file, in two steps — the file is checked and
// previewed (nothing written; every refused row listed with its column and reason), then the chair confirms
// and all valid rows are written in one transaction. Format: docs/kpi-import.md.
import { useState } from 'react';
import type { KpiImportPreview } from '../../../shared/cooperations/kpi-import';
import type { KpiRuleSetKind } from '../../../shared/lifecycle/kpi-rules';
import { figureFieldsOf } from '../../../shared/cooperations/figure-text';
import { api } from '../../api/client';
import { toast } from '../../app/toasts';
import { useLocale, useT } from '../../i18n/i18n';
import { readFileAsBase64 } from '../../lib/files';
import { errorText } from '../../lib/errors';
import { ProgressBar } from '../../components/ProgressBar';
import { ImportReport, type ImportReportLook } from '../../components/ImportReport';
import { FIELD_LABEL } from './labels';
import { formatMonth } from './format';

const REPORT: ImportReportLook = {
  testIds: { summary: 'kpi-import-summary', issues: 'kpi-import-issues' },
  keys: { summary: 'kpi.import.summary', unknownColumns: 'kpi.import.unknownColumns', issues: 'kpi.import.issues', row: 'kpi.import.row', column: 'kpi.import.column', reason: 'kpi.import.reason' },
};

interface Props {
  programId: string;
  kind: KpiRuleSetKind;
  onClose: () => void;
  /** With the months the file filled, oldest first: the grid shows the latest. */
  onImported: (months: string[]) => void;
}

export function KpiImportPanel({ programId, kind, onClose, onImported }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const [preview, setPreview] = useState<KpiImportPreview | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function choose(file: File | undefined) {
    if (!file) return;
    setPreview(null);
    setError(null);
    setBusy(t('kpi.import.reading', { fileName: file.name }));
    const dataBase64 = await readFileAsBase64(file);
    const result = await api['kpi.importPreview']({ programId, fileName: file.name, dataBase64 });
    setBusy(null);
    if (result.ok) setPreview(result.value);
    else setError(errorText(result.error));
  }

  async function commit() {
    if (!preview) return;
    setBusy(t('kpi.import.writing'));
    const result = await api['kpi.importCommit']({ previewId: preview.previewId });
    setBusy(null);
    if (!result.ok) return setError(errorText(result.error));
    toast('success', t('kpi.import.done', result.value));
    onImported(preview.months);
    onClose();
  }

  const writable = preview ? preview.counts.new + preview.counts.changed + preview.counts.unchanged : 0;
  const columns = figureFieldsOf(kind).map((f) => t(FIELD_LABEL[f])).join('、');
  return (
    <section className="panel kpi-import" aria-labelledby="kpi-import-title">
      <div className="kpi-import-head">
        <h2 id="kpi-import-title">{t('kpi.import.title')}</h2>
        <button type="button" onClick={onClose}>{t('common.close')}</button>
      </div>
      <p className="muted">{t('kpi.import.hint', { columns })}</p>
      <label className={busy ? 'button primary disabled' : 'button primary'}>
        {t('kpi.import.choose')}
        <input type="file" hidden accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" disabled={!!busy} onChange={(e) => void choose(e.target.files?.[0])} data-testid="kpi-import-file" />
      </label>
      {busy && <ProgressBar label={busy} done={0} total={0} />}
      {error && <div className="banner error" role="alert">{error}</div>}
      {preview && (
        <div className="import-preview">
          <h3>{preview.fileName}</h3>
          <ImportReport preview={preview} look={REPORT}>
            {preview.months.length > 0 && <p>{t('kpi.import.scope', { providers: preview.providers, months: preview.months.map((m) => formatMonth(m, locale)).join('、') })}</p>}
          </ImportReport>
          <div className="kpi-import-actions">
            <button type="button" className="primary" disabled={writable === 0 || !!busy} onClick={() => void commit()}>
              {writable === 0 ? t('kpi.import.nothing') : preview.counts.invalid > 0 ? t('kpi.import.confirmSkipping', { count: writable, invalid: preview.counts.invalid }) : t('kpi.import.confirm', { count: writable })}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
