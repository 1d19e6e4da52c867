// Admission gates through the real services (dispatch → services → SQLite): each program screens with its own
// platform rule's gates; 企业 is read from the credit code; a 主体优势说明 counts only once the committee
// accepted it (who, when, why, in the history), and again after an edit; an unknown 店铺账号 is missing; the
// same-city gate matches 义乌 to a 金华 region; a program stored by an earlier version still screens.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { createTestContext, type TestContext } from '../../support/service-context';
import { ok } from '../../support/round-fixture';
import { dossierInput } from '../../support/dossiers';
import { JINGXUAN_ALLIANCE_RULES, TAOBAO_LIVE_REGIONAL_RULES } from '../../../shared/eligibility/rules';
import type { ScreeningRow } from '../../../shared/rounds/views';

const ENTERPRISE_YIWU = '91330782MA2EC4RN4F'; // 9 工商 + 1 企业, registered in 义乌
const INDIVIDUAL_YIWU = '92330782MA28F3KL1F'; // 9 工商 + 2 个体工商户

async function round(ctx: TestContext, rules: readonly unknown[], platform = '淘宝直播') {
  const program = await ok(ctx, 'programs.create', { platform, name: '金华产业带', rules: rules as never });
  const r = await ok(ctx, 'rounds.create', { programId: program.id, name: '2026年金华评审', referenceDate: '2026-11-23', options: {} });
  const jinhua = await ok(ctx, 'regions.add', { roundId: r.id, data: { name: '金华小商品产业带', city: '金华', quota: 2, waitlistLength: 1 } });
  return { program, round: r, jinhua };
}

async function apply(ctx: TestContext, roundId: string, regionId: string, dossier: Parameters<typeof dossierInput>[0], extra: { strengthStatement?: string; shopFacts?: object } = {}) {
  const d = await ok(ctx, 'dossiers.create', dossierInput({ province: '浙江省', city: '义乌市', ...dossier }));
  return ok(ctx, 'applications.add', { roundId, data: { dossierId: d.id, priceQuoteYuan: 30_000, strengthStatement: extra.strengthStatement ?? '', shopFacts: extra.shopFacts as never, regionIds: [regionId] } });
}

const rowOf = async (ctx: TestContext, roundId: string, applicationId: string): Promise<ScreeningRow> =>
  (await ok(ctx, 'screening.list', { roundId })).find((r) => r.applicationId === applicationId)!;
const gate = (row: ScreeningRow, kind: string) => row.results.find((r) => r.kind === kind)!;

