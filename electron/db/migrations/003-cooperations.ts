import type { Migration } from './types';

// Life after selection (issue 4): cooperations and their dated events, monthly KPI figures, assessment runs
// with the actions the chair confirmed, and letters with their never-reused numbers. Additive only.
export const m003Cooperations: Migration = {
  version: 3,
  name: 'cooperations, KPI figures, assessment runs, letters',
  up: `
    -- The KPI rule set of a program (shared/lifecycle/kpi-rules.ts); NULL until the chair chooses one.
    ALTER TABLE programs ADD COLUMN kpi_rules TEXT;

    CREATE TABLE cooperations (
      id               TEXT PRIMARY KEY,
      program_id       TEXT NOT NULL REFERENCES programs (id),
      dossier_id       INTEGER NOT NULL REFERENCES dossiers (id),
      round_id         TEXT REFERENCES rounds (id),         -- the round that admitted it, if recorded here
      application_id   TEXT REFERENCES applications (id),
      region_id        TEXT REFERENCES round_regions (id),
      region_name      TEXT NOT NULL,                        -- as it was when admitted
      status           TEXT NOT NULL CHECK (status IN ('trial', 'formal', 'rectification', 'terminated', 'exited')),
      started_on       TEXT NOT NULL,                        -- first day of the cooperation (trial start)
      ended_on         TEXT,
      end_reason       TEXT,                                 -- termination reason category (BAN_REASONS)
      version          INTEGER NOT NULL DEFAULT 1,
      created_at       TEXT NOT NULL,
      updated_at       TEXT NOT NULL,
      UNIQUE (application_id, region_id)
    ) STRICT;
    CREATE INDEX cooperations_program ON cooperations (program_id, status);
    CREATE INDEX cooperations_dossier ON cooperations (dossier_id);

    -- Dated status history: every event with its effective date, who recorded it and why.
    CREATE TABLE cooperation_events (
      id              TEXT PRIMARY KEY,
      cooperation_id  TEXT NOT NULL REFERENCES cooperations (id),
      event           TEXT NOT NULL,                         -- admit / confirm / rectify / resolveRectification / terminate / exit
      effective_on    TEXT NOT NULL,
      from_status     TEXT,
      to_status       TEXT NOT NULL,
      reason          TEXT NOT NULL,
      detail          TEXT NOT NULL,                         -- JSON: reason category, re-admission date, run id, exit checklist …
      recorded_at     TEXT NOT NULL,
      recorded_by     TEXT NOT NULL
    ) STRICT;
    CREATE INDEX cooperation_events_cooperation ON cooperation_events (cooperation_id, effective_on);

    -- KPI figures per provider per calendar month, as the platform reports them; JSON per rule-set kind.
    CREATE TABLE kpi_figures (
      cooperation_id  TEXT NOT NULL REFERENCES cooperations (id),
      month           TEXT NOT NULL,                         -- YYYY-MM
      figures         TEXT NOT NULL,
      updated_at      TEXT NOT NULL,
      updated_by      TEXT NOT NULL,
      PRIMARY KEY (cooperation_id, month)
    ) STRICT;

    -- An assessment run evaluates one period for all providers of a program; its results are kept as run.
    CREATE TABLE assessment_runs (
      id            TEXT PRIMARY KEY,
      program_id    TEXT NOT NULL REFERENCES programs (id),
      period_label  TEXT NOT NULL,
      period_start  TEXT NOT NULL,
      period_end    TEXT NOT NULL,
      rule_set      TEXT NOT NULL,                           -- JSON: the rule set as it was used
      results       TEXT NOT NULL,                           -- JSON: per cooperation, figures and outcomes
      created_at    TEXT NOT NULL,
      created_by    TEXT NOT NULL
    ) STRICT;

    CREATE TABLE assessment_actions (
      run_id           TEXT NOT NULL REFERENCES assessment_runs (id),
      cooperation_id   TEXT NOT NULL REFERENCES cooperations (id),
      proposed         TEXT NOT NULL,
      confirmed        TEXT,                                 -- the action the chair confirmed (may differ, with a reason)
      confirmed_at     TEXT,
      confirmed_by     TEXT,
      note             TEXT NOT NULL DEFAULT '',
      PRIMARY KEY (run_id, cooperation_id)
    ) STRICT;

    -- Letter templates edited by the chair; built-in texts apply where no row exists.
    CREATE TABLE letter_templates (
      kind        TEXT PRIMARY KEY,
      title       TEXT NOT NULL,
      body        TEXT NOT NULL,
      prefix      TEXT NOT NULL,                             -- number prefix, e.g. 评审终字
      updated_at  TEXT NOT NULL,
      updated_by  TEXT NOT NULL
    ) STRICT;

    -- Next letter number per year and kind. Numbers are taken inside the issuing transaction and never
    -- given back, so a voided letter's number stays used.
    CREATE TABLE letter_counters (
      year      INTEGER NOT NULL,
      kind      TEXT NOT NULL,
      next_seq  INTEGER NOT NULL,
      PRIMARY KEY (year, kind)
    ) STRICT;

    -- Every issued letter exactly as issued (rendered content + sha256), so it reprints identically.
    CREATE TABLE letters (
      id              TEXT PRIMARY KEY,
      kind            TEXT NOT NULL,
      year            INTEGER NOT NULL,
      seq             INTEGER NOT NULL,
      number          TEXT NOT NULL,
      dossier_id      INTEGER NOT NULL REFERENCES dossiers (id),
      cooperation_id  TEXT REFERENCES cooperations (id),
      run_id          TEXT REFERENCES assessment_runs (id),
      fields          TEXT NOT NULL,                         -- JSON: the field values used
      content         TEXT NOT NULL,                         -- JSON: the rendered letter (title, paragraphs, signature)
      sha256          TEXT NOT NULL,
      issued_at       TEXT NOT NULL,
      issued_by       TEXT NOT NULL,
      voided_at       TEXT,
      voided_by       TEXT,
      void_reason     TEXT,
      UNIQUE (year, kind, seq)
    ) STRICT;
    CREATE INDEX letters_dossier ON letters (dossier_id, issued_at);
  `,
};
