import type { Migration } from './types';

// Letters as official documents (issue 7, GB/T 9704-2012). Additive only:
// - letter_templates.number_style: 'plain' writes 〔2026〕1号 (GB/T 9704 §7.2.4, the new default), 'padded'
//   the 〔2026〕第001号 this app wrote before. Numbers already issued keep their text; the per-year counter is
//   untouched, so no number is ever given out twice whatever the style.
// - letters.backdate_reason: why the chair let a termination take effect before the letter's date (archived
//   with the letter; NULL when the effective date is not earlier).
// - program_letter_settings: per-program letter wording (shared/letters/program-settings.ts); no row = the
//   defaults of the program's platform rules.
export const m008LettersOfficial: Migration = {
  version: 8,
  name: 'letters: number style, back-dated effective dates, per-program letter settings',
  up: `
    ALTER TABLE letter_templates ADD COLUMN number_style TEXT NOT NULL DEFAULT 'plain' CHECK (number_style IN ('plain', 'padded'));
    ALTER TABLE letters ADD COLUMN backdate_reason TEXT;
    CREATE TABLE program_letter_settings (
      program_id  TEXT PRIMARY KEY REFERENCES programs (id),
      settings    TEXT NOT NULL,                             -- JSON: ProgramLetterSettings
      updated_at  TEXT NOT NULL,
      updated_by  TEXT NOT NULL
    ) STRICT;
  `,
};
