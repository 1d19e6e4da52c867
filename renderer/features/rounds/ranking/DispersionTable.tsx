// How far the members' scores spread, per application and criterion: max − min and the standard
// deviation, with a mark where a member's score is an outlier (shared/ranking/analysis.ts).
import type { RegionAnalysis } from '../../../../shared/ranking/analysis';
import type { RoundResults } from '../../../../shared/rounds/results-view';
import { useT } from '../../../i18n/i18n';
import { criterionLabel } from '../scoring/criterion-label';
import { formatTotal } from './status';

interface Props {
  results: RoundResults;
  analysis: RegionAnalysis;
  selectedId: string | null;
  onSelect: (applicationId: string) => void;
}

export const formatPoints = (value: number | null): string => (value === null ? '—' : String(Math.round(value * 100) / 100));

export function DispersionTable({ results, analysis, selectedId, onSelect }: Props) {
  const t = useT();
  const criteria = results.options.criteria;
  const name = (id: string) => results.labels.applications[id]?.legalName ?? id;
  return (
    <table className="table dispersion-table">
      <caption>{t('ranking.analysis.dispersion')}</caption>
      <thead>
        <tr>
          <th className="num">{t('ranking.col.rank')}</th>
          <th>{t('ranking.col.application')}</th>
          {criteria.map((c) => (
            <th key={c.key} className="num">{criterionLabel(t, c.key)}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {analysis.applications.filter((a) => a.standing !== 'ineligible').map((a) => (
          <tr key={a.applicationId} className={a.applicationId === selectedId ? 'selected' : undefined}>
            <td className="num">{a.rank ?? '—'}</td>
            <td>
              <button type="button" className="link" aria-pressed={a.applicationId === selectedId} onClick={() => onSelect(a.applicationId)}>{name(a.applicationId)}</button>
            </td>
            {a.criteria.map((c) => {
              const outliers = c.scores.filter((s) => s.outlier).length;
              return (
                <td key={c.criterion} className={outliers > 0 ? 'num has-outlier' : 'num'}>
                  <div>{formatTotal(c.value)}</div>
                  {c.spread !== null && (
                    <div className="small muted spread-lines">
                      <span>{t('ranking.analysis.spreadShort', { spread: formatPoints(c.spread) })}</span>
                      <span>{t('ranking.analysis.sdShort', { sd: formatTotal(c.stdDev) })}</span>
                    </div>
                  )}
                  {outliers > 0 && <div className="small outlier-note">⚠ {t('ranking.analysis.outliers', { count: outliers })}</div>}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
