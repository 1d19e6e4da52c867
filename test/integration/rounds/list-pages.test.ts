// The paged lists of the applications and screening tabs (applications.page / screening.page, issue 8)
// against the plain path: the whole list (applications.list, screening.list) sorted, filtered and searched by
// the renderer's former list code (renderer/components/lists/sort-filter.ts, with the specs the two tabs
// used), then sliced. fast-check over random sorts, directions, filters, searches (text and pinyin), offsets
// and limits — and over random writes in between that change the applications or the screening (overrides,
// withdrawals, renamed dossiers, new applications, regions, bans, statement acceptances), so a stale
// per-round index would show. Names are chosen to exercise the zh-CN order (安 < 北 < 杭, 2号 < 10号, Latin
// after Han), equal names (ties by id), empty quotes (last in both directions).
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestContext, type TestContext } from '../../support/service-context';
import { ok } from '../../support/round-fixture';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { dossierInput } from '../../support/dossiers';
import { syntheticCreditCode } from '../../support/credit-codes';
import { SEED_003_RULES } from '../../../shared/eligibility/rules';
import { compareZh, pinyinSearchColumns, SEARCH_SEPARATOR } from '../../../shared/common/pinyin';
import { sortFilter, type ListSpec, type PinyinLookup } from '../../../renderer/components/lists/sort-filter';
import type { Application, ScreeningRow } from '../../../shared/rounds/views';
import { APPLICATION_SORTS, MAX_PAGE_ROWS, SCREENING_SORTS } from '../../../shared/api/list-pages';

// The tabs' former specs (ApplicationsTab.tsx / ScreeningTab.tsx before paging), verbatim.
const APP_SPEC: ListSpec<Application> = {
  sorts: {
    name: { kind: 'text', value: (a) => a.legalName },
    creditCode: { kind: 'plain', value: (a) => a.creditCode },
    city: { kind: 'text', value: (a) => a.city },
    quote: { kind: 'plain', value: (a) => a.priceQuoteYuan },
    status: { kind: 'plain', value: (a) => (a.withdrawnAt ? 1 : 0) },
  },
  tieBreak: (a, b) => compareZh(a.legalName, b.legalName) || (a.id < b.id ? -1 : 1),
  filters: { region: (a) => a.regionIds, status: (a) => (a.withdrawnAt ? 'withdrawn' : 'active') },
  search: (a) => [a.legalName, a.creditCode, a.city],
};
function screeningSpec(names: ReadonlyMap<string, string>, regions: ReadonlyMap<string, string>): ListSpec<ScreeningRow> {
  return {
    sorts: {
      applicant: { kind: 'text', value: (r) => names.get(r.applicationId) ?? null },
      region: { kind: 'text', value: (r) => regions.get(r.regionId) ?? null },
      verdict: { kind: 'plain', value: (r) => (r.eligible ? 0 : 1) },
      override: { kind: 'plain', value: (r) => r.override?.decidedAt ?? null },
    },
    filters: {
      region: (r) => r.regionId,
      result: (r) => (r.override ? [r.eligible ? 'eligible' : 'ineligible', 'overridden'] : [r.eligible ? 'eligible' : 'ineligible']),
    },
    search: (r) => [names.get(r.applicationId) ?? '', regions.get(r.regionId) ?? ''],
  };
}
// The renderer's pinyin lookup (pinyin-index.ts): keys only for fields with a Han character.
const pinyin: PinyinLookup = (field, term) => {
  if (!/\p{Script=Han}/u.test(field)) return false;
  const k = pinyinSearchColumns(field);
  return k.initials.includes(term) || k.full.includes(SEARCH_SEPARATOR + term);
};

