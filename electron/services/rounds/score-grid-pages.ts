// The scoring grid read in pages (issue 8; shared/rounds/score-grid-pages.ts says why). Everything here is
// the member's whole sheet (scores.sheet, labelled as the applications list shows them), cut differently: the
// same rows (scorable, not withdrawn, recusals apart), the same labels, the same cells and comments, put in the
// display order the renderer used to compute
// (score-order.ts groupByRegion: first-preference region in the round's region order, then the applications
// without one; the sheet's order inside a group).
// test/integration/perf/score-grid-pages.test.ts proves each answer equals the matching cut of the whole sheet.
// Per round, only the order is kept (ids and first-preference region, one query, cached on the screening's
// generation): the labels are read for the rows answered, so opening the tab after
// a change does not read the names and regions of all 20,000 applications first. Per call: the member's
// recusals, then either the cell counts per application (one GROUP BY over the sheet's primary key, for the
// outline and the empty cells) or the cells and labels of one page's applications.
import type { ServiceContext } from '../context';
import { displayIdentityNumber, type IdentityKind } from '../../../shared/dossiers/identity';
import { SCORE_GRID_MISSING_MAX, SCORE_GRID_PAGE_ROWS, type ScoreGridEmptyCell, type ScoreGridGroup, type ScoreGridMissing, type ScoreGridOutline, type ScoreGridRow, type ScoreGridRowsPage } from '../../../shared/rounds/score-grid-pages';
import { cachedRound, scoredCriteria, sheetOf, type SheetRow } from './scoring-service';
import { scorableApplicationIds } from './screening-service';
import { roundCache, sheetApplicationCounts, sheetCellCounts } from '../cache/change-tracker';
import { cachedActiveOrder } from './list-pages';

/** Rows shown before the first empty cell when the grid opens on it (it is scrolled to the middle of the view). */
const WINDOW_BEFORE = 30;
const WINDOW_ROWS = 80;

export interface RoundOrder {
  /** The scorable applications in the sheet's order (getSheet's ORDER BY). */
  sheetOrder: string[];
  /** The same, grouped: one list per round region (in the round's order), then the rest. */
  buckets: string[][];
  names: { regionId: string | null; regionName: string }[];
}

// It changes only with what the screening reads (applications, their regions, dossiers' names, the round's
// regions, the rules), so it is kept on the screening's generation.
const orderCache = roundCache<RoundOrder>('screening');

/**
 * viaLists: start from the applications list's index when it already holds (list-pages.ts, same change
 * generation, same ORDER BY, regions in preference order) — ≈ 1 ms instead of ≈ 90–130 ms for the query below
 * at 20,000; false: always the query (test/integration/perf/score-grid-pages.test.ts proves both equal).
 */
export function roundOrder(ctx: ServiceContext, roundId: string, viaLists = true): RoundOrder {
  const round = cachedRound(ctx, roundId);
  const scorable = scorableApplicationIds(ctx, roundId);
  const regionAt = new Map(round.regions.map((r, i) => [r.id, i]));
  const sheetOrder: string[] = [];
  const buckets: string[][] = [...round.regions.map(() => []), []];
  const rows =
    (viaLists ? cachedActiveOrder(ctx, roundId) : null) ??
    ctx.db
    .prepare(
      `SELECT a.id, (SELECT ar.region_id FROM application_regions ar WHERE ar.application_id = a.id ORDER BY ar.preference LIMIT 1)
       FROM applications a JOIN dossiers d ON d.id = a.dossier_id WHERE a.round_id = ? AND a.withdrawn_at IS NULL ORDER BY d.name_sort, d.legal_name, a.id`,
    )
    .raw()
    .iterate(roundId) as IterableIterator<[string, string | null]>;
  for (const [id, first] of rows) {
    if (!scorable.has(id)) continue; // screened out: not scored (screening comes first)
    sheetOrder.push(id);
    const at = first === null ? undefined : regionAt.get(first);
    buckets[at ?? round.regions.length]!.push(id);
  }
  return { sheetOrder, buckets, names: [...round.regions.map((r) => ({ regionId: r.id, regionName: r.name })), { regionId: null, regionName: '' }] };
}

interface Layout {
  sheet: SheetRow;
  criteria: string[];
  /** The member's rows (application ids) in display order. */
  order: string[];
  groups: ScoreGridGroup[];
  /** The applications the member is recused from, in the sheet's order. */
  recused: string[];
}

