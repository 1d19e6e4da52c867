// 结果包. Chair (own round, finalized): export the signed result. Member (package round): load the chair's
// result package; the backend verifies it against the pinned chair key of this round and compares the
// member's own counted sheet cell by cell with the signed sheet the member sent. Differences are listed.
import { useState } from 'react';
import { api } from '../../api/client';
import type { ResultCheckView } from '../../../shared/api/contract-exchange';
import { useLocale, useT } from '../../i18n/i18n';
import { downloadBase64 } from '../../lib/files';
import { errorText, toastError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { pickFiles } from './pick-file';
import './exchange.css';

export function ResultExportButton({ roundId }: { roundId: string }) {
  const t = useT();
  async function exportResult() {
    const result = await api['exchange.exportResult']({ roundId });
    if (!result.ok) return toastError(result.error);
    downloadBase64(result.value.fileName, result.value.mime, result.value.dataBase64);
  }
  return <button type="button" onClick={() => void exportResult()}>{t('exchange.result.export')}</button>;
}

export function ResultCheckPanel() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [check, setCheck] = useState<ResultCheckView | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function choose() {
    const [picked] = await pickFiles('.rdresult,application/json');
    if (!picked) return;
    const result = await api['exchange.checkResult']({ dataBase64: picked.dataBase64 });
    if (!result.ok) {
      setCheck(null);
      return setError(errorText(result.error));
    }
    setError(null);
    setCheck(result.value);
  }

  const show = (v: number | null) => (v === null ? t('exchange.result.missing') : String(v));
  return (
    <section className="panel exchange-panel" aria-labelledby="result-check-title">
      <h2 id="result-check-title">{t('exchange.result.title')}</h2>
      <button type="button" onClick={() => void choose()}>{t('exchange.result.choose')}</button>
      {error && <p className="banner error" role="alert">{error}</p>}
      {check && (
        <div role="status">
          <p>{t('exchange.result.verified', { fingerprint: check.chairFingerprint, at: formatDateTime(check.finalizedAt, locale) })}</p>
          {check.countedSequence === null && <p className="banner warn">{t('exchange.result.typed')}</p>}
          {check.newerSent !== null && check.countedSequence !== null && <p className="banner warn">{t('exchange.result.newerSent', { sent: check.newerSent, counted: check.countedSequence })}</p>}
          {check.differences.length === 0 ? (
            <p className="banner ok">{t('exchange.result.same', { sequence: check.countedSequence ?? '—', cells: check.cells })}</p>
          ) : (
            <>
              <p className="banner error">{t('exchange.result.differences', { count: check.differences.length })}</p>
              <table className="table compact exchange-diff">
                <thead>
                  <tr>
                    <th>{t('exchange.result.application')}</th>
                    <th>{t('exchange.result.criterion')}</th>
                    <th className="num">{t('exchange.result.sent')}</th>
                    <th className="num">{t('exchange.result.counted')}</th>
                  </tr>
                </thead>
                <tbody>
                  {check.differences.map((d) => (
                    <tr key={d.applicationId + d.criterion}>
                      <td>{d.legalName}</td>
                      <td>{d.criterion}</td>
                      <td className="num">{show(d.sent)}</td>
                      <td className="num bad">{show(d.counted)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          )}
          <h3>{t('exchange.result.selection')}</h3>
          <table className="table compact">
            <tbody>
              {check.selection.filter((r) => r.status === 'admitted').map((r) => (
                <tr key={r.regionId + r.applicationId}>
                  <td>{r.regionName}</td>
                  <td>{r.rank ?? ''}</td>
                  <td>{r.legalName}</td>
                  <td className="num">{r.total ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
