// The tamper-evident history: every change_log row carries hash = sha256(previous row's hash ‖ the row's
// canonical content), the first row chained to GENESIS. Rewriting any row (an actor, a value, a date),
// deleting one or inserting one breaks every later link, and `verifyChain` names the first broken one.
// The triggers stop accidental rewrites; the chain catches deliberate ones (drop the triggers, edit, put
// them back): the chain head printed on finalized selection lists and letters is the paper anchor a later
// rewrite cannot match.
//
// Canonical content = JSON array of the stored column values (at, actor, entity, entity_id, entity_key,
// action, before, after) exactly as stored — before/after are already JSON text — so the hash is
// reproducible by any tool that reads the SQLite file. seq is not hashed: the chain itself fixes order.
import crypto from 'node:crypto';
import type { Database } from 'better-sqlite3';

export const GENESIS = '0'.repeat(64);

export interface ChainRow {
  seq: number;
  at: string;
  actor: string;
  entity: string;
  entity_id: number | null;
  entity_key: string | null;
  action: string;
  before: string | null;
  after: string | null;
  hash: string | null;
}

export function canonicalRow(r: Omit<ChainRow, 'seq' | 'hash'>): string {
  return JSON.stringify([r.at, r.actor, r.entity, r.entity_id, r.entity_key, r.action, r.before, r.after]);
}

export function linkHash(previous: string, row: Omit<ChainRow, 'seq' | 'hash'>): string {
  return crypto.createHash('sha256').update(previous).update('\n').update(canonicalRow(row)).digest('hex');
}

/** The current head (the newest row's hash), GENESIS for an empty history. Call inside the write transaction. */
export function chainHead(db: Database): string {
  const row = db.prepare('SELECT hash FROM change_log ORDER BY seq DESC LIMIT 1').get() as { hash: string | null } | undefined;
  return row?.hash ?? GENESIS;
}

/** Short form for paper: the first 16 hex digits in groups of four, e.g. "3f2a 91c0 7be4 0d15". */
export function fingerprint(hash: string): string {
  return hash.slice(0, 16).match(/.{4}/g)!.join(' ');
}

export type ChainVerdict =
  | { ok: true; rows: number; head: string }
  | { ok: false; rows: number; brokenAt: { seq: number; at: string; entity: string; problem: 'hashMismatch' | 'missingHash' }; head: string };

/** Walks the whole chain in seq order, streaming (no full read into memory). */
export function verifyChain(db: Database, onProgress?: (done: number) => void): ChainVerdict {
  let previous = GENESIS;
  let rows = 0;
  for (const row of db.prepare('SELECT * FROM change_log ORDER BY seq').iterate() as Iterable<ChainRow>) {
    rows++;
    if (onProgress && rows % 50_000 === 0) onProgress(rows);
    const expected = linkHash(previous, row);
    if (row.hash !== expected) {
      return { ok: false, rows, head: chainHead(db), brokenAt: { seq: row.seq, at: row.at, entity: row.entity, problem: row.hash === null ? 'missingHash' : 'hashMismatch' } };
    }
    previous = expected;
  }
  return { ok: true, rows, head: previous };
}
