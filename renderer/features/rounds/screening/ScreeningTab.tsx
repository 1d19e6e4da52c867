// 资格审查: every admission rule of the program, per application and region, with the reason in words. The
// chair may override a verdict with a recorded reason; re-admission bans (再准入限制) are kept here as well.
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
import '../common/rounds-ui.css';
import './screening.css';

type Filter = 'all' | 'failed' | 'overridden';
export type OverrideAction = { row: ScreeningRow; remove: boolean };

export function ScreeningTab() {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const { round } = useRoundContext();
  const readOnly = round.status === 'finalized' || round.origin === 'package'; // a package round mirrors the chair's set-up
  const screening = useLoad(() => api['screening.list']({ roundId: round.id }), [round.id, round.version]);
  const applications = useLoad(() => api['applications.list']({ roundId: round.id }), [round.id, round.version]);
  const bans = useLoad(() => api['bans.list']({}), []);
  const { program } = useProgram(round.programId);
  const [filter, setFilter] = useState<Filter>('all');
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
  const shown = rows.filter((r) => (filter === 'failed' ? !r.eligible : filter === 'overridden' ? r.override !== null : true));

  const error = screening.error ?? applications.error;
  if (error) return <p className="empty" role="alert">{error}</p>;
  if (!screening.data || !applications.data || !program) return <p className="empty">{t('screening.loading')}</p>;
  return (
    <div className="screening">
      {readOnly && <div className="banner" role="status">{t('screening.finalizedBanner')}</div>}
      <div className="toolbar">
        <div className="segmented" role="radiogroup" aria-label={t('screening.filter')}>
          {(['all', 'failed', 'overridden'] as const).map((f) => (
            <button key={f} type="button" role="radio" aria-checked={filter === f} className={filter === f ? 'selected' : ''} onClick={() => setFilter(f)}>
              {t(`screening.filter.${f}`, { count: f === 'all' ? counts.total : f === 'failed' ? counts.failed : counts.overridden })}
            </button>
          ))}
        </div>
        <span className="count">{t('screening.summary', { eligible: counts.eligible, failed: counts.failed })}</span>
        <span className="spacer" />
        <button type="button" onClick={() => setShowBans(true)}>{t('screening.bans.open', { count: (bans.data ?? []).filter((b) => b.programId === null || b.programId === round.programId).length })}</button>
      </div>
      <p className="hint">{t('screening.hint', { date: formatDay(round.referenceDate, locale) })}</p>
      {rows.length === 0 ? (
        <p className="empty">{t('screening.empty')}</p>
      ) : shown.length === 0 ? (
        <p className="empty">{t(filter === 'failed' ? 'screening.noFailures' : 'screening.noOverrides')}</p>
      ) : (
        <table className="table screening-table">
          <thead>
            <tr>
              <th>{t('screening.col.applicant')}</th>
              <th>{t('screening.col.region')}</th>
              <th>{t('screening.col.verdict')}</th>
              <th>{t('screening.col.reasons')}</th>
              <th>{t('screening.col.override')}</th>
              {!readOnly && <th aria-label={t('setup.actions')} />}
            </tr>
          </thead>
          <tbody>
            {shown.map((row, index) => (
              <ScreeningRowView
                key={`${row.applicationId}|${row.regionId}`}
                row={row}
                applicant={names.get(row.applicationId) ?? '—'}
                sameApplicantAsAbove={index > 0 && shown[index - 1]!.applicationId === row.applicationId}
                region={regions.get(row.regionId) ?? '—'}
                rules={program.rules}
                readOnly={readOnly}
                onOverride={(remove) => setOverriding({ row, remove })}
                onStatement={(accept) => setStatementAction({ applicationId: row.applicationId, accept })}
              />
            ))}
          </tbody>
        </table>
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
