// 申请: the applications of the round — who applied, for which regions in which order, at what price. Add by
// searching the dossiers; withdraw (with 撤销 in the toast) keeps the application and its scores on record.
// A round may hold 20,000 applications: the list is virtualised, sortable by header and filtered by region
// and status; the service sorts, filters and searches, and the list asks for the rows in view
// (applications.page, usePagedList, VirtualTable) — not the ~5 MB of the whole round (issue 8).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../../api/client';
import type { Application } from '../../../../shared/rounds/views';
import type { ApplicationSort, ApplicationsPage, ApplicationsPageQuery } from '../../../../shared/api/list-pages';
import { VirtualTable, type VtColumn } from '../../../components/lists/VirtualTable';
import { FilterSelect, ListCount } from '../../../components/lists/ListControls';
import { CompanyName } from '../../../components/lists/CompanyName';
import { perRoundListMemory } from '../../../components/lists/use-sort-filter';
import { usePagedList } from '../../../components/lists/use-paged-list';
import { toast } from '../../../app/toasts';
import { useLocale, useT } from '../../../i18n/i18n';
import { toastError } from '../../../lib/errors';
import { formatDateTime, formatYuan } from '../../../lib/format';
import { displayIdentityNumber } from '../../../../shared/dossiers/identity';
import { useRoundContext } from '../round-context';
import { hasShopRules, useProgram } from '../common/program';
import { ApplicationDialog } from './ApplicationDialog';
import '../common/rounds-ui.css';
import './applications.css';

const DEFAULT_SORT = { key: 'name', dir: 'asc' } as const;
const memoryFor = perRoundListMemory(DEFAULT_SORT);

