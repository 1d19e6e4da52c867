// The round services' own rules, each with the failure a user would meet.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { createTestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { syntheticCreditCode } from '../../support/credit-codes';

describe('round rules', () => {
  it('allows one chair, unique member names, and keeps members who have scored', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou } = await setUpRound(ctx);
    const app = await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000);
    await ok(ctx, 'members.add', { roundId: round.id, data: { name: '赵组长', role: 'chair' } });
    expect(await dispatch(handlers, ctx, 'members.add', { roundId: round.id, data: { name: '钱组长', role: 'chair' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('赵组长') } });
    const m = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
    expect(await dispatch(handlers, ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok(ctx, 'scores.set', { memberId: m.id, applicationId: app.id, criterion: 'strength', value: 80, comment: '' });
    expect(await dispatch(handlers, ctx, 'members.remove', { id: m.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok(ctx, 'scores.set', { memberId: m.id, applicationId: app.id, criterion: 'strength', value: null, comment: '' });
    await ok(ctx, 'members.remove', { id: m.id });
  });

  it('keeps regions that applications name, and refuses a duplicate application', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou, shenzhen } = await setUpRound(ctx);
    const app = await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000);
    expect(await dispatch(handlers, ctx, 'regions.remove', { roundId: round.id, regionId: hangzhou.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok(ctx, 'regions.remove', { roundId: round.id, regionId: shenzhen.id });
    const again = await dispatch(handlers, ctx, 'applications.add', { roundId: round.id, data: { dossierId: app.dossierId, priceQuoteYuan: 1, strengthStatement: '', regionIds: [hangzhou.id] } });
    expect(again).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('已在本批次中申请') } });
  });

  it('rejects weights that do not total 100% before anything is stored', async () => {
    const ctx = await createTestContext();
    const { round } = await setUpRound(ctx);
    const { version } = await ok(ctx, 'rounds.get', { id: round.id });
    const bad = await dispatch(handlers, ctx, 'rounds.update', { id: round.id, version, name: round.name, referenceDate: round.referenceDate, options: { criteria: [{ key: 'strength', weight: 60 }, { key: 'price', weight: 30 }] } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', message: expect.stringContaining('当前为 90%') } });
    expect((bad as { error: { issues: unknown[] } }).error.issues).toContainEqual({ path: 'options.criteria', key: 'error.rule.weightsTotal', params: { rule: 'weightsTotal', total: 90 } });
    expect((await ok(ctx, 'rounds.get', { id: round.id })).options.criteria.map((c) => c.weight)).toEqual([30, 30, 20, 20]);
  });

  it('screens out an applicant inside a re-admission cooldown, with its date, until the ban ends or is lifted', async () => {
    const ctx = await createTestContext();
    const { program, round, hangzhou } = await setUpRound(ctx);
    const app = await addApplicant(ctx, round.id, 7, '杭州市', [hangzhou.id], 40_000);
    const ban = await ok(ctx, 'bans.add', { creditCode: syntheticCreditCode(7), programId: program.id, startsOn: '2026-09-02', until: '2027-03-01', reason: 'failedAssessment', note: '2026年第三季度考核未通过' });
    const [row] = await ok(ctx, 'screening.list', { roundId: round.id });
    expect(row).toMatchObject({ applicationId: app.id, eligible: false });
    expect(row!.results.find((r) => r.kind === 'noCooldown')).toMatchObject({ outcome: 'fail', until: '2027-03-01', reason: 'failedAssessment' });
    await ok(ctx, 'bans.lift', { id: ban.id, reason: '平台复核后撤销', liftedOn: '2026-09-02' });
    expect((await ok(ctx, 'screening.list', { roundId: round.id }))[0]).toMatchObject({ eligible: true });
  });

  it('lets the chair override screening with a recorded reason, and take the override back', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou } = await setUpRound(ctx);
    const app = await addApplicant(ctx, round.id, 8, '杭州市', [hangzhou.id], 40_000, { registeredCapitalWan: 30 });
    expect((await ok(ctx, 'screening.list', { roundId: round.id }))[0]).toMatchObject({ eligible: false });
    const overridden = await ok(ctx, 'screening.override', { applicationId: app.id, regionId: hangzhou.id, eligible: true, reason: '实缴资本已补足，附证明' });
    expect(overridden).toMatchObject({ eligible: true, rulesEligible: false, override: { reason: '实缴资本已补足，附证明', decidedBy: '王评审' } });
    expect(await dispatch(handlers, ctx, 'screening.override', { applicationId: app.id, regionId: hangzhou.id, eligible: true, reason: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await ok(ctx, 'screening.override', { applicationId: app.id, regionId: hangzhou.id, eligible: null, reason: '撤回' });
    expect((await ok(ctx, 'screening.list', { roundId: round.id }))[0]).toMatchObject({ eligible: false, override: null });
    const history = await ok(ctx, 'rounds.history', { id: round.id });
    expect(history.filter((c) => c.action === 'override')).toHaveLength(2);
  });
});
