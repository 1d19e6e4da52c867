// The scoring grid's paged reads (issue 8) against the whole-sheet read they replace: scores.gridOutline,
// scores.gridRows and scores.gridMissing must say exactly what the whole sheet (scores.sheet with the labels of
// applications.list, test/support/score-grid-reference.ts) says once put in the display order
// the renderer used to compute from it (score-order.ts: groupByRegion, emptyCells, unscoredApplications), and
// the outline's filled count what the members.list counters say — on a round with a recusal, a withdrawn and
// a screened-out applicant, applicants in two regions and one in a region it does not want first, checked
// again after each batch of random cell writes (values, clears, comments) by two members.
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { dossierInput } from '../../support/dossiers';
import { JINGXUAN_ALLIANCE_RULES } from '../../../shared/eligibility/rules';
import { groupByRegion, type ScoringApplication } from '../../../renderer/features/rounds/scoring/score-order';
import { displayOrder, emptyCells, unscoredApplications, wholeSheetGrid } from '../../support/score-grid-reference';
import { SCORE_GRID_PAGE_ROWS, type ScoreGridRow } from '../../../shared/rounds/score-grid-pages';
import type { CallInput } from '../../../shared/api/contract';
import { roundOrder } from '../../../electron/services/rounds/score-grid-pages';
import { cachedActiveOrder } from '../../../electron/services/rounds/list-pages';

/** What the grid showed from the whole sheet, in display order: the expected answer of every paged call. */
async function expectedFromGrid(ctx: TestContext, roundId: string, memberId: string) {
  const grid = await wholeSheetGrid(ctx, roundId, memberId);
  const round = await ok(ctx, 'rounds.get', { id: roundId });
  const labels: Record<string, ScoringApplication> = {};
  [...grid.applicationIds, ...grid.recusedApplicationIds].forEach((id, i) => (labels[id] = { ...grid.applicants[i]!, regionIds: grid.applicantRegions[i]!.map((r) => grid.regionIds[r]!) }));
  const groups = groupByRegion(grid.applicationIds, labels, round.regions, '');
  const order = displayOrder(groups);
  const index = new Map(grid.applicationIds.map((id, i) => [id, i]));
  const valueOf = (a: string, c: string) => grid.values[c]![index.get(a)!] ?? null;
  const rows: ScoreGridRow[] = order.map((id) => {
    const { regionIds, ...label } = labels[id]!;
    return { applicationId: id, ...label, regionIds: [...regionIds], values: grid.criteria.map((c) => valueOf(id, c)), comment: grid.comments[id] ?? '' };
  });
  const empty = emptyCells(order, grid.criteria, valueOf);
  return { grid, groups, order, rows, empty, unscored: unscoredApplications(order, grid.criteria, valueOf) };
}

