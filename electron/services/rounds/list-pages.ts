// The applications and screening tabs at 20,000 applications (issue 8): one page at a time, not the round.
// Per round, the rows the lists sort and filter on are read once (a light row per application, the cached
// screening) and kept with their sort ranks until anything they read changes — the same change generation as
// the screening cache ('screening', services/cache/change-tracker.ts: applications, their regions, dossiers,
// acceptances, overrides, bans, rules, regions, finalizations). Each sort order is computed once per
// generation (integer comparisons on precomputed ranks), and the last few filtered orders are kept, so
// scrolling through a list costs a slice and one query for the page's rows.
// The order is the renderer's former sortFilter (renderer/components/lists/sort-filter.ts): the chosen
// column (zh-CN collation for text), empty values last whichever the direction, ties by the list's own
// tie-break (applications: name, then id) or, for screening, the service's order (applicant, then the
// applicant's regions in preference order). test/integration/rounds/list-pages.test.ts checks the pages
// against that function over the whole lists.
import type { ServiceContext } from '../context';
import { getProgram, getRound } from './round-repo';
import { applicationsByIds, regionsByApplication } from './application-service';
import { carryAlsoOnScreeningWrites, screenRound } from './screening-service';
import { roundCache, type Held } from '../cache/change-tracker';
import { compareZh } from '../../../shared/common/pinyin';
import { matchesTerms, plainText, searchTerms, seedNameKeys } from './list-search';
import type { ApplicationsPage, ApplicationsPageQuery, ScreeningListRow, ScreeningPage, ScreeningPageQuery } from '../../../shared/api/list-pages';
import type { ScreeningRow } from '../../../shared/rounds/views';
import type { Rule } from '../../../shared/eligibility/rules';

interface AppEntry {
  id: string;
  legalName: string;
  creditCode: string;
  city: string;
  quoteFen: number | null;
  withdrawn: boolean;
  regionIds: string[];
  statement: string;
  nameRank: number;
  cityRank: number;
  codeRank: number;
  /** What the search needs, filled at the first search of the generation (most visits never search). */
  search: { province: string; stored: { initials: string; full: string }; plain: [string, string, string] | null };
}

interface ScreenEntry {
  row: ScreeningRow;
  app: AppEntry | undefined;
  regionName: string | undefined;
  regionRank: number;
  overrideRank: number;
  plain: [string, string] | null;
}

/** Sorted orders and filtered results of one generation. */
interface Orders {
  sorted: Map<string, Int32Array>;
  filtered: Map<string, Int32Array>;
}

interface RoundLists {
  apps: AppEntry[];
  appsById: Map<string, AppEntry>;
  screening: ScreenEntry[] | null;
  rules: Rule[];
  appOrders: Orders;
  screenOrders: Orders;
}

/** Filtered orders kept per round (a few queries: the user flips between filters and sorts). */
const KEPT_FILTERED = 8;

const cache = roundCache<RoundLists>('screening');
// An override, a statement acceptance or a ban changes screening rows only (screening-service.ts,
// rescreeningAfter): the applications' index and orders read no verdict and stay; the screening part is
// rebuilt when next asked. Without this the applications tab re-read and re-sorted 20,000 applications
// (0.4–0.6 s) after each of the chair's overrides.
carryAlsoOnScreeningWrites({
  hold: (db) => cache.hold(db),
  carry: (db, held) => cache.carry(db, held as Held<RoundLists>, (l) => ({ ...l, screening: null, screenOrders: { sorted: new Map(), filtered: new Map() } })),
});

