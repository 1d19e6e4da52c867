// The scoring grid read in pages (issue 8; shared/rounds/score-grid-pages.ts says why). Everything here is
// the sheet scores.grid returns, cut differently: the same rows (scorable, not withdrawn, recusals apart), the
// same labels (score-grid-view.ts's cached per-round labels), the same cells and comments, put in the display
// order the renderer used to compute (score-order.ts groupByRegion: first-preference region in the round's
// region order, then the applications without one; the sheet's order inside a group).
// test/integration/perf/score-grid-pages.test.ts proves each answer equals the matching cut of scores.grid.
// Per call: the member's recusals, then either the cell counts per application (one GROUP BY over the sheet's
// primary key, for the outline and the empty cells) or the cells of one page's applications.
import type { ServiceContext } from '../context';
import { displayIdentityNumber } from '../../../shared/dossiers/identity';
import { SCORE_GRID_MISSING_MAX, SCORE_GRID_PAGE_ROWS, type ScoreGridEmptyCell, type ScoreGridGroup, type ScoreGridMissing, type ScoreGridOutline, type ScoreGridRow, type ScoreGridRowsPage } from '../../../shared/rounds/score-grid-pages';
import { cachedRound, scoredCriteria, sheetOf, type SheetRow } from './scoring-service';
import { gridLabels, type LabelRow, type RoundLabels } from './score-grid-view';
import { roundCache } from '../cache/change-tracker';

/** Rows shown before the first empty cell when the grid opens on it (it is scrolled to the middle of the view). */
const WINDOW_BEFORE = 30;
const WINDOW_ROWS = 80;

interface Layout {
  sheet: SheetRow;
  criteria: string[];
  labels: RoundLabels;
  /** The member's rows in display order. */
  order: LabelRow[];
  groups: ScoreGridGroup[];
  recused: LabelRow[];
}

interface RoundOrder {
  /** Every scorable row of the round, grouped: one list per round region (in the round's order), then the rest. */
  buckets: LabelRow[][];
  names: { regionId: string | null; regionName: string }[];
}

// The round's grouping, before any member's recusals: it changes only with what the labels and the round's
// regions come from (the screening's generation), so it is kept with them.
const orderCache = roundCache<RoundOrder>('screening');

function roundOrder(ctx: ServiceContext, roundId: string, labels: RoundLabels): RoundOrder {
  const round = cachedRound(ctx, roundId);
  const regionAt = new Map(round.regions.map((r, i) => [r.id, i]));
  const buckets: LabelRow[][] = [...round.regions.map(() => []), []];
  for (const row of labels.rows) {
    const first = labels.regionsOf.get(row[0])?.[0];
    const at = first === undefined ? undefined : regionAt.get(labels.regionIds[first]!);
    buckets[at ?? round.regions.length]!.push(row);
  }
  return { buckets, names: [...round.regions.map((r) => ({ regionId: r.id, regionName: r.name })), { regionId: null, regionName: '' }] };
}

function layoutOf(ctx: ServiceContext, memberId: string): Layout {
  const sheet = sheetOf(ctx, memberId);
  const criteria = scoredCriteria(ctx, sheet.round_id);
  const labels = gridLabels(ctx, sheet.round_id);
  const { buckets, names } = orderCache.get(ctx.db, sheet.round_id, () => roundOrder(ctx, sheet.round_id, labels));
  const recusedIds = new Set((ctx.db.prepare('SELECT application_id FROM recusals WHERE member_id = ?').raw().all(memberId) as [string][]).map(([id]) => id));
  // The member's rows: the round's, less the recused (named apart, in the sheet's order).
  const mine = recusedIds.size === 0 ? buckets : buckets.map((rows) => rows.filter((r) => !recusedIds.has(r[0])));
  const groups: ScoreGridGroup[] = [];
  mine.forEach((rows, i) => rows.length > 0 && groups.push({ ...names[i]!, count: rows.length }));
  const recused = recusedIds.size === 0 ? [] : labels.rows.filter((r) => recusedIds.has(r[0]));
  return { sheet, criteria, labels, order: mine.flat(), groups, recused };
}

/** Filled cells per application of the sheet (scored criteria only). */
function filledPerApplication(ctx: ServiceContext, l: Layout): Map<string, number> {
  const rows = ctx.db
    .prepare('SELECT application_id, COUNT(*) FROM scores WHERE sheet_id = ? AND criterion IN (SELECT value FROM json_each(?)) GROUP BY application_id')
    .raw()
    .all(l.sheet.sheet_id, JSON.stringify(l.criteria)) as [string, number][];
  return new Map(rows);
}

