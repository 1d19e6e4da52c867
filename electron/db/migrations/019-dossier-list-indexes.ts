import type { Migration } from './types';

// Issue 8: a 20,000-row dossier import spent ≈ 0.35 s of its commit keeping two indexes the list no longer reads.
// - dossiers_name_sort (007) copied the three search haystacks into an index ordered by archived_at, so the
//   LIKE search could test them without visiting the table. From 2,000 dossiers on, the search runs on the
//   in-memory index (services/dossiers/dossier-search-index.ts), which reads the list order from
//   dossiers_name_order; below that the SQL search walks dossiers_name_order and reads the few rows it tests.
// - dossiers_archived_name (001) ordered by legal_name, an order no query has used since the pinyin order (007).
// Only indexes go: no table, column or row changes, so every reader of the file sees the same data, and a
// later version may create them again without loss.
export const m019DossierListIndexes: Migration = {
  version: 19,
  name: 'dossier list indexes: drop the two the list no longer reads',
  up: `
    DROP INDEX IF EXISTS dossiers_name_sort;
    DROP INDEX IF EXISTS dossiers_archived_name;
  `,
};
