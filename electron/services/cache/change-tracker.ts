// Change generations for the per-round caches (screening, ranking). Every row written to a table a cache
// reads bumps that cache's generation, through TEMP triggers on this connection: no service has to remember
// to invalidate, so a new writer (import, exchange, demo, restore) cannot leave a cache stale. Temp triggers
// live only in this connection, never in the schema (nothing for migrations or a future sync to share).
//   - Rolled-back writes: a cache filled inside a transaction that then rolls back would describe data that
//     never existed, so every transaction that throws after writing a tracked row bumps every generation
//     (db.transaction is wrapped); a refusal before any write (the usual case) keeps the caches.
//   - Other connections (the command line on the same file): PRAGMA data_version changes when another
//     connection commits, and is part of the generation.
//   - A connection first seen inside a transaction is not tracked yet (temp triggers created there would
//     roll back with it): callers then compute afresh instead of caching.
import type { Db } from '../../db/open';

export type CacheKind = 'screening' | 'ranking' | 'dossiers';

/** Tables the screening reads: dossier facts, program rules, applications and their regions, overrides, bans, acceptances, the round (reference date, status), its regions, the frozen screening. */
export const SCREENING_TABLES = ['attachments', 'programs', 'rounds', 'round_regions', 'applications', 'application_regions', 'eligibility_overrides', 'readmission_bans', 'statement_acceptances', 'finalizations'];
/** The ranking reads the screening's tables plus the committee, sheets, recusals and scores. */
const RANKING_ONLY_TABLES = ['members', 'score_sheets', 'recusals', 'scores', 'received_sheets'];

const OPS = ['insert', 'update', 'delete'] as const;
function changedTriggers(table: string, kind: 0 | 1 | 2): string[] {
  return OPS.map((op) => `CREATE TEMP TRIGGER IF NOT EXISTS rd_cache_${table}_${op} AFTER ${op.toUpperCase()} ON main.${table} BEGIN SELECT rd_cache_changed(${kind}); END;`);
}
/** The cell counters (members.list, the scoring grid's outline): filled cells per (sheet, criterion) and per (sheet, application), kept per row. */
const SCORES_CELL_TRIGGERS = [
  'CREATE TEMP TRIGGER IF NOT EXISTS rd_cells_insert AFTER INSERT ON main.scores BEGIN SELECT rd_cache_cell(NEW.sheet_id, NEW.criterion, NEW.application_id, 1); END;',
  'CREATE TEMP TRIGGER IF NOT EXISTS rd_cells_delete AFTER DELETE ON main.scores BEGIN SELECT rd_cache_cell(OLD.sheet_id, OLD.criterion, OLD.application_id, -1); END;',
  'CREATE TEMP TRIGGER IF NOT EXISTS rd_cells_update AFTER UPDATE OF sheet_id, criterion, application_id ON main.scores BEGIN SELECT rd_cache_cell(OLD.sheet_id, OLD.criterion, OLD.application_id, -1); SELECT rd_cache_cell(NEW.sheet_id, NEW.criterion, NEW.application_id, 1); END;',
];
/** Every per-row trigger on scores (the ranking's generation and the cell counters), for bulkScoreWrites. */
const SCORES_TRIGGERS = [...changedTriggers('scores', 1), ...SCORES_CELL_TRIGGERS];
const SCORES_TRIGGER_NAMES = SCORES_TRIGGERS.map((sql) => /IF NOT EXISTS (\w+)/.exec(sql)![1]!);

interface Tracker {
  counters: Record<CacheKind, number>;
  /** Filled cells per `${sheet_id}|${criterion}`, kept up to date by the scores triggers; null until first asked. */
  cells: { dataVersion: number; counts: Map<string, number> } | null;
  /** Filled cells per application of the sheets asked for (the last few), kept up to date by the same triggers. */
  sheets: Map<string, { dataVersion: number; counts: Map<string, number> }>;
  /** Every tracked row written, to tell a failed transaction that wrote from one that only read. */
  writes: number;
  /**
   * Read-only connections on a file with migration 018: the persisted counters (cache_generations), bumped in
   * the same transaction as every commit that changes the screening's or the dossiers' inputs, whoever made it.
   */
  persisted: { get(kind: string): string | undefined } | null;
}

const trackers = new WeakMap<Db, Tracker>();