async function expectSameAsGrid(ctx: TestContext, roundId: string, memberId: string) {
  const want = await expectedFromGrid(ctx, roundId, memberId);
  const outline = await ok(ctx, 'scores.gridOutline', { memberId });
  const { grid } = want;
  expect({ sheetId: outline.sheetId, memberName: outline.memberName, submittedAt: outline.submittedAt, criteria: outline.criteria, scale: outline.scale }).toEqual({ sheetId: grid.sheetId, memberName: grid.memberName, submittedAt: grid.submittedAt, criteria: grid.criteria, scale: grid.scale });
  expect(outline.rows).toBe(grid.applicationIds.length);
  expect(outline.groups).toEqual(want.groups.map((g) => ({ regionId: g.regionId, regionName: g.regionName, count: g.applicationIds.length })));
  expect(outline.recused.map((r) => r.applicationId)).toEqual(grid.recusedApplicationIds);
  const members = await ok(ctx, 'members.list', { roundId });
  const filled = Object.values(grid.values).flat().filter((v) => v !== null).length;
  expect(outline.filled).toBe(filled);
  expect(outline.filled).toBe(members.find((m) => m.id === memberId)!.filled);
  const first = want.empty[0];
  expect(outline.firstEmpty).toEqual(first ? { position: Number(first.id.split('-')[1]), col: Number(first.id.split('-')[2]) } : null);
  expect(outline.window.rows).toEqual(want.rows.slice(outline.window.offset, outline.window.offset + outline.window.rows.length));
  expect(outline.window.rows.length).toBe(Math.min(want.rows.length - outline.window.offset, 80));

  // Pages of any size and offset are slices of the display order.
  for (const size of [1, 3, SCORE_GRID_PAGE_ROWS]) {
    const pages: ScoreGridRow[] = [];
    for (let offset = 0; offset < want.rows.length; offset += size) {
      const page = await ok(ctx, 'scores.gridRows', { memberId, offset, limit: size });
      expect(page.total).toBe(want.rows.length);
      pages.push(...page.rows);
    }
    expect(pages).toEqual(want.rows);
  }
  expect((await ok(ctx, 'scores.gridRows', { memberId, offset: want.rows.length + 5, limit: 10 })).rows).toEqual([]);

  // The empty cells, in display order, cut at the limit; the rows "只看未评分" keeps.
  for (const limit of [0, 1, 5, 200]) {
    const missing = await ok(ctx, 'scores.gridMissing', { memberId, limit, withRows: limit === 5 });
    expect(missing.total).toBe(want.empty.length);
    expect(missing.cells.map((c) => ({ applicationId: c.applicationId, criterion: c.criterion, id: `cell-${c.position}-${c.col}` }))).toEqual(want.empty.slice(0, limit));
    for (const c of missing.cells) expect(c.legalName).toBe(want.rows[c.position]!.legalName);
    if (limit === 5) expect(missing.rows).toEqual(want.order.flatMap((id, p) => (want.unscored.has(id) ? [p] : [])));
    else expect(missing.rows).toBeNull();
  }
}

/** A small deterministic generator (the same writes on every run). */
function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
}

/** A round of `n` applicants in 杭州 and one member, with the member's sheet. */
async function hangzhouRound(n: number) {
  const ctx = await createTestContext();
  const { round, hangzhou } = await setUpRound(ctx);
  for (let i = 0; i < n; i++) await addApplicant(ctx, round.id, i + 1, '杭州市', [hangzhou.id], 30_000);
  const member = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
  return { ctx, round, member, sheet: await ok(ctx, 'scores.sheet', { memberId: member.id }) };
}