export function ApplicationsTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { round, reload: reloadRound } = useRoundContext();
  const readOnly = round.status === 'finalized' || round.origin === 'package'; // a package round mirrors the chair's set-up
  const list = usePagedList<Application, ApplicationsPage>(
    (q, offset, limit) =>
      api['applications.page']({
        roundId: round.id,
        offset,
        limit,
        sort: q.sort.key as ApplicationSort,
        dir: q.sort.dir,
        region: q.filters.region ?? '',
        status: (q.filters.status ?? '') as ApplicationsPageQuery['status'],
        search: q.search,
      }),
    memoryFor(round.id),
    DEFAULT_SORT,
    [round.id],
  );
  const { answer, error, reload, search, setSearch } = list;
  const { program } = useProgram(round.programId);
  const [dialog, setDialog] = useState<{ application: Application | null } | null>(null);
  const searchRef = useRef<HTMLInputElement>(null);
  const close = useCallback(() => setDialog(null), []);
  const regions = useMemo(() => new Map(round.regions.map((r) => [r.id, r])), [round.regions]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing = e.target instanceof HTMLInputElement || e.target instanceof HTMLTextAreaElement || e.target instanceof HTMLSelectElement;
      if (e.key === '/' && !typing && !document.querySelector('.modal')) {
        e.preventDefault();
        searchRef.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const changed = async () => {
    await reload();
    await reloadRound(); // counts and the version on the set-up tab follow
  };

  async function setWithdrawn(application: Application, withdrawn: boolean, undoable = true) {
    const result = await api['applications.setWithdrawn']({ id: application.id, withdrawn });
    if (!result.ok) return toastError(result.error);
    await changed();
    const name = application.legalName;
    if (withdrawn && undoable) toast('info', t('applications.withdrawn', { name }), { label: t('common.undo'), run: () => void setWithdrawn(application, false, false) });
    else toast('success', t(withdrawn ? 'applications.withdrawn' : 'applications.restored', { name }));
  }

  const withdrawnCount = answer?.withdrawn ?? 0;
  const all = answer?.all ?? 0;

  const columns: VtColumn[] = [
    { key: 'name', header: t('applications.col.applicant'), sortKey: 'name', width: '24%' },
    { key: 'code', header: t('applications.col.identityNumber'), sortKey: 'creditCode', width: '15%' },
    { key: 'city', header: t('applications.col.city'), sortKey: 'city', width: '9%' },
    { key: 'quote', header: t('applications.col.quote'), sortKey: 'quote', className: 'num', width: '10%' },
    { key: 'regions', header: t('applications.col.regions') },
    { key: 'status', header: t('applications.col.status'), sortKey: 'status', width: '8%' },
    ...(readOnly ? [] : [{ key: 'actions', header: null, ariaLabel: t('setup.actions'), width: '11%' }]),
  ];

  if (error) return <p className="empty" role="alert">{error}</p>;
  // The program (its rules) matters only to the dialog: the rows do not wait for it.
  if (!answer) return <p className="empty">{t('common.loading')}</p>;
  return (
    <div className="applications">
      {readOnly && <div className="banner" role="status">{t('applications.finalizedBanner')}</div>}
      <div className="toolbar">
        <input ref={searchRef} type="search" className="search" value={search} onChange={(e) => setSearch(e.target.value)} placeholder={t('applications.search')} aria-label={t('applications.search')} />
        <span className="spacer" />
        {!readOnly && (
          <button type="button" className="primary" onClick={() => setDialog({ application: null })} disabled={round.regions.length === 0} title={round.regions.length === 0 ? t('applications.needRegions') : undefined}>
            {t('applications.add')}
          </button>
        )}
      </div>
      <div className="list-filters">
        <FilterSelect label={t('lists.filter.region')} value={list.filters.region ?? ''} options={round.regions.map((r) => ({ value: r.id, label: r.name }))} onChange={(v) => list.setFilter('region', v)} />
        <FilterSelect label={t('lists.filter.status')} value={list.filters.status ?? ''} options={(['active', 'withdrawn'] as const).map((s) => ({ value: s, label: t(`applications.status.${s}`) }))} onChange={(v) => list.setFilter('status', v)} />
        <ListCount total={all} shown={list.count} />
        <span className="count">{t('applications.count', { count: all - withdrawnCount, withdrawn: withdrawnCount })}</span>
      </div>
      {round.regions.length === 0 && <div className="banner">{t('applications.needRegions')}</div>}
      {all === 0 ? (
        <p className="empty">{t('applications.empty')}</p>
      ) : list.count === 0 ? (
        <p className="empty">{search.trim() ? t('applications.noMatch', { search }) : t('lists.noMatch')}</p>
      ) : (
        <VirtualTable
          className="applications-table"
          label={t('lists.table.applications')}
          count={list.count}
          itemAt={list.itemAt}
          onRange={list.onRange}
          busy={list.busy}
          columns={columns}
          rowKey={(a) => a.id}
          sort={list.sort}
          onSort={list.toggleSort}
          estimateRowHeight={38}
          renderRow={(a, row) => (
            <tr key={a.id} {...row} className={a.withdrawnAt ? 'archived' : ''}>
              <td>
                <a href={`#/dossiers/${a.dossierId}`}><CompanyName name={a.legalName} /></a>
                {a.identityKind === 'individual' && <span className="tag">{t('identityKind.individual')}</span>}
                {a.strengthStatement && <span className="tag" title={a.strengthStatement}>{t('applications.hasStatement')}</span>}
                {a.strengthStatement && <StatementState acceptance={a.statementAcceptance ?? null} />}
              </td>
              {/* A person's 居民身份证号 is masked in this table; the dossier page shows it in full. */}
              <td className="mono small" title={t(a.identityKind === 'individual' ? 'dossier.field.residentId' : 'dossier.field.creditCode')}>{displayIdentityNumber(a.identityKind ?? 'organization', a.creditCode)}</td>
              <td>{a.city}</td>
              <td className="num">{formatYuan(a.priceQuoteYuan, locale)}</td>
              <td>
                <ol className="pref-list">
                  {a.regionIds.map((id, i) => (
                    <li key={id}><span className="pref-no">{i + 1}</span>{regions.get(id)?.name ?? '—'}</li>
                  ))}
                </ol>
              </td>
              <td>{a.withdrawnAt ? <span className="tag">{t('applications.status.withdrawn')}</span> : <span className="tag ok">{t('applications.status.active')}</span>}</td>
              {!readOnly && (
                <td className="row-actions">
                  {!a.withdrawnAt && <button type="button" className="link" onClick={() => setDialog({ application: a })}>{t('setup.edit')}</button>}
                  {a.withdrawnAt ? (
                    <button type="button" className="link" onClick={() => void setWithdrawn(a, false)}>{t('applications.restore')}</button>
                  ) : (
                    <button type="button" className="link danger-text" onClick={() => void setWithdrawn(a, true)}>{t('applications.withdraw')}</button>
                  )}
                </td>
              )}
            </tr>
          )}
        />
      )}
      {dialog && program && (
        <ApplicationDialog
          roundId={round.id}
          regions={round.regions}
          shopRules={hasShopRules(program.rules)}
          statementRule={program.rules.some((r) => r.kind === 'minYearsRegistered' && r.statementSubstitutes)}
          application={dialog.application}
          onSaved={changed}
          onClose={close}
        />
      )}
    </div>
  );
}

/**
 * Whether the committee has accepted the 主体优势说明 (《淘宝直播区域产业服务商准入标准》 "如注册时间未满1年，需补充
 * 主体优势说明"): by whom and when, or still awaiting. The screening tab is where it is accepted.
 */
function StatementState({ acceptance }: { acceptance: { by: string; at: string; reason: string } | null }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  if (!acceptance) return <div className="small warn" data-testid="statement-state">{t('applications.statement.awaiting')}</div>;
  return (
    <div className="small muted" data-testid="statement-state" title={acceptance.reason ? t('applications.statement.reason', { reason: acceptance.reason }) : undefined}>
      {t('applications.statement.accepted', { by: acceptance.by, at: formatDateTime(acceptance.at, locale) })}
    </div>
  );
}
