// The program's cooperations: provider, credit code, region, status, start, end and why. Filter by status
// (with counts) and search by name, code or region; '/' jumps to the search as on the dossier list.
import { displayNumberByFormat } from '../../../shared/dossiers/identity';
import { useEffect, useMemo, useRef, useState } from 'react';
import { COOPERATION_STATUSES, type CooperationStatus } from '../../../shared/lifecycle/cooperation';
import type { CooperationSummary } from '../../../shared/cooperations/views';
import { compareZh } from '../../../shared/common/pinyin';
import { useLocale, useT } from '../../i18n/i18n';
import { formatDay } from '../../lib/format';
import { BAN_REASON_LABEL, STATUS_LABEL } from './labels';

type Filter = CooperationStatus | 'all';

// Kept across visits in a session: returning from a cooperation lands on the same view.
const remembered: { filter: Filter; search: string } = { filter: 'all', search: '' };

export function StatusTag({ status }: { status: CooperationStatus }) {
  const t = useT();
  return <span className={`tag coop-status coop-status-${status}`}>{t(STATUS_LABEL[status])}</span>;
}

export function CooperationsTable({ items }: { items: readonly CooperationSummary[] }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [filter, setFilter] = useState<Filter>(remembered.filter);
  const [search, setSearch] = useState(remembered.search);
  const searchRef = useRef<HTMLInputElement>(null);
  useEffect(() => void Object.assign(remembered, { filter, search }), [filter, search]);

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

  const counts = useMemo(() => {
    const c: Record<Filter, number> = { all: items.length, trial: 0, formal: 0, rectification: 0, terminated: 0, exited: 0 };
    for (const item of items) c[item.status]++;
    return c;
  }, [items]);

  const needle = search.trim().toLowerCase();
  const shown = items.filter((c) => (filter === 'all' || c.status === filter) && (!needle || [c.legalName, c.creditCode, c.regionName].some((v) => v.toLowerCase().includes(needle)))).sort((a, b) => compareZh(a.regionName, b.regionName) || compareZh(a.legalName, b.legalName));

  return (
    <>
      <div className="toolbar">
        <input ref={searchRef} type="search" className="search" placeholder={t('cooperations.search')} aria-label={t('cooperations.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <div className="segmented" role="radiogroup" aria-label={t('cooperations.col.status')}>
          {(['all', ...COOPERATION_STATUSES] as const).map((s) => (
            <button key={s} type="button" role="radio" aria-checked={filter === s} className={filter === s ? 'selected' : ''} onClick={() => setFilter(s)}>
              {s === 'all' ? t('cooperations.filter.all') : t(STATUS_LABEL[s])} <span className="coop-count">{counts[s]}</span>
            </button>
          ))}
        </div>
      </div>
      {shown.length === 0 ? (
        <p className="empty">{needle ? t('cooperations.noMatch', { search }) : t('cooperations.noneInStatus')}</p>
      ) : (
        <table className="table coop-table">
          <thead>
            <tr>
              <th>{t('cooperations.col.provider')}</th>
              <th>{t('cooperations.col.creditCode')}</th>
              <th>{t('cooperations.col.region')}</th>
              <th>{t('cooperations.col.status')}</th>
              <th>{t('cooperations.col.started')}</th>
              <th>{t('cooperations.col.ended')}</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.id}>
                <td><a href={`#/cooperations/${c.id}`}>{c.legalName}</a></td>
                <td className="mono">{displayNumberByFormat(c.creditCode)}</td>
                <td>{c.regionName}</td>
                <td><StatusTag status={c.status} /></td>
                <td>{formatDay(c.startedOn, locale)}</td>
                <td>
                  {c.endedOn ? formatDay(c.endedOn, locale) : <span className="muted">—</span>}
                  {c.endReason && <div className="small muted">{t(BAN_REASON_LABEL[c.endReason])}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
