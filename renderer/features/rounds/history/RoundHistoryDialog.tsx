// The round's change history (修改历史), newest first: who did what and when. A score import is one entry
// per member sheet (issue 8), summarised in words; its scores are read a page at a time on request
// (rounds.importedCells), so the dialog never loads a whole import's cells.
import './round-history.css';
import { useState } from 'react';
import { api } from '../../../api/client';
import { Modal } from '../../../components/Modal';
import { useLocale, useT, translateLoose } from '../../../i18n/i18n';
import { formatDateTime } from '../../../lib/format';
import { useLoad } from '../common/use-load';
import { criterionLabel } from '../scoring/criterion-label';
import { formatScore } from '../scoring/parse-score';
import { historyDetail, scoreImportOf } from './round-history-text';

const PAGE = 100;

export function RoundHistoryDialog({ roundId, onClose }: { roundId: string; onClose: () => void }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const history = useLoad(() => api['rounds.history']({ id: roundId }), [roundId]);
  const [open, setOpen] = useState<number | null>(null);
  const text = { t: translateLoose, criterionName: (key: string) => criterionLabel(t, key) };
  return (
    <Modal title={t('roundHistory.title')} onCancel={onClose} labelledBy="round-history-title">
      <div className="round-history">
        {history.error && <p role="alert">{history.error}</p>}
        {history.data && history.data.length === 0 && <p className="muted">{t('history.empty')}</p>}
        {history.data && history.data.length > 0 && <p className="muted small">{t('roundHistory.shown', { count: history.data.length })}</p>}
        <ol className="history">
          {history.data?.map((c) => {
            const detail = historyDetail(c, text);
            const imported = scoreImportOf(c);
            return (
              <li key={c.seq} data-action={c.action}>
                <div className="history-head">
                  <strong>{t(`history.action.${c.action}`)}</strong>
                  <span className="muted small"> {c.actor} · {formatDateTime(c.at, locale)}</span>
                </div>
                {detail && <div className="history-detail">{detail}</div>}
                {imported && imported.written > 0 && (
                  <button type="button" className="link" aria-expanded={open === c.seq} onClick={() => setOpen(open === c.seq ? null : c.seq)}>
                    {open === c.seq ? t('roundHistory.cells.hide') : t('roundHistory.cells.show')}
                  </button>
                )}
                {open === c.seq && <ImportedCells roundId={roundId} seq={c.seq} />}
              </li>
            );
          })}
        </ol>
      </div>
      <div className="modal-actions">
        <button type="button" onClick={onClose}>{t('common.close')}</button>
      </div>
    </Modal>
  );
}

/** One page of the cells an import wrote, with its earlier value (— for a cell that was empty). */
function ImportedCells({ roundId, seq }: { roundId: string; seq: number }) {
  const t = useT();
  const [offset, setOffset] = useState(0);
  const page = useLoad(() => api['rounds.importedCells']({ roundId, seq, offset, limit: PAGE }), [roundId, seq, offset]);
  if (page.error) return <p role="alert">{page.error}</p>;
  if (!page.data) return <p className="muted small">{t('common.loading')}</p>;
  const { total, cells } = page.data;
  return (
    <div className="imported-cells">
      <table>
        <thead>
          <tr>
            <th>{t('roundHistory.cells.applicant')}</th>
            <th>{t('roundHistory.cells.criterion')}</th>
            <th className="num">{t('roundHistory.cells.before')}</th>
            <th className="num">{t('roundHistory.cells.after')}</th>
            <th>{t('roundHistory.cells.comment')}</th>
          </tr>
        </thead>
        <tbody>
          {cells.map((cell, i) => (
            <tr key={offset + i}>
              <td>{cell.legalName ?? cell.applicationId}</td>
              <td>{criterionLabel(t, cell.criterion)}</td>
              <td className="num">{cell.before ? formatScore(cell.before.value) : '—'}</td>
              <td className="num">{formatScore(cell.value)}</td>
              <td>{cell.comment}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="imported-cells-pages">
        <span className="muted small">{t('roundHistory.cells.range', { from: Math.min(total, offset + 1), to: offset + cells.length, total })}</span>
        <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>{t('roundHistory.cells.previous')}</button>
        <button type="button" disabled={offset + PAGE >= total} onClick={() => setOffset(offset + PAGE)}>{t('roundHistory.cells.next')}</button>
      </div>
    </div>
  );
}
