// 资格审查: every admission rule of the program, per application and region, with the reason in words. The
// chair may override a verdict with a recorded reason; re-admission bans (再准入限制) are kept here as well.
// Virtualised, sortable and filtered by region and result (VirtualTable, useSortFilter). screening.list and
// applications.list both return the whole round (the API has no region filter or paging): at 20,000
// applications that is one read of every application × region per visit; the rows shown are only those in view.
import { useCallback, useMemo, useState } from 'react';
import { api } from '../../../api/client';
import type { ScreeningRow } from '../../../../shared/rounds/views';
import { useLocale, useT } from '../../../i18n/i18n';
import { formatDay } from '../../../lib/format';
import { useRoundContext } from '../round-context';
import { useProgram } from '../common/program';
import { useLoad } from '../common/use-load';
import { ScreeningRowView } from './ScreeningRowView';
import { OverrideDialog } from './OverrideDialog';
import { BansDialog } from './BansDialog';
import { StatementDialog, type StatementAction } from './StatementDialog';
import { VirtualTable, type VtColumn } from '../../../components/lists/VirtualTable';
import { FilterSelect, ListCount } from '../../../components/lists/ListControls';
import { newListMemory, useSortFilter } from '../../../components/lists/use-sort-filter';
import type { ListSpec } from '../../../components/lists/sort-filter';
import '../common/rounds-ui.css';
import './screening.css';

export type OverrideAction = { row: ScreeningRow; remove: boolean };

const memories = new Map<string, ReturnType<typeof newListMemory>>();
const memoryFor = (roundId: string) => memories.get(roundId) ?? memories.set(roundId, newListMemory({ key: 'applicant', dir: 'asc' })).get(roundId)!;

function screeningSpec(names: ReadonlyMap<string, string>, regions: ReadonlyMap<string, string>): ListSpec<ScreeningRow> {
  return {
    // Ties keep the service's order (each applicant's regions in preference order): the sort is stable.
    sorts: {
      applicant: { kind: 'text', value: (r) => names.get(r.applicationId) ?? null },
      region: { kind: 'text', value: (r) => regions.get(r.regionId) ?? null },
      verdict: { kind: 'plain', value: (r) => (r.eligible ? 0 : 1) },
      override: { kind: 'plain', value: (r) => r.override?.decidedAt ?? null },
    },
    filters: {
      region: (r) => r.regionId,
      result: (r) => (r.override ? [r.eligible ? 'eligible' : 'ineligible', 'overridden'] : [r.eligible ? 'eligible' : 'ineligible']),
    },
    search: (r) => [names.get(r.applicationId) ?? '', regions.get(r.regionId) ?? ''],
  };
}

export function ScreeningTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { round } = useRoundContext();
  const readOnly = round.status === 'finalized' || round.origin === 'package'; // a package round mirrors the chair's set-up
  const screening = useLoad(() => api['screening.list']({ roundId: round.id }), [round.id, round.version]);
  const applications = useLoad(() => api['applications.list']({ roundId: round.id }), [round.id, round.version]);
  const bans = useLoad(() => api['bans.list']({}), []);
  const { program } = useProgram(round.programId);
  const [overriding, setOverriding] = useState<OverrideAction | null>(null);
  const [showBans, setShowBans] = useState(false);
  const [statementAction, setStatementAction] = useState<StatementAction | null>(null);
  const closeOverride = useCallback(() => setOverriding(null), []);
  const closeBans = useCallback(() => setShowBans(false), []);

  const names = useMemo(() => new Map((applications.data ?? []).map((a) => [a.id, a.legalName])), [applications.data]);
  const statements = useMemo(() => new Map((applications.data ?? []).map((a) => [a.id, a.strengthStatement])), [applications.data]);
  const regions = useMemo(() => new Map(round.regions.map((r) => [r.id, r.name])), [round.regions]);
  const rows = screening.data ?? [];
  const counts = {
    total: rows.length,
    eligible: rows.filter((r) => r.eligible).length,
    failed: rows.filter((r) => !r.eligible).length,
    overridden: rows.filter((r) => r.override).length,
  };
  const spec = useMemo(() => screeningSpec(names, regions), [names, regions]);
  const list = useSortFilter(screening.data, spec, memoryFor(round.id));
  const shown = list.shown;
  const columns: VtColumn[] = [
    { key: 'applicant', header: t('screening.col.applicant'), sortKey: 'applicant', width: '19%' },
    { key: 'region', header: t('screening.col.region'), sortKey: 'region', width: '11%' },
    { key: 'verdict', header: t('screening.col.verdict'), sortKey: 'verdict', width: '9%' },
    { key: 'reasons', header: t('screening.col.reasons') },
    { key: 'override', header: t('screening.col.override'), sortKey: 'override', width: '17%' },
    ...(readOnly ? [] : [{ key: 'actions', header: null, ariaLabel: t('setup.actions'), width: '13%' }]),
  ];

  const error = screening.error ?? applications.error;
  if (error) return <p className="empty" role="alert">{error}</p>;
  if (!screening.data || !applications.data || !program) return <p className="empty">{t('screening.loading')}</p>;
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
        <ListCount total={rows.length} shown={shown.length} />
      </div>
      <p className="hint">{t('screening.hint', { date: formatDay(round.referenceDate, locale) })}</p>
      {rows.length === 0 ? (
        <p className="empty">{t('screening.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{list.filters.result === 'ineligible' ? t('screening.noFailures') : list.filters.result === 'overridden' ? t('screening.noOverrides') : t('lists.noMatch')}</p>
      ) : (
        <VirtualTable
          className="screening-table"
          label={t('lists.table.screening')}
          items={shown}
          columns={columns}
          rowKey={(row) => `${row.applicationId}|${row.regionId}`}
          sort={list.sort}
          onSort={list.toggleSort}
          estimateRowHeight={70}
          renderRow={(row, rowProps, index) => (
            <ScreeningRowView
              key={`${row.applicationId}|${row.regionId}`}
              rowProps={rowProps}
              row={row}
              applicant={names.get(row.applicationId) ?? '—'}
              sameApplicantAsAbove={index > 0 && shown[index - 1]!.applicationId === row.applicationId}
              region={regions.get(row.regionId) ?? '—'}
              rules={program.rules}
              readOnly={readOnly}
              onOverride={(remove) => setOverriding({ row, remove })}
              onStatement={(accept) => setStatementAction({ applicationId: row.applicationId, accept })}
            />
          )}
        />
      )}
      {overriding && (
        <OverrideDialog
          action={overriding}
          applicant={names.get(overriding.row.applicationId) ?? ''}
          region={regions.get(overriding.row.regionId) ?? ''}
          onDone={screening.reload}
          onClose={closeOverride}
        />
      )}
      {statementAction && (
        <StatementDialog
          action={statementAction}
          applicant={names.get(statementAction.applicationId) ?? ''}
          statement={statements.get(statementAction.applicationId) ?? ''}
          onDone={async () => {
            await Promise.all([screening.reload(), applications.reload()]);
          }}
          onClose={() => setStatementAction(null)}
        />
      )}
      {showBans && (
        <BansDialog
          bans={bans.data ?? []}
          applications={applications.data}
          programId={round.programId}
          regionNames={round.regions.map((r) => r.name)}
          onChanged={async () => {
            await Promise.all([bans.reload(), screening.reload()]);
          }}
          onClose={closeBans}
        />
      )}
    </div>
  );
}
