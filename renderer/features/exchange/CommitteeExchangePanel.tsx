// The chair's exchange desk on the committee tab: per member the key badge and the exchange status from
// exchange.status (未登记密钥 / 未发包 / 已发包 / 已收到并核验（第n版）/ n 份已被取代), 登记密钥, 导出评审包
// (optionally without attachments) and 导入评分表 for the round — each file reported on its own.
import { ProgressBar } from '../../components/ProgressBar';
import { useState } from 'react';
import { api } from '../../api/client';
import type { ExchangeStatusRow } from '../../../shared/api/contract-exchange';
import { useT } from '../../i18n/i18n';
import { downloadBase64 } from '../../lib/files';
import { errorText, toastError } from '../../lib/errors';
import { useLoad } from '../rounds/common/use-load';
import { RegisterKeyDialog } from './RegisterKeyDialog';
import { pickFiles } from './pick-file';
import './exchange.css';

export function CommitteeExchangePanel({ roundId, readOnly, onChanged }: { roundId: string; readOnly: boolean; onChanged: () => Promise<void> }) {
  const t = useT();
  const status = useLoad(() => api['exchange.status']({ roundId }), [roundId]);
  const [registering, setRegistering] = useState<ExchangeStatusRow | null>(null);
  const [noAttachments, setNoAttachments] = useState(false);
  const [report, setReport] = useState<{ text: string; ok: boolean }[]>([]);
  /** Sheets checked so far while several files are imported one after another (each is verified and written). */
  const [importing, setImporting] = useState<{ done: number; total: number } | null>(null);

  async function exportPackage(row: ExchangeStatusRow) {
    const result = await api['exchange.exportPackage']({ roundId, memberId: row.memberId, includeAttachments: !noAttachments });
    if (!result.ok) return toastError(result.error);
    downloadBase64(result.value.fileName, result.value.mime, result.value.dataBase64);
    await status.reload();
  }

  async function importSheets() {
    const files = await pickFiles('.rdsheet,application/json', true);
    if (files.length === 0) return;
    const lines: { text: string; ok: boolean }[] = [];
    setReport([]);
    setImporting({ done: 0, total: files.length });
    for (const [i, f] of files.entries()) {
      const result = await api['exchange.importSheet']({ dataBase64: f.dataBase64 });
      lines.push(result.ok ? { ok: true, text: t('exchange.importSheets.accepted', { file: f.name, name: result.value.memberName, sequence: result.value.sequence, cells: result.value.cells }) } : { ok: false, text: t('exchange.importSheets.refused', { file: f.name, reason: errorText(result.error) }) });
      setImporting({ done: i + 1, total: files.length });
    }
    setImporting(null);
    setReport(lines);
    await status.reload();
    await onChanged();
  }

  const stateText = (row: ExchangeStatusRow) => (row.state === 'verified' ? t('exchange.state.verified', { sequence: row.current?.sequence ?? 1 }) : t(`exchange.state.${row.state}`));
  return (
    <section className="panel committee-section exchange-panel" aria-labelledby="exchange-title">
      <div className="section-head">
        <h2 id="exchange-title">{t('exchange.committee.title')}</h2>
        <span className="muted small">{t('exchange.committee.hint')}</span>
      </div>
      {status.error && <p className="banner error" role="alert">{status.error}</p>}
      {status.data && (
        <table className="table compact exchange-table">
          <thead>
            <tr>
              <th>{t('committee.name')}</th>
              <th>{t('exchange.col.key')}</th>
              <th>{t('exchange.col.status')}</th>
              {!readOnly && <th>{t('exchange.col.actions')}</th>}
            </tr>
          </thead>
          <tbody>
            {status.data.map((row) => (
              <tr key={row.memberId} data-member={row.name}>
                <td>{row.name}</td>
                <td>{row.fingerprint ? <span className="tag key" title={row.fingerprint}>{t('exchange.keyBadge')}</span> : <span className="muted">—</span>}</td>
                <td>
                  <span className={row.state === 'verified' ? 'tag ok' : 'tag'}>{stateText(row)}</span>
                  {row.superseded > 0 && <span className="muted small"> · {t('exchange.state.superseded', { count: row.superseded })}</span>}
                </td>
                {!readOnly && (
                  <td className="row-actions">
                    <button type="button" className="link" onClick={() => setRegistering(row)}>{t('exchange.registerKey')}</button>
                    {row.fingerprint && <button type="button" className="link" onClick={() => void exportPackage(row)}>{t('exchange.exportPackage')}</button>}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <div className="actions">
          <label>
            <input type="checkbox" checked={noAttachments} onChange={(e) => setNoAttachments(e.target.checked)} /> {t('exchange.noAttachments')}
          </label>
          <button type="button" disabled={importing !== null} onClick={() => void importSheets()}>{t('exchange.importSheets')}</button>
        </div>
      )}
      {importing && <ProgressBar done={importing.done} total={importing.total} label={t('exchange.importSheets.progress', { done: importing.done, total: importing.total })} />}
      {report.length > 0 && (
        <ul className="exchange-results" role="status">
          {report.map((line, i) => (
            <li key={i} className={line.ok ? 'accepted' : 'refused'}>{line.text}</li>
          ))}
        </ul>
      )}
      {registering && (
        <RegisterKeyDialog
          member={{ id: registering.memberId, name: registering.name }}
          onClose={() => setRegistering(null)}
          onDone={() => {
            setRegistering(null);
            void status.reload();
          }}
        />
      )}
    </section>
  );
}
