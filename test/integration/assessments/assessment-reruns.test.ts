// A month is judged once per cooperation (issue 7): the bug was seed 002 run 1 of 2026-12 → 整改 confirmed,
// run 2 of the same month (status now 整改中) → 清退 with a ban and a 终止合作通知 for the same failure. Now a
// rerun replaces the earlier run's open proposals, never proposes again what was confirmed, and a run whose
// figures changed afterwards is flagged stale and cannot be confirmed. Through the real dispatch and SQLite.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { createTestContext } from '../../support/service-context';
import { finalizedRound, ok } from '../../support/round-fixture';
import { SEED_001_RULE_SET, SEED_002_RULE_SET, type KpiRuleSetInput } from '../../../shared/lifecycle/kpi-rules';

async function program(rules: KpiRuleSetInput) {
  const ctx = await createTestContext();
  const round = await finalizedRound(ctx);
  await ok(ctx, 'programs.setKpiRules', { programId: round.program.id, rules });
  await ok(ctx, 'cooperations.createFromRound', { roundId: round.round.id, admittedOn: '2026-11-23' });
  const list = await ok(ctx, 'cooperations.list', { programId: round.program.id });
  const id = (n: number) => list.find((c) => c.legalName.includes(`第${n}鉴定`))!.id;
  return { ctx, programId: round.program.id, id };
}

