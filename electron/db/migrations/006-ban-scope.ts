import type { Migration } from './types';

// Re-admission bans (再准入限制) per program, with the day they start (issue 7). Additive only.
//
// - program_id: the program (platform + program) the termination or exit happened in; screening applies a
//   ban only in rounds of that program. NULL = a ban recorded before bans had a program: it is read as
//   before, applying to every program, and shown as 「全部项目」.
// - starts_on: the effective date of the termination or exit. A round judges bans as of its reference date,
//   so a ban that starts after that date does not affect it. Old rows: the date the ban was recorded.
// - region_names: JSON array of the regions the provider served when it was terminated, for the dialog and
//   the letter. A termination ends the provider in the whole program (seed 003 第一条(三) 清退 speaks of the
//   服务商, not of a region), so the names explain, they do not narrow the ban.
// - lifted_on: the first day a lifted ban no longer applies (the chair picks it when lifting). Rounds whose
//   reference date precedes it are still judged with the ban. Old lifted rows: the ban's start, because the
//   earlier version told the chair that lifting removes the ban altogether.
export const m006BanScope: Migration = {
  version: 6,
  name: 'readmission bans: program scope, start date, regions, lift date',
  up: `
    ALTER TABLE readmission_bans ADD COLUMN program_id TEXT REFERENCES programs (id);
    ALTER TABLE readmission_bans ADD COLUMN starts_on TEXT;
    ALTER TABLE readmission_bans ADD COLUMN region_names TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE readmission_bans ADD COLUMN lifted_on TEXT;
    UPDATE readmission_bans SET starts_on = substr(created_at, 1, 10) WHERE starts_on IS NULL;
    UPDATE readmission_bans SET lifted_on = starts_on WHERE lifted_at IS NOT NULL AND lifted_on IS NULL;
    CREATE INDEX readmission_bans_program ON readmission_bans (program_id, credit_code);
  `,
};