const NAMES = ['杭州安心珠宝检测技术有限公司', '北京第2号鉴定有限公司', '北京第10号鉴定有限公司', '安徽玉石鉴定所', 'ABC珠宝检测有限公司', '深圳水贝黄金珠宝检测有限公司', '杭州安心珠宝检测技术有限公司', '重庆市长江检测有限公司', '上海宝石研究所', '广州第1号检测中心'];
const CITIES = ['杭州市', '北京市', '深圳市', '重庆市'];
const SEARCHES = ['', '杭州', 'hz', 'hangzhou', 'axzb', '第1', '鉴定 北京', 'abc', 'ABC', '9133', 'shen', 'zb jc', 'nb', '产业带', 'cyd', '安', 'xyz'];

interface World {
  roundId: string;
  regionIds: string[];
  programId: string;
  appIds: string[];
  dossierIds: number[];
  next: number;
}

async function build(ctx: TestContext): Promise<World> {
  const program = await ok(ctx, 'programs.create', { platform: '淘宝直播', name: '安心鉴鉴定机构', rules: [...SEED_003_RULES] });
  const round = await ok(ctx, 'rounds.create', { programId: program.id, name: '分页批次', referenceDate: '2026-11-23', options: {} });
  const regionIds: string[] = [];
  for (const [i, name] of ['杭州珠宝产业带', '北京产业带', '深圳水贝产业带'].entries()) {
    regionIds.push((await ok(ctx, 'regions.add', { roundId: round.id, data: { name, city: CITIES[i]!, quota: 2, waitlistLength: 1 } })).id);
  }
  const w: World = { roundId: round.id, regionIds, programId: program.id, appIds: [], dossierIds: [], next: 1 };
  for (let i = 0; i < 14; i++) await addApp(ctx, w, i);
  const apps = await ok(ctx, 'applications.list', { roundId: round.id });
  // A few overrides (with different decision times) and a withdrawal, so every filter has something to tell apart.
  for (const [i, a] of apps.entries()) {
    if (i % 4 === 0) await ok(ctx, 'screening.override', { applicationId: a.id, regionId: a.regionIds[0]!, eligible: i % 8 === 0, reason: '组长复核' });
    ctx.tick(60_000);
  }
  await ok(ctx, 'applications.setWithdrawn', { id: apps[3]!.id, withdrawn: true });
  return w;
}

async function addApp(ctx: TestContext, w: World, i: number): Promise<void> {
  const n = w.next++;
  const dossier = await ok(ctx, 'dossiers.create', dossierInput({ legalName: NAMES[i % NAMES.length]!, creditCode: syntheticCreditCode(500 + n), city: CITIES[i % CITIES.length]!, establishedOn: i % 3 === 0 ? '2026-06-01' : '2018-06-01' }));
  const regions = [w.regionIds[i % 3]!, ...(i % 2 === 0 ? [w.regionIds[(i + 1) % 3]!] : []), ...(i % 5 === 0 ? [w.regionIds[(i + 2) % 3]!] : [])];
  const app = await ok(ctx, 'applications.add', { roundId: w.roundId, data: { dossierId: dossier.id, priceQuoteYuan: i % 4 === 1 ? null : 30_000 + ((i * 7919) % 11) * 1000, strengthStatement: i % 3 === 0 ? '团队来自国家级质检机构' : '', regionIds: regions } });
  w.appIds.push(app.id);
  w.dossierIds.push(dossier.id);
}

const query = (w: World) =>
  fc.record({
    dir: fc.constantFrom('asc' as const, 'desc' as const),
    region: fc.constantFrom('', ...w.regionIds),
    search: fc.constantFrom(...SEARCHES),
    offset: fc.oneof(fc.constant(0), fc.nat(30)),
    limit: fc.oneof(fc.integer({ min: 1, max: 7 }), fc.constant(MAX_PAGE_ROWS)),
  });

