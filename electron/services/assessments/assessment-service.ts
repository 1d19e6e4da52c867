// Assessment runs (考核): one period for every open cooperation of a program, evaluated by the lifecycle
// core with the figures as entered; missing figures are reported, never passed. The results are stored
// with the run; the chair then confirms the proposed actions one by one or in bulk, and each confirmation
// becomes a dated status change (and, for a termination, the re-admission ban the program's rules give).
// A month is judged once per cooperation (shared/lifecycle/runs.ts): a rerun replaces the earlier runs'
// open proposals and never proposes again what was confirmed; a run whose figures, rules or statuses
// changed afterwards is stale and its open proposals cannot be confirmed (assessment-staleness.ts).
import crypto from 'node:crypto';
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { getCooperationRow, listCooperationRows } from '../cooperations/cooperation-repo';
import { applyEventIn, assessedRules, programKpiRules } from '../cooperations/cooperation-service';
import { listFigures } from './kpi-figures-service';
import { entryStaleness, readRun } from './assessment-staleness';
import { assess } from '../../../shared/lifecycle/assess';
import { proposeAction, canConfirm } from '../../../shared/lifecycle/actions';
import type { AssessedRuleSet } from '../../../shared/lifecycle/kpi-rules';
import { assessedMonthContaining, periodContaining, periodicCalendar, type Period } from '../../../shared/lifecycle/periods';
import { lastDay, monthOf, type YearMonth } from '../../../shared/lifecycle/months';
import { rerunDecision, type LaterJudgement, type PriorAction } from '../../../shared/lifecycle/runs';
import type { PeriodicFigures, MonthlyWarningFigures } from '../../../shared/lifecycle/figures';
import type { Cooperation } from '../../../shared/cooperations/views';
import type { AssessmentRun, MonthFigures, RunEntry } from '../../../shared/cooperations/assessment-views';

/** The month of the last confirm event, when the trial was confirmed early (提前转正). */
function confirmedThrough(c: Cooperation): YearMonth | null {
  const confirm = c.events.find((e) => e.event === 'confirm');
  const through = confirm?.detail.confirmedThrough;
  return typeof through === 'string' ? through : null;
}

function periodFor(c: Cooperation, rules: AssessedRuleSet, asOf: YearMonth): Period | null {
  const day = lastDay(asOf);
  if (rules.kind === 'monthlyWarning') return assessedMonthContaining(c.startedOn, day, rules);
  const calendar = periodicCalendar(c.startedOn, rules, c.status === 'trial' ? null : confirmedThrough(c));
  if (c.status === 'trial') return calendar.trial.months.includes(asOf) ? calendar.trial : null;
  return periodContaining(calendar, day);
}

/** The earlier runs' actions for this cooperation and month (same program), oldest first. */
function priorActions(ctx: ServiceContext, programId: string, cooperationId: string, asOf: YearMonth): PriorAction[] {
  return ctx.db
    .prepare(
      `SELECT a.run_id AS runId, a.confirmed, a.superseded_by AS supersededBy FROM assessment_actions a JOIN assessment_runs r ON r.id = a.run_id
        WHERE r.program_id = ? AND r.period_start = ? AND a.cooperation_id = ? ORDER BY r.created_at, r.rowid`,
    )
    .all(programId, asOf, cooperationId) as PriorAction[];
}

/** Confirmed actions of this cooperation for months after `asOf` (its status already carries them). */
function laterJudgements(ctx: ServiceContext, cooperationId: string, asOf: YearMonth): LaterJudgement[] {
  return ctx.db
    .prepare(
      `SELECT a.run_id AS runId, r.period_start AS month, a.confirmed AS action FROM assessment_actions a JOIN assessment_runs r ON r.id = a.run_id
        WHERE a.cooperation_id = ? AND r.period_start > ? AND a.confirmed IS NOT NULL`,
    )
    .all(cooperationId, asOf) as LaterJudgement[];
}