describe('seed 002: the same month run twice', () => {
  it('a confirmed 整改 is not followed by a 清退 for the same month; an open proposal is replaced, not stacked', async () => {
    const { ctx, programId, id } = await program({ ...SEED_002_RULE_SET });
    const month = (cooperationId: string, pickup: number) => ok(ctx, 'kpi.setFigures', { cooperationId, figures: { month: '2026-12', merchantLevel: 3, pickupRatePercent: pickup, responseRatePercent: 90 } });
    await month(id(1), 85);
    await month(id(2), 85);
    await month(id(4), 95);

    const first = await ok(ctx, 'assessments.run', { programId, asOf: '2026-12', effectiveDate: '2026-12-31' });
    await ok(ctx, 'assessments.confirm', { runId: first.id, confirmations: [{ cooperationId: id(1), choice: 'proposed' }] });
    expect((await ok(ctx, 'cooperations.get', { id: id(1) })).status).toBe('rectification');

    ctx.tick();
    const second = await ok(ctx, 'assessments.run', { programId, asOf: '2026-12', effectiveDate: '2026-12-31' });
    const entry = (n: number) => second.entries.find((e) => e.cooperationId === id(n))!;
    // Provider 1: already judged in the first run (整改) — nothing proposed, certainly no 清退.
    expect(entry(1)).toMatchObject({ status: 'rectification', proposal: null, result: null, judgedIn: { runId: first.id, action: 'rectificationNotice' } });
    // Provider 2: its open proposal of the first run is replaced by this one.
    expect(entry(2).proposal).toMatchObject({ action: 'rectificationNotice' });
    const firstAgain = await ok(ctx, 'assessments.get', { id: first.id });
    expect(firstAgain.actions.find((a) => a.cooperationId === id(2))).toMatchObject({ confirmed: null, supersededBy: second.id });
    expect(firstAgain.actions.find((a) => a.cooperationId === id(1))).toMatchObject({ confirmed: 'rectificationNotice', supersededBy: null });
    expect(await dispatch(handlers, ctx, 'assessments.confirm', { runId: first.id, confirmations: [{ cooperationId: id(2), choice: 'proposed' }] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('取代') },
    });
    await ok(ctx, 'assessments.confirm', { runId: second.id, confirmations: [{ cooperationId: id(2), choice: 'proposed' }] });
    // A third run of December proposes nothing for either: each was judged once.
    ctx.tick();
    const third = await ok(ctx, 'assessments.run', { programId, asOf: '2026-12', effectiveDate: '2026-12-31' });
    expect(third.entries.filter((e) => e.proposal !== null && e.proposal.action !== 'continue').map((e) => e.cooperationId)).toEqual([]);
    expect((await ok(ctx, 'cooperations.get', { id: id(1) })).events.map((e) => e.event)).toEqual(['admit', 'rectify']);
    expect(await ok(ctx, 'bans.list', {})).toEqual([]);
    // The history counts the replaced proposals.
    const runs = await ok(ctx, 'assessments.list', { programId });
    expect(runs.find((r) => r.id === first.id)).toMatchObject({ superseded: 2, confirmed: 1 });
  });

  it('an earlier month is not assessed after a later one was judged (the status already carries it)', async () => {
    const { ctx, programId, id } = await program({ ...SEED_002_RULE_SET });
    for (const m of ['2026-12', '2027-01']) await ok(ctx, 'kpi.setFigures', { cooperationId: id(1), figures: { month: m, merchantLevel: 3, pickupRatePercent: 80, responseRatePercent: 90 } });
    const january = await ok(ctx, 'assessments.run', { programId, asOf: '2027-01', effectiveDate: '2027-01-31' });
    await ok(ctx, 'assessments.confirm', { runId: january.id, confirmations: [{ cooperationId: id(1), choice: 'proposed' }] });
    ctx.tick();
    const december = await ok(ctx, 'assessments.run', { programId, asOf: '2026-12', effectiveDate: '2027-02-01' });
    expect(december.entries.find((e) => e.cooperationId === id(1))).toMatchObject({ proposal: null, judgedIn: { runId: january.id, action: 'rectificationNotice', month: '2027-01' } });
  });

  it('figures changed after the run flag it stale and block confirming until the month is run again', async () => {
    const { ctx, programId, id } = await program({ ...SEED_002_RULE_SET });
    const set = (pickup: number) => ok(ctx, 'kpi.setFigures', { cooperationId: id(1), figures: { month: '2026-12', merchantLevel: 3, pickupRatePercent: pickup, responseRatePercent: 90 } });
    await set(85);
    const run = await ok(ctx, 'assessments.run', { programId, asOf: '2026-12', effectiveDate: '2026-12-31' });
    expect(run.stale).toBe(false);
    // Saving the same values again is no change.
    await set(85);
    expect((await ok(ctx, 'assessments.get', { id: run.id })).stale).toBe(false);
    await set(92);
    const stale = await ok(ctx, 'assessments.get', { id: run.id });
    expect(stale.stale).toBe(true);
    expect(stale.entries.find((e) => e.cooperationId === id(1))!.stale).toEqual({ changedMonths: ['2026-12'], rulesChanged: false, statusChanged: false });
    expect(stale.entries.find((e) => e.cooperationId === id(2))!.stale).toBeNull();
    expect((await ok(ctx, 'assessments.list', { programId }))[0]).toMatchObject({ id: run.id, stale: true });
    expect(await dispatch(handlers, ctx, 'assessments.confirm', { runId: run.id, confirmations: [{ cooperationId: id(1), choice: 'proposed' }] })).toMatchObject({
      ok: false,
      error: { code: 'CONFLICT', message: expect.stringContaining('重新运行') },
    });
    ctx.tick();
    const rerun = await ok(ctx, 'assessments.run', { programId, asOf: '2026-12', effectiveDate: '2026-12-31' });
    expect(rerun.entries.find((e) => e.cooperationId === id(1))!.proposal).toMatchObject({ action: 'continue' });
    // Changing the program's rules makes the run stale too.
    await ok(ctx, 'programs.setKpiRules', { programId, rules: { ...SEED_002_RULE_SET, minPickupRatePercent: 95 } });
    expect((await ok(ctx, 'assessments.get', { id: rerun.id })).entries.find((e) => e.cooperationId === id(1))!.stale).toMatchObject({ rulesChanged: true });
  });

  it('a program that sets 180 days after 清退 gets the ban, first allowed day effective + 181', async () => {
    const { ctx, programId, id } = await program({ ...SEED_002_RULE_SET, bans: { failedTrial: null, failedAssessment: 180, voluntaryExit: null } });
    for (const [m, end] of [['2026-12', '2026-12-31'], ['2027-01', '2027-01-31']] as const) {
      await ok(ctx, 'kpi.setFigures', { cooperationId: id(1), figures: { month: m, merchantLevel: 3, pickupRatePercent: 80, responseRatePercent: 90 } });
      ctx.tick();
      const run = await ok(ctx, 'assessments.run', { programId, asOf: m, effectiveDate: end });
      await ok(ctx, 'assessments.confirm', { runId: run.id, confirmations: [{ cooperationId: id(1), choice: 'proposed', reason: '考核未达标' }] });
    }
    expect(await ok(ctx, 'bans.list', {})).toMatchObject([{ until: '2027-07-31', reason: 'failedAssessment' }]);
  });
});