/**
 * Caches' hooks to let go of a connection's entries of a kind as soon as its generation moves (issue 8: the
 * server under 1 GB). Without them a stale entry stayed until the same cache was next read on that connection:
 * a 20,000-application ranking computed on the writer while the reader started stayed there, hundreds of MB,
 * after the next score save had already made it useless. Dropping early changes no answer (the entry could
 * never be served again: its generation is gone).
 */
const dropHooks: Record<CacheKind, Set<(db: Db) => void>> = { screening: new Set(), ranking: new Set(), dossiers: new Set() };

/** Registers `drop`, called with the connection whenever its generation of `kind` moves by one of its own writes. */
export function onStale(kind: CacheKind, drop: (db: Db) => void): void {
  dropHooks[kind].add(drop);
}

function dropStale(db: Db, kinds: readonly CacheKind[]): void {
  for (const kind of kinds) for (const drop of dropHooks[kind]) drop(db);
}
const ALL_KINDS: readonly CacheKind[] = ['screening', 'ranking', 'dossiers'];
const KINDS_OF: Record<0 | 1 | 2, readonly CacheKind[]> = { 0: ['screening', 'ranking'], 1: ['ranking'], 2: ['dossiers', 'screening', 'ranking'] };

function tableExists(db: Db, name: string): boolean {
  return db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
}

/** Installs the triggers once per connection; false when it cannot (inside a transaction); read-only connections need none. */
export function trackChanges(db: Db): boolean {
  if (trackers.has(db)) return true;
  if (db.inTransaction || !db.open) return false;
  const tracker: Tracker = { counters: { screening: 0, ranking: 0, dossiers: 0 }, cells: null, sheets: new Map(), writes: 0, persisted: null };
  // A read-only connection (the reader worker, db/connection-read.ts) writes nothing itself: every change it
  // can see is another connection's commit, which PRAGMA data_version reports. No triggers needed. The
  // screening and the dossiers read migration 018's counters instead, so a score saved on the writer (a
  // commit, but not one of their inputs) no longer empties the reader's screening and search index (issue 8).
  if (db.readonly) {
    if (tableExists(db, 'cache_generations')) {
      // The dossiers counter moves with dossier rows, the screening counter with its other inputs: the
      // screening depends on both (migration 018 bumps one row per written row).
      const read = db.prepare("SELECT (SELECT n FROM cache_generations WHERE kind = 'screening'), (SELECT n FROM cache_generations WHERE kind = 'dossiers')").raw();
      tracker.persisted = {
        get: (kind) => {
          const [screening, dossiers] = read.get() as [number | null, number | null];
          if (screening === null || dossiers === null) return undefined;
          return kind === 'dossiers' ? `${dossiers}` : `${screening}.${dossiers}`;
        },
      };
    }
    trackers.set(db, tracker);
    return true;
  }
  db.function('rd_cache_cell', { deterministic: false, directOnly: true }, (sheetId: unknown, criterion: unknown, applicationId: unknown, delta: unknown) => {
    tracker.writes++;
    if (tracker.cells) {
      const key = `${String(sheetId)}|${String(criterion)}`;
      tracker.cells.counts.set(key, (tracker.cells.counts.get(key) ?? 0) + Number(delta));
    }
    const sheet = tracker.sheets.get(String(sheetId));
    if (sheet) sheet.counts.set(String(applicationId), (sheet.counts.get(String(applicationId)) ?? 0) + Number(delta));
    return null;
  });
  db.function('rd_cache_changed', { deterministic: false, directOnly: true }, (kind: unknown) => {
    tracker.writes++;
    if (kind === 2) tracker.counters.dossiers++;
    if (kind === 0 || kind === 2) tracker.counters.screening++;
    tracker.counters.ranking++;
    dropStale(db, KINDS_OF[kind as 0 | 1 | 2] ?? ALL_KINDS);
    return null;
  });
  const statements: string[] = [];
  const add = (table: string, kind: 0 | 1 | 2) => {
    if (tableExists(db, table)) statements.push(...changedTriggers(table, kind));
  };
  add('dossiers', 2); // dossier facts: the search index, the screening and the ranking
  for (const t of SCREENING_TABLES) add(t, 0);
  for (const t of RANKING_ONLY_TABLES) add(t, 1);
  if (tableExists(db, 'scores')) statements.push(...SCORES_CELL_TRIGGERS);
  db.exec(statements.join('\n'));
  const original = db.transaction.bind(db);
  /** Runs `run`; if it throws after writing a tracked row, the writes are rolled back: every cache and counter goes. */
  const dropIfWrote = <A extends unknown[], R>(run: (this: unknown, ...args: A) => R) =>
    function (this: unknown, ...args: A): R {
      const writesBefore = tracker.writes;
      try {
        return run.apply(this, args);
      } catch (error) {
        // A refused write that changed no tracked row (most refusals check first) leaves every cache valid.
        if (tracker.writes !== writesBefore) {
          tracker.counters.screening++;
          tracker.counters.ranking++;
          tracker.counters.dossiers++;
          tracker.cells = null;
          tracker.sheets.clear();
          dropStale(db, ALL_KINDS);
        }
        throw error;
      }
    };
  const wrapped = ((fn: (...args: unknown[]) => unknown) => {
    const transaction = original(dropIfWrote(fn));
    // A COMMIT that fails (disk full, an I/O error, a deferred foreign key) rolls back after `fn` returned:
    // each way of running the transaction is watched too, with better-sqlite3's own properties on each.
    const variants = { default: dropIfWrote(transaction), deferred: dropIfWrote(transaction.deferred), immediate: dropIfWrote(transaction.immediate), exclusive: dropIfWrote(transaction.exclusive) };
    const properties = { ...Object.fromEntries(Object.entries(variants).map(([name, value]) => [name, { value }])), database: { value: db, enumerable: true } };
    for (const variant of Object.values(variants)) Object.defineProperties(variant, properties);
    return variants.default;
  }) as Db['transaction'];
  Object.defineProperty(db, 'transaction', { value: wrapped, configurable: true, writable: true });
  trackers.set(db, tracker);
  return true;
}

