import type { Database } from 'better-sqlite3';

/** A forward-only schema step. `up` is SQL, or a function for data migrations; both run inside the migration transaction. */
export interface Migration {
  version: number;
  name: string;
  up: string | ((db: Database) => void);
}