export function runAssessment(ctx: ServiceContext, input: { programId: string; asOf: YearMonth; effectiveDate: string }): AssessmentRun {
  const id = write(ctx, (w) => {
    const rules = assessedRules(ctx, input.programId);
    const open = listCooperationRows(ctx.db, { programId: input.programId }).filter((c) => ['trial', 'formal', 'rectification'].includes(c.status));
    if (open.length === 0) throw new AppError('CONFLICT', zh('error.nothingToAssess'));
    const runId = crypto.randomUUID();
    const supersede: { cooperationId: string; runs: readonly string[] }[] = [];
    const entries: RunEntry[] = open.map((summary) => {
      const c = getCooperationRow(ctx.db, summary.id);
      const base = { cooperationId: c.id, legalName: c.legalName, creditCode: c.creditCode, regionName: c.regionName, status: c.status };
      const decision = rerunDecision(priorActions(ctx, input.programId, c.id, input.asOf), laterJudgements(ctx, c.id, input.asOf));
      if (decision.kind === 'judged') return { ...base, result: null, proposal: null, judgedIn: { runId: decision.runId, action: decision.action, month: decision.month ?? input.asOf } };
      supersede.push({ cooperationId: c.id, runs: decision.supersedes });
      const period = periodFor(c, rules, input.asOf);
      if (!period) return { ...base, result: null, proposal: null };
      const figures = listFigures(ctx, c.id);
      // Seed 001's cumulative bindings count from the trial's first month (the cooperation's start).
      const since = monthOf(c.startedOn);
      const read = (f: MonthFigures) => f.month <= input.asOf && (rules.kind === 'periodic' ? f.month >= since : period.months.includes(f.month));
      const result =
        rules.kind === 'periodic'
          ? assess(rules, { period, figures: figures as PeriodicFigures[], asOf: input.asOf, since })
          : assess(rules, { period, figures: figures as MonthlyWarningFigures[] });
      const noticesBefore = c.events.filter((e) => e.event === 'rectify').length;
      const proposal = proposeAction({ ruleSet: rules, status: c.status, result, effectiveDate: input.effectiveDate, noticesBefore });
      return { ...base, result, proposal, figuresUsed: figures.filter(read), judgedIn: null };
    });
    ctx.db
      .prepare('INSERT INTO assessment_runs (id, program_id, period_label, period_start, period_end, rule_set, results, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(runId, input.programId, input.asOf, input.asOf, input.effectiveDate, JSON.stringify(rules), JSON.stringify(entries), w.at, w.actor);
    const insert = ctx.db.prepare('INSERT INTO assessment_actions (run_id, cooperation_id, proposed) VALUES (?, ?, ?)');
    for (const e of entries) insert.run(runId, e.cooperationId, e.proposal?.action ?? 'none');
    // The rerun replaces the earlier open proposals for the same month (never stacks a second judgement).
    const mark = ctx.db.prepare('UPDATE assessment_actions SET superseded_by = ?, superseded_at = ? WHERE run_id = ? AND cooperation_id = ? AND confirmed IS NULL AND superseded_by IS NULL');
    let replaced = 0;
    for (const s of supersede) for (const earlier of s.runs) replaced += mark.run(runId, w.at, earlier, s.cooperationId).changes;
    w.log({ entity: 'assessmentRun', entityId: null, entityKey: runId, action: 'create', before: null, after: { programId: input.programId, asOf: input.asOf, entries: entries.length, replaced } });
    return runId;
  });
  return getRun(ctx, id);
}

export const getRun = readRun;

export interface Confirmation {
  cooperationId: string;
  /** 'proposed' confirms the proposal; with missing data the chair must pick an alternative and give a reason. */
  choice: 'proposed' | 'ifPassed' | 'ifFailed';
  overrideReason?: string;
  /** Why the chair confirms an irreversible action (清退): required for those, recorded with the confirmation. */
  reason?: string;
}

/** Confirms actions in one transaction: all of them become dated status changes, or none does. */
export function confirmActions(ctx: ServiceContext, runId: string, confirmations: Confirmation[]): AssessmentRun {
  write(ctx, (w) => {
    const run = getRun(ctx, runId);
    const rules = programKpiRules(ctx, run.programId);
    for (const c of confirmations) {
      const entry = run.entries.find((e) => e.cooperationId === c.cooperationId);
      const action = run.actions.find((a) => a.cooperationId === c.cooperationId);
      if (!entry?.proposal || !action) throw new AppError('NOT_FOUND', zh('error.notFound'));
      if (action.confirmed) throw new AppError('CONFLICT', zh('error.actionConfirmed', { name: entry.legalName }));
      if (action.supersededBy) throw new AppError('CONFLICT', zh('error.actionSuperseded', { name: entry.legalName }));
      // Re-read inside the transaction: an earlier confirmation of this batch may have changed a status.
      if (entryStaleness(ctx, run, entry, rules)) throw new AppError('CONFLICT', zh('error.runStale', { name: entry.legalName }));
      const override = c.choice !== 'proposed';
      if (override && !c.overrideReason?.trim()) throw new AppError('VALIDATION', zh('error.overrideReason'), [{ path: 'overrideReason', key: 'error.required' }]);
      const chosen = c.choice === 'proposed' ? entry.proposal : entry.proposal.alternatives?.[c.choice];
      if (!chosen || !canConfirm(entry.proposal, override)) throw new AppError('CONFLICT', zh('error.needsData', { name: entry.legalName }));
      // Issue 11: 清退 cannot be undone, so confirming one needs the chair's reason in words — as the manual
      // termination does. An override reason already is one.
      const reason = (c.overrideReason?.trim() || c.reason?.trim()) ?? '';
      if (chosen.action === 'terminate' && !reason) throw new AppError('VALIDATION', zh('error.terminateReason', { name: entry.legalName }), [{ path: 'reason', key: 'error.required' }]);
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
      ctx.db.prepare('UPDATE assessment_actions SET confirmed = ?, confirmed_at = ?, confirmed_by = ?, note = ? WHERE run_id = ? AND cooperation_id = ?').run(chosen.action, w.at, w.actor, reason, runId, c.cooperationId);
    }
    w.log({ entity: 'assessmentRun', entityId: null, entityKey: runId, action: 'update', before: null, after: { confirmed: confirmations } });
  });
  return getRun(ctx, runId);
}