function layoutOf(ctx: ServiceContext, memberId: string): Layout {
  const sheet = sheetOf(ctx, memberId);
  const criteria = scoredCriteria(ctx, sheet.round_id);
  const { sheetOrder, buckets, names } = orderCache.get(ctx.db, sheet.round_id, () => roundOrder(ctx, sheet.round_id));
  const recusedIds = new Set((ctx.db.prepare('SELECT application_id FROM recusals WHERE member_id = ?').raw().all(memberId) as [string][]).map(([id]) => id));
  // The member's rows: the round's, less the recused (named apart).
  const mine = recusedIds.size === 0 ? buckets : buckets.map((ids) => ids.filter((id) => !recusedIds.has(id)));
  const groups: ScoreGridGroup[] = [];
  mine.forEach((ids, i) => ids.length > 0 && groups.push({ ...names[i]!, count: ids.length }));
  const recused = recusedIds.size === 0 ? [] : sheetOrder.filter((id) => recusedIds.has(id));
  return { sheet, criteria, order: mine.flat(), groups, recused };
}

type Label = Omit<ScoreGridRow, 'values' | 'comment'>;

/** The labels of these applications as the grid shows them (name, number as lists show it, dossier, quote, regions in preference order). */
function labelsOf(ctx: ServiceContext, ids: readonly string[]): Map<string, Label> {
  const json = JSON.stringify(ids);
  const out = new Map<string, Label>();
  const rows = ctx.db
    .prepare('SELECT a.id, d.legal_name, d.credit_code, d.identity_kind, a.dossier_id, a.price_quote_fen FROM applications a JOIN dossiers d ON d.id = a.dossier_id WHERE a.id IN (SELECT value FROM json_each(?))')
    .raw()
    .all(json) as [string, string, string, IdentityKind, number, number | null][];
  for (const [id, legalName, creditCode, kind, dossierId, quoteFen] of rows) {
    out.set(id, { applicationId: id, legalName, creditCode: displayIdentityNumber(kind, creditCode), dossierId, priceQuoteYuan: quoteFen == null ? null : quoteFen / 100, regionIds: [] });
  }
  const regions = ctx.db.prepare('SELECT application_id, region_id FROM application_regions WHERE application_id IN (SELECT value FROM json_each(?)) ORDER BY application_id, preference').raw().all(json) as [string, string][];
  for (const [id, regionId] of regions) out.get(id)?.regionIds.push(regionId);
  return out;
}

/**
 * Filled cells per application of the sheet (scored criteria only). Usually the writer's live counters
 * (change-tracker.ts sheetApplicationCounts: counted once, then kept by the scores triggers), which count every
 * criterion, so they serve only while the sheet holds no cell of an unscored criterion; otherwise, or on a
 * connection without counters, one GROUP BY (≈ 25 ms over the 80,000 cells of a sheet at 20,000 applications,
 * on every open of the grid before the counters). The criteria as bound parameters, not a json_each subquery.
 */
function filledPerApplication(ctx: ServiceContext, l: Layout): ReadonlyMap<string, number> {
  if (l.criteria.length === 0) return new Map();
  const live = sheetApplicationCounts(ctx.db, l.sheet.sheet_id);
  const perCriterion = live && sheetCellCounts(ctx.db, l.sheet.sheet_id);
  if (live && perCriterion && [...perCriterion].every(([criterion, n]) => n === 0 || l.criteria.includes(criterion))) return live;
  const rows = ctx.db
    .prepare(`SELECT application_id, COUNT(*) FROM scores WHERE sheet_id = ? AND criterion IN (${l.criteria.map(() => '?').join(', ')}) GROUP BY application_id`)
    .raw()
    .all(l.sheet.sheet_id, ...l.criteria) as [string, number][];
  return new Map(rows);
}

