// 申请机构档案: every dossier, searched by the service (names, pinyin, initials, codes, people, places) and
// shown in one virtualised list (VirtualTable). The service answers 500 rows a call (its bound), so the list
// reads the first page at once and the rest in the background; sorting by a header and the province filter
// work on the rows read so far (the service returns them in pinyin order, the name column's default).
import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { DossierSummary } from '../../../shared/dossiers/schema';
import { navigate } from '../../app/router';
import { toast } from '../../app/toasts';
import { useLocale, useT, type Locale } from '../../i18n/i18n';
import { downloadBase64 } from '../../lib/files';
import { newJobId, withProgress } from '../../lib/progress';
import { ProgressBar } from '../../components/ProgressBar';
import { formatDateTime, formatWan } from '../../lib/format';
import { toastError } from '../../lib/errors';
import { VirtualTable, type RowProps, type VtColumn } from '../../components/lists/VirtualTable';
import { FilterSelect, ListCount } from '../../components/lists/ListControls';
import { CompanyName } from '../../components/lists/CompanyName';
import { newListMemory, useSortFilter } from '../../components/lists/use-sort-filter';
import { countBy, type ListSpec } from '../../components/lists/sort-filter';
import { compareZh } from '../../../shared/common/pinyin';

type Status = 'active' | 'archived' | 'all';
/** The service's largest page (dossierListQuerySchema). */
const PAGE_SIZE = 500;

const SPEC: ListSpec<DossierSummary> = {
  sorts: {
    name: { kind: 'text', value: (d) => d.legalName, presorted: true },
    creditCode: { kind: 'plain', value: (d) => d.creditCode },
    place: { kind: 'text', value: (d) => `${d.province}${d.city}` },
    capital: { kind: 'plain', value: (d) => d.registeredCapitalWan },
    taxpayer: { kind: 'plain', value: (d) => d.taxpayerType },
    capabilities: { kind: 'plain', value: (d) => d.capabilityCount },
    updatedAt: { kind: 'plain', value: (d) => d.updatedAt },
  },
  filters: { province: (d) => d.province },
};

// The list keeps its search across visits within a session: returning from a dossier lands where you were.
const remembered = { search: '', status: 'active' as Status };
const listMemory = newListMemory({ key: 'name', dir: 'asc' });
/** After an import the list starts afresh, so the imported rows are not hidden behind an old search. */
export function forgetDossierListSearch(): void {
  Object.assign(remembered, { search: '', status: 'active' as Status });
  Object.assign(listMemory, newListMemory({ key: 'name', dir: 'asc' }));
}

