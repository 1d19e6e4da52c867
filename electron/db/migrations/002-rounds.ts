import type { Migration } from './types';

// Evaluation rounds (评审批次). Everything that may later travel between laptops (rounds, regions,
// applications, members, score sheets) has a UUID text id, so packages from several machines can merge
// without id clashes. Scores belong to a member's score sheet: a sheet is the self-contained unit that a
// member fills, submits, and — later — signs and exchanges as a file.
export const m002Rounds: Migration = {
  version: 2,
  name: 'rounds: programs, regions, applications, committee, score sheets, finalizations, re-admission bans',
  up: `
    -- Records with text ids (rounds and their parts) are logged under entity_key; additive change, so the
    -- append-only triggers and every existing row stay as they are.
    ALTER TABLE change_log ADD COLUMN entity_key TEXT;
    CREATE INDEX change_log_entity_key ON change_log (entity, entity_key, seq);

    CREATE TABLE programs (
      id          TEXT PRIMARY KEY,
      platform    TEXT NOT NULL,            -- 淘宝直播 / 抖音电商 / 淘特 / other, free text
      name        TEXT NOT NULL,
      rules       TEXT NOT NULL,            -- JSON admission rule set (shared/eligibility/rules.ts)
      created_at  TEXT NOT NULL,
      updated_at  TEXT NOT NULL
    ) STRICT;

    CREATE TABLE rounds (
      id              TEXT PRIMARY KEY,
      program_id      TEXT NOT NULL REFERENCES programs (id),
      name            TEXT NOT NULL,
      reference_date  TEXT NOT NULL,        -- screening date: "registered ≥ 1 year" and cooldowns are judged on it
      options         TEXT NOT NULL,        -- JSON ranking options (criteria, weights, scale, aggregation, ...)
      status          TEXT NOT NULL CHECK (status IN ('open', 'finalized')),
      version         INTEGER NOT NULL DEFAULT 1,
      created_at      TEXT NOT NULL,
      updated_at      TEXT NOT NULL
    ) STRICT;

    CREATE TABLE round_regions (
      id               TEXT PRIMARY KEY,
      round_id         TEXT NOT NULL REFERENCES rounds (id),
      name             TEXT NOT NULL,       -- 产业带 / 区域
      city             TEXT NOT NULL,       -- the service city, compared with the entity's city
      quota            INTEGER NOT NULL CHECK (quota >= 0),
      waitlist_length  INTEGER NOT NULL CHECK (waitlist_length >= 0),
      sort             INTEGER NOT NULL,
      UNIQUE (round_id, name)
    ) STRICT;

    CREATE TABLE applications (
      id                  TEXT PRIMARY KEY,
      round_id            TEXT NOT NULL REFERENCES rounds (id),
      dossier_id          INTEGER NOT NULL REFERENCES dossiers (id),
      price_quote_fen     INTEGER CHECK (price_quote_fen IS NULL OR price_quote_fen > 0),
      strength_statement  TEXT NOT NULL,    -- 主体优势说明, substitutes "registered ≥ 1 year"
      shop_facts          TEXT NOT NULL,    -- JSON declared shop-level facts (seed 004 gates)
      withdrawn_at        TEXT,
      created_at          TEXT NOT NULL,
      UNIQUE (round_id, dossier_id)
    ) STRICT;

    CREATE TABLE application_regions (
      application_id  TEXT NOT NULL REFERENCES applications (id),
      region_id       TEXT NOT NULL REFERENCES round_regions (id),
      preference      INTEGER NOT NULL CHECK (preference >= 1),
      PRIMARY KEY (application_id, region_id),
      UNIQUE (application_id, preference)
    ) STRICT;

    -- The chair may override a failed screening, with a recorded reason (资格审查 override).
    CREATE TABLE eligibility_overrides (
      application_id  TEXT NOT NULL REFERENCES applications (id),
      region_id       TEXT NOT NULL REFERENCES round_regions (id),
      eligible        INTEGER NOT NULL CHECK (eligible IN (0, 1)),
      reason          TEXT NOT NULL,
      decided_by      TEXT NOT NULL,
      decided_at      TEXT NOT NULL,
      PRIMARY KEY (application_id, region_id)
    ) STRICT;

    CREATE TABLE members (
      id        TEXT PRIMARY KEY,
      round_id  TEXT NOT NULL REFERENCES rounds (id),
      name      TEXT NOT NULL,
      role      TEXT NOT NULL CHECK (role IN ('chair', 'member')),
      sort      INTEGER NOT NULL,
      UNIQUE (round_id, name)
    ) STRICT;

    CREATE TABLE recusals (
      application_id  TEXT NOT NULL REFERENCES applications (id),
      member_id       TEXT NOT NULL REFERENCES members (id),
      reason          TEXT NOT NULL,
      declared_at     TEXT NOT NULL,
      PRIMARY KEY (application_id, member_id)
    ) STRICT;

    CREATE TABLE score_sheets (
      id            TEXT PRIMARY KEY,
      round_id      TEXT NOT NULL REFERENCES rounds (id),
      member_id     TEXT NOT NULL UNIQUE REFERENCES members (id),
      submitted_at  TEXT
    ) STRICT;

    CREATE TABLE scores (
      sheet_id        TEXT NOT NULL REFERENCES score_sheets (id),
      application_id  TEXT NOT NULL REFERENCES applications (id),
      criterion       TEXT NOT NULL,
      value           REAL NOT NULL,
      comment         TEXT NOT NULL DEFAULT '',
      updated_at      TEXT NOT NULL,
      PRIMARY KEY (sheet_id, application_id, criterion)
    ) STRICT;

    -- Finalized results are frozen as a snapshot; reopening is recorded on the same row.
    CREATE TABLE finalizations (
      id             TEXT PRIMARY KEY,
      round_id       TEXT NOT NULL REFERENCES rounds (id),
      finalized_at   TEXT NOT NULL,
      finalized_by   TEXT NOT NULL,
      snapshot       TEXT NOT NULL,         -- JSON: inputs and results exactly as finalized
      reopened_at    TEXT,
      reopened_by    TEXT,
      reopen_reason  TEXT
    ) STRICT;
    CREATE INDEX finalizations_round ON finalizations (round_id, finalized_at);

    -- Re-admission cooldowns (再准入限制, DOMAIN §5) by 统一社会信用代码. Entered by the chair for exits
    -- recorded elsewhere; terminations and exits recorded in Review Desk will add rows here too.
    CREATE TABLE readmission_bans (
      id           TEXT PRIMARY KEY,
      credit_code  TEXT NOT NULL,
      until        TEXT,                    -- YYYY-MM-DD when it may apply again; NULL = never
      reason       TEXT NOT NULL,           -- reason category (shared/eligibility)
      note         TEXT NOT NULL,
      created_at   TEXT NOT NULL,
      created_by   TEXT NOT NULL,
      lifted_at    TEXT,
      lifted_by    TEXT,
      lift_reason  TEXT
    ) STRICT;
    CREATE INDEX readmission_bans_code ON readmission_bans (credit_code);
  `,
};
