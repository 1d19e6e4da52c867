import type { Migration } from './types';

// Rule fidelity (issue 7), additive only:
// - a dossier can hold "店铺账号: unknown" (a blank cell in an import is not "no"): is_shop_account stays as it
//   was, shop_account_known = 0 says its 0 means "not known". Rows written before stay known.
// - the committee's acceptance of a 主体优势说明 (seed 003: "如注册时间未满1年，需补充主体优势说明"), with who, when
//   and why. The accepted text is kept: a statement edited afterwards needs a new acceptance.
export const m005Eligibility: Migration = {
  version: 5,
  name: 'unknown shop account, statement acceptances',
  up: `
    ALTER TABLE dossiers ADD COLUMN shop_account_known INTEGER NOT NULL DEFAULT 1 CHECK (shop_account_known IN (0, 1));

    CREATE TABLE statement_acceptances (
      application_id  TEXT PRIMARY KEY REFERENCES applications (id),
      statement       TEXT NOT NULL,
      accepted_by     TEXT NOT NULL,
      accepted_at     TEXT NOT NULL,
      reason          TEXT NOT NULL
    ) STRICT;
  `,
};
