// 资格审查: every admission rule of the program, per application and region, with the reason in words. The
// chair may override a verdict with a recorded reason; re-admission bans (再准入限制) are kept here as well.
// Virtualised, sortable and filtered by region and result; the service sorts, filters, searches and counts,
// and the list asks for the rows in view (screening.page, usePagedList, VirtualTable): at 20,000 applications
// the round has 40,000 screening rows, which the tab no longer reads whole (issue 8).
import { useCallback, useMemo, useState } from 'react';
import { api } from '../../../api/client';
import type { ScreeningRow } from '../../../../shared/rounds/views';
import type { ScreeningListRow, ScreeningPage, ScreeningPageQuery, ScreeningSort } from '../../../../shared/api/list-pages';
import { useLocale, useT } from '../../../i18n/i18n';
import { formatDay } from '../../../lib/format';
import { useRoundContext } from '../round-context';
import { useLoad } from '../common/use-load';
import { ScreeningRowView } from './ScreeningRowView';
import { OverrideDialog } from './OverrideDialog';
import { BansDialog } from './BansDialog';
import { StatementDialog, type StatementAction } from './StatementDialog';
import { VirtualTable, type VtColumn } from '../../../components/lists/VirtualTable';
import { FilterSelect, ListCount } from '../../../components/lists/ListControls';
import { perRoundListMemory } from '../../../components/lists/use-sort-filter';
import { usePagedList } from '../../../components/lists/use-paged-list';
import '../common/rounds-ui.css';
import './screening.css';

export type OverrideAction = { row: ScreeningRow; remove: boolean };

const DEFAULT_SORT = { key: 'applicant', dir: 'asc' } as const;
const memoryFor = perRoundListMemory(DEFAULT_SORT);

