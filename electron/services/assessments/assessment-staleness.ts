// Reading a stored run, with whether each entry still matches the data (shared/lifecycle/runs.ts): the
// figures it read (kept with the entry), the program's rule set (kept with the run) and, while its proposal
// is open, the cooperation's status. Computed on every read, so the flag can never be out of date itself.
import type { ServiceContext } from '../context';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { getCooperationRow } from '../cooperations/cooperation-repo';
import { findProgramKpiRules } from '../cooperations/cooperation-service';
import { listFigures } from './kpi-figures-service';
import { changedMonths } from '../../../shared/lifecycle/runs';
import { kpiRuleSetSchema, type KpiRuleSet } from '../../../shared/lifecycle/kpi-rules';
import type { AssessmentRun, EntryStaleness, RunEntry } from '../../../shared/cooperations/assessment-views';

interface RunRow {
  id: string;
  program_id: string;
  period_label: string;
  period_start: string;
  period_end: string;
  rule_set: string;
  results: string;
  created_at: string;
  created_by: string;
}

/** Rule sets compared as stored: the same settings in any key order are the same rules. */
const canonical = (v: unknown): string => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === 'object' && !Array.isArray(x) ? Object.fromEntries(Object.entries(x).sort(([a], [b]) => a.localeCompare(b))) : x));

/** Whether an entry is stale now; null when it matches (or it has nothing the data could contradict). */
export function entryStaleness(ctx: ServiceContext, run: Pick<AssessmentRun, 'actions'> & { ruleSet?: unknown }, entry: RunEntry, rules: KpiRuleSet | null): EntryStaleness | null {
  if (!entry.result) return null;
  const action = run.actions.find((a) => a.cooperationId === entry.cooperationId);
  const open = !!action && action.confirmed === null && action.supersededBy === null;
  const months = entry.figuresUsed ? [...new Set([...entry.result.months, ...entry.figuresUsed.map((f) => f.month)])] : [];
  const changed = entry.figuresUsed ? changedMonths(months.filter((m) => m <= entry.result!.asOf), entry.figuresUsed, listFigures(ctx, entry.cooperationId)) : [];
  const rulesChanged = run.ruleSet !== undefined && rules !== null && canonical(run.ruleSet) !== canonical(rules);
  const statusChanged = open && getCooperationRow(ctx.db, entry.cooperationId).status !== entry.status;
  return changed.length > 0 || rulesChanged || statusChanged ? { changedMonths: changed, rulesChanged, statusChanged } : null;
}

export function readRun(ctx: ServiceContext, id: string): AssessmentRun & { ruleSet: unknown } {
  const row = ctx.db.prepare('SELECT * FROM assessment_runs WHERE id = ?').get(id) as RunRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', zh('error.notFound'));
  const actions = ctx.db
    .prepare('SELECT cooperation_id AS cooperationId, proposed, confirmed, confirmed_at AS confirmedAt, confirmed_by AS confirmedBy, note, superseded_by AS supersededBy, superseded_at AS supersededAt FROM assessment_actions WHERE run_id = ?')
    .all(id) as AssessmentRun['actions'];
  // Parsed with today's schema, so settings added since (with their defaults) do not read as a change.
  const stored = kpiRuleSetSchema.safeParse(JSON.parse(row.rule_set));
  const ruleSet = stored.success ? stored.data : undefined;
  const rules = findProgramKpiRules(ctx, row.program_id);
  const base = { actions, ruleSet };
  const entries = (JSON.parse(row.results) as RunEntry[]).map((e) => ({ ...e, stale: entryStaleness(ctx, base, e, rules) }));
  return {
    id: row.id,
    programId: row.program_id,
    periodLabel: row.period_label,
    asOf: row.period_start,
    effectiveDate: row.period_end,
    entries,
    actions,
    createdAt: row.created_at,
    createdBy: row.created_by,
    stale: entries.some((e) => e.stale !== null),
    ruleSet,
  };
}
