// The program's cooperations: provider, credit code, region, status, start, end and why. Sortable headers,
// filters by region and status (with counts) combined with a search by name (pinyin too), code or region;
// '/' jumps to the search as on the dossier list. Virtualised (VirtualTable): a platform program may run
// thousands of cooperations. The program itself is chosen on the page (CooperationsPage).
import { displayNumberByFormat } from '../../../shared/dossiers/identity';
import { useEffect, useMemo, useRef } from 'react';
import { COOPERATION_STATUSES, type CooperationStatus } from '../../../shared/lifecycle/cooperation';
import type { CooperationSummary } from '../../../shared/cooperations/views';
import { compareZh } from '../../../shared/common/pinyin';
import { useLocale, useT } from '../../i18n/i18n';
import { formatDay } from '../../lib/format';
import { VirtualTable, type VtColumn } from '../../components/lists/VirtualTable';
import { FilterSelect, ListCount } from '../../components/lists/ListControls';
import { CompanyName } from '../../components/lists/CompanyName';
import { newListMemory, useSortFilter } from '../../components/lists/use-sort-filter';
import { countBy, type ListSpec } from '../../components/lists/sort-filter';
import { BAN_REASON_LABEL, STATUS_LABEL } from './labels';

const SPEC: ListSpec<CooperationSummary> = {
  sorts: {
    provider: { kind: 'text', value: (c) => c.legalName },
    creditCode: { kind: 'plain', value: (c) => c.creditCode },
    region: { kind: 'text', value: (c) => c.regionName },
    status: { kind: 'plain', value: (c) => COOPERATION_STATUSES.indexOf(c.status) },
    started: { kind: 'plain', value: (c) => c.startedOn },
    ended: { kind: 'plain', value: (c) => c.endedOn },
  },
  tieBreak: (a, b) => compareZh(a.regionName, b.regionName) || compareZh(a.legalName, b.legalName),
  filters: { region: (c) => c.regionName, status: (c) => c.status },
  search: (c) => [c.legalName, c.creditCode, c.regionName],
};

// Kept across visits in a session: returning from a cooperation lands on the same view.
const remembered = newListMemory({ key: 'region', dir: 'asc' });

export function StatusTag({ status }: { status: CooperationStatus }) {
  const t = useT();
  return <span className={`tag coop-status coop-status-${status}`}>{t(STATUS_LABEL[status])}</span>;
}

export function CooperationsTable({ items }: { items: readonly CooperationSummary[] }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const list = useSortFilter(items, SPEC, remembered);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (e.key === '/' && !typing && !document.querySelector('[role="dialog"]')) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const statusCounts = useMemo(() => countBy(items, (c) => c.status), [items]);
  const regions = useMemo(() => [...countBy(items, (c) => c.regionName).keys()].sort(compareZh), [items]);
  const columns: VtColumn[] = [
    { key: 'provider', header: t('cooperations.col.provider'), sortKey: 'provider', width: '26%' },
    { key: 'code', header: t('cooperations.col.creditCode'), sortKey: 'creditCode', width: '17%' },
    { key: 'region', header: t('cooperations.col.region'), sortKey: 'region' },
    { key: 'status', header: t('cooperations.col.status'), sortKey: 'status', width: '10%' },
    { key: 'started', header: t('cooperations.col.started'), sortKey: 'started', width: '12%' },
    { key: 'ended', header: t('cooperations.col.ended'), sortKey: 'ended', width: '14%' },
  ];
  const { shown, search } = list;

  return (
    <>
      <div className="toolbar">
        <input ref={searchRef} type="search" className="search" placeholder={t('cooperations.search')} aria-label={t('cooperations.search')} value={search} onChange={(e) => list.setSearch(e.target.value)} />
      </div>
      <div className="list-filters">
        <FilterSelect label={t('lists.filter.region')} value={list.filters.region ?? ''} options={regions.map((r) => ({ value: r, label: r }))} onChange={(v) => list.setFilter('region', v)} />
        <FilterSelect
          label={t('lists.filter.status')}
          value={list.filters.status ?? ''}
          options={COOPERATION_STATUSES.map((s) => ({ value: s, label: t('lists.withCount', { label: t(STATUS_LABEL[s]), count: statusCounts.get(s) ?? 0 }) }))}
          onChange={(v) => list.setFilter('status', v)}
        />
        <ListCount total={items.length} shown={shown.length} />
      </div>
      {shown.length === 0 ? (
        <p className="empty">{search.trim() ? t('cooperations.noMatch', { search }) : list.filters.status ? t('cooperations.noneInStatus') : t('lists.noMatch')}</p>
      ) : (
        <VirtualTable
          className="coop-table"
          label={t('lists.table.cooperations')}
          items={shown}
          columns={columns}
          rowKey={(c) => c.id}
          sort={list.sort}
          onSort={list.toggleSort}
          renderRow={(c, row) => (
            <tr key={c.id} {...row}>
              <td><a href={`#/cooperations/${c.id}`}><CompanyName name={c.legalName} /></a></td>
              <td className="mono">{displayNumberByFormat(c.creditCode)}</td>
              <td>{c.regionName}</td>
              <td><StatusTag status={c.status} /></td>
              <td>{formatDay(c.startedOn, locale)}</td>
              <td>
                {c.endedOn ? formatDay(c.endedOn, locale) : <span className="muted">—</span>}
                {c.endReason && <div className="small muted">{t(BAN_REASON_LABEL[c.endReason])}</div>}
              </td>
            </tr>
          )}
        />
      )}
    </>
  );
}