/** Every dossier matching the search and status, page by page; the first page shows before the rest arrive. */
function useAllDossiers(search: string, status: Status): { items: DossierSummary[] | null; total: number } {
  const [state, setState] = useState<{ items: DossierSummary[] | null; total: number }>({ items: null, total: 0 });
  useEffect(() => {
    let stale = false;
    // A short debounce: typing 杭州 should not fire a query per keystroke of the IME.
    const timer = setTimeout(async () => {
      let items: DossierSummary[] = [];
      for (let offset = 0; ; offset += PAGE_SIZE) {
        const r = await api['dossiers.list']({ search, status, offset, limit: PAGE_SIZE });
        if (stale) return;
        if (!r.ok) return toastError(r.error);
        items = offset === 0 ? r.value.items : [...items, ...r.value.items];
        setState({ items, total: r.value.total });
        if (r.value.items.length < PAGE_SIZE || items.length >= r.value.total) return;
      }
    }, 120);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [search, status]);
  return state;
}

/** One dossier row. Kept to this one function so a column (e.g. a masked identity number) is added here. */
function DossierRow({ d, row, locale, t }: { d: DossierSummary; row: RowProps; locale: Locale; t: ReturnType<typeof useT> }) {
  return (
    <tr {...row} className={d.archivedAt ? 'archived' : ''}>
      <td>
        <a href={`#/dossiers/${d.id}`}><CompanyName name={d.legalName} /></a>
        {d.identityKind === 'individual' && <span className="tag">{t('identityKind.individual')}</span>}
        {d.archivedAt && <span className="tag">{t('dossier.status.archived')}</span>}
      </td>
      {/* A person's number arrives masked from the backend (110105********002X); labelled by kind. */}
      <td className="mono" title={t(d.identityKind === 'individual' ? 'dossier.field.residentId' : 'dossier.field.creditCode')}>{d.creditCode}</td>
      <td>{d.province} {d.city}</td>
      <td className="num">{d.identityKind === 'individual' ? '—' : formatWan(d.registeredCapitalWan, locale)}</td>
      <td>{d.identityKind === 'individual' ? '—' : t(`taxpayer.${d.taxpayerType}`)}</td>
      <td className={d.capabilityCount === 6 ? 'num' : 'num warn'}>{d.capabilityCount}/6</td>
      <td>{formatDateTime(d.updatedAt, locale)}</td>
    </tr>
  );
}

export function DossierListPage() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [search, setSearch] = useState(remembered.search);
  const [status, setStatus] = useState<Status>(remembered.status);
  const [exporting, setExporting] = useState<{ done: number; total: number } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const { items, total } = useAllDossiers(search, status);
  const list = useSortFilter(items, SPEC, listMemory);
  useEffect(() => void Object.assign(remembered, { search, status }), [search, status]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (e.key === '/' && !typing) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function exportXlsx() {
    // 20,000 dossiers take a while to write: a bar with the rows written (issue 8), as the import shows.
    setExporting({ done: 0, total: 0 });
    const jobId = newJobId();
    const result = await withProgress(jobId, api['dossiers.exportXlsx']({ status, jobId }), (done, total) => setExporting({ done, total }));
    setExporting(null);
    if (!result.ok) return toastError(result.error);
    downloadBase64(result.value.fileName, result.value.mime, result.value.dataBase64);
    toast('success', t('dossier.list.exported', { fileName: result.value.fileName }));
  }

  const loaded = items?.length ?? 0;
  const provinces = [...countBy(items ?? [], (d) => d.province).keys()].filter(Boolean).sort(compareZh);
  const columns: VtColumn[] = [
    { key: 'name', header: t('dossier.col.legalName'), sortKey: 'name', width: '26%' },
    { key: 'code', header: t('dossier.col.identityNumber'), sortKey: 'creditCode', width: '17%' },
    { key: 'place', header: t('dossier.col.city'), sortKey: 'place' },
    { key: 'capital', header: t('dossier.col.capital'), sortKey: 'capital', className: 'num', width: '10%' },
    { key: 'taxpayer', header: t('dossier.col.taxpayer'), sortKey: 'taxpayer', width: '10%' },
    { key: 'capabilities', header: t('dossier.col.capabilities'), sortKey: 'capabilities', className: 'num', width: '7%' },
    { key: 'updated', header: t('dossier.col.updatedAt'), sortKey: 'updatedAt', width: '14%' },
  ];
  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('dossier.list.title')}</h1>
        <div className="actions">
          <button type="button" onClick={() => navigate({ page: 'import' })}>{t('dossier.list.import')}</button>
          <button type="button" onClick={exportXlsx} disabled={exporting !== null || total === 0}>{t('dossier.list.export')}</button>
          <button type="button" className="primary" onClick={() => navigate({ page: 'dossier-new' })}>{t('dossier.list.new')}</button>
        </div>
      </div>
      {exporting && <ProgressBar label={t('dossier.list.exporting')} done={exporting.done} total={exporting.total} />}
      <div className="toolbar">
        <input ref={searchRef} type="search" className="search" placeholder={t('dossier.list.search')} aria-label={t('dossier.list.search')} value={search} onChange={(e) => setSearch(e.target.value)} />
        <div className="segmented" role="radiogroup">
          {(['active', 'archived', 'all'] as const).map((s) => (
            <button key={s} type="button" role="radio" aria-checked={status === s} className={status === s ? 'selected' : ''} onClick={() => setStatus(s)}>
              {t(`dossier.status.${s}`)}
            </button>
          ))}
        </div>
      </div>
      <div className="list-filters">
        <FilterSelect label={t('lists.filter.province')} value={list.filters.province ?? ''} options={provinces.map((p) => ({ value: p, label: p }))} onChange={(v) => list.setFilter('province', v)} />
        <ListCount total={total} shown={list.shown.length} />
        {loaded < total && <span className="list-count">{t('lists.loadingMore', { loaded, total })}</span>}
      </div>
      {!items ? null : items.length === 0 ? (
        <p className="empty">{search ? t('dossier.list.noMatch', { search }) : t('dossier.list.empty')}</p>
      ) : list.shown.length === 0 ? (
        <p className="empty">{t('lists.noMatch')}</p>
      ) : (
        <VirtualTable
          className="dossier-table"
          label={t('lists.table.dossiers')}
          items={list.shown}
          columns={columns}
          rowKey={(d) => d.id}
          sort={list.sort}
          onSort={list.toggleSort}
          renderRow={(d, row) => <DossierRow key={d.id} d={d} row={row} locale={locale} t={t} />}
        />
      )}
    </section>
  );
}
