import type { Migration } from './types';

// A month is judged once per cooperation (issue 7, shared/lifecycle/runs.ts): running a month again replaces
// the earlier runs' unconfirmed proposals for it instead of stacking a second judgement on the first. The
// replaced action keeps its row (the history of what was proposed) and records which run replaced it and
// when. Staleness needs no column: each run entry keeps the figures it read, compared on every read.
// Additive only.
export const m004AssessmentReruns: Migration = {
  version: 4,
  name: 'assessment reruns: superseded proposals',
  up: `
    ALTER TABLE assessment_actions ADD COLUMN superseded_by TEXT REFERENCES assessment_runs (id);
    ALTER TABLE assessment_actions ADD COLUMN superseded_at TEXT;
    -- The earlier runs of a program's month, looked up on every run.
    CREATE INDEX assessment_runs_program_month ON assessment_runs (program_id, period_start);
    CREATE INDEX assessment_actions_cooperation ON assessment_actions (cooperation_id);
  `,
};
