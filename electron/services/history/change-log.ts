// The append-only change log. Every write through the service layer calls recordChange inside the same
// transaction as the change itself, so history and data can never disagree.
import crypto from 'node:crypto';
import type { Db } from '../../db/open';
import type { Change } from '../../../shared/history/schema';
import { canonicalRow, chainHead, linkHash, type ChainRow } from './chain';

export interface ChangeEntry {
  at: string;
  actor: string;
  entity: string;
  entityId: number | null;
  /** Text id (uuid) of records that have one, e.g. a round; entityId is then null. */
  entityKey?: string;
  action: Change['action'];
  before: unknown;
  after: unknown;
}

/** Appends one entry, chained to the previous row (chain.ts). Must run inside the write transaction. */
export function recordChange(db: Db, entry: ChangeEntry): void {
  const row = storedRow(entry);
  db.prepare(INSERT).run(row.at, row.actor, row.entity, row.entity_id, row.entity_key, row.action, row.before, row.after, linkHash(chainHead(db), row));
}

/**
 * For an import that logs one entry per written record (the dossier import: 20,000 'import'
 * entries, each with its own entity_id and values). The same rows and hashes as recordChange entry by entry
 * (chain.ts: sha256 over the previous hash, a newline and the canonical row, hashed in one call on the
 * joined text, which is the same bytes as the three updates), but ENTRY_ROWS rows per INSERT statement with
 * positional parameters (issue 8: one statement per entry, its binding and SQLite's per-statement work such
 * as the AUTOINCREMENT counter, were most of the history's cost). A multi-row VALUES inserts its rows in
 * order. Create it inside the write transaction; call flush() before anything else appends or reads.
 */
export function changeAppendBatch(db: Db): { append: (entry: ChangeEntry) => void; flush: () => void } {
  const statement = (rows: number) => db.prepare(`${INSERT_HEAD} ${Array.from({ length: rows }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
  const full = statement(ENTRY_ROWS);
  let head = chainHead(db);
  let pending: (string | number | null)[] = [];
  return {
    append(entry) {
      const row = storedRow(entry);
      head = crypto.hash('sha256', `${head}\n${canonicalRow(row)}`);
      pending.push(row.at, row.actor, row.entity, row.entity_id, row.entity_key, row.action, row.before, row.after, head);
      if (pending.length === ENTRY_ROWS * 9) {
        full.run(pending);
        pending = [];
      }
    },
    flush() {
      if (pending.length > 0) statement(pending.length / 9).run(pending);
      pending = [];
    },
  };
}

/** Rows per INSERT statement of changeAppendBatch (9 parameters each, far below SQLite's limit). */
export const ENTRY_ROWS = 50;

const INSERT_HEAD = 'INSERT INTO change_log (at, actor, entity, entity_id, entity_key, action, before, after, hash) VALUES';
const INSERT = `${INSERT_HEAD} (?, ?, ?, ?, ?, ?, ?, ?, ?)`;

function storedRow(entry: ChangeEntry) {
  return {
    at: entry.at,
    actor: entry.actor,
    entity: entry.entity,
    entity_id: entry.entityId,
    entity_key: entry.entityKey ?? null,
    action: entry.action,
    before: entry.before == null ? null : JSON.stringify(entry.before),
    after: entry.after == null ? null : JSON.stringify(entry.after),
  };
}

/** A stored row: the chain's row shape, with the action narrowed to the known ones. */
type ChangeRow = ChainRow & { action: Change['action'] };

/**
 * History of one record (by integer id or text key), newest first. A score import's entry comes without its
 * cells (shared/history/score-import-entry.ts: megabytes at platform scale), cut out by SQLite so the list
 * neither parses nor ships them; they are read a page at a time (score-import-history.ts).
 */
export function listChanges(db: Db, entity: string, id: number | string, limit = 1000): Change[] {
  const column = typeof id === 'number' ? 'entity_id' : 'entity_key';
  const rows = db
    .prepare(
      `SELECT seq, at, actor, entity, entity_id, entity_key, action, before,
         CASE WHEN action = 'import' AND json_type(after, '$.scoreImport.cells') IS NOT NULL THEN json_remove(after, '$.scoreImport.cells') ELSE after END AS after
       FROM change_log WHERE entity = ? AND ${column} = ? ORDER BY seq DESC LIMIT ?`,
    )
    .all(entity, id, limit) as ChangeRow[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    entity: r.entity,
    entityId: r.entity_id,
    entityKey: r.entity_key,
    action: r.action,
    before: r.before == null ? null : (JSON.parse(r.before) as unknown),
    after: r.after == null ? null : (JSON.parse(r.after) as unknown),
  }));
}

/** Only the fields that differ, as {before, after} halves; null when nothing changed. */
export function diffFields<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } | null {
  const b: Partial<T> = {};
  const a: Partial<T> = {};
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      b[key] = before[key];
      a[key] = after[key];
    }
  }
  return Object.keys(a).length === 0 ? null : { before: b, after: a };
}