async function checkApplications(ctx: TestContext, w: World, q: { sort: (typeof APPLICATION_SORTS)[number]; dir: 'asc' | 'desc'; region: string; status: '' | 'active' | 'withdrawn'; search: string; offset: number; limit: number }) {
  const all = await ok(ctx, 'applications.list', { roundId: w.roundId });
  const expected = sortFilter(all, APP_SPEC, { sort: { key: q.sort, dir: q.dir }, filters: { region: q.region, status: q.status }, search: q.search }, pinyin);
  const page = await ok(ctx, 'applications.page', { roundId: w.roundId, ...q });
  expect(page.total).toBe(expected.length);
  expect(page.all).toBe(all.length);
  expect(page.withdrawn).toBe(all.filter((a) => a.withdrawnAt).length);
  expect(page.rows).toEqual(expected.slice(q.offset, q.offset + q.limit));
}

async function checkScreening(ctx: TestContext, w: World, q: { sort: (typeof SCREENING_SORTS)[number]; dir: 'asc' | 'desc'; region: string; result: '' | 'eligible' | 'ineligible' | 'overridden'; search: string; offset: number; limit: number }) {
  const rows = await ok(ctx, 'screening.list', { roundId: w.roundId });
  const apps = await ok(ctx, 'applications.list', { roundId: w.roundId });
  const round = await ok(ctx, 'rounds.get', { id: w.roundId });
  const names = new Map(apps.map((a) => [a.id, a.legalName]));
  const spec = screeningSpec(names, new Map(round.regions.map((r) => [r.id, r.name])));
  const expected = sortFilter(rows, spec, { sort: { key: q.sort, dir: q.dir }, filters: { region: q.region, result: q.result }, search: q.search }, pinyin);
  const page = await ok(ctx, 'screening.page', { roundId: w.roundId, ...q });
  expect(page.total).toBe(expected.length);
  const program = (await ok(ctx, 'programs.list', {})).find((p) => p.id === round.programId)!;
  expect(page.rules).toEqual(program.rules);
  expect({ all: page.all, eligible: page.eligible, failed: page.failed, overridden: page.overridden }).toEqual({
    all: rows.length,
    eligible: rows.filter((r) => r.eligible).length,
    failed: rows.filter((r) => !r.eligible).length,
    overridden: rows.filter((r) => r.override).length,
  });
  const statements = new Map(apps.map((a) => [a.id, a.strengthStatement]));
  expect(page.rows).toEqual(
    expected.slice(q.offset, q.offset + q.limit).map((r, i) => ({
      ...r,
      applicant: names.get(r.applicationId) ?? '',
      statement: statements.get(r.applicationId) ?? '',
      sameApplicantAsAbove: q.offset + i > 0 && expected[q.offset + i - 1]!.applicationId === r.applicationId,
    })),
  );
}

const appQuery = (w: World) => fc.tuple(query(w), fc.constantFrom(...APPLICATION_SORTS), fc.constantFrom('' as const, 'active' as const, 'withdrawn' as const)).map(([q, sort, status]) => ({ ...q, sort, status }));
const screenQuery = (w: World) => fc.tuple(query(w), fc.constantFrom(...SCREENING_SORTS), fc.constantFrom('' as const, 'eligible' as const, 'ineligible' as const, 'overridden' as const)).map(([q, sort, result]) => ({ ...q, sort, result }));

