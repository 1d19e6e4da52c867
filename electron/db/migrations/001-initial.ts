import type { Migration } from './types';

// Money is stored as integer 分 (fen) and capital as integer 元 so sums and comparisons are exact.
export const m001Initial: Migration = {
  version: 1,
  name: 'initial: settings, dossiers, attachments, change log',
  up: `
    CREATE TABLE settings (
      key   TEXT PRIMARY KEY,
      value TEXT NOT NULL
    ) STRICT;

    CREATE TABLE dossiers (
      id                    INTEGER PRIMARY KEY,
      credit_code           TEXT NOT NULL UNIQUE,
      legal_name            TEXT NOT NULL,
      legal_representative  TEXT NOT NULL,
      province              TEXT NOT NULL,
      city                  TEXT NOT NULL,
      registered_capital_yuan INTEGER NOT NULL CHECK (registered_capital_yuan >= 0),
      established_on        TEXT NOT NULL,
      taxpayer_type         TEXT NOT NULL CHECK (taxpayer_type IN ('general', 'small')),
      real_name_verified    INTEGER NOT NULL CHECK (real_name_verified IN (0, 1)),
      is_shop_account       INTEGER NOT NULL CHECK (is_shop_account IN (0, 1)),
      deposit_paid_fen      INTEGER NOT NULL CHECK (deposit_paid_fen >= 0),
      capabilities          TEXT NOT NULL,  -- JSON array of capability codes
      price_quote_fen       INTEGER CHECK (price_quote_fen IS NULL OR price_quote_fen >= 0),
      contacts              TEXT NOT NULL,  -- JSON array of {name, phone, email}
      introduction          TEXT NOT NULL,
      notes                 TEXT NOT NULL,
      search_text           TEXT NOT NULL,  -- lower-cased haystack for substring search
      version               INTEGER NOT NULL DEFAULT 1,
      archived_at           TEXT,
      created_at            TEXT NOT NULL,
      updated_at            TEXT NOT NULL
    ) STRICT;
    CREATE INDEX dossiers_archived_name ON dossiers (archived_at, legal_name);

    CREATE TABLE attachments (
      id          INTEGER PRIMARY KEY,
      dossier_id  INTEGER NOT NULL REFERENCES dossiers (id),
      kind        TEXT NOT NULL CHECK (kind IN ('licence', 'certificate', 'other')),
      file_name   TEXT NOT NULL,
      mime        TEXT NOT NULL,
      size        INTEGER NOT NULL,
      sha256      TEXT NOT NULL,
      added_at    TEXT NOT NULL,
      added_by    TEXT NOT NULL,
      removed_at  TEXT
    ) STRICT;
    CREATE INDEX attachments_dossier ON attachments (dossier_id);

    -- Append-only change history. Rows are never updated or deleted (the triggers enforce it), so a
    -- hash chain can later be laid over them in seq order.
    CREATE TABLE change_log (
      seq        INTEGER PRIMARY KEY AUTOINCREMENT,
      at         TEXT NOT NULL,
      actor      TEXT NOT NULL,
      entity     TEXT NOT NULL,
      entity_id  INTEGER,
      action     TEXT NOT NULL,
      before     TEXT,
      after      TEXT
    ) STRICT;
    CREATE INDEX change_log_entity ON change_log (entity, entity_id, seq);
    CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log
      BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
    CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log
      BEGIN SELECT RAISE(ABORT, 'change_log is append-only'); END;
  `,
};
