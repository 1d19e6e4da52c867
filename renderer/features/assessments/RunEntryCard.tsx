// One provider in an assessment run: the period assessed, every KPI with the figures that decided it
// (missing figures flagged 缺数据, never shown as a pass), seed 001's two routes, the overall outcome, the
// proposed action in words, and the chair's confirmation. All of it as the backend computed and stored it.
import { displayNumberByFormat } from '../../../shared/dossiers/identity';
import type { Period } from '../../../shared/lifecycle/periods';
import type { ApiError } from '../../../shared/api/result';
import type { IssuedLetter } from '../../../shared/cooperations/views';
import type { CooperationStatus } from '../../../shared/lifecycle/cooperation';
import { useLocale, useT, type Locale, type MessageKey, type Params } from '../../i18n/i18n';
import { KIND_LABEL } from '../letters/labels';
import { actionText, type RunRow } from './action-text';
import { ConfirmControls } from './ConfirmControls';
import { formatMonth } from './format';
import { kpiLine } from './kpi-text';
import { ACTION_LABEL, KPI_OUTCOME_LABEL, OUTCOME_LABEL, STATUS_LABEL } from './labels';
import type { Confirmation } from './use-run';

type T = (key: MessageKey, params?: Params) => string;

function periodText(p: Period, t: T, locale: Locale): string {
  const from = formatMonth(p.months[0]!, locale);
  const to = formatMonth(p.months[p.months.length - 1]!, locale);
  if (p.kind === 'trial') return t('run.period.trial', { from, to });
  if (p.kind === 'regular') return t('run.period.regular', { index: p.index, from, to });
  return t('run.period.month', { month: from, index: p.index });
}

interface Props {
  row: RunRow;
  asOf: string;
  letters: IssuedLetter[];
  /** The cooperation's status now, when a confirmation (or anything since) changed it. */
  currentStatus: CooperationStatus | null;
  onConfirm: (confirmation: Confirmation) => Promise<ApiError | null>;
  onEnterData: () => void;
}

export function RunEntryCard({ row, asOf, letters, currentStatus, onConfirm, onEnterData }: Props) {
  const t = useT();
  const { locale } = useLocale();
  const { entry } = row;
  const result = entry.result;
  const proposal = entry.proposal;
  const stale = entry.stale;
  return (
    <article className={`run-entry outcome-${result?.outcome ?? 'none'}${row.stale ? ' run-entry-stale' : ''}`} aria-label={entry.legalName} data-testid="run-entry">
      <header className="run-entry-head">
        <div>
          <div className="provider-name">
            {entry.legalName}
            <span className={`tag status-tag status-${entry.status}`} title={t('run.statusAtRun')}>{t(STATUS_LABEL[entry.status])}</span>
            {currentStatus && currentStatus !== entry.status && (
              <span className={`tag status-tag status-${currentStatus}`}>{t('run.statusNow', { status: t(STATUS_LABEL[currentStatus]) })}</span>
            )}
          </div>
          <div className="muted small">
            <span className="mono">{displayNumberByFormat(entry.creditCode)}</span> · {entry.regionName}
            {result && <> · {periodText(result.period, t, locale)}</>}
          </div>
          {stale && (
            <div className="run-stale small" data-testid="entry-stale" role="note">
              ⚠ {[stale.changedMonths.length > 0 ? t('run.stale.figures', { months: stale.changedMonths.map((m) => formatMonth(m, locale)).join('、') }) : '', stale.rulesChanged ? t('run.stale.rules') : '', stale.statusChanged ? t('run.stale.status') : ''].filter(Boolean).join(t('run.stale.separator'))}
            </div>
          )}
          {row.superseded && row.action?.supersededBy && (
            <div className="run-superseded small" data-testid="entry-superseded">
              {t('run.superseded')} <a href={`#/assessments/${row.action.supersededBy}`}>{t('run.superseded.open')}</a>
            </div>
          )}
          {result && !result.final && <div className="muted small">{t('run.period.early', { month: formatMonth(result.asOf, locale), end: formatMonth(result.period.months[result.period.months.length - 1]!, locale) })}</div>}
        </div>
        <div className="run-entry-verdict">
          {result && <span className={`outcome-tag outcome-${result.outcome}`}>{t(OUTCOME_LABEL[result.outcome])}</span>}
          {proposal && (
            <div className="proposal">
              <span className="muted small">{t('run.proposed')}</span> <strong data-testid="proposal">{actionText(proposal, t, locale)}</strong>
            </div>
          )}
        </div>
      </header>
      {entry.judgedIn ? (
        <p className="muted" data-testid="entry-judged">
          {t(entry.judgedIn.month && entry.judgedIn.month !== asOf ? 'run.judgedLater' : 'run.judged', {
            month: formatMonth(asOf, locale),
            later: formatMonth(entry.judgedIn.month ?? asOf, locale),
            action: t(ACTION_LABEL[entry.judgedIn.action as keyof typeof ACTION_LABEL] ?? 'run.action.none'),
          })}{' '}
          <a href={`#/assessments/${entry.judgedIn.runId}`}>{t('run.judged.open')}</a>
        </p>
      ) : !result ? (
        <p className="muted">{t('run.notAssessed', { month: formatMonth(asOf, locale) })}</p>
      ) : (
        <div className="run-entry-body">
          <div>
            <table className="kpi-table">
              <colgroup>
                <col className="kpi-col-name" />
                <col className="kpi-col-figures" />
                <col className="kpi-col-result" />
              </colgroup>
              <thead>
                <tr>
                  <th>{t('run.kpi.col.kpi')}</th>
                  <th>{t('run.kpi.col.figures')}</th>
                  <th>{t('run.kpi.col.result')}</th>
                </tr>
              </thead>
              <tbody>
                {result.kpis.map((k, i) => {
                  const line = kpiLine(k, t, locale);
                  return (
                    <tr key={i} className={`kpi-${k.outcome}`}>
                      <td>{line.label}</td>
                      <td className="kpi-figures">
                        {line.comparison}
                        {line.note && <span className="muted small kpi-note">{line.note}</span>}
                      </td>
                      <td><span className={`kpi-outcome kpi-outcome-${k.outcome}`}>{t(KPI_OUTCOME_LABEL[k.outcome])}</span></td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
            {result.routes && (
              <p className="routes small">
                {t('run.routesHint')}{' '}
                {result.routes.map((r) => (
                  <span key={r.route} className="route">
                    {t('run.route.item', { route: t(r.route === 'gmv' ? 'run.route.gmv' : 'run.route.orderGrowth'), outcome: r.outcome === 'open' ? t('run.route.open') : t(KPI_OUTCOME_LABEL[r.outcome]) })}
                  </span>
                ))}
              </p>
            )}
          </div>
          <div className="run-entry-side">
            <ConfirmControls key={row.action?.confirmed ?? 'open'} row={row} onConfirm={onConfirm} />
            {row.needsData && <button type="button" className="link" onClick={onEnterData}>{t('run.enterData')}</button>}
            {letters.map((l) => (
              <div key={l.id} className="small issued-letter">
                {t('run.letters.issuedAs', { kind: t(KIND_LABEL[l.kind]), number: l.number })}
                {l.voidedAt && <span className="tag">{t('run.letters.voided')}</span>}
              </div>
            ))}
          </div>
        </div>
      )}
    </article>
  );
}
