// Read-only questions the assessments page asks beyond a single run: the program's runs, newest first,
// with how many of their proposals were confirmed or replaced by a later run, and whether they are stale.
import type { ServiceContext } from '../context';
import type { AssessmentRunSummary } from '../../../shared/cooperations/assessment-summary';
import { readRun } from './assessment-staleness';

export function listRuns(ctx: ServiceContext, programId: string): AssessmentRunSummary[] {
  const rows = ctx.db
    .prepare(
      `SELECT r.id, r.period_start AS asOf, r.period_end AS effectiveDate, r.created_at AS createdAt, r.created_by AS createdBy,
              (SELECT count(*) FROM assessment_actions a WHERE a.run_id = r.id) AS entries,
              (SELECT count(*) FROM assessment_actions a WHERE a.run_id = r.id AND a.confirmed IS NOT NULL) AS confirmed,
              (SELECT count(*) FROM assessment_actions a WHERE a.run_id = r.id AND a.superseded_by IS NOT NULL) AS superseded
         FROM assessment_runs r WHERE r.program_id = ? ORDER BY r.created_at DESC, r.rowid DESC`,
    )
    .all(programId) as Omit<AssessmentRunSummary, 'stale'>[];
  return rows.map((r) => ({ ...r, stale: readRun(ctx, r.id).stale }));
}
