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

/**
 * changeAppender for an import that logs one entry per written record (the dossier import: 20,000 'import'
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

/** The part every entry of one batch shares. */
export type SharedEntry = Omit<ChangeEntry, 'before' | 'after'>;

/** Rows per INSERT statement of changeBatch (3 parameters each plus the 6 shared, far below SQLite's limit). */
export const BATCH_ROWS = 100;

/**
 * changeAppender for one write that logs very many entries sharing at, actor, entity and action (the score
 * import: one 'score' entry per written cell, 1.2 M at platform scale). The same rows and the same hashes as
 * recordChange entry by entry (chain.ts: sha256 of the previous hash, a newline and the canonical row), but
 * cheaper per row (issue 8): the shared part of the canonical row serialised once, one sha256 call, and
 * BATCH_ROWS rows per INSERT whose shared columns are bound once per statement as named parameters (binding
 * six strings per row, and SQLite's per-statement work such as the AUTOINCREMENT counter, cost more than
 * the row itself). Rows keep their order: a multi-row VALUES inserts its rows in order. `before` and
 * `after` are the JSON text recordChange would store (JSON.stringify of the values), or null. Create it
 * inside the write transaction; call flush() before anything else appends to the history or reads it.
 */
export function changeBatch(db: Db, shared: SharedEntry): { append: (before: string | null, after: string | null) => void; flush: () => void } {
  const fixed = storedRow({ ...shared, before: null, after: null });
  const columns = { at: fixed.at, actor: fixed.actor, entity: fixed.entity, entity_id: fixed.entity_id, entity_key: fixed.entity_key, action: fixed.action };
  // canonicalRow = JSON.stringify([at, actor, entity, entity_id, entity_key, action, before, after]): the
  // array's text is its elements' texts joined by commas, so the shared six are serialised once.
  // The hashed bytes (previous hash, newline, canonical row) assembled in one reusable buffer: a template
  // string with a Chinese actor in it is a two-byte string, slower to encode than the parts written apart.
  const prefix = Buffer.from(`\n${JSON.stringify(Object.values(columns)).slice(0, -1)},`);
  let bytes = Buffer.alloc(4096);
  const hash = (previous: string, before: string | null, after: string | null): string => {
    const tail = `${JSON.stringify(before)},${JSON.stringify(after)}]`;
    const size = previous.length * 3 + prefix.length + tail.length * 3;
    if (size > bytes.length) bytes = Buffer.alloc(2 * size);
    let n = bytes.write(previous, 0, 'utf8');
    n += prefix.copy(bytes, n);
    n += bytes.write(tail, n, 'utf8');
    return crypto.hash('sha256', bytes.subarray(0, n));
  };
  const statement = (rows: number) => db.prepare(`${INSERT_HEAD} ${Array.from({ length: rows }, () => '(@at, @actor, @entity, @entity_id, @entity_key, @action, ?, ?, ?)').join(', ')}`);
  const full = statement(BATCH_ROWS);
  let head = chainHead(db);
  let pending: (string | null)[] = [];
  return {
    append(before, after) {
      head = hash(head, before, after);
      pending.push(before, after, head);
      if (pending.length === BATCH_ROWS * 3) {
        full.run(pending, columns);
        pending = [];
      }
    },
    flush() {
      if (pending.length > 0) statement(pending.length / 3).run(pending, columns);
      pending = [];
    },
  };
}

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

/** History of one record (by integer id or text key), newest first. */
export function listChanges(db: Db, entity: string, id: number | string, limit = 1000): Change[] {
  const column = typeof id === 'number' ? 'entity_id' : 'entity_key';
  const rows = db.prepare(`SELECT * FROM change_log WHERE entity = ? AND ${column} = ? ORDER BY seq DESC LIMIT ?`).all(entity, id, limit) as ChangeRow[];
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
