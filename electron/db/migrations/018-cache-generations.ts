import type { Migration } from './types';

// Issue 8: the reader worker's caches (docs/concurrency.md) and a score change. The reader's connection is
// read-only, so it has no TEMP triggers telling it what a commit changed (services/cache/change-tracker.ts):
// it saw only PRAGMA data_version, which moves on every commit, so each score saved threw away its cached
// screening (≈ a third of a ranking after a score change) and its dossier search index. Here every commit —
// this app's writer, the command line, a second instance — that writes a row the screening reads bumps a
// counter in the same transaction, so a reader sees the counter that matches its snapshot. A dossier bumps the
// dossiers counter, any other screening input the screening counter; the screening's generation is both
// (change-tracker.ts). Scores, sheets, members and recusals are not screening inputs and bump nothing here.
// The tables are change-tracker.ts's SCREENING_TABLES and dossiers (test/integration/db/migration-018.test.ts
// checks the lists agree: a table added to one needs a migration adding its triggers). Additive: one new
// table and AFTER triggers that only write to it.
export const CACHE_GENERATION_TABLES = ['attachments', 'programs', 'rounds', 'round_regions', 'applications', 'application_regions', 'eligibility_overrides', 'readmission_bans', 'statement_acceptances', 'finalizations'] as const;

/** One counter row per trigger (a dossier import writes 20,000 rows: one small update each, not two). */
function triggers(table: string, kind: 'screening' | 'dossiers'): string {
  return (['INSERT', 'UPDATE', 'DELETE'] as const)
    .map((op) => `CREATE TRIGGER IF NOT EXISTS cache_gen_${table}_${op.toLowerCase()} AFTER ${op} ON ${table} BEGIN UPDATE cache_generations SET n = n + 1 WHERE kind = '${kind}'; END;`)
    .join('\n');
}

export const m018CacheGenerations: Migration = {
  version: 18,
  name: 'cache generations: a counter per cache kind, bumped by every commit that changes its inputs',
  up: [
    'CREATE TABLE IF NOT EXISTS cache_generations (kind TEXT PRIMARY KEY, n INTEGER NOT NULL DEFAULT 0) WITHOUT ROWID;',
    "INSERT OR IGNORE INTO cache_generations (kind, n) VALUES ('screening', 0), ('dossiers', 0);",
    triggers('dossiers', 'dossiers'),
    ...CACHE_GENERATION_TABLES.map((t) => triggers(t, 'screening')),
  ].join('\n'),
};
