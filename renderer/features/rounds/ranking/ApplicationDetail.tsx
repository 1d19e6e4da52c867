// One application in detail: per criterion the weight, the aggregate and how it was formed, the weighted
// contribution, every member's score (an outlier marked with its distance from the others' median), and
// the spread. Members who declared a conflict (回避) are shown as such.
import type { ApplicationAnalysis, CriterionAnalysis } from '../../../../shared/ranking/analysis';
import type { RoundResults } from '../../../../shared/rounds/results-view';
import { useT, type MessageKey } from '../../../i18n/i18n';
import { criterionLabel } from '../scoring/criterion-label';
import { formatPoints } from './DispersionTable';
import { formatTotal } from './status';

const METHOD_KEY: Record<CriterionAnalysis['method'], MessageKey> = {
  mean: 'ranking.method.mean',
  trimmedMean: 'ranking.method.trimmedMean',
  median: 'ranking.method.median',
  lowestPrice: 'ranking.method.lowestPrice',
};

export function ApplicationDetail({ results, application }: { results: RoundResults; application: ApplicationAnalysis }) {
  const t = useT();
  const memberIds = Object.keys(results.labels.members);
  const recused = new Set(application.recusedMemberIds);
  const name = results.labels.applications[application.applicationId]?.legalName ?? application.applicationId;
  return (
    <div className="panel application-detail" data-testid="application-detail">
      <h3>{t('ranking.analysis.detailTitle', { name })}</h3>
      <table className="table detail-table">
        <thead>
          <tr>
            <th>{t('ranking.analysis.criterion')}</th>
            <th className="num">{t('ranking.analysis.score')}</th>
            <th className="num">{t('ranking.analysis.contribution')}</th>
            {memberIds.map((id) => (
              <th key={id} className="num">{results.labels.members[id]?.name ?? id}</th>
            ))}
            <th className="num">{t('ranking.analysis.spread')}</th>
            <th className="num">{t('ranking.analysis.stdDev')}</th>
          </tr>
        </thead>
        <tbody>
          {application.criteria.map((c) => (
            <tr key={c.criterion}>
              <td>
                {criterionLabel(t, c.criterion)} <span className="small muted">{c.weight}%</span>
                <div className="small muted">{t(METHOD_KEY[c.method])}</div>
              </td>
              <td className="num">{formatTotal(c.value)}</td>
              <td className="num">{formatTotal(c.contribution)}</td>
              {memberIds.map((id) => {
                const s = c.scores.find((x) => x.memberId === id);
                if (recused.has(id)) return <td key={id} className="num muted">{t('ranking.analysis.recused')}</td>;
                if (c.method === 'lowestPrice') return <td key={id} className="num muted">—</td>;
                if (!s) return <td key={id} className="num muted">—</td>;
                return (
                  <td key={id} className={s.outlier ? 'num outlier' : 'num'} title={s.deviation === null ? undefined : t('ranking.analysis.deviation', { value: formatPoints(s.deviation) })}>
                    {formatPoints(s.value)}
                    {s.outlier && <span className="outlier-flag"> ⚠</span>}
                  </td>
                );
              })}
              <td className="num">{formatPoints(c.spread)}</td>
              <td className="num">{formatTotal(c.stdDev)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <td colSpan={2}>{t('ranking.col.total')}</td>
            <td className="num total-col">{formatTotal(application.total)}</td>
            <td colSpan={memberIds.length + 2} />
          </tr>
        </tfoot>
      </table>
    </div>
  );
}
