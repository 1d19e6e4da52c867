// The append-only change log. Every write through the service layer calls recordChange inside the same
// transaction as the change itself, so history and data can never disagree.
import type { Db } from '../../db/open';
import type { Change } from '../../../shared/history/schema';
import { chainHead, linkHash, type ChainRow } from './chain';

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
 * recordChange for the many entries of one import: the statement prepared once and the chain head carried
 * in memory instead of read back per entry (at 20,000 rows those two were most of the history's cost). The
 * same rows and hashes as recordChange entry by entry, as long as nothing else appends in between: create
 * it inside the write transaction and use it for every entry the transaction logs from then on.
 */
export function changeAppender(db: Db): (entry: ChangeEntry) => void {
  const insert = db.prepare(INSERT);
  let head = chainHead(db);
  return (entry) => {
    const row = storedRow(entry);
    head = linkHash(head, row);
    insert.run(row.at, row.actor, row.entity, row.entity_id, row.entity_key, row.action, row.before, row.after, head);
  };
}

const INSERT = 'INSERT INTO change_log (at, actor, entity, entity_id, entity_key, action, before, after, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)';

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
