// What an import preview reports before anything is written (dossiers, KPI figures): the row counts, the
// columns ignored, and every refused row with its column and reason. Both imports share the issue shape
// (shared/dossiers/import-schema); each brings its own words and the test ids its e2e tests look for.
import type { ReactNode } from 'react';
import type { ImportIssue } from '../../shared/dossiers/import-schema';
import { useT, type MessageKey } from '../i18n/i18n';

export interface ImportReportLook {
  testIds: { summary: string; issues: string };
  /** summary gets {total} and every count by its name; unknownColumns gets {columns}. */
  keys: { summary: MessageKey; unknownColumns: MessageKey; issues: MessageKey; row: MessageKey; column: MessageKey; reason: MessageKey; value?: MessageKey };
}

interface Props {
  preview: { totalRows: number; counts: Readonly<Record<string, number>>; unknownColumns: readonly string[]; issues: readonly ImportIssue[] };
  look: ImportReportLook;
  /** Shown under the summary (the KPI import names the providers and months). */
  children?: ReactNode;
}

export function ImportReport({ preview, look: { testIds, keys }, children }: Props) {
  const t = useT();
  // The offending cell as written, when the import reports it (issue 11: "error rows show the value").
  const withValue = keys.value !== undefined && preview.issues.some((i) => i.value !== undefined);
  return (
    <>
      <p className="summary" data-testid={testIds.summary}>
        {t(keys.summary, { total: preview.totalRows, ...preview.counts })}
      </p>
      {children}
      {preview.unknownColumns.length > 0 && <p className="banner">{t(keys.unknownColumns, { columns: preview.unknownColumns.join('、') })}</p>}
      {preview.issues.length > 0 && (
        <>
          <h3>{t(keys.issues)}</h3>
          <table className="table issues-table" data-testid={testIds.issues}>
            <thead>
              <tr>
                <th className="num">{t(keys.row)}</th>
                <th>{t(keys.column)}</th>
                {withValue && <th>{t(keys.value!)}</th>}
                <th>{t(keys.reason)}</th>
              </tr>
            </thead>
            <tbody>
              {preview.issues.map((issue, i) => (
                <tr key={i}>
                  <td className="num">{issue.row}</td>
                  {/* '' is a problem with the whole row */}
                  <td>{issue.column || '—'}</td>
                  {withValue && <td className="mono issue-value">{issue.value ? issue.value : <span className="muted">{t('import.emptyCell')}</span>}</td>}
                  <td>{issue.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
    </>
  );
}