/** Dense ranks of values under a comparison: equal values share a rank. */
function ranks(values: Iterable<string>, compare: (a: string, b: string) => number): Map<string, number> {
  // Values arrive mostly in order (names in the stored pinyin order): the stable sort is then near-linear.
  const distinct = [...new Set(values)].sort(compare);
  const out = new Map<string, number>();
  let rank = 0;
  distinct.forEach((v, i) => {
    if (i > 0 && compare(distinct[i - 1]!, v) !== 0) rank++;
    out.set(v, rank);
  });
  return out;
}
/** The sort key of an empty value (no quote, no override, an unknown region). */
const EMPTY = -Infinity;
const plainCompare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function readApps(ctx: ServiceContext, roundId: string): AppEntry[] {
  type Row = [string, string, string, string, string, string, string, number | null, string | null, string];
  const rows = ctx.db
    .prepare(
      `SELECT a.id, d.legal_name, d.credit_code, d.city, d.province, d.pinyin_initials, d.pinyin_full, a.price_quote_fen, a.withdrawn_at, a.strength_statement
       FROM applications a JOIN dossiers d ON d.id = a.dossier_id WHERE a.round_id = ? ORDER BY d.name_sort, d.legal_name, a.id`,
    )
    .raw()
    .all(roundId) as Row[];
  const regions = regionsByApplication(ctx, roundId);
  const names = ranks(rows.map((r) => r[1]), compareZh);
  const cities = ranks(rows.map((r) => r[3]), compareZh);
  const codes = ranks(rows.map((r) => r[2]), plainCompare);
  return rows.map(([id, legalName, creditCode, city, province, initials, full, quoteFen, withdrawnAt, statement]) => {
    return {
      id,
      legalName,
      creditCode,
      city,
      quoteFen,
      withdrawn: withdrawnAt !== null,
      regionIds: regions.get(id) ?? [],
      statement,
      nameRank: names.get(legalName)!,
      cityRank: cities.get(city)!,
      codeRank: codes.get(creditCode)!,
      search: { province, stored: { initials, full }, plain: null },
    };
  });
}

/**
 * The round's applications not withdrawn, in the index's order (name_sort, legal_name, id) with each one's
 * first-preference region, when the index already holds for the current change generation (the applications
 * or screening tab was read since the last change); null otherwise (nothing is computed). The scoring grid's
 * order (score-grid-pages.ts) starts from it instead of its own query over the round.
 */
export function cachedActiveOrder(ctx: ServiceContext, roundId: string): [string, string | null][] | null {
  const l = cache.peek(ctx.db, roundId);
  if (!l) return null;
  const out: [string, string | null][] = [];
  for (const a of l.apps) if (!a.withdrawn) out.push([a.id, a.regionIds[0] ?? null]);
  return out;
}

/** The plain-text fields of an application for the search, and its name's pinyin keys seeded (once). */
function appPlain(a: AppEntry): [string, string, string] {
  if (!a.search.plain) {
    seedNameKeys(a.legalName, a.city, a.search.province, a.search.stored);
    a.search.plain = [plainText(a.legalName), plainText(a.creditCode), plainText(a.city)];
  }
  return a.search.plain;
}

function screenPlain(s: ScreenEntry): [string, string] {
  if (!s.plain) {
    if (s.app) appPlain(s.app);
    s.plain = [plainText(s.app?.legalName ?? ''), plainText(s.regionName ?? '')];
  }
  return s.plain;
}

function lists(ctx: ServiceContext, roundId: string): RoundLists {
  const round = getRound(ctx.db, roundId); // NOT_FOUND for an unknown round
  return cache.get(ctx.db, roundId, () => {
    const apps = readApps(ctx, roundId);
    return { apps, appsById: new Map(apps.map((a) => [a.id, a])), screening: null, rules: getProgram(ctx.db, round.programId).rules, appOrders: { sorted: new Map(), filtered: new Map() }, screenOrders: { sorted: new Map(), filtered: new Map() } };
  });
}

function screeningOf(ctx: ServiceContext, roundId: string, l: RoundLists): ScreenEntry[] {
  if (l.screening) return l.screening;
  const rows = screenRound(ctx, roundId);
  const regionNames = new Map(getRound(ctx.db, roundId).regions.map((r) => [r.id, r.name]));
  const regionRanks = ranks(regionNames.values(), compareZh);
  const overrideRanks = ranks(rows.flatMap((r) => (r.override ? [r.override.decidedAt] : [])), plainCompare);
  l.screening = rows.map((row) => {
    const app = l.appsById.get(row.applicationId);
    const regionName = regionNames.get(row.regionId);
    return {
      row,
      app,
      regionName,
      regionRank: regionName === undefined ? EMPTY : regionRanks.get(regionName)!,
      overrideRank: row.override ? overrideRanks.get(row.override.decidedAt)! : EMPTY,
      plain: null,
    };
  });
  return l.screening;
}

/**
 * Indices of `items` in the order: `key` (EMPTY = no value, last in both directions; `dir` flips the rest), then
 * `tie` (ascending whatever the direction), then the items' own order.
 */
function order<T>(items: readonly T[], key: (item: T) => number, dir: 'asc' | 'desc', tie: (a: T, b: T) => number): Int32Array {
  const keys = new Float64Array(items.length);
  items.forEach((item, i) => (keys[i] = key(item)));
  const sign = dir === 'desc' ? -1 : 1;
  const idx = Array.from({ length: items.length }, (_, i) => i);
  idx.sort((a, b) => {
    const ka = keys[a]!;
    const kb = keys[b]!;
    if (ka !== kb) {
      if (ka === EMPTY || kb === EMPTY) return ka === EMPTY ? 1 : -1;
      return sign * (ka - kb);
    }
    return tie(items[a]!, items[b]!) || a - b;
  });
  return Int32Array.from(idx);
}

