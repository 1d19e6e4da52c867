// One region of the printed list: its quota and a table in ranking order. Rows screened out of a second or
// later choice are left to the appendix (PrintAppendix.tsx, issue 11).
import { displayNumberByFormat } from '../../../../shared/dossiers/identity';
import type { RoundResults } from '../../../../shared/rounds/results-view';
import type { SelectionRow } from '../../../../shared/rounds/selection-list';
import { inIneligibleAppendix } from '../../../../shared/rounds/print-appendix';
import { useT } from '../../../i18n/i18n';
import { formatTotal, provisionalText, statusText } from '../ranking/status';

export function PrintRegion({ results, regionId, rows }: { results: RoundResults; regionId: string; rows: SelectionRow[] }) {
  const t = useT();
  const region = results.labels.regions[regionId];
  const allocation = results.allocation.regions.find((r) => r.regionId === regionId);
  const shown = rows.filter((r) => !inIneligibleAppendix(r));
  return (
    <section className="print-region">
      <h2>
        {region?.name ?? regionId}
        {region?.city && <span className="print-city">（{region.city}）</span>}
        {allocation && <span className="print-quota">{t('print.quota', { quota: allocation.quota, admitted: allocation.admitted.length, cutoff: formatTotal(allocation.cutoffTotal) })}</span>}
      </h2>
      <table className="print-table">
        <thead>
          <tr>
            <th className="num rank">{t('ranking.col.rank')}</th>
            <th>{t('print.col.name')}</th>
            <th className="code">{t('print.col.creditCode')}</th>
            <th className="num total">{t('ranking.col.total')}</th>
            <th className="result">{t('ranking.col.result')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.length === 0 && (
            <tr>
              <td colSpan={5} className="print-none">{t('print.noEntries')}</td>
            </tr>
          )}
          {shown.map((r) => (
            <tr key={r.applicationId} className={r.status === 'admitted' ? 'admitted' : undefined}>
              <td className="num rank">{r.rank ?? '—'}</td>
              <td>{r.legalName}</td>
              <td className="code">{displayNumberByFormat(r.creditCode)}</td>
              <td className="num total">{formatTotal(r.total)}</td>
              <td className="result">
                {statusText(t, r.status, r.waitlistPosition)}
                {provisionalText(t, r.status, r.provisional) && <div className="print-provisional">{provisionalText(t, r.status, r.provisional)}</div>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