/** The cells (by criterion) and comment of each of these applications, as scores.sheet holds them. */
function cellsOf(ctx: ServiceContext, l: Layout, applicationIds: readonly string[]): Map<string, { values: (number | null)[]; comment: string; from: string | null }> {
  const out = new Map(applicationIds.map((id) => [id, { values: l.criteria.map(() => null as number | null), comment: '', from: null as string | null }]));
  const col = new Map(l.criteria.map((c, i) => [c, i]));
  const rows = ctx.db.prepare('SELECT application_id, criterion, value, comment FROM scores WHERE sheet_id = ? AND application_id IN (SELECT value FROM json_each(?))').raw().iterate(l.sheet.sheet_id, JSON.stringify(applicationIds)) as IterableIterator<[string, string, number, string]>;
  for (const [applicationId, criterion, value, comment] of rows) {
    const cell = out.get(applicationId);
    const at = col.get(criterion);
    if (!cell || at === undefined) continue; // an unscored criterion: not in the grid
    cell.values[at] = value;
    // The comment of the first criterion (in key order) that has one (the grid shows one per application).
    if (comment && (cell.from === null || criterion < cell.from)) {
      cell.comment = comment;
      cell.from = criterion;
    }
  }
  return out;
}

function rowsAt(ctx: ServiceContext, l: Layout, offset: number, limit: number): ScoreGridRow[] {
  const ids = l.order.slice(offset, offset + limit);
  const cells = cellsOf(ctx, l, ids);
  const labels = labelsOf(ctx, ids);
  return ids.map((id) => ({ ...labels.get(id)!, values: cells.get(id)!.values, comment: cells.get(id)!.comment }));
}

/** The first empty cells in display order, at most `limit` (their columns read per row, their names at the end). */
function emptyCells(ctx: ServiceContext, l: Layout, counts: ReadonlyMap<string, number>, limit: number): ScoreGridEmptyCell[] {
  const out: Omit<ScoreGridEmptyCell, 'legalName'>[] = [];
  const k = l.criteria.length;
  for (let position = 0; position < l.order.length && out.length < limit; position++) {
    const id = l.order[position]!;
    if ((counts.get(id) ?? 0) >= k) continue;
    const { values } = cellsOf(ctx, l, [id]).get(id)!;
    values.forEach((v, col) => v === null && out.length < limit && out.push({ position, col, applicationId: id, criterion: l.criteria[col]! }));
  }
  const labels = labelsOf(ctx, [...new Set(out.map((c) => c.applicationId))]);
  return out.map((c) => ({ ...c, legalName: labels.get(c.applicationId)!.legalName }));
}

export function getGridOutline(ctx: ServiceContext, memberId: string): ScoreGridOutline {
  const l = layoutOf(ctx, memberId);
  const round = cachedRound(ctx, l.sheet.round_id);
  const counts = filledPerApplication(ctx, l);
  let filled = 0;
  for (const id of l.order) filled += counts.get(id) ?? 0;
  const [first] = filled === l.order.length * l.criteria.length ? [] : emptyCells(ctx, l, counts, 1);
  const offset = first ? Math.max(0, first.position - WINDOW_BEFORE) : 0;
  const recusedLabels = labelsOf(ctx, l.recused);
  return {
    sheetId: l.sheet.sheet_id,
    memberId,
    memberName: l.sheet.member_name,
    submittedAt: l.sheet.submitted_at,
    criteria: l.criteria,
    scale: round.options.scale,
    rows: l.order.length,
    groups: l.groups,
    recused: l.recused.map((id) => ({ applicationId: id, legalName: recusedLabels.get(id)!.legalName })),
    filled,
    firstEmpty: first ? { position: first.position, col: first.col } : null,
    window: { offset, rows: rowsAt(ctx, l, offset, WINDOW_ROWS) },
  };
}

export function getGridRows(ctx: ServiceContext, memberId: string, offset: number, limit: number): ScoreGridRowsPage {
  const l = layoutOf(ctx, memberId);
  return { total: l.order.length, rows: rowsAt(ctx, l, offset, Math.min(limit, SCORE_GRID_PAGE_ROWS)) };
}

export function getGridMissing(ctx: ServiceContext, memberId: string, limit: number, withRows: boolean): ScoreGridMissing {
  const l = layoutOf(ctx, memberId);
  const counts = filledPerApplication(ctx, l);
  const k = l.criteria.length;
  let total = 0;
  const rows: number[] = [];
  l.order.forEach((id, position) => {
    const n = counts.get(id) ?? 0;
    if (n >= k) return;
    total += k - n;
    rows.push(position);
  });
  return { cells: total === 0 ? [] : emptyCells(ctx, l, counts, Math.min(limit, SCORE_GRID_MISSING_MAX)), total, rows: withRows ? rows : null };
}