/** The current generation of a cache kind, or null when this connection is not tracked (do not cache). */
export function generation(db: Db, kind: CacheKind): string | null {
  const tracker = trackers.get(db);
  if (!tracker) return trackChanges(db) ? generation(db, kind) : null;
  if (tracker.persisted && kind !== 'ranking') {
    const n = tracker.persisted.get(kind);
    if (n !== undefined) return `p${n}`;
  }
  return `${tracker.counters[kind]}:${db.pragma('data_version', { simple: true }) as number}`;
}

/**
 * Filled cells of one sheet per criterion (members' progress), without reading the cells: counted once per
 * connection (GROUP BY over the scores' primary key), then kept by the triggers on every insert and delete.
 * Recounted after a rollback or another connection's commit. Null when the connection is not tracked.
 */
export function sheetCellCounts(db: Db, sheetId: string): Map<string, number> | null {
  if (!trackers.has(db) && !trackChanges(db)) return null;
  const tracker = trackers.get(db)!;
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  if (!tracker.cells || tracker.cells.dataVersion !== dataVersion) {
    const counts = new Map<string, number>();
    for (const [sheet, criterion, n] of db.prepare('SELECT sheet_id, criterion, COUNT(*) FROM scores GROUP BY sheet_id, criterion').raw().all() as [string, string, number][]) counts.set(`${sheet}|${criterion}`, n);
    tracker.cells = { dataVersion, counts };
  }
  const prefix = `${sheetId}|`;
  const out = new Map<string, number>();
  for (const [key, n] of tracker.cells.counts) if (key.startsWith(prefix)) out.set(key.slice(prefix.length), n);
  return out;
}

/** How many sheets keep their per-application counts (≈ 1–2 MB each at 20,000 applications): the sheets being scored. */
const COUNTED_SHEETS = 4;

/**
 * Filled cells per application of one sheet, every criterion (the scoring grid's outline and its empty cells):
 * counted once (a GROUP BY over the sheet's range of the primary key, ≈ 20–25 ms for a sheet of 80,000 cells),
 * then kept by the triggers on every insert and delete, so opening the grid after a save does not count again.
 * Recounted after a rollback, a bulk write to the sheet or another connection's commit. Null when the connection
 * keeps no counters (not tracked, or read-only). The map is the live counter: read it, do not change it.
 */
