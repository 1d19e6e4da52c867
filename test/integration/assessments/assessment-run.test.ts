// Assessment runs end to end on a real SQLite file (issue 4): figures entered per month, one period
// evaluated for every provider of a program, proposed actions confirmed into dated status changes.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { createTestContext } from '../../support/service-context';
import { finalizedRound, ok } from '../../support/round-fixture';
import { SEED_001_RULE_SET, SEED_002_RULE_SET } from '../../../shared/lifecycle/kpi-rules';

async function program(kind: 'seed001' | 'seed002') {
  const ctx = await createTestContext();
  const round = await finalizedRound(ctx);
  await ok(ctx, 'programs.setKpiRules', { programId: round.program.id, rules: kind === 'seed001' ? { ...SEED_001_RULE_SET } : { ...SEED_002_RULE_SET } });
  await ok(ctx, 'cooperations.createFromRound', { roundId: round.round.id, admittedOn: '2026-11-23' });
  const list = await ok(ctx, 'cooperations.list', { programId: round.program.id });
  const id = (n: number) => list.find((c) => c.legalName.includes(`第${n}鉴定`))!.id;
  return { ctx, programId: round.program.id, id };
}

describe('seed 002: monthly assessment with warning', () => {
  it('first failure → rectification notice, second → termination; missing data needs an explicit override', async () => {
    const { ctx, programId, id } = await program('seed002');
    const month = (cooperationId: string, m: string, pickup: number | null) =>
      ok(ctx, 'kpi.setFigures', { cooperationId, figures: { month: m, merchantLevel: 3, pickupRatePercent: pickup, responseRatePercent: 90 } });
    await month(id(1), '2026-12', 89.99); // fails 发揽率 ≥ 90%
    await month(id(2), '2026-12', 90); // exactly at the threshold: passes
    // id(4) has no figures at all

    const december = await ok(ctx, 'assessments.run', { programId, asOf: '2026-12', effectiveDate: '2026-12-31' });
    const proposed = Object.fromEntries(december.entries.map((e) => [e.cooperationId, e.proposal?.action]));
    expect(proposed).toEqual({ [id(1)]: 'rectificationNotice', [id(2)]: 'continue', [id(4)]: 'needsData' });
    expect(december.entries.find((e) => e.cooperationId === id(4))!.result).toMatchObject({ outcome: 'incomplete' });

    expect(await dispatch(handlers, ctx, 'assessments.confirm', { runId: december.id, confirmations: [{ cooperationId: id(4), choice: 'proposed' }] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await dispatch(handlers, ctx, 'assessments.confirm', { runId: december.id, confirmations: [{ cooperationId: id(4), choice: 'ifPassed' }] })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await ok(ctx, 'assessments.confirm', {
      runId: december.id,
      confirmations: [
        { cooperationId: id(1), choice: 'proposed' },
        { cooperationId: id(2), choice: 'proposed' },
        { cooperationId: id(4), choice: 'ifPassed', overrideReason: '平台后台数据延迟，经核实达标' },
      ],
    });
    expect((await ok(ctx, 'cooperations.get', { id: id(1) })).status).toBe('rectification');

    await month(id(1), '2027-01', 85);
    await month(id(2), '2027-01', 95);
    await month(id(4), '2027-01', 95);
    const january = await ok(ctx, 'assessments.run', { programId, asOf: '2027-01', effectiveDate: '2027-01-31' });
    const terminate = january.entries.find((e) => e.cooperationId === id(1))!.proposal!;
    // Was: a 180-day ban (until 2027-07-30). Seed 002 says "二次清退" and nothing about applying again, so the
    // 淘特 rule set bans nothing; a program that wants seed 003's 180 days sets it (test below).
    expect(terminate).toMatchObject({ action: 'terminate', letter: 'terminationNotice', termination: { reason: 'failedAssessment', readmission: { kind: 'whenRequirementsMet' } } });
    // 清退 cannot be undone: without the chair's reason it is refused, and nothing is recorded.
    expect(await dispatch(handlers, ctx, 'assessments.confirm', { runId: january.id, confirmations: january.entries.map((e) => ({ cooperationId: e.cooperationId, choice: 'proposed' as const })) })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION', message: '确认清退“杭州第1鉴定有限公司”须填写理由' },
    });
    expect((await ok(ctx, 'cooperations.get', { id: id(1) })).status).not.toBe('terminated');
    await ok(ctx, 'assessments.confirm', { runId: january.id, confirmations: january.entries.map((e) => ({ cooperationId: e.cooperationId, choice: 'proposed' as const, reason: '连续两个月未达标，经小组核实' })) });
    const confirmedRun = await ok(ctx, 'assessments.get', { id: january.id });
    expect(confirmedRun.actions.find((a) => a.cooperationId === id(1))).toMatchObject({ confirmed: 'terminate', note: '连续两个月未达标，经小组核实' });
    const ended = await ok(ctx, 'cooperations.get', { id: id(1) });
    expect(ended).toMatchObject({ status: 'terminated', endedOn: '2027-01-31', endReason: 'failedAssessment' });
    expect(ended.events.map((e) => e.event)).toEqual(['admit', 'rectify', 'terminate']);
    expect(ended.events.at(-1)!.detail).toMatchObject({ runId: january.id, regions: ['杭州珠宝产业带'], readmission: { kind: 'whenRequirementsMet' } });
    expect(await ok(ctx, 'bans.list', {})).toEqual([]);
  });
});

describe('seed 001: quarterly periods after a trial', () => {
  it('confirms a trial that met its KPIs (10,000 → 11,000 → 12,100) and terminates one a single order short', async () => {
    const { ctx, programId, id } = await program('seed001');
    const trial = async (cooperationId: string, orders: [number, number, number]) => {
      for (const [i, m] of ['2026-12', '2027-01', '2027-02'].entries()) {
        await ok(ctx, 'kpi.setFigures', { cooperationId, figures: { month: m, newlyBound: 4, newlyBoundGmvYuan: 10_000, orders: orders[i]!, staffPassedExam: 2 } });
      }
    };
    await trial(id(1), [10_000, 11_000, 12_100]);
    await trial(id(2), [10_000, 11_000, 12_099]);
    await trial(id(4), [10_000, 11_000, 12_100]);
    const run = await ok(ctx, 'assessments.run', { programId, asOf: '2027-02', effectiveDate: '2027-03-01' });
    const byId = Object.fromEntries(run.entries.map((e) => [e.cooperationId, e]));
    expect(byId[id(1)]!.proposal!.action).toBe('confirm');
    expect(byId[id(2)]!.proposal!.action).toBe('terminate');
    expect(byId[id(1)]!.result).toMatchObject({ outcome: 'pass', period: { kind: 'trial', start: '2026-12-01', end: '2027-02-28' } });
    await ok(ctx, 'assessments.confirm', { runId: run.id, confirmations: run.entries.map((e) => ({ cooperationId: e.cooperationId, choice: 'proposed' as const, reason: '试跑期未达标' })) });
    expect((await ok(ctx, 'cooperations.get', { id: id(1) })).status).toBe('formal');
    expect((await ok(ctx, 'cooperations.get', { id: id(2) }))).toMatchObject({ status: 'terminated', endReason: 'failedAssessment' });
    // A second confirmation of the same run is refused: each action is confirmed once.
    expect(await dispatch(handlers, ctx, 'assessments.confirm', { runId: run.id, confirmations: [{ cooperationId: id(1), choice: 'proposed' }] })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });
});