/** The cells (by criterion) and comment of each of these applications, as scores.grid reads them. */
function cellsOf(ctx: ServiceContext, l: Layout, applicationIds: readonly string[]): Map<string, { values: (number | null)[]; comment: string; from: string | null }> {
  const out = new Map(applicationIds.map((id) => [id, { values: l.criteria.map(() => null as number | null), comment: '', from: null as string | null }]));
  const col = new Map(l.criteria.map((c, i) => [c, i]));
  const rows = ctx.db.prepare('SELECT application_id, criterion, value, comment FROM scores WHERE sheet_id = ? AND application_id IN (SELECT value FROM json_each(?))').raw().iterate(l.sheet.sheet_id, JSON.stringify(applicationIds)) as IterableIterator<[string, string, number, string]>;
  for (const [applicationId, criterion, value, comment] of rows) {
    const cell = out.get(applicationId);
    const at = col.get(criterion);
    if (!cell || at === undefined) continue; // an unscored criterion: not in the grid
    cell.values[at] = value;
    // The comment of the first criterion (in key order) that has one, as scores.grid picks it.
    if (comment && (cell.from === null || criterion < cell.from)) {
      cell.comment = comment;
      cell.from = criterion;
    }
  }
  return out;
}

function rowsAt(ctx: ServiceContext, l: Layout, offset: number, limit: number): ScoreGridRow[] {
  const slice = l.order.slice(offset, offset + limit);
  const cells = cellsOf(ctx, l, slice.map((r) => r[0]));
  return slice.map(([id, legalName, creditCode, kind, dossierId, quoteFen]) => ({
    applicationId: id,
    legalName,
    creditCode: displayIdentityNumber(kind, creditCode),
    dossierId,
    priceQuoteYuan: quoteFen == null ? null : quoteFen / 100,
    regionIds: (l.labels.regionsOf.get(id) ?? []).map((r) => l.labels.regionIds[r]!),
    values: cells.get(id)!.values,
    comment: cells.get(id)!.comment,
  }));
}

/** The empty cells of the rows from `from` on, in display order, at most `limit` (their columns read per row). */
function emptyCellsFrom(ctx: ServiceContext, l: Layout, counts: Map<string, number>, limit: number): ScoreGridEmptyCell[] {
  const out: ScoreGridEmptyCell[] = [];
  const k = l.criteria.length;
  for (let position = 0; position < l.order.length && out.length < limit; position++) {
    const row = l.order[position]!;
    if ((counts.get(row[0]) ?? 0) >= k) continue;
    const { values } = cellsOf(ctx, l, [row[0]]).get(row[0])!;
    values.forEach((v, col) => v === null && out.length < limit && out.push({ position, col, applicationId: row[0], legalName: row[1], criterion: l.criteria[col]! }));
  }
  return out;
}

export function getGridOutline(ctx: ServiceContext, memberId: string): ScoreGridOutline {
  const l = layoutOf(ctx, memberId);
  const round = cachedRound(ctx, l.sheet.round_id);
  const counts = filledPerApplication(ctx, l);
  let filled = 0;
  for (const row of l.order) filled += counts.get(row[0]) ?? 0;
  const [first] = filled === l.order.length * l.criteria.length ? [] : emptyCellsFrom(ctx, l, counts, 1);
  const offset = first ? Math.max(0, first.position - WINDOW_BEFORE) : 0;
  return {
    sheetId: l.sheet.sheet_id,
    memberId,
    memberName: l.sheet.member_name,
    submittedAt: l.sheet.submitted_at,
    criteria: l.criteria,
    scale: round.options.scale,
    rows: l.order.length,
    groups: l.groups,
    recused: l.recused.map((r) => ({ applicationId: r[0], legalName: r[1] })),
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
  l.order.forEach((r, position) => {
    const n = counts.get(r[0]) ?? 0;
    if (n >= k) return;
    total += k - n;
    rows.push(position);
  });
  return { cells: total === 0 ? [] : emptyCellsFrom(ctx, l, counts, Math.min(limit, SCORE_GRID_MISSING_MAX)), total, rows: withRows ? rows : null };
}
