// Assessment runs (考核): one period for every open cooperation of a program, evaluated by the lifecycle
// core with the figures as entered; missing figures are reported, never passed. The results are stored
// with the run; the chair then confirms the proposed actions one by one or in bulk, and each confirmation
// becomes a dated status change (and, for a termination, the re-admission ban).
import crypto from 'node:crypto';
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { getCooperationRow, listCooperationRows } from '../cooperations/cooperation-repo';
import { applyEventIn, programKpiRules } from '../cooperations/cooperation-service';
import { listFigures } from './kpi-figures-service';
import { assess } from '../../../shared/lifecycle/assess';
import { proposeAction, canConfirm } from '../../../shared/lifecycle/actions';
import { assessedMonthContaining, periodContaining, periodicCalendar, type Period } from '../../../shared/lifecycle/periods';
import { lastDay, type YearMonth } from '../../../shared/lifecycle/months';
import type { PeriodicFigures, MonthlyWarningFigures } from '../../../shared/lifecycle/figures';
import type { Cooperation } from '../../../shared/cooperations/views';
import type { AssessmentRun, RunEntry } from '../../../shared/cooperations/assessment-views';

/** The month of the last confirm event, when the trial was confirmed early (提前转正). */
function confirmedThrough(c: Cooperation): YearMonth | null {
  const confirm = c.events.find((e) => e.event === 'confirm');
  const through = confirm?.detail.confirmedThrough;
  return typeof through === 'string' ? through : null;
}

function periodFor(c: Cooperation, rules: ReturnType<typeof programKpiRules>, asOf: YearMonth): Period | null {
  const day = lastDay(asOf);
  if (rules.kind === 'monthlyWarning') return assessedMonthContaining(c.startedOn, day, rules);
  const calendar = periodicCalendar(c.startedOn, rules, c.status === 'trial' ? null : confirmedThrough(c));
  if (c.status === 'trial') return calendar.trial.months.includes(asOf) ? calendar.trial : null;
  return periodContaining(calendar, day);
}

export function runAssessment(ctx: ServiceContext, input: { programId: string; asOf: YearMonth; effectiveDate: string }): AssessmentRun {
  const id = write(ctx, (w) => {
    const rules = programKpiRules(ctx, input.programId);
    const open = listCooperationRows(ctx.db, { programId: input.programId }).filter((c) => ['trial', 'formal', 'rectification'].includes(c.status));
    if (open.length === 0) throw new AppError('CONFLICT', zh('error.nothingToAssess'));
    const entries: RunEntry[] = open.map((summary) => {
      const c = getCooperationRow(ctx.db, summary.id);
      const period = periodFor(c, rules, input.asOf);
      const base = { cooperationId: c.id, legalName: c.legalName, creditCode: c.creditCode, regionName: c.regionName, status: c.status };
      if (!period) return { ...base, result: null, proposal: null };
      const figures = listFigures(ctx, c.id);
      const result =
        rules.kind === 'periodic'
          ? assess(rules, { period, figures: figures as PeriodicFigures[], asOf: input.asOf })
          : assess(rules, { period, figures: figures as MonthlyWarningFigures[] });
      const noticesBefore = c.events.filter((e) => e.event === 'rectify').length;
      return { ...base, result, proposal: proposeAction({ ruleSet: rules, status: c.status, result, effectiveDate: input.effectiveDate, noticesBefore }) };
    });
    const runId = crypto.randomUUID();
    const label = `${input.asOf}`;
    ctx.db
      .prepare('INSERT INTO assessment_runs (id, program_id, period_label, period_start, period_end, rule_set, results, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(runId, input.programId, label, input.asOf, input.effectiveDate, JSON.stringify(rules), JSON.stringify(entries), w.at, w.actor);
    const insert = ctx.db.prepare('INSERT INTO assessment_actions (run_id, cooperation_id, proposed) VALUES (?, ?, ?)');
    for (const e of entries) insert.run(runId, e.cooperationId, e.proposal?.action ?? 'none');
    w.log({ entity: 'assessmentRun', entityId: null, entityKey: runId, action: 'create', before: null, after: { programId: input.programId, asOf: input.asOf, entries: entries.length } });
    return runId;
  });
  return getRun(ctx, id);
}

export function getRun(ctx: ServiceContext, id: string): AssessmentRun {
  const row = ctx.db.prepare('SELECT * FROM assessment_runs WHERE id = ?').get(id) as { id: string; program_id: string; period_label: string; period_start: string; period_end: string; results: string; created_at: string; created_by: string } | undefined;
  if (!row) throw new AppError('NOT_FOUND', zh('error.notFound'));
  const actions = ctx.db.prepare('SELECT cooperation_id AS cooperationId, proposed, confirmed, confirmed_at AS confirmedAt, confirmed_by AS confirmedBy, note FROM assessment_actions WHERE run_id = ?').all(id) as AssessmentRun['actions'];
  return { id: row.id, programId: row.program_id, periodLabel: row.period_label, asOf: row.period_start, effectiveDate: row.period_end, entries: JSON.parse(row.results) as RunEntry[], actions, createdAt: row.created_at, createdBy: row.created_by };
}

export interface Confirmation {
  cooperationId: string;
  /** 'proposed' confirms the proposal; with missing data the chair must pick an alternative and give a reason. */
  choice: 'proposed' | 'ifPassed' | 'ifFailed';
  overrideReason?: string;
}

/** Confirms actions in one transaction: all of them become dated status changes, or none does. */
export function confirmActions(ctx: ServiceContext, runId: string, confirmations: Confirmation[]): AssessmentRun {
  write(ctx, (w) => {
    const run = getRun(ctx, runId);
    for (const c of confirmations) {
      const entry = run.entries.find((e) => e.cooperationId === c.cooperationId);
      const action = run.actions.find((a) => a.cooperationId === c.cooperationId);
      if (!entry?.proposal || !action) throw new AppError('NOT_FOUND', zh('error.notFound'));
      if (action.confirmed) throw new AppError('CONFLICT', zh('error.actionConfirmed', { name: entry.legalName }));
      const override = c.choice !== 'proposed';
      if (override && !c.overrideReason?.trim()) throw new AppError('VALIDATION', zh('error.overrideReason'), [{ path: 'overrideReason', key: 'error.required' }]);
      const chosen = c.choice === 'proposed' ? entry.proposal : entry.proposal.alternatives?.[c.choice];
      if (!chosen || !canConfirm(entry.proposal, override)) throw new AppError('CONFLICT', zh('error.needsData', { name: entry.legalName }));
      if (chosen.event) {
        applyEventIn(ctx, w, {
          cooperationId: c.cooperationId,
          event: chosen.event,
          effectiveOn: run.effectiveDate,
          reason: zh(`assessment.reason.${chosen.action}`, { period: run.periodLabel }),
          banReason: chosen.termination?.reason,
          runId,
          // Early confirmation (提前转正) moves the first regular period: the calendar reads this back.
          detail: chosen.confirmedThrough ? { confirmedThrough: chosen.confirmedThrough } : {},
        });
      }
      ctx.db.prepare('UPDATE assessment_actions SET confirmed = ?, confirmed_at = ?, confirmed_by = ?, note = ? WHERE run_id = ? AND cooperation_id = ?').run(chosen.action, w.at, w.actor, c.overrideReason ?? '', runId, c.cooperationId);
    }
    w.log({ entity: 'assessmentRun', entityId: null, entityKey: runId, action: 'update', before: null, after: { confirmed: confirmations } });
  });
  return getRun(ctx, runId);
}