describe('applications.page and screening.page equal the whole list sorted, filtered and sliced', () => {
  let ctx: TestContext;
  let w: World;
  beforeAll(async () => {
    ctx = await createTestContext();
    w = await build(ctx);
  });

  it('orders names in zh-CN order with numbers by value, Latin after Han, equal names by id', async () => {
    const page = await ok(ctx, 'applications.page', { roundId: w.roundId, offset: 0, limit: 500, sort: 'name', dir: 'asc', region: '', status: '', search: '' });
    const names = page.rows.map((a) => a.legalName);
    expect(names.indexOf('安徽玉石鉴定所')).toBeLessThan(names.indexOf('北京第2号鉴定有限公司'));
    expect(names.indexOf('北京第2号鉴定有限公司')).toBeLessThan(names.indexOf('北京第10号鉴定有限公司'));
    expect(names.at(-1)).toBe('ABC珠宝检测有限公司');
    const twins = page.rows.filter((a) => a.legalName === '杭州安心珠宝检测技术有限公司').map((a) => a.id);
    expect(twins.length).toBeGreaterThanOrEqual(2);
    expect(twins).toEqual([...twins].sort());
    // Empty quotes last in both directions.
    for (const dir of ['asc', 'desc'] as const) {
      const byQuote = await ok(ctx, 'applications.page', { roundId: w.roundId, offset: 0, limit: 500, sort: 'quote', dir, region: '', status: '', search: '' });
      const firstEmpty = byQuote.rows.findIndex((a) => a.priceQuoteYuan === null);
      expect(firstEmpty).toBeGreaterThan(0);
      expect(byQuote.rows.slice(firstEmpty).every((a) => a.priceQuoteYuan === null)).toBe(true);
    }
    // Pinyin search: "hz" finds the 杭州 names (by initials), "nb" none of them (鉴宝-style false hits excluded).
    const hz = await ok(ctx, 'applications.page', { roundId: w.roundId, offset: 0, limit: 500, sort: 'name', dir: 'asc', region: '', status: '', search: 'hz' });
    expect(hz.rows.length).toBeGreaterThan(0);
    expect(hz.rows.every((a) => a.legalName.startsWith('杭州') || a.city === '杭州市')).toBe(true);
  });

  it('applications: random queries', async () => {
    await fc.assert(fc.asyncProperty(appQuery(w), (q) => checkApplications(ctx, w, q)), { numRuns: 120 });
  });

  it('screening: random queries', async () => {
    await fc.assert(fc.asyncProperty(screenQuery(w), (q) => checkScreening(ctx, w, q)), { numRuns: 120 });
  });

  it('refuses a page beyond the bounds and an unknown round', async () => {
    const bad = await dispatch(handlers, ctx, 'applications.page', { roundId: w.roundId, offset: 0, limit: MAX_PAGE_ROWS + 1, sort: 'name', dir: 'asc', region: '', status: '', search: '' });
    expect(bad.ok).toBe(false);
    const unknown = await dispatch(handlers, ctx, 'screening.page', { roundId: '00000000-0000-4000-8000-000000000000', offset: 0, limit: 10 });
    expect(unknown.ok ? null : unknown.error.code).toBe('NOT_FOUND');
  });
});

