// The demo round loaded into a fresh database through the real dispatch: its shape, screening failures,
// a ranking within every quota, history, determinism, reuse of existing dossiers, and clean refusals.
import { describe, expect, it, vi } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { call, callError, countRows } from '../../support/call';
import { generateApplicants } from '../../../electron/services/demo/demo-generator';
import { DEMO_REGIONS } from '../../../electron/services/demo/demo-data';
import { isValidCreditCode } from '../../../shared/dossiers/credit-code';

const START = '2026-03-02T02:00:00.000Z'; // 10:00 in Beijing

async function loadedDemo(ctx?: TestContext) {
  const c = ctx ?? (await createTestContext({ start: START }));
  const { roundId } = await call(c, 'demo.load', {});
  return { ctx: c, roundId };
}

const chairOf = async (ctx: TestContext, roundId: string) => (await call(ctx, 'members.list', { roundId })).find((m) => m.role === 'chair')!;

describe('demo round', () => {
  it('builds 8 regions, 60 applicants and a committee of 7 whose sheets are all submitted, left open', async () => {
    const { ctx, roundId } = await loadedDemo();
    const round = await call(ctx, 'rounds.get', { id: roundId });
    expect(round).toMatchObject({ name: '2026年安心鉴鉴定机构招募评审', referenceDate: '2026-03-02', status: 'open', options: { priceMode: 'lowestPrice', aggregation: 'trimmedMean', minimumTotal: 60 } });
    expect(round.regions.map((r) => r.city)).toEqual(['杭州市', '深圳市', '诸暨市', '苏州市', '广州市', '北京市', '成都市', '瑞丽市']);
    for (const r of round.regions) {
      expect(r.quota).toBeGreaterThanOrEqual(1);
      expect(r.quota).toBeLessThanOrEqual(4);
    }
    const applications = await call(ctx, 'applications.list', { roundId });
    expect(applications).toHaveLength(60);
    expect(new Set(applications.map((a) => a.creditCode)).size).toBe(60);
    expect(applications.every((a) => isValidCreditCode(a.creditCode) && a.regionIds.length >= 1 && a.regionIds.length <= 3)).toBe(true);
    expect(applications.every((a) => a.priceQuoteYuan! >= 20_000 && a.priceQuoteYuan! <= 80_000)).toBe(true);
    const members = await call(ctx, 'members.list', { roundId });
    expect(members.map((m) => m.role)).toEqual(['chair', 'member', 'member', 'member', 'member', 'member', 'member']);
    for (const m of members) expect(m).toMatchObject({ submittedAt: expect.any(String), filled: m.required });
    expect(members[0]!.required).toBeGreaterThan(100);
    expect(await call(ctx, 'recusals.list', { roundId })).toHaveLength(2);
    const sheet = await call(ctx, 'scores.sheet', { memberId: members[3]!.id });
    expect(sheet.criteria).toEqual(['strength', 'technical', 'reputation']);
    expect(sheet.cells.every((c) => c.value >= 35 && c.value <= 99 && Number.isInteger(c.value * 2))).toBe(true);
  });

  it('screens with the 安心鉴 gates only (re-admission), not the 区域产业服务商 ones, and ranks within every quota', async () => {
    const { ctx, roundId } = await loadedDemo();
    const round = await call(ctx, 'rounds.get', { id: roundId });
    const program = (await call(ctx, 'programs.list', {})).find((p) => p.id === round.programId)!;
    // Seed 000 names review criteria and wished regions only: no 投流 capability, no same-city, no 一般纳税人 gate.
    expect(program.rules).toEqual([{ kind: 'noCooldown' }]);
    const screening = await call(ctx, 'screening.list', { roundId });
    expect(screening.length).toBeGreaterThan(60);
    expect(screening.every((s) => s.results.map((r) => r.kind).join() === 'noCooldown')).toBe(true);
    // The one hard gate left: the institution 清退 under 安心鉴's service rules 60 days ago waits until the date the chair entered.
    const exited = generateApplicants('2026-03-02').find((a) => a.fault === 'terminated')!;
    const refused = screening.filter((s) => !s.eligible);
    expect(refused.length).toBeGreaterThan(0);
    const names = new Map((await call(ctx, 'applications.list', { roundId })).map((a) => [a.id, a.creditCode]));
    expect(new Set(refused.map((s) => names.get(s.applicationId)))).toEqual(new Set([exited.dossier.creditCode]));
    expect(refused[0]!.results[0]).toMatchObject({ kind: 'noCooldown', outcome: 'fail', until: '2026-06-30', reason: 'agencyRules' });
    // The applicants whose dossiers another platform rule would refuse (小规模纳税人, a capability missing, asking
    // for regions away from home) are scored like everyone else.
    const applicants = generateApplicants('2026-03-02');
    const applications = await call(ctx, 'applications.list', { roundId });
    const smallTaxpayer = applicants.find((a) => a.fault === 'smallTaxpayer')!;
    const outsider = applicants.find((a) => a.fault === 'outsider')!;
    const chair = await chairOf(ctx, roundId);
    const sheet = await call(ctx, 'scores.sheet', { memberId: chair.id });
    for (const a of [smallTaxpayer, outsider]) {
      expect(sheet.applicationIds).toContain(applications.find((x) => x.creditCode === a.dossier.creditCode)!.id);
    }

    const results = await call(ctx, 'ranking.results', { roundId, viewerMemberId: (await chairOf(ctx, roundId)).id });
    expect(results.allocation.pendingCommittee).toBe(false);
    for (const region of round.regions) {
      const a = results.allocation.regions.find((r) => r.regionId === region.id)!;
      expect(a.admitted.length, region.name).toBeLessThanOrEqual(region.quota);
      expect(a.admitted.length, region.name).toBeGreaterThan(0);
      expect(a.waitlist.length).toBeLessThanOrEqual(region.waitlistLength);
    }
    const statuses = results.allocation.regions.flatMap((r) => r.placements.map((p) => p.status));
    for (const status of ['admitted', 'waitlist', 'notAdmitted', 'belowMinimum', 'ineligible'] as const) expect(statuses, status).toContain(status);
    const recused = results.ranking.regions.flatMap((r) => r.entries).filter((e) => e.recusedMembers > 0);
    expect(recused).toHaveLength(2);
    // A newcomer can finalize it as it stands.
    expect(await call(ctx, 'rounds.finalize', { roundId })).toMatchObject({ finalized: { by: '王评审' } });
  });

  it('records every step in history, and is refused cleanly a second time', async () => {
    const { ctx, roundId } = await loadedDemo();
    // rounds.history pages the newest 1000 entries (all scores); the whole log is read here.
    const actions = ctx.db.prepare("SELECT action, count(*) AS n FROM change_log WHERE entity = 'round' AND entity_key = ? GROUP BY action ORDER BY action").all(roundId);
    expect(actions).toEqual([
      { action: 'create', n: 1 + 8 + 60 + 7 },
      { action: 'recuse', n: 2 },
      { action: 'score', n: expect.any(Number) },
      { action: 'submit', n: 7 },
    ]);
    expect((await call(ctx, 'rounds.history', { id: roundId }))[0]).toMatchObject({ action: 'submit', actor: '王评审' });
    const applications = await call(ctx, 'applications.list', { roundId });
    expect(await call(ctx, 'dossiers.history', { id: applications[0]!.dossierId })).toMatchObject([{ action: 'create', actor: '王评审' }]);

    const [dossiers, logs] = [countRows(ctx, 'dossiers'), countRows(ctx, 'change_log')];
    expect(await callError(ctx, 'demo.load', {})).toEqual({ code: 'CONFLICT', message: '示例批次“2026年安心鉴鉴定机构招募评审”已经加载过，不能重复加载。请在批次列表中打开它。' });
    expect([countRows(ctx, 'dossiers'), countRows(ctx, 'change_log')]).toEqual([dossiers, logs]);
    expect(await call(ctx, 'rounds.list', {})).toHaveLength(1);
  });

  it('is the same demo every time (seeded, no Math.random)', async () => {
    const first = await loadedDemo();
    const second = await loadedDemo();
    const shape = async ({ ctx, roundId }: { ctx: TestContext; roundId: string }) => {
      const results = await call(ctx, 'ranking.results', { roundId, viewerMemberId: (await chairOf(ctx, roundId)).id });
      return results.ranking.regions.flatMap((r) => r.entries.map((e) => `${results.labels.regions[r.regionId]!.name} ${results.labels.applications[e.applicationId]!.creditCode} ${e.total}`)).sort();
    };
    expect(await shape(second)).toEqual(await shape(first));
    expect(generateApplicants('2026-03-02')).toEqual(generateApplicants('2026-03-02'));
    expect(DEMO_REGIONS.reduce((n, r) => n + r.applicants, 0)).toBe(60);
  });

  it('reuses existing dossiers by credit code without changing them, and skips archived ones', async () => {
    const ctx = await createTestContext({ start: START });
    const [a, b] = generateApplicants('2026-03-02');
    const kept = await call(ctx, 'dossiers.create', { ...a!.dossier, legalName: '用户改过名称的机构有限公司' });
    const archived = await call(ctx, 'dossiers.create', b!.dossier);
    await call(ctx, 'dossiers.setArchived', { id: archived.id, archived: true });
    const { roundId } = await loadedDemo(ctx);
    const applications = await call(ctx, 'applications.list', { roundId });
    expect(applications).toHaveLength(59);
    expect(applications.find((x) => x.dossierId === kept.id)?.legalName).toBe('用户改过名称的机构有限公司');
    expect(applications.some((x) => x.dossierId === archived.id)).toBe(false);
    expect(countRows(ctx, 'dossiers')).toBe(60);
  });

  it('writes nothing when it cannot finish, and nothing without a user name', async () => {
    const anonymous = await createTestContext({ user: null, start: START });
    expect(await callError(anonymous, 'demo.load', {})).toMatchObject({ code: 'NO_USER' });
    expect(countRows(anonymous, 'change_log')).toBe(0);

    const ctx = await createTestContext({ start: START });
    // A failure half-way (here: the committee cannot be stored) must leave no program, round or dossier.
    ctx.db.exec("CREATE TEMP TRIGGER no_members BEFORE INSERT ON members BEGIN SELECT RAISE(ABORT, 'disk full'); END");
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {}); // dispatch logs unexpected errors
    expect(await callError(ctx, 'demo.load', {})).toMatchObject({ code: 'INTERNAL' });
    logged.mockRestore();
    for (const table of ['programs', 'rounds', 'round_regions', 'applications', 'dossiers', 'change_log', 'settings WHERE key = \'demo_round_id\'']) {
      expect((ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n, table).toBe(0);
    }
    ctx.db.exec('DROP TRIGGER no_members');
    expect((await call(ctx, 'demo.load', {})).roundId).toEqual(expect.any(String));
  });
});
