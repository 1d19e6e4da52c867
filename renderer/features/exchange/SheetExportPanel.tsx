// On the member's laptop (a package round): after 提交, 导出签名评分表. When a sheet was sent before, the
// export is an amendment and asks for the reason (the backend refuses one without).
import { useState } from 'react';
import { api } from '../../api/client';
import { toast } from '../../app/toasts';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/i18n';
import { downloadBase64 } from '../../lib/files';
import { errorText } from '../../lib/errors';
import { useLoad } from '../rounds/common/use-load';
import './exchange.css';

export function SheetExportPanel({ roundId, submitted }: { roundId: string; submitted: boolean }) {
  const t = useT();
  const info = useLoad(() => api['exchange.roundInfo']({ roundId }), [roundId]);
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function exportSheet(withReason: string | null) {
    const result = await api['exchange.exportSheet']({ roundId, reason: withReason });
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    setAsking(false);
    setReason('');
    downloadBase64(result.value.fileName, result.value.mime, result.value.dataBase64);
    const next = await api['exchange.roundInfo']({ roundId });
    if (next.ok) toast('success', t('exchange.sheet.sent', { sequence: next.value.lastSentSequence ?? 1 }));
    await info.reload();
  }

  const sentBefore = info.data?.lastSentSequence ?? null;
  return (
    <section className="panel exchange-panel" aria-labelledby="sheet-export-title">
      <h2 id="sheet-export-title">{t('exchange.sheet.title')}</h2>
      <p className="muted small">{submitted ? t('exchange.sheet.hint') : t('exchange.sheet.notSubmitted')}</p>
      {sentBefore !== null && <p className="small">{t('exchange.sheet.sent', { sequence: sentBefore })}</p>}
      <button type="button" className="primary" disabled={!submitted} onClick={() => (sentBefore !== null ? setAsking(true) : void exportSheet(null))}>{t('exchange.sheet.export')}</button>
      {error && !asking && <p className="banner error" role="alert">{error}</p>}
      {asking && (
        <Modal title={t('exchange.sheet.reasonTitle')} onCancel={() => setAsking(false)}>
          <p className="muted small">{t('exchange.sheet.reasonHint')}</p>
          <textarea value={reason} maxLength={500} rows={3} onChange={(e) => setReason(e.target.value)} aria-label={t('exchange.sheet.reasonTitle')} />
          {error && <p className="banner error" role="alert">{error}</p>}
          <div className="actions">
            <button type="button" onClick={() => setAsking(false)}>{t('common.cancel')}</button>
            <button type="button" className="primary" disabled={reason.trim() === ''} onClick={() => void exportSheet(reason)}>{t('exchange.sheet.export')}</button>
          </div>
        </Modal>
      )}
    </section>
  );
}
