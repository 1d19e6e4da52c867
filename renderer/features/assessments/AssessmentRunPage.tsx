// #/assessments/<run>: one assessment run (issue 4). Per provider the KPIs with the figures that decided them,
// missing figures flagged, the outcome and the proposed action in words; the chair confirms each row, or all
// rows that need no data in one click (each click is one transaction). Confirmed actions that call for a
// letter lead to 出具本次考核的全部函件. Nothing here decides an outcome: it shows the stored run.
import './assessments.css';
import { useState } from 'react';
import type { ProposedAction } from '../../../shared/lifecycle/actions';
import { ConfirmIrreversible } from '../../components/ConfirmIrreversible';
import { toast } from '../../app/toasts';
import { useLocale, useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { formatDateTime, formatDay } from '../../lib/format';
import { rowsOf, type RunRow } from './action-text';
import { formatMonth } from './format';
import { ACTION_LABEL } from './labels';
import { openFigures } from './page-memory';
import { RunEntryCard } from './RunEntryCard';
import { RunLettersPanel } from './RunLettersPanel';
import { useRun } from './use-run';

type Filter = 'all' | 'pending' | 'needsData' | 'fail';
const FILTERS: Record<Filter, (r: RunRow) => boolean> = {
  all: () => true,
  pending: (r) => r.pending,
  needsData: (r) => r.needsData,
  fail: (r) => r.entry.result?.outcome === 'fail',
};
const FILTER_LABEL = { all: 'run.filter.all', pending: 'run.filter.pending', needsData: 'run.filter.needsData', fail: 'run.filter.fail' } as const;

export function AssessmentRunPage({ id }: { id: string }) {
  const t = useT();
  const { locale } = useLocale();
  const { data, error, confirm, reloadLetters } = useRun(id);
  const [filter, setFilter] = useState<Filter>('all');
  const [bulkOpen, setBulkOpen] = useState(false);
  const [bulkError, setBulkError] = useState<string | null>(null);

  if (error) return <p className="empty" role="alert">{error}</p>;
  if (!data) return <p className="empty">{t('common.loading')}</p>;
  const { run, program } = data;
  const rows = rowsOf(run);
  const bulk = rows.filter((r) => r.bulk);
  const needsData = rows.filter((r) => r.needsData).length;
  const outcomes = { pass: 0, fail: 0, incomplete: 0, none: 0 };
  for (const r of rows) outcomes[r.entry.result?.outcome ?? 'none']++;
  const actionCounts = new Map<ProposedAction, number>();
  for (const r of bulk) actionCounts.set(r.entry.proposal!.action, (actionCounts.get(r.entry.proposal!.action) ?? 0) + 1);
  const actionSummary = [...actionCounts].map(([a, n]) => t('run.bulk.actionCount', { action: t(ACTION_LABEL[a]), count: n })).join('、');

  // 清退 among them needs the chair's reason (the backend refuses it without one); one reason serves all.
  const terminations = bulk.filter((r) => r.entry.proposal!.action === 'terminate');
  async function confirmAll(reason: string): Promise<string | null> {
    setBulkError(null);
    const failed = await confirm(bulk.map((r) => ({ cooperationId: r.entry.cooperationId, choice: 'proposed' as const, ...(r.entry.proposal!.action === 'terminate' ? { reason } : {}) })));
    if (failed) return errorText(failed);
    setBulkOpen(false);
    toast('success', t('run.bulk.done', { count: bulk.length }));
    return null;
  }

  return (
    <section className="page run-page">
      <div className="page-header">
        <h1>{t('run.title', { month: formatMonth(run.asOf, locale) })}</h1>
        <div className="actions">
          <button type="button" onClick={() => openFigures(run.programId, run.asOf)}>{t('run.back')}</button>
        </div>
      </div>
      <div className="facts">
        {program && <span>{t('run.facts.program', { name: `${program.platform} · ${program.name}` })}</span>}
        <span>{t('run.facts.effective', { date: formatDay(run.effectiveDate, locale) })}</span>
        <span>{t('run.facts.created', { name: run.createdBy, time: formatDateTime(run.createdAt, locale) })}</span>
      </div>
      <div className="run-summary">
        <span className="outcome-tag outcome-pass">{t('run.count.pass', { count: outcomes.pass })}</span>
        <span className="outcome-tag outcome-fail">{t('run.count.fail', { count: outcomes.fail })}</span>
        <span className="outcome-tag outcome-incomplete">{t('run.count.incomplete', { count: outcomes.incomplete })}</span>
        {outcomes.none > 0 && <span className="outcome-tag outcome-none">{t('run.count.none', { count: outcomes.none })}</span>}
        <div className="push-right bulk">
          {bulk.length > 0 ? (
            <button type="button" className="primary" onClick={() => setBulkOpen(true)}>{t('run.bulk.button', { count: bulk.length })}</button>
          ) : (
            rows.every((r) => !r.pending) && <span className="muted">{t('run.bulk.allDone')}</span>
          )}
          {needsData > 0 && <span className="muted small" data-testid="bulk-skipped">{t('run.bulk.skipped', { count: needsData })}</span>}
        </div>
      </div>
      {run.stale && <p className="banner run-stale-banner" role="note" data-testid="run-stale">{t('run.stale.banner')}</p>}
      {rows.some((r) => r.superseded) && <p className="banner" data-testid="run-superseded">{t('run.superseded.banner', { count: rows.filter((r) => r.superseded).length })}</p>}
      {bulkError && <p className="banner error" role="alert">{bulkError}</p>}
      <RunLettersPanel context={data} rows={rows} onIssued={() => void reloadLetters()} />
      <div className="segmented run-filter" role="group" aria-label={t('run.filter.label')}>
        {(Object.keys(FILTERS) as Filter[]).map((f) => (
          <button key={f} type="button" className={filter === f ? 'selected' : undefined} aria-pressed={filter === f} onClick={() => setFilter(f)}>
            {t(FILTER_LABEL[f], { count: rows.filter(FILTERS[f]).length })}
          </button>
        ))}
      </div>
      <div className="run-entries">
        {rows.filter(FILTERS[filter]).map((row) => (
          <RunEntryCard
            key={row.entry.cooperationId}
            row={row}
            asOf={run.asOf}
            letters={data.letters.filter((l) => l.cooperationId === row.entry.cooperationId)}
            currentStatus={data.cooperations.get(row.entry.cooperationId)?.status ?? null}
            onConfirm={async (c) => {
              const failed = await confirm([c]);
              if (!failed) toast('success', t('run.confirmedToast', { name: row.entry.legalName }));
              return failed;
            }}
            onEnterData={() => openFigures(run.programId, run.asOf)}
          />
        ))}
      </div>
      {bulkOpen && (
        <ConfirmIrreversible
          title={t('run.bulk.title')}
          consequences={[
            t('run.bulk.body', { count: bulk.length, actions: actionSummary, skipped: needsData }),
            ...(terminations.length > 0 ? [t('run.bulk.terminations', { count: terminations.length, names: terminations.map((r) => r.entry.legalName).join('、') })] : []),
          ]}
          confirmLabel={t('run.bulk.confirm', { count: bulk.length })}
          reason={terminations.length > 0 ? { label: t('run.bulk.terminateReason'), required: true, placeholder: t('run.terminate.placeholder') } : undefined}
          onConfirm={(reason) => confirmAll(reason)}
          onCancel={() => setBulkOpen(false)}
        />
      )}
    </section>
  );
}
