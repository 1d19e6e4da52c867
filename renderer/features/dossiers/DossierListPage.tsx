import { useEffect, useRef, useState } from 'react';
import { api } from '../../api/client';
import type { CallOutput } from '../../../shared/api/contract';
import { navigate } from '../../app/router';
import { toast } from '../../app/toasts';
import { useLocale, useT } from '../../i18n/i18n';
import { downloadBase64 } from '../../lib/files';
import { formatDateTime, formatWan } from '../../lib/format';
import { toastError } from '../../lib/errors';

type Status = 'active' | 'archived' | 'all';
const PAGE_SIZE = 50;

// The list keeps its search across visits within a session: returning from a dossier lands where you were.
const remembered = { search: '', status: 'active' as Status, offset: 0 };
/** After an import the list starts afresh, so the imported rows are not hidden behind an old search. */
export function forgetDossierListSearch(): void {
  Object.assign(remembered, { search: '', status: 'active' as Status, offset: 0 });
}

export function DossierListPage() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [search, setSearch] = useState(remembered.search);
  const [status, setStatus] = useState<Status>(remembered.status);
  const [offset, setOffset] = useState(remembered.offset);
  const [data, setData] = useState<CallOutput<'dossiers.list'> | null>(null);
  const [exporting, setExporting] = useState(false);
  const searchRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    Object.assign(remembered, { search, status, offset });
    let stale = false;
    // A short debounce: typing 杭州 should not fire a query per keystroke of the IME.
    const timer = setTimeout(() => {
      void api['dossiers.list']({ search, status, offset, limit: PAGE_SIZE }).then((r) => {
        if (stale) return;
        if (r.ok) setData(r.value);
        else toastError(r.error);
      });
    }, 120);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [search, status, offset]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement;
      if (e.key === '/' && !typing) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  async function exportXlsx() {
    setExporting(true);
    const result = await api['dossiers.exportXlsx']({ status });
    setExporting(false);
    if (!result.ok) return toastError(result.error);
    downloadBase64(result.value.fileName, result.value.mime, result.value.dataBase64);
    toast('success', t('dossier.list.exported', { fileName: result.value.fileName }));
  }

  const total = data?.total ?? 0;
  return (
    <section className="page">
      <div className="page-header">
        <h1>{t('dossier.list.title')}</h1>
        <div className="actions">
          <button type="button" onClick={() => navigate({ page: 'import' })}>{t('dossier.list.import')}</button>
          <button type="button" onClick={exportXlsx} disabled={exporting || total === 0}>{t('dossier.list.export')}</button>
          <button type="button" className="primary" onClick={() => navigate({ page: 'dossier-new' })}>{t('dossier.list.new')}</button>
        </div>
      </div>
      <div className="toolbar">
        <input
          ref={searchRef}
          type="search"
          className="search"
          placeholder={t('dossier.list.search')}
          aria-label={t('dossier.list.search')}
          value={search}
          onChange={(e) => {
            setSearch(e.target.value);
            setOffset(0);
          }}
        />
        <div className="segmented" role="radiogroup">
          {(['active', 'archived', 'all'] as const).map((s) => (
            <button key={s} type="button" role="radio" aria-checked={status === s} className={status === s ? 'selected' : ''} onClick={() => (setStatus(s), setOffset(0))}>
              {t(`dossier.status.${s}`)}
            </button>
          ))}
        </div>
      </div>
      {!data ? null : data.items.length === 0 ? (
        <p className="empty">{search ? t('dossier.list.noMatch', { search }) : t('dossier.list.empty')}</p>
      ) : (
        <table className="table dossier-table">
          <thead>
            <tr>
              <th>{t('dossier.col.legalName')}</th>
              <th>{t('dossier.col.identityNumber')}</th>
              <th>{t('dossier.col.city')}</th>
              <th className="num">{t('dossier.col.capital')}</th>
              <th>{t('dossier.col.taxpayer')}</th>
              <th className="num">{t('dossier.col.capabilities')}</th>
              <th>{t('dossier.col.updatedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {data.items.map((d) => (
              <tr key={d.id} className={d.archivedAt ? 'archived' : ''}>
                <td>
                  <a href={`#/dossiers/${d.id}`}>{d.legalName}</a>
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
            ))}
          </tbody>
        </table>
      )}
      {total > 0 && (
        <div className="pager">
          <span>{t('common.pageInfo', { from: offset + 1, to: Math.min(offset + PAGE_SIZE, total), total })}</span>
          <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>{t('common.prev')}</button>
          <button type="button" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>{t('common.next')}</button>
        </div>
      )}
    </section>
  );
}
