// One region's ranking in rank order: 名次, 机构, the criterion scores, 综合得分, 结果 and the reason in
// words. Applications screened out for this region only (same-city rule) follow at the end.
// Issue 11: the column headers sort (名次 is the default, the committee's order; equal values keep it).
// Issue 8: a long region renders the rows in view only (use-region-window.ts).
import { Fragment, useMemo, useRef, useState } from 'react';
import { displayNumberByFormat } from '../../../../shared/dossiers/identity';
import type { Explanation } from '../../../../shared/ranking/explain';
import type { RoundResults } from '../../../../shared/rounds/results-view';
import { useLocale, useT } from '../../../i18n/i18n';
import { criterionLabel } from '../scoring/criterion-label';
import { explanationSentences } from './explanation-text';
import { formatTotal, provisionalText, statusClass, statusText } from './status';
import { RANK_ORDER, sortRows, type Sort, type SortKey } from './region-view';
import { useRegionWindow } from './use-region-window';

interface Props {
  results: RoundResults;
  regionId: string;
  selectedId: string | null;
  onSelect: (applicationId: string) => void;
}

export function RegionTable({ results, regionId, selectedId, onSelect }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [sort, setSort] = useState<Sort>(RANK_ORDER);
  const tbody = useRef<HTMLTableSectionElement>(null);
  const region = results.ranking.regions.find((r) => r.regionId === regionId);
  const rows = useMemo(() => (region ? regionRows(results, region, sort) : []), [results, region, sort]);
  const keys = useMemo(() => rows.map((r) => r.applicationId), [rows]);
  const { virtual, margin, virtualizer, onFocusChange } = useRegionWindow(keys, tbody);
  if (!region) return null;
  const criteria = results.options.criteria;
  const entries = new Map(region.entries.map((e) => [e.applicationId, e]));
  const name = (id: string) => results.labels.applications[id]?.legalName ?? id;
  const context = {
    t,
    applicationName: name,
    regionName: (id: string) => results.labels.regions[id]?.name ?? id,
    criterionName: (key: string) => criterionLabel(t, key),
    tiedWith: (groupId: string, self: string) => (region.stillTiedGroups.find((g) => g.groupId === groupId)?.applicationIds ?? []).filter((id) => id !== self).map(name),
    join: (names: string[]) => names.join(locale === 'zh-CN' ? '、' : ', '),
  };

  const row = (applicationId: string, e: Explanation | null, index: number) => {
    const entry = entries.get(applicationId);
    const status = e?.status ?? 'ineligible';
    const pending = provisionalText(t, status, e?.provisional);
    const measured = virtual ? { ref: virtualizer.measureElement, 'data-index': index } : {};
    return (
      <tr key={applicationId} {...measured} className={applicationId === selectedId ? 'selected' : undefined} data-application={name(applicationId)}>
        <td className="num rank-col">{e?.rank ?? '—'}</td>
        <td className="application-col">
          <button type="button" className="link application-link" aria-pressed={applicationId === selectedId} onClick={() => onSelect(applicationId)}>
            {name(applicationId)}
          </button>
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

  let body: React.ReactNode[];
  if (!virtual) body = rows.map((r, i) => row(r.applicationId, r.e, i));
  else {
    // Spacer rows stand in for the rows above and below the window (their heights as measured or estimated).
    const spacer = (key: string, height: number) =>
      height > 0 ? (
        <tr key={key} className="table-spacer" aria-hidden="true">
          <td colSpan={criteria.length + 5} style={{ height, padding: 0, border: 0 }} />
        </tr>
      ) : null;
    body = [];
    let end = margin;
    for (const v of virtualizer.getVirtualItems()) {
      body.push(spacer(`gap-${v.index}`, v.start - end), row(rows[v.index]!.applicationId, rows[v.index]!.e, v.index));
      end = v.end;
    }
    body.push(spacer('gap-end', virtualizer.getTotalSize() + margin - end));
  }
  const same = (a: SortKey, b: SortKey) => a.by === b.by && (a.by !== 'criterion' || (b.by === 'criterion' && a.index === b.index));
  /** A header that sorts: first click puts the best first (highest score; names and ranks ascending), the next reverses. */
  // A long region's columns keep their widths whichever rows are rendered (fixed layout, in a window of 1200 px
  // or more: ranking.css), the criteria sharing at most 36 % so the reason keeps about a quarter of the table;
  // with more than six criteria they would be too narrow for a score, and the table keeps the usual layout (its
  // columns may then move as rows come and go), as it does in a narrower window.
  const fixedColumns = virtual && criteria.length <= 6;
  const tableStyle = fixedColumns ? ({ '--criterion-width': `${Math.min(9, 36 / criteria.length).toFixed(2)}%` } as React.CSSProperties) : undefined;
  const sortable = (key: SortKey, label: string, children: React.ReactNode, className?: string) => {
    const active = same(sort.key, key);
    const firstDescending = key.by === 'total' || key.by === 'criterion';
    return (
      <th className={className} aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
        <button
          type="button"
          className="sort-button"
          title={key.by === 'rank' ? t('ranking.sort.reset') : t('ranking.sort.by', { column: label })}
          onClick={() => setSort(key.by === 'rank' ? RANK_ORDER : { key, descending: active ? !sort.descending : firstDescending })}
        >
          {children}
          <span className="sort-mark" aria-hidden="true">{active && key.by !== 'rank' ? (sort.descending ? ' ▼' : ' ▲') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <table className={fixedColumns ? 'table ranking-table fixed-columns' : 'table ranking-table'} style={tableStyle} aria-label={t('ranking.table.label', { region: context.regionName(regionId) })} data-rows={rows.length}>
      <thead>
        <tr>
          {sortable({ by: 'rank' }, t('ranking.col.rank'), t('ranking.col.rank'), 'num rank-col')}
          {sortable({ by: 'name' }, t('ranking.col.application'), t('ranking.col.application'), 'application-col')}
          {criteria.map((c, index) => (
            <Fragment key={c.key}>
              {sortable(
                { by: 'criterion', index },
                criterionLabel(t, c.key),
                <>
                  {criterionLabel(t, c.key)}
                  <div className="small muted weight">{t('ranking.col.weight', { weight: c.weight })}</div>
                </>,
                'num criterion-col',
              )}
            </Fragment>
          ))}
          {sortable({ by: 'total' }, t('ranking.col.total'), t('ranking.col.total'), 'num total-col')}
          <th className="status-col">{t('ranking.col.result')}</th>
          <th>{t('ranking.col.explanation')}</th>
        </tr>
      </thead>
      <tbody ref={tbody} onFocus={virtual ? onFocusChange : undefined} onBlur={virtual ? onFocusChange : undefined}>
        {body}
      </tbody>
    </table>
  );
}

/** The region's rows in the chosen order: its ranked applications, then those screened out here only. */
function regionRows(results: RoundResults, region: RoundResults['ranking']['regions'][number], sort: Sort) {
  const entries = new Map(region.entries.map((e) => [e.applicationId, e]));
  const explanations = results.explanations.filter((e) => e.regionId === region.regionId);
  const screenedOut = results.ineligible.filter((i) => i.regionId === region.regionId && !entries.has(i.applicationId));
  const criteria = results.options.criteria;
  return sortRows(
    [...explanations.map((e) => ({ e, applicationId: e.applicationId })), ...screenedOut.map((i) => ({ e: null, applicationId: i.applicationId }))].map((r, order) => ({
      ...r,
      order,
      name: results.labels.applications[r.applicationId]?.legalName ?? r.applicationId,
      total: r.e?.total ?? null,
      criteria: criteria.map((_, i) => entries.get(r.applicationId)?.criteria[i]?.value ?? null),
    })),
    sort,
  );
}
