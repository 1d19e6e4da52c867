import type { Migration } from './types';

// Result package (结果包, docs/exchange.md): the member's laptop compares the chair's signed result with the
// sheet it SENT, cell by cell. The local scores may have been amended since (and not yet sent), so the
// exact signed payload of every sent sheet is kept with it. Additive: sheets sent before this have none
// (their comparison says so instead of guessing).
export const m013SentSheetPayload: Migration = {
  version: 13,
  name: 'exchange: keep the payload of each sent score sheet',
  up: `ALTER TABLE sent_sheets ADD COLUMN payload TEXT;`,
};