export function ScreeningTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { round } = useRoundContext();
  const readOnly = round.status === 'finalized' || round.origin === 'package'; // a package round mirrors the chair's set-up
  const list = usePagedList<ScreeningListRow, ScreeningPage>(
    (q, offset, limit) =>
      api['screening.page']({
        roundId: round.id,
        offset,
        limit,
        sort: q.sort.key as ScreeningSort,
        dir: q.sort.dir,
        region: q.filters.region ?? '',
        result: (q.filters.result ?? '') as ScreeningPageQuery['result'],
        search: q.search,
      }),
    memoryFor(round.id),
    DEFAULT_SORT,
    [round.id, round.version],
  );
  const bans = useLoad(() => api['bans.list']({}), []);
  const [overriding, setOverriding] = useState<{ row: ScreeningListRow; remove: boolean } | null>(null);
  const [showBans, setShowBans] = useState(false);
  const [statementAction, setStatementAction] = useState<(StatementAction & { applicant: string; statement: string }) | null>(null);
  const closeOverride = useCallback(() => setOverriding(null), []);
  const closeBans = useCallback(() => setShowBans(false), []);

  const regions = useMemo(() => new Map(round.regions.map((r) => [r.id, r.name])), [round.regions]);
  const counts = list.answer ?? { all: 0, eligible: 0, failed: 0, overridden: 0 };
  const columns: VtColumn[] = [
    { key: 'applicant', header: t('screening.col.applicant'), sortKey: 'applicant', width: '19%' },
    { key: 'region', header: t('screening.col.region'), sortKey: 'region', width: '11%' },
    { key: 'verdict', header: t('screening.col.verdict'), sortKey: 'verdict', width: '9%' },
    { key: 'reasons', header: t('screening.col.reasons') },
    { key: 'override', header: t('screening.col.override'), sortKey: 'override', width: '17%' },
    ...(readOnly ? [] : [{ key: 'actions', header: null, ariaLabel: t('setup.actions'), width: '13%' }]),
  ];

  const error = list.error;
  if (error) return <p className="empty" role="alert">{error}</p>;
  if (!list.answer) return <p className="empty">{t('screening.loading')}</p>;
  const rules = list.answer.rules;
  return (
    <div className="screening">
      {readOnly && <div className="banner" role="status">{t('screening.finalizedBanner')}</div>}
      <div className="toolbar">
        <input type="search" className="search" value={list.search} onChange={(e) => list.setSearch(e.target.value)} placeholder={t('lists.search.screening')} aria-label={t('lists.search.screening')} />
        <span className="count">{t('screening.summary', { eligible: counts.eligible, failed: counts.failed })}</span>
        <span className="spacer" />
        <button type="button" onClick={() => setShowBans(true)}>{t('screening.bans.open', { count: (bans.data ?? []).filter((b) => b.programId === null || b.programId === round.programId).length })}</button>
      </div>
      <div className="list-filters">
        <FilterSelect label={t('lists.filter.region')} value={list.filters.region ?? ''} options={round.regions.map((r) => ({ value: r.id, label: r.name }))} onChange={(v) => list.setFilter('region', v)} />
        <FilterSelect
          label={t('lists.filter.result')}
          value={list.filters.result ?? ''}
          options={[
            { value: 'eligible', label: t('lists.withCount', { label: t('lists.result.eligible'), count: counts.eligible }) },
            { value: 'ineligible', label: t('lists.withCount', { label: t('lists.result.ineligible'), count: counts.failed }) },
            { value: 'overridden', label: t('lists.withCount', { label: t('lists.result.overridden'), count: counts.overridden }) },
          ]}
          onChange={(v) => list.setFilter('result', v)}
        />
        <ListCount total={counts.all} shown={list.count} />
      </div>
      <p className="hint">{t('screening.hint', { date: formatDay(round.referenceDate, locale) })}</p>
      {counts.all === 0 ? (
        <p className="empty">{t('screening.empty')}</p>
      ) : list.count === 0 ? (
        <p className="empty">{list.filters.result === 'ineligible' ? t('screening.noFailures') : list.filters.result === 'overridden' ? t('screening.noOverrides') : t('lists.noMatch')}</p>
      ) : (
        <VirtualTable
          className="screening-table"
          label={t('lists.table.screening')}
          count={list.count}
          itemAt={list.itemAt}
          onRange={list.onRange}
          busy={list.busy}
          columns={columns}
          rowKey={(row) => `${row.applicationId}|${row.regionId}`}
          sort={list.sort}
          onSort={list.toggleSort}
          estimateRowHeight={70}
          renderRow={(row, rowProps) => (
            <ScreeningRowView
              key={`${row.applicationId}|${row.regionId}`}
              rowProps={rowProps}
              row={row}
              applicant={row.applicant || '—'}
              sameApplicantAsAbove={row.sameApplicantAsAbove}
              region={regions.get(row.regionId) ?? '—'}
              rules={rules}
              readOnly={readOnly}
              onOverride={(remove) => setOverriding({ row, remove })}
              onStatement={(accept) => setStatementAction({ applicationId: row.applicationId, accept, applicant: row.applicant, statement: row.statement })}
            />
          )}
        />
      )}
      {overriding && (
        <OverrideDialog
          action={overriding}
          applicant={overriding.row.applicant}
          region={regions.get(overriding.row.regionId) ?? ''}
          onDone={list.reload}
          onClose={closeOverride}
        />
      )}
      {statementAction && (
        <StatementDialog
          action={statementAction}
          applicant={statementAction.applicant}
          statement={statementAction.statement}
          onDone={list.reload}
          onClose={() => setStatementAction(null)}
        />
      )}
      {showBans && (
        <BansDialog
          bans={bans.data ?? []}
          roundId={round.id}
          programId={round.programId}
          regionNames={round.regions.map((r) => r.name)}
          onChanged={async () => {
            await Promise.all([bans.reload(), list.reload()]);
          }}
          onClose={closeBans}
        />
      )}
    </div>
  );
}