export function sheetApplicationCounts(db: Db, sheetId: string): ReadonlyMap<string, number> | null {
  if (!trackers.has(db) && !trackChanges(db)) return null;
  const tracker = trackers.get(db)!;
  if (db.readonly) return null;
  const dataVersion = db.pragma('data_version', { simple: true }) as number;
  let sheet = tracker.sheets.get(sheetId);
  if (sheet) tracker.sheets.delete(sheetId); // re-inserted below: the most recently asked stays longest
  if (!sheet || sheet.dataVersion !== dataVersion) {
    const counts = new Map(db.prepare('SELECT application_id, COUNT(*) FROM scores WHERE sheet_id = ? GROUP BY application_id').raw().all(sheetId) as [string, number][]);
    sheet = { dataVersion, counts };
  }
  tracker.sheets.set(sheetId, sheet);
  if (tracker.sheets.size > COUNTED_SHEETS) tracker.sheets.delete(tracker.sheets.keys().next().value!);
  return sheet.counts;
}

/**
 * Runs `fn`, a bulk write to the scores of the given sheets (the score import: up to 80,000 rows per sheet),
 * with the per-row scores triggers lifted, and accounts for it once instead (issue 8: two trigger programs
 * and two calls back into JS per row were a third of the upsert's cost). Before `fn`: the ranking's
 * generation bumped and the write counted (so a rollback still drops every cache). After: the triggers
 * created again and the cell counters of those sheets recounted from the table (one range scan each over
 * the primary key), so members.list stays exact. Must run inside the write transaction: the lifted
 * triggers come back with a rollback too (DDL is transactional), and `finally` puts them back if `fn`
 * throws and the caller goes on (the counters are then recounted from scratch). `fn` must write scores of
 * `sheetIds` only. Outside a transaction, or on an untracked connection, `fn` simply runs with the triggers.
 */
export function bulkScoreWrites<T>(db: Db, sheetIds: Iterable<string>, fn: () => T): T {
  const tracker = trackers.get(db);
  if (!tracker || db.readonly || !db.inTransaction) return fn();
  const written = new Set(sheetIds);
  return withTriggersLifted(db, tracker, 'scores', SCORES_TRIGGERS, SCORES_TRIGGER_NAMES, ['ranking'], fn, (done) => {
    // Per application: counted again when next asked (the import touched most of the sheet).
    if (!done) tracker.sheets.clear();
    else for (const sheetId of written) tracker.sheets.delete(sheetId);
    if (!done) tracker.cells = null;
    else if (tracker.cells) {
      const count = db.prepare('SELECT criterion, COUNT(*) FROM scores WHERE sheet_id = ? GROUP BY criterion').raw();
      for (const sheetId of written) {
        const prefix = `${sheetId}|`;
        for (const key of [...tracker.cells.counts.keys()]) if (key.startsWith(prefix)) tracker.cells.counts.delete(key);
        for (const [criterion, n] of count.all(sheetId) as [string, number][]) tracker.cells.counts.set(prefix + criterion, n);
      }
    }
  });
}

/**
 * The shared part of the bulk writes: `table`'s per-row triggers (those this connection has) dropped, `fn`
 * run, the triggers created again; the write accounted for before and after as the triggers would have
 * (`kinds`' generations moved, their stale entries let go, the write counted so a rollback still drops every
 * cache). If `fn` throws, the triggers are put back unless the transaction is already aborted (its rollback
 * restores them: DDL is transactional); `after` runs last, told whether `fn` finished, and the error goes on.
 */
function withTriggersLifted<T>(db: Db, tracker: Tracker, table: string, triggers: readonly string[], names: readonly string[], kinds: readonly CacheKind[], fn: () => T, after?: (done: boolean) => void): T {
  const changed = () => {
    tracker.writes++;
    for (const kind of kinds) tracker.counters[kind]++;
    dropStale(db, kinds);
  };
  const installed = new Set(db.prepare("SELECT name FROM sqlite_temp_master WHERE type = 'trigger' AND tbl_name = ?").pluck().all(table) as string[]);
  const lifted = triggers.filter((_, i) => installed.has(names[i]!));
  changed();
  db.exec(names.filter((name) => installed.has(name)).map((name) => `DROP TRIGGER temp.${name};`).join('\n'));
  let done = false;
  try {
    const result = fn();
    done = true;
    return result;
  } finally {
    if (done) db.exec(lifted.join('\n'));
    else {
      try {
        db.exec(lifted.join('\n'));
      } catch {
        // The transaction is already aborted: its rollback restores the triggers it dropped.
      }
    }
    changed();
    after?.(done);
  }
}

/** The per-row triggers on dossiers (the dossiers, screening and ranking generations), for bulkDossierWrites. */
const DOSSIER_TRIGGERS = changedTriggers('dossiers', 2);
const DOSSIER_TRIGGER_NAMES = DOSSIER_TRIGGERS.map((sql) => /IF NOT EXISTS (\w+)/.exec(sql)![1]!);