describe('admission gates through the services', () => {
  it('《淘宝直播区域产业服务商准入标准》: 91 in 义乌 passes for 金华, 92 is refused, an unknown 店铺账号 is missing', async () => {
    const ctx = await createTestContext();
    const { round: r, jinhua } = await round(ctx, TAOBAO_LIVE_REGIONAL_RULES);
    const company = await apply(ctx, r.id, jinhua.id, { creditCode: ENTERPRISE_YIWU });
    const individual = await apply(ctx, r.id, jinhua.id, { creditCode: INDIVIDUAL_YIWU, legalName: '义乌市小美饰品店' });
    const unknownShop = await apply(ctx, r.id, jinhua.id, { legalName: '义乌未核实有限公司', isShopAccount: null });

    const ok1 = await rowOf(ctx, r.id, company.id);
    expect(ok1).toMatchObject({ eligible: true });
    expect(gate(ok1, 'sameCity')).toMatchObject({ outcome: 'pass', method: 'division', entityPath: ['浙江省', '金华市', '义乌市'] });
    expect(gate(ok1, 'entityType')).toMatchObject({ outcome: 'pass', entity: 'enterprise' });

    const refused = await rowOf(ctx, r.id, individual.id);
    expect(refused).toMatchObject({ eligible: false });
    expect(refused.results.filter((x) => x.outcome !== 'pass').map((x) => x.kind)).toEqual(['entityType']);

    const missing = await rowOf(ctx, r.id, unknownShop.id);
    expect(gate(missing, 'notShopAccount').outcome).toBe('missing');
    expect(missing.eligible).toBe(false);
  });

  it('a 主体优势说明 awaits the committee; accepting it (who, when, why) passes; an edit needs a new acceptance', async () => {
    const ctx = await createTestContext();
    const { round: r, jinhua } = await round(ctx, TAOBAO_LIVE_REGIONAL_RULES);
    const young = await apply(ctx, r.id, jinhua.id, { creditCode: ENTERPRISE_YIWU, establishedOn: '2026-03-01' }, { strengthStatement: '核心团队来自国家级质检机构' });
    expect(gate(await rowOf(ctx, r.id, young.id), 'minYearsRegistered')).toMatchObject({ outcome: 'fail', statement: 'awaiting' });

    const refusedBlank = await dispatch(handlers, ctx, 'applications.acceptStatement', { id: young.id, accepted: true, reason: '' });
    expect(refusedBlank).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await ok(ctx, 'applications.acceptStatement', { id: young.id, accepted: true, reason: '团队资质经评审小组核实' });
    const accepted = await rowOf(ctx, r.id, young.id);
    expect(accepted.eligible).toBe(true);
    expect(gate(accepted, 'minYearsRegistered')).toMatchObject({ outcome: 'pass', byStatement: true, acceptance: { by: '王评审', reason: '团队资质经评审小组核实', at: expect.any(String) } });
    const history = ctx.db.prepare("SELECT after FROM change_log WHERE entity = 'round' AND after LIKE '%statementAcceptance%'").pluck().all() as string[];
    expect(history.map((h) => JSON.parse(h))).toEqual([{ statementAcceptance: { applicant: expect.any(String), accepted: true, reason: '团队资质经评审小组核实' } }]);

    await ok(ctx, 'applications.update', { id: young.id, data: { priceQuoteYuan: 30_000, strengthStatement: '核心团队来自国家级质检机构；另有 CMA 资质', regionIds: [jinhua.id] } });
    expect(gate(await rowOf(ctx, r.id, young.id), 'minYearsRegistered')).toMatchObject({ outcome: 'fail', statement: 'awaiting' });

    await ok(ctx, 'applications.acceptStatement', { id: young.id, accepted: true, reason: 'CMA 资质已核验' });
    expect((await rowOf(ctx, r.id, young.id)).eligible).toBe(true);
    await ok(ctx, 'applications.acceptStatement', { id: young.id, accepted: false, reason: '复核后撤销' });
    expect(gate(await rowOf(ctx, r.id, young.id), 'minYearsRegistered')).toMatchObject({ outcome: 'fail', statement: 'awaiting' });

    const noStatement = await apply(ctx, r.id, jinhua.id, { legalName: '义乌无说明有限公司' });
    expect(await dispatch(handlers, ctx, 'applications.acceptStatement', { id: noStatement.id, accepted: true, reason: '无' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('《精选联盟资质认证》 screens shop facts, lets a 个体工商户 apply, and ignores the 区域产业服务商 gates', async () => {
    const ctx = await createTestContext();
    const { round: r, jinhua } = await round(ctx, JINGXUAN_ALLIANCE_RULES, '抖音电商');
    const facts = { shopOperating: true, experienceScore: 82, hasPenaltyRecord: false, seriousViolations: false, brandQualificationsComplete: true, classBPoints: 0, violationCount: 1 };
    const shop = await apply(ctx, r.id, jinhua.id, { creditCode: INDIVIDUAL_YIWU, taxpayerType: 'small', depositPaidYuan: 0, isShopAccount: true, city: '广州市', province: '广东省', capabilities: [] }, { shopFacts: facts });
    expect(await rowOf(ctx, r.id, shop.id)).toMatchObject({ eligible: true });
    const closed = await apply(ctx, r.id, jinhua.id, { creditCode: ENTERPRISE_YIWU }, { shopFacts: { ...facts, classBPoints: 4, violationCount: 4 } });
    expect((await rowOf(ctx, r.id, closed.id)).results.filter((x) => x.outcome !== 'pass').map((x) => x.kind)).toEqual(['classBViolationPoints', 'maxViolations']);
  });

  it('a program stored with the earlier combined 企业 + 实名认证 rule still screens, as its two gates', async () => {
    const ctx = await createTestContext();
    const { program, round: r, jinhua } = await round(ctx, TAOBAO_LIVE_REGIONAL_RULES);
    ctx.db.prepare('UPDATE programs SET rules = ? WHERE id = ?').run(JSON.stringify([{ kind: 'realNameVerified' }, { kind: 'sameCity' }]), program.id);
    const individual = await apply(ctx, r.id, jinhua.id, { creditCode: INDIVIDUAL_YIWU, realNameVerified: true });
    const row = await rowOf(ctx, r.id, individual.id);
    expect(row.results.map((x) => [x.kind, x.outcome])).toEqual([['entityType', 'fail'], ['realName', 'pass'], ['sameCity', 'pass']]);
    expect((await ok(ctx, 'programs.list', {})).find((p) => p.id === program.id)!.rules).toEqual([{ kind: 'entityType', allowed: ['enterprise'] }, { kind: 'realName' }, { kind: 'sameCity', scope: 'within' }]);
  });
});