describe('the pages follow every write that changes the lists (the per-round index is invalidated)', () => {
  const write = fc.oneof(
    fc.record({ kind: fc.constant('override' as const), app: fc.nat(40), eligible: fc.constantFrom(true, false, null) }),
    fc.record({ kind: fc.constant('withdraw' as const), app: fc.nat(40), withdrawn: fc.boolean() }),
    fc.record({ kind: fc.constant('rename' as const), app: fc.nat(40), name: fc.constantFrom(...NAMES, '阿里第3号检测有限公司') }),
    fc.record({ kind: fc.constant('add' as const), i: fc.nat(20) }),
    fc.record({ kind: fc.constant('regionName' as const), region: fc.nat(2), name: fc.constantFrom('安吉产业带', '宁波产业带', '杭州珠宝产业带') }),
    fc.record({ kind: fc.constant('ban' as const), app: fc.nat(40) }),
    fc.record({ kind: fc.constant('accept' as const), app: fc.nat(40), accepted: fc.boolean() }),
    fc.record({ kind: fc.constant('quote' as const), app: fc.nat(40), quote: fc.option(fc.integer({ min: 1, max: 90_000 })) }),
    fc.record({ kind: fc.constant('rules' as const), keep: fc.nat(SEED_003_RULES.length) }),
  );
  type Write = typeof write extends fc.Arbitrary<infer S> ? S : never;

  async function apply(ctx: TestContext, w: World, s: Write): Promise<void> {
    const appId = 'app' in s ? w.appIds[s.app % w.appIds.length]! : '';
    ctx.tick(1000);
    switch (s.kind) {
      case 'override': {
        const app = await ok(ctx, 'applications.list', { roundId: w.roundId }).then((all) => all.find((a) => a.id === appId)!);
        await dispatch(handlers, ctx, 'screening.override', { applicationId: appId, regionId: app.regionIds[0]!, eligible: s.eligible, reason: '组长复核' });
        return;
      }
      case 'withdraw':
        await dispatch(handlers, ctx, 'applications.setWithdrawn', { id: appId, withdrawn: s.withdrawn });
        return;
      case 'rename': {
        const id = w.dossierIds[s.app % w.dossierIds.length]!;
        const { dossier: d } = await ok(ctx, 'dossiers.get', { id });
        await dispatch(handlers, ctx, 'dossiers.update', { id, version: d.version, data: dossierInput({ legalName: s.name, creditCode: d.creditCode, city: d.city }) });
        return;
      }
      case 'add':
        return addApp(ctx, w, s.i);
      case 'regionName': {
        const round = await ok(ctx, 'rounds.get', { id: w.roundId });
        const r = round.regions.find((x) => x.id === w.regionIds[s.region])!;
        await dispatch(handlers, ctx, 'regions.update', { roundId: w.roundId, regionId: r.id, version: r.version, data: { name: s.name, city: r.city, quota: r.quota, waitlistLength: r.waitlistLength } });
        return;
      }
      case 'ban':
        await dispatch(handlers, ctx, 'bans.add', { creditCode: syntheticCreditCode(500 + (s.app % (w.next - 1)) + 1), programId: w.programId, startsOn: '2026-09-01', until: '2027-02-28', reason: 'failedAssessment', note: '', regionNames: [] });
        return;
      case 'accept':
        await dispatch(handlers, ctx, 'applications.acceptStatement', { id: appId, accepted: s.accepted, reason: '委员会认可' });
        return;
      case 'rules': {
        const program = (await ok(ctx, 'programs.list', {})).find((p) => p.id === w.programId)!;
        await ok(ctx, 'programs.update', { id: w.programId, version: program.version, data: { platform: '淘宝直播', name: '安心鉴鉴定机构', rules: SEED_003_RULES.slice(0, s.keep) } });
        return;
      }
      case 'quote': {
        const app = (await ok(ctx, 'applications.list', { roundId: w.roundId })).find((a) => a.id === appId)!;
        await dispatch(handlers, ctx, 'applications.update', { id: appId, data: { priceQuoteYuan: s.quote, strengthStatement: app.strengthStatement, shopFacts: app.shopFacts, regionIds: app.regionIds } });
        return;
      }
    }
  }

  it('after random writes, each page equals the fresh list', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(write, fc.boolean()), { minLength: 1, maxLength: 6 }), fc.context(), async (steps, log) => {
        const ctx = await createTestContext();
        const w = await build(ctx);
        // Warm the index first, so each write must invalidate it.
        await checkApplications(ctx, w, { sort: 'name', dir: 'asc', region: '', status: '', search: '', offset: 0, limit: 500 });
        await checkScreening(ctx, w, { sort: 'applicant', dir: 'asc', region: '', result: '', search: '', offset: 0, limit: 500 });
        for (const [s, screening] of steps) {
          log.log(JSON.stringify(s));
          await apply(ctx, w, s);
          await checkApplications(ctx, w, { sort: screening ? 'quote' : 'name', dir: 'asc', region: '', status: '', search: '', offset: 0, limit: 500 });
          await checkScreening(ctx, w, { sort: screening ? 'override' : 'applicant', dir: 'desc', region: '', result: '', search: '', offset: 0, limit: 500 });
          await checkScreening(ctx, w, { sort: 'region', dir: 'asc', region: '', result: 'overridden', search: 'cyd', offset: 0, limit: 500 });
        }
        ctx.db.close();
      }),
      { numRuns: 12 },
    );
  }, 240_000);
});