function cached(orders: Map<string, Int32Array>, key: string, compute: () => Int32Array, keep = Infinity): Int32Array {
  let hit = orders.get(key);
  if (hit) {
    orders.delete(key); // most recently used last
    orders.set(key, hit);
    return hit;
  }
  hit = compute();
  orders.set(key, hit);
  if (orders.size > keep) orders.delete(orders.keys().next().value!);
  return hit;
}

const appKey: Record<ApplicationsPageQuery['sort'], (a: AppEntry) => number> = {
  name: (a) => a.nameRank,
  creditCode: (a) => a.codeRank,
  city: (a) => a.cityRank,
  quote: (a) => (a.quoteFen === null ? EMPTY : a.quoteFen),
  status: (a) => (a.withdrawn ? 1 : 0),
};
// The list's tie-break (applicant name in zh-CN order, then id), the same in both directions.
const appTie = (a: AppEntry, b: AppEntry) => a.nameRank - b.nameRank || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

export function applicationsPage(ctx: ServiceContext, q: ApplicationsPageQuery): ApplicationsPage {
  const l = lists(ctx, q.roundId);
  const terms = searchTerms(q.search);
  const sorted = cached(l.appOrders.sorted, `${q.sort}|${q.dir}`, () => order(l.apps, appKey[q.sort], q.dir, appTie));
  const shown = cached(l.appOrders.filtered, JSON.stringify([q.sort, q.dir, q.region, q.status, terms]), () =>
    sorted.filter((i) => {
      const a = l.apps[i]!;
      if (q.region && !a.regionIds.includes(q.region)) return false;
      if (q.status && (q.status === 'withdrawn') !== a.withdrawn) return false;
      return terms.length === 0 || matchesTerms([a.legalName, a.creditCode, a.city], appPlain(a), terms);
    }), KEPT_FILTERED);
  const ids = [...shown.subarray(q.offset, q.offset + q.limit)].map((i) => l.apps[i]!.id);
  return { rows: applicationsByIds(ctx, ids), total: shown.length, all: l.apps.length, withdrawn: l.apps.filter((a) => a.withdrawn).length };
}

const screenKey: Record<ScreeningPageQuery['sort'], (s: ScreenEntry) => number> = {
  applicant: (s) => (s.app ? s.app.nameRank : EMPTY),
  region: (s) => s.regionRank,
  verdict: (s) => (s.row.eligible ? 0 : 1),
  override: (s) => s.overrideRank,
};

export function screeningPage(ctx: ServiceContext, q: ScreeningPageQuery): ScreeningPage {
  const l = lists(ctx, q.roundId);
  const entries = screeningOf(ctx, q.roundId, l);
  const terms = searchTerms(q.search);
  const sorted = cached(l.screenOrders.sorted, `${q.sort}|${q.dir}`, () => order(entries, screenKey[q.sort], q.dir, () => 0));
  const shown = cached(l.screenOrders.filtered, JSON.stringify([q.sort, q.dir, q.region, q.result, terms]), () =>
    sorted.filter((i) => {
      const s = entries[i]!;
      if (q.region && s.row.regionId !== q.region) return false;
      if (q.result === 'overridden' ? !s.row.override : q.result !== '' && (q.result === 'eligible') !== s.row.eligible) return false;
      return terms.length === 0 || matchesTerms([s.app?.legalName ?? '', s.regionName ?? ''], screenPlain(s), terms);
    }), KEPT_FILTERED);
  const rows: ScreeningListRow[] = [];
  const end = Math.min(shown.length, q.offset + q.limit);
  for (let at = q.offset; at < end; at++) {
    const s = entries[shown[at]!]!;
    const above = at > 0 ? entries[shown[at - 1]!]! : undefined;
    rows.push({ ...s.row, applicant: s.app?.legalName ?? '', statement: s.app?.statement ?? '', sameApplicantAsAbove: above?.row.applicationId === s.row.applicationId });
  }
  let eligible = 0;
  let overridden = 0;
  for (const s of entries) {
    if (s.row.eligible) eligible++;
    if (s.row.override) overridden++;
  }
  return { rows, total: shown.length, all: entries.length, eligible, failed: entries.length - eligible, overridden, rules: l.rules };
}
