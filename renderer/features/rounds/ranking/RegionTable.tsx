// One region's ranking in rank order: 名次, 机构, the criterion scores, 综合得分, 结果 and the reason in
// words. Applications screened out for this region only (same-city rule) follow at the end.
import { displayNumberByFormat } from '../../../../shared/dossiers/identity';
import type { Explanation } from '../../../../shared/ranking/explain';
import type { RoundResults } from '../../../../shared/rounds/results-view';
import { useLocale, useT } from '../../../i18n/i18n';
import { criterionLabel } from '../scoring/criterion-label';
import { explanationSentences } from './explanation-text';
import { formatTotal, provisionalText, statusClass, statusText } from './status';

interface Props {
  results: RoundResults;
  regionId: string;
  selectedId: string | null;
  onSelect: (applicationId: string) => void;
}

export function RegionTable({ results, regionId, selectedId, onSelect }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const region = results.ranking.regions.find((r) => r.regionId === regionId);
  if (!region) return null;
  const criteria = results.options.criteria;
  const entries = new Map(region.entries.map((e) => [e.applicationId, e]));
  const explanations = results.explanations.filter((e) => e.regionId === regionId);
  const screenedOut = results.ineligible.filter((i) => i.regionId === regionId && !entries.has(i.applicationId));
  const name = (id: string) => results.labels.applications[id]?.legalName ?? id;
  const context = {
    t,
    applicationName: name,
    regionName: (id: string) => results.labels.regions[id]?.name ?? id,
    criterionName: (key: string) => criterionLabel(t, key),
    tiedWith: (groupId: string, self: string) => (region.stillTiedGroups.find((g) => g.groupId === groupId)?.applicationIds ?? []).filter((id) => id !== self).map(name),
    join: (names: string[]) => names.join(locale === 'zh-CN' ? '、' : ', '),
  };

  const row = (applicationId: string, e: Explanation | null) => {
    const entry = entries.get(applicationId);
    const status = e?.status ?? 'ineligible';
    const pending = provisionalText(t, status, e?.provisional);
    return (
      <tr key={applicationId} className={applicationId === selectedId ? 'selected' : undefined} data-application={name(applicationId)}>
        <td className="num rank-col">{e?.rank ?? '—'}</td>
        <td className="application-col">
          <button type="button" className="link application-link" aria-pressed={applicationId === selectedId} onClick={() => onSelect(applicationId)}>
            {name(applicationId)}
          </button>
          {/* A person's 居民身份证号 is masked in the ranking (the labels carry no kind: the format tells). */}
          <div className="mono small muted">{displayNumberByFormat(results.labels.applications[applicationId]?.creditCode ?? '')}</div>
        </td>
        {criteria.map((c, i) => (
          <td key={c.key} className="num">{formatTotal(entry?.criteria[i]?.value ?? null)}</td>
        ))}
        <td className="num total-col">{formatTotal(e?.total ?? null)}</td>
        <td className="status-col">
          <span className={statusClass(status)}>{statusText(t, status, e?.waitlistPosition ?? null)}</span>
          {pending && <div className="status-tag status-provisional">{pending}</div>}
        </td>
        <td className="explain-col">
          {e ? (
            explanationSentences(e, context).map((s, i) => (
              <div key={i} className={i === 0 ? 'explain-main' : 'explain-more'}>{s}</div>
            ))
          ) : (
            <div className="explain-main">{t('ranking.explain.screenedOutHere')}</div>
          )}
        </td>
      </tr>
    );
  };

  return (
    <table className="table ranking-table" aria-label={t('ranking.table.label', { region: context.regionName(regionId) })}>
      <thead>
        <tr>
          <th className="num rank-col">{t('ranking.col.rank')}</th>
          <th>{t('ranking.col.application')}</th>
          {criteria.map((c) => (
            <th key={c.key} className="num">
              {criterionLabel(t, c.key)}
              <div className="small muted weight">{t('ranking.col.weight', { weight: c.weight })}</div>
            </th>
          ))}
          <th className="num total-col">{t('ranking.col.total')}</th>
          <th className="status-col">{t('ranking.col.result')}</th>
          <th>{t('ranking.col.explanation')}</th>
        </tr>
      </thead>
      <tbody>
        {explanations.map((e) => row(e.applicationId, e))}
        {screenedOut.map((i) => row(i.applicationId, null))}
      </tbody>
    </table>
  );
}