describe('seed 001: cumulative bindings and the exam in regular periods', () => {
  it('computes the cumulative count from the figures (10 → 20) and does not fail a certified provider on the exam', async () => {
    const { ctx, programId, id } = await program({ ...SEED_001_RULE_SET });
    const c = id(1);
    const put = (month: string, newlyBound: number, gmv: number, staff: number | null) => ok(ctx, 'kpi.setFigures', { cooperationId: c, figures: { month, newlyBound, newlyBoundGmvYuan: gmv, orders: 100, staffPassedExam: staff } });
    // Trial 2026-12..2027-02: 4 + 3 + 3 = 10 merchants, GMV 50,000, 2 staff passed.
    await put('2026-12', 4, 20_000, 2);
    await put('2027-01', 3, 15_000, 2);
    await put('2027-02', 3, 15_000, 2);
    const trial = await ok(ctx, 'assessments.run', { programId, asOf: '2027-02', effectiveDate: '2027-02-28' });
    await ok(ctx, 'assessments.confirm', { runId: trial.id, confirmations: [{ cooperationId: c, choice: 'proposed' }] });
    expect((await ok(ctx, 'cooperations.get', { id: c })).status).toBe('formal');
    // Period 1, 2027-03..05: 10 more (one lost in April: 6, −1, 5), staff down to 0 — no longer required.
    await put('2027-03', 6, 30_000, 0);
    await put('2027-04', -1, 10_000, 0);
    await put('2027-05', 5, 10_000, 0);
    ctx.tick();
    const p1 = await ok(ctx, 'assessments.run', { programId, asOf: '2027-05', effectiveDate: '2027-05-31' });
    const entry = p1.entries.find((e) => e.cooperationId === c)!;
    expect(entry.result).toMatchObject({ outcome: 'pass', period: { kind: 'regular', index: 1 } });
    expect(entry.result!.kpis.find((k) => k.kpi === 'newlyBound')).toMatchObject({ actual: 10, boundBefore: 10, cumulative: 20 });
    expect(entry.result!.kpis.some((k) => k.kpi === 'staffPassedExam')).toBe(false);
    expect(entry.proposal).toMatchObject({ action: 'continue' });
  });

  it('a failed trial ends without a ban; a failed regular period bans 180 days from the day after', async () => {
    const { ctx, programId, id } = await program({ ...SEED_001_RULE_SET });
    for (const m of ['2026-12', '2027-01', '2027-02']) {
      await ok(ctx, 'kpi.setFigures', { cooperationId: id(1), figures: { month: m, newlyBound: 1, newlyBoundGmvYuan: 0, orders: 0, staffPassedExam: 2 } });
      await ok(ctx, 'kpi.setFigures', { cooperationId: id(2), figures: { month: m, newlyBound: 4, newlyBoundGmvYuan: 20_000, orders: 0, staffPassedExam: 2 } });
    }
    const trial = await ok(ctx, 'assessments.run', { programId, asOf: '2027-02', effectiveDate: '2027-02-28' });
    await ok(ctx, 'assessments.confirm', { runId: trial.id, confirmations: [id(1), id(2)].map((cooperationId) => ({ cooperationId, choice: 'proposed' as const, reason: '试跑期未达标' })) });
    expect(await ok(ctx, 'cooperations.get', { id: id(1) })).toMatchObject({ status: 'terminated' });
    expect(await ok(ctx, 'bans.list', {})).toEqual([]);
    for (const m of ['2027-03', '2027-04', '2027-05']) await ok(ctx, 'kpi.setFigures', { cooperationId: id(2), figures: { month: m, newlyBound: 1, newlyBoundGmvYuan: 0, orders: 0, staffPassedExam: 2 } });
    ctx.tick();
    const p1 = await ok(ctx, 'assessments.run', { programId, asOf: '2027-05', effectiveDate: '2027-05-31' });
    await ok(ctx, 'assessments.confirm', { runId: p1.id, confirmations: [{ cooperationId: id(2), choice: 'proposed', reason: '考核期未达标' }] });
    // 2027-05-31 + 181 days = 2027-11-28 (seed 001 §五 "原则上180天内不接受再次申请").
    expect(await ok(ctx, 'bans.list', {})).toMatchObject([{ until: '2027-11-28', reason: 'failedAssessment' }]);
  });
});
