// A program without a KPI regime (seed 000, 淘宝直播安心鉴 鉴定机构): cooperations start formal, are never
// assessed, and end only by hand — 清退 citing 《淘宝网“安心鉴”服务规范》 with the 安心鉴服务商 told as well,
// or 主动退出 once the institution's 《解除合作申请》 is received and the platform confirms. Real SQLite.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { createTestContext } from '../../support/service-context';
import { finalizedRound, ok } from '../../support/round-fixture';
import { SEED_000_RULE_SET } from '../../../shared/lifecycle/kpi-rules';

async function anxinjian() {
  const ctx = await createTestContext();
  const round = await finalizedRound(ctx);
  await ok(ctx, 'programs.setKpiRules', { programId: round.program.id, rules: { kind: 'noAssessment' } });
  expect(await ok(ctx, 'programs.kpiRules', { programId: round.program.id })).toEqual(SEED_000_RULE_SET);
  expect(await ok(ctx, 'cooperations.createFromRound', { roundId: round.round.id, admittedOn: '2026-11-23' })).toEqual({ created: 3 });
  const list = await ok(ctx, 'cooperations.list', { programId: round.program.id });
  const id = (n: number) => list.find((c) => c.legalName.includes(`第${n}鉴定`))!.id;
  return { ctx, programId: round.program.id, list, id };
}

describe('无考核（安心鉴）', () => {
  it('starts formal on the admission day and is never assessed (no figures, no runs)', async () => {
    const { ctx, programId, list, id } = await anxinjian();
    expect(list.map((c) => [c.status, c.startedOn])).toEqual([['formal', '2026-11-23'], ['formal', '2026-11-23'], ['formal', '2026-11-23']]);
    expect(await dispatch(handlers, ctx, 'assessments.run', { programId, asOf: '2026-12', effectiveDate: '2026-12-31' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('无考核') } });
    expect(await dispatch(handlers, ctx, 'kpi.setFigures', { cooperationId: id(1), figures: { month: '2026-12', merchantLevel: 3 } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('清退 records the rule it cites, the region and that the 安心鉴服务商 is told; no waiting period is invented', async () => {
    const { ctx, id } = await anxinjian();
    const ended = await ok(ctx, 'cooperations.applyEvent', { cooperationId: id(1), event: 'terminate', effectiveOn: '2027-03-01', reason: '出具鉴定结论失实，符合清退条件', banReason: 'agencyRules', readmissionUntil: '2027-03-01' });
    expect(ended).toMatchObject({ status: 'terminated', endedOn: '2027-03-01' });
    expect(ended.events.at(-1)!.detail).toMatchObject({ ruleBasis: '《淘宝网“安心鉴”服务规范》', partnerNotified: '安心鉴服务商', regions: ['杭州珠宝产业带'] });
    // A 清退 for failing (the category exists for every program): no waiting period — the seed states none.
    const other = await ok(ctx, 'cooperations.applyEvent', { cooperationId: id(2), event: 'terminate', effectiveOn: '2027-03-01', reason: '服务质量不符合要求', banReason: 'failedAssessment' });
    expect(other.events.at(-1)!.detail).toMatchObject({ readmission: { kind: 'whenRequirementsMet' }, ruleBasis: '《淘宝网“安心鉴”服务规范》' });
  });

  it('主动退出: the 《解除合作申请》 (date received) then the platform\'s confirmation, under the service rules\' conditions', async () => {
    const { ctx, id } = await anxinjian();
    const exit = (extra: object) => dispatch(handlers, ctx, 'cooperations.applyEvent', { cooperationId: id(4), event: 'exit', effectiveOn: '2027-02-15', reason: '机构申请解除合作', ...extra });
    // Seed 003's settlement conditions are not the 安心鉴 ones.
    expect(await exit({ exitChecklist: { feesSettled: true, obligationsFulfilled: true }, requestReceivedOn: '2027-02-10' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('安心鉴') } });
    expect(await exit({ exitChecklist: { serviceRulesMet: true } })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'requestReceivedOn' }] } });
    expect(await exit({ exitChecklist: { serviceRulesMet: true }, requestReceivedOn: '2027-02-16' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const exited = await ok(ctx, 'cooperations.applyEvent', { cooperationId: id(4), event: 'exit', effectiveOn: '2027-02-15', reason: '机构申请解除合作', exitChecklist: { serviceRulesMet: true }, requestReceivedOn: '2027-02-10' });
    expect(exited).toMatchObject({ status: 'exited', endReason: 'voluntaryExit', endedOn: '2027-02-15' });
    expect(exited.events.at(-1)!.detail).toMatchObject({ requestReceivedOn: '2027-02-10', partnerNotified: '安心鉴服务商', regions: ['深圳水贝产业带'], readmission: { kind: 'whenRequirementsMet' } });
    expect(await ok(ctx, 'bans.list', {})).toEqual([]);
  });
});
