// 附录：第二志愿不合格 (issue 11): applications screened out of a region they listed as a second (or later)
// choice, after the main list and its signatures, so the regions' tables show only what decided them
// (shared/rounds/print-appendix.ts says which rows). Nothing prints when there are none.
import type { RoundResults } from '../../../../shared/rounds/results-view';
import type { SelectionRow } from '../../../../shared/rounds/selection-list';
import { splitForPrint } from '../../../../shared/rounds/print-appendix';
import { useT } from '../../../i18n/i18n';

export function PrintAppendix({ results, rows }: { results: RoundResults; rows: SelectionRow[] }) {
  const t = useT();
  const { appendix } = splitForPrint(rows);
  if (appendix.length === 0) return null;
  const laterThanSecond = appendix.some((r) => (r.preference ?? 0) > 2);
  return (
    <section className="print-appendix" data-testid="print-appendix">
      <h2>{t(laterThanSecond ? 'print.appendix.titleLater' : 'print.appendix.title')}</h2>
      <p className="print-appendix-note">{t('print.appendix.note')}</p>
      <table className="print-table">
        <thead>
          <tr>
            <th>{t('print.appendix.region')}</th>
            <th>{t('print.col.name')}</th>
            <th className="code">{t('print.col.creditCode')}</th>
            <th className="preference">{t('print.appendix.preference')}</th>
          </tr>
        </thead>
        <tbody>
          {appendix.map((r) => (
            <tr key={`${r.regionId}|${r.applicationId}`}>
              <td>{results.labels.regions[r.regionId]?.name ?? r.regionName}</td>
              <td>{r.legalName}</td>
              <td className="code">{r.creditCode}</td>
              <td className="preference">{t('print.appendix.preferenceN', { n: r.preference ?? '' })}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
