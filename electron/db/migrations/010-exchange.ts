import type { Migration } from './types';

// Separate laptops (docs/exchange.md). Additive only.
// Chair side: members may carry a registered public key; every package exported and every sheet received
// is recorded (a received sheet is kept even when a later amendment supersedes it).
// Member side: a round imported from a package is marked with its origin, the package and the chair's
// key; chairs' keys are pinned on first use; sheets sent are numbered so amendments supersede in order.
export const m010Exchange: Migration = {
  version: 10,
  name: 'exchange: member keys, packages, signed score sheets, pinned chair keys',
  up: `
    ALTER TABLE members ADD COLUMN public_key TEXT;
    ALTER TABLE members ADD COLUMN key_fingerprint TEXT;
    ALTER TABLE rounds ADD COLUMN origin TEXT NOT NULL DEFAULT 'local' CHECK (origin IN ('local', 'package'));
    ALTER TABLE rounds ADD COLUMN package_sha256 TEXT;
    ALTER TABLE rounds ADD COLUMN package_member_id TEXT;
    ALTER TABLE rounds ADD COLUMN chair_public_key TEXT;

    CREATE TABLE trusted_chairs (
      public_key   TEXT PRIMARY KEY,
      fingerprint  TEXT NOT NULL,
      trusted_at   TEXT NOT NULL,
      trusted_by   TEXT NOT NULL
    ) STRICT;

    CREATE TABLE round_packages (
      sha256        TEXT PRIMARY KEY,
      round_id      TEXT NOT NULL REFERENCES rounds (id),
      member_id     TEXT NOT NULL REFERENCES members (id),
      setup_digest  TEXT NOT NULL,
      exported_at   TEXT NOT NULL,
      exported_by   TEXT NOT NULL
    ) STRICT;

    CREATE TABLE received_sheets (
      sha256          TEXT PRIMARY KEY,
      round_id        TEXT NOT NULL REFERENCES rounds (id),
      member_id       TEXT NOT NULL REFERENCES members (id),
      package_sha256  TEXT NOT NULL REFERENCES round_packages (sha256),
      sequence        INTEGER NOT NULL,
      reason          TEXT,
      status          TEXT NOT NULL CHECK (status IN ('verified', 'superseded')),
      cells           INTEGER NOT NULL,
      received_at     TEXT NOT NULL,
      received_by     TEXT NOT NULL,
      UNIQUE (member_id, sequence)
    ) STRICT;

    CREATE TABLE sent_sheets (
      sha256       TEXT PRIMARY KEY,
      round_id     TEXT NOT NULL REFERENCES rounds (id),
      sequence     INTEGER NOT NULL,
      reason       TEXT,
      exported_at  TEXT NOT NULL,
      UNIQUE (round_id, sequence)
    ) STRICT;
  `,
};