/**
 * Runs `fn`, a bulk write to dossiers (the dossier import: 20,000 rows), with the per-row dossiers triggers
 * lifted, and accounts for it once before and once after (issue 8: a trigger program and a call back into JS
 * per row were ≈ 10 µs of a ≈ 45 µs insert). The generations of dossiers, the screening and the ranking move
 * exactly as a trigger would have moved them (any dossier row written drops those caches); a rollback drops
 * every cache as before (the write is counted) and brings the lifted triggers back (DDL is transactional);
 * `finally` puts them back if `fn` throws and the caller goes on. Outside a transaction, on a read-only or an
 * untracked connection, `fn` simply runs with the triggers.
 */
export function bulkDossierWrites<T>(db: Db, fn: () => T): T {
  const tracker = trackers.get(db);
  if (!tracker || db.readonly || !db.inTransaction) return fn();
  return withTriggersLifted(db, tracker, 'dossiers', DOSSIER_TRIGGERS, DOSSIER_TRIGGER_NAMES, ['dossiers', 'screening', 'ranking'], fn);
}

/** Entries of a roundCache taken aside across a write (hold, then carry). */
export interface Held<T> {
  gen: string | null;
  entries: Map<string, T>;
}

/** A per-connection, per-round cache whose entries hold while the kind's generation is unchanged. */
export function roundCache<T>(kind: CacheKind) {
  const byDb = new WeakMap<Db, Map<string, { gen: string; value: T }>>();
  onStale(kind, (db) => byDb.delete(db));
  return {
    get(db: Db, roundId: string, compute: () => T): T {
      const gen = generation(db, kind);
      if (gen === null) return compute();
      let map = byDb.get(db);
      if (!map) byDb.set(db, (map = new Map()));
      const hit = map.get(roundId);
      if (hit && hit.gen === gen) return hit.value;
      // The stale value is never served again: let it go before computing, so a 1.2 M-score round's ranking
      // is not held twice at the peak (issue 8: the server under 1 GB).
      if (hit) map.delete(roundId);
      const value = compute();
      // Computing reads only, but re-check: a generation moved during compute means the value may mix states.
      if (generation(db, kind) === gen) map.set(roundId, { gen, value });
      return value;
    },
    /** The value kept for the round if it still holds (nothing computed): a reader that can do without it. */
    peek(db: Db, roundId: string): T | undefined {
      const gen = generation(db, kind);
      const hit = gen === null ? undefined : byDb.get(db)?.get(roundId);
      return hit && hit.gen === gen ? hit.value : undefined;
    },
    /**
     * The entries that hold now, taken aside before a write whose whole effect on them `carry` will apply
     * (the write itself lets go of the connection's entries: onStale).
     */
    hold(db: Db): Held<T> {
      const gen = generation(db, kind);
      const entries = new Map<string, T>();
      for (const [roundId, hit] of byDb.get(db) ?? []) if (hit.gen === gen) entries.set(roundId, hit.value);
      return { gen, entries };
    },
    /**
     * Puts the held entries back after the write, as `update` gives them (one application screened afresh
     * after an override), instead of computing the round again at the next read; `update` returning
     * undefined leaves the round to be computed. Nothing is put back if another connection committed in
     * between (its change is unknown) or a round was computed afresh meanwhile.
     */
    carry(db: Db, held: Held<T>, update: (value: T, roundId: string) => T | undefined): void {
      const after = generation(db, kind);
      if (held.gen === null || after === null || held.entries.size === 0) return;
      const othersOf = (gen: string) => gen.slice(gen.indexOf(':') + 1);
      if (!held.gen.includes(':') || othersOf(held.gen) !== othersOf(after)) return;
      let map = byDb.get(db);
      if (!map) byDb.set(db, (map = new Map()));
      for (const [roundId, value] of held.entries) {
        if (map.has(roundId)) continue;
        const next = update(value, roundId);
        if (next !== undefined) map.set(roundId, { gen: after, value: next });
      }
    },
    clear(db: Db): void {
      byDb.delete(db);
    },
    /** Entries held for the connection (tests: a stale entry is let go at the write, not at the next read). */
    size(db: Db): number {
      return byDb.get(db)?.size ?? 0;
    },
  };
}