describe('scores.gridOutline, scores.gridRows and scores.gridMissing', () => {
  it('equal the cuts of the whole sheet in display order, after random writes', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou, shenzhen } = await setUpRound(ctx);
    // A third region first in the round's order but wanted second: the groups follow the round's order.
    const ningbo = await ok(ctx, 'regions.add', { roundId: round.id, data: { name: '宁波产业带', city: '宁波市', quota: 1, waitlistLength: 1 } });
    const cities = ['杭州市', '深圳市', '宁波市'];
    const prefs = [[hangzhou.id, shenzhen.id], [shenzhen.id], [ningbo.id, hangzhou.id], [hangzhou.id], [shenzhen.id, ningbo.id]];
    const apps = [];
    for (let i = 0; i < 11; i++) apps.push(await addApplicant(ctx, round.id, i + 1, cities[i % 3]!, prefs[i % prefs.length]!, i % 4 === 0 ? null : 30_000 + i * 1_000));
    const member = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
    const other = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '孙委员', role: 'member' } });
    await ok(ctx, 'recusals.declare', { applicationId: apps[1]!.id, memberId: member.id, reason: '亲属在该机构任职' });
    await ok(ctx, 'applications.setWithdrawn', { id: apps[4]!.id, withdrawn: true });
    await ok(ctx, 'screening.override', { applicationId: apps[5]!.id, regionId: prefs[0]![0]!, eligible: false, reason: '评审小组复核不合格' });
    await expectSameAsGrid(ctx, round.id, member.id);

    const next = random(8);
    const sheet = await ok(ctx, 'scores.sheet', { memberId: member.id });
    for (let batch = 0; batch < 4; batch++) {
      for (let k = 0; k < 14; k++) {
        const who = next() < 0.75 ? member.id : other.id;
        const applicationId = sheet.applicationIds[Math.floor(next() * sheet.applicationIds.length)]!;
        const criterion = sheet.criteria[Math.floor(next() * sheet.criteria.length)]!;
        const value = next() < 0.2 ? null : Math.round(60 + next() * 40);
        await ok(ctx, 'scores.set', { memberId: who, applicationId, criterion, value, comment: next() < 0.3 ? `意见${k}` : '' });
      }
      await expectSameAsGrid(ctx, round.id, member.id);
      await expectSameAsGrid(ctx, round.id, other.id);
    }
    // Every cell filled: no empty cell, no row kept by the filter.
    for (const applicationId of sheet.applicationIds) for (const criterion of sheet.criteria) await ok(ctx, 'scores.set', { memberId: member.id, applicationId, criterion, value: 80, comment: '' });
    await expectSameAsGrid(ctx, round.id, member.id);
    expect((await ok(ctx, 'scores.gridOutline', { memberId: member.id })).firstEmpty).toBeNull();
    // A region change and a new recusal move rows between groups.
    await ok(ctx, 'applications.update', { id: apps[0]!.id, data: { priceQuoteYuan: 33_000, strengthStatement: '', regionIds: [ningbo.id] } });
    await ok(ctx, 'recusals.declare', { applicationId: apps[2]!.id, memberId: member.id, reason: '曾为该机构提供咨询' });
    await expectSameAsGrid(ctx, round.id, member.id);
  });

  it("takes the round's order from the lists' index when it holds, equal to its own query", async () => {
    const ctx = await createTestContext();
    const { round, hangzhou, shenzhen } = await setUpRound(ctx);
    const ningbo = await ok(ctx, 'regions.add', { roundId: round.id, data: { name: '宁波产业带', city: '宁波市', quota: 1, waitlistLength: 1 } });
    const prefs = [[hangzhou.id, shenzhen.id], [shenzhen.id], [ningbo.id, hangzhou.id], [hangzhou.id], [shenzhen.id, ningbo.id]];
    const apps = [];
    for (let i = 0; i < 12; i++) apps.push(await addApplicant(ctx, round.id, i + 1, ['杭州市', '深圳市', '宁波市'][i % 3]!, prefs[i % prefs.length]!, 30_000));
    const member = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
    const same = async (indexKept = false) => {
      // A change to the applications lets the index go (the query answers); an override keeps it (it reads no
      // verdict; list-pages.ts carries it), and the order is still the query's.
      if (indexKept) expect(cachedActiveOrder(ctx, round.id)).not.toBeNull();
      else expect(cachedActiveOrder(ctx, round.id)).toBeNull();
      const plain = roundOrder(ctx, round.id, false);
      await ok(ctx, 'applications.page', { roundId: round.id, offset: 0, limit: 50 });
      expect(cachedActiveOrder(ctx, round.id)).not.toBeNull(); // now the index holds: the fast path is taken
      expect(roundOrder(ctx, round.id)).toEqual(plain);
      expect(plain.sheetOrder.length).toBeGreaterThan(0);
      await expectSameAsGrid(ctx, round.id, member.id);
    };
    await same();
    // Each change below moves the order or the groups (and lets the index go).
    await ok(ctx, 'applications.setWithdrawn', { id: apps[4]!.id, withdrawn: true });
    await same();
    await ok(ctx, 'applications.update', { id: apps[0]!.id, data: { priceQuoteYuan: 33_000, strengthStatement: '', regionIds: [ningbo.id, shenzhen.id] } });
    await same();
    await ok(ctx, 'screening.override', { applicationId: apps[5]!.id, regionId: prefs[0]![0]!, eligible: false, reason: '评审小组复核不合格' });
    expect(roundOrder(ctx, round.id).sheetOrder).not.toContain(apps[5]!.id); // screened out: not scored
    await same(true);
    await ok(ctx, 'applications.setWithdrawn', { id: apps[4]!.id, withdrawn: false });
    await same();
  });

  // The outline counts filled cells from the writer's live per-application counters, which count every
  // criterion: cells of a criterion no longer scored (the price once the round ranks by 最低价法) must not count.
  it('counts only the scored criteria after the price stops being scored', async () => {
    const { ctx, round, member, sheet } = await hangzhouRound(4);
    const [first, second] = sheet.applicationIds;
    // The first application complete, the second with its price only.
    for (const criterion of sheet.criteria) await ok(ctx, 'scores.set', { memberId: member.id, applicationId: first!, criterion, value: 80, comment: '' });
    await ok(ctx, 'scores.set', { memberId: member.id, applicationId: second!, criterion: 'price', value: 70, comment: '' });
    await expectSameAsGrid(ctx, round.id, member.id);
    const now = await ok(ctx, 'rounds.get', { id: round.id });
    await ok(ctx, 'rounds.update', { id: round.id, version: now.version, name: now.name, referenceDate: now.referenceDate, options: { ...structuredClone(now.options) as CallInput<'rounds.update'>['options'], priceMode: 'lowestPrice' } });
    const outline = await ok(ctx, 'scores.gridOutline', { memberId: member.id });
    expect(outline.criteria).not.toContain('price');
    expect(outline.filled).toBe(outline.criteria.length); // the first application's, not the price cells
    await expectSameAsGrid(ctx, round.id, member.id);
  });

  it('opens a long sheet on the rows around its first empty cell', async () => {
    const { ctx, round, member, sheet } = await hangzhouRound(130);
    for (const applicationId of sheet.applicationIds.slice(0, 100)) for (const criterion of sheet.criteria) await ok(ctx, 'scores.set', { memberId: member.id, applicationId, criterion, value: 75, comment: '' });
    const outline = await ok(ctx, 'scores.gridOutline', { memberId: member.id });
    expect(outline.firstEmpty).toEqual({ position: 100, col: 0 });
    expect(outline.window.offset).toBe(70);
    expect(outline.window.rows[30]!.values.every((v) => v === null)).toBe(true);
    await expectSameAsGrid(ctx, round.id, member.id);
  });

  it('names a person by the masked number, as lists show it', async () => {
    const ctx = await createTestContext();
    // 《精选联盟资质认证》 admits individuals (the 淘宝直播 rules of setUpRound would screen them out).
    const program = await ok(ctx, 'programs.create', { platform: '抖音电商', name: '精选联盟', rules: [...JINGXUAN_ALLIANCE_RULES] });
    const round = await ok(ctx, 'rounds.create', { programId: program.id, name: '2026年精选联盟评审', referenceDate: '2026-11-23', options: {} });
    const hangzhou = await ok(ctx, 'regions.add', { roundId: round.id, data: { name: '杭州珠宝产业带', city: '杭州市', quota: 2, waitlistLength: 1 } });
    const person = await ok(ctx, 'dossiers.create', dossierInput({ identityKind: 'individual', legalName: '王小丽', creditCode: '11010519491231002X', legalRepresentative: '', registeredCapitalWan: 0, taxpayerType: 'small', city: '杭州市' }));
    const shop = { shopOperating: true, experienceScore: 82, hasPenaltyRecord: false, seriousViolations: false, brandQualificationsComplete: true, classBPoints: 0, violationCount: 0 };
    await ok(ctx, 'applications.add', { roundId: round.id, data: { dossierId: person.id, priceQuoteYuan: 30_000, strengthStatement: '', shopFacts: shop as never, regionIds: [hangzhou.id] } });
    const member = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
    await expectSameAsGrid(ctx, round.id, member.id);
    expect((await ok(ctx, 'scores.gridOutline', { memberId: member.id })).window.rows[0]!.creditCode).toBe('110105********002X');
  });
});
