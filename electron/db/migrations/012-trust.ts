import type { Migration } from './types';

// Trust (issue 9). Additive only, so every existing row and the history's hash chain stay as they are:
// - finalizations.chain_head / letters.chain_head: the change history's chain head (electron/services/
//   history/chain.ts) at the moment of finalizing / issuing; its short fingerprint is printed on the
//   selection list and the letter, the paper anchor a later rewrite of the history cannot match. NULL on
//   rows made before: those lists and letters keep printing as they were.
// - programs.version, round_regions.version, letter_templates.version: optimistic versions, so a save
//   based on stale data is refused (CONFLICT) instead of silently overwriting someone else's save.
//   Existing rows start at 1; a letter kind without a template row (the built-in text) counts as version 0.
export const m012Trust: Migration = {
  version: 12,
  name: 'trust: chain heads on finalizations and letters, versions on programs, regions and letter templates',
  up: `
    ALTER TABLE finalizations ADD COLUMN chain_head TEXT;
    ALTER TABLE letters ADD COLUMN chain_head TEXT;
    ALTER TABLE programs ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE round_regions ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
    ALTER TABLE letter_templates ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
  `,
};
