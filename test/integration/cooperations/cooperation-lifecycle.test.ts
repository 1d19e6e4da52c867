// Cooperations end to end through the service layer on a real SQLite file: created from a finalized round,
// moved by dated events, ended with the re-admission each reason implies (DOMAIN §5), the cooldown enforced
// on a later application, and the waitlist offered in rank order.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { createTestContext } from '../../support/service-context';
import { finalizedRound, ok } from '../../support/round-fixture';
import { syntheticCreditCode } from '../../support/credit-codes';
import { SEED_001_RULE_SET, SEED_002_RULE_SET } from '../../../shared/lifecycle/kpi-rules';

async function withCooperations(kind: 'seed001' | 'seed002' = 'seed001') {
  const ctx = await createTestContext();
  const round = await finalizedRound(ctx);
  expect(await dispatch(handlers, ctx, 'cooperations.createFromRound', { roundId: round.round.id, admittedOn: '2026-11-23' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('考核规则') } });
  await ok(ctx, 'programs.setKpiRules', { programId: round.program.id, rules: kind === 'seed001' ? { ...SEED_001_RULE_SET } : { ...SEED_002_RULE_SET } });
  expect(await ok(ctx, 'cooperations.createFromRound', { roundId: round.round.id, admittedOn: '2026-11-23' })).toEqual({ created: 3 });
  const list = await ok(ctx, 'cooperations.list', { programId: round.program.id });
  const byName = (name: string) => list.find((c) => c.legalName === name)!;
  return { ctx, ...round, list, byName };
}

describe('cooperations', () => {
  it('start as a trial on the 1st of the next month (seed 001), once per admitted seat', async () => {
    const { ctx, round, list, byName } = await withCooperations();
    expect(list.map((c) => [c.legalName, c.regionName, c.status, c.startedOn])).toEqual([
      ['杭州第1鉴定有限公司', '杭州珠宝产业带', 'trial', '2026-12-01'],
      ['杭州第2鉴定有限公司', '杭州珠宝产业带', 'trial', '2026-12-01'],
      ['深圳第4鉴定有限公司', '深圳水贝产业带', 'trial', '2026-12-01'],
    ]);
    expect(await ok(ctx, 'cooperations.createFromRound', { roundId: round.id, admittedOn: '2026-11-23' })).toEqual({ created: 0 });
    const detail = await ok(ctx, 'cooperations.get', { id: byName('杭州第1鉴定有限公司').id });
    expect(detail.events).toMatchObject([{ event: 'admit', toStatus: 'trial', recordedBy: '王评审' }]);
  });

  it('seed 002 certifies outright (正式) from the admission day', async () => {
    const { list } = await withCooperations('seed002');
    expect(list.map((c) => [c.status, c.startedOn])).toEqual([['formal', '2026-11-23'], ['formal', '2026-11-23'], ['formal', '2026-11-23']]);
  });

  it('only allows the events the status allows', async () => {
    const { ctx, byName } = await withCooperations();
    const id = byName('杭州第1鉴定有限公司').id;
    expect(await dispatch(handlers, ctx, 'cooperations.applyEvent', { cooperationId: id, event: 'rectify', effectiveOn: '2027-01-31', reason: '考核未达标' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    const confirmed = await ok(ctx, 'cooperations.applyEvent', { cooperationId: id, event: 'confirm', effectiveOn: '2027-02-01', reason: '试跑期考核达标' });
    expect(confirmed).toMatchObject({ status: 'formal', events: [{ event: 'admit' }, { event: 'confirm', fromStatus: 'trial', toStatus: 'formal', effectiveOn: '2027-02-01' }] });
  });

  // Was: a failed TRIAL banned for 180 days. Seed 001 §五's 180 days are for "被取消产业带服务商身份认证的
  // 服务商" — a certified provider failing a regular period; a failed trial revokes nothing, so no ban.
  it('a failed trial (seed 001) ends without a ban; a failed regular period bans 180 days from the day after, enforced on a later application', async () => {
    const { ctx, program, byName } = await withCooperations();
    const trialFailed = await ok(ctx, 'cooperations.applyEvent', { cooperationId: byName('杭州第1鉴定有限公司').id, event: 'terminate', effectiveOn: '2027-03-01', reason: '试跑期考核未达标', banReason: 'failedAssessment' });
    expect(trialFailed.events.at(-1)!.detail).toMatchObject({ banReason: 'failedAssessment', readmission: { kind: 'whenRequirementsMet' }, waitingDays: null, regions: ['杭州珠宝产业带'] });
    expect(await ok(ctx, 'bans.list', {})).toEqual([]);

    const leaving = byName('杭州第2鉴定有限公司');
    expect(await dispatch(handlers, ctx, 'cooperations.applyEvent', { cooperationId: leaving.id, event: 'terminate', effectiveOn: '2027-03-01', reason: '试跑期未达标' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await ok(ctx, 'cooperations.applyEvent', { cooperationId: leaving.id, event: 'confirm', effectiveOn: '2027-03-01', reason: '试跑期考核达标' });
    const ended = await ok(ctx, 'cooperations.applyEvent', { cooperationId: leaving.id, event: 'terminate', effectiveOn: '2027-06-01', reason: '第1考核期未达标', banReason: 'failedAssessment' });
    expect(ended).toMatchObject({ status: 'terminated', endedOn: '2027-06-01', endReason: 'failedAssessment' });
    // 180 days from 2027-06-02 end on 2027-11-28: the first day a new application is accepted is 2027-11-29.
    expect(ended.events.at(-1)!.detail).toMatchObject({ banReason: 'failedAssessment', readmission: { kind: 'date', until: '2027-11-29' }, waitingDays: 180, regions: ['杭州珠宝产业带'] });
    expect(await ok(ctx, 'bans.list', {})).toMatchObject([{ creditCode: syntheticCreditCode(2), until: '2027-11-29', reason: 'failedAssessment' }]);

    // The same 统一社会信用代码 applies to a later round: screened out, with the date.
    const later = await ok(ctx, 'rounds.create', { programId: program.id, name: '2027年第四季度评审', referenceDate: '2027-11-28', options: {} });
    const region = await ok(ctx, 'regions.add', { roundId: later.id, data: { name: '杭州珠宝产业带', city: '杭州市', quota: 2, waitlistLength: 0 } });
    await ok(ctx, 'applications.add', { roundId: later.id, data: { dossierId: leaving.dossierId, priceQuoteYuan: 38_000, strengthStatement: '', regionIds: [region.id] } });
    const [row] = await ok(ctx, 'screening.list', { roundId: later.id });
    expect(row).toMatchObject({ eligible: false });
    expect(row!.results.find((r) => r.kind === 'noCooldown')).toMatchObject({ outcome: 'fail', until: '2027-11-29' });
    // From 29 November it may apply again.
    const afterBan = await ok(ctx, 'rounds.create', { programId: program.id, name: '2027年11月补充评审', referenceDate: '2027-11-29', options: {} });
    const region2 = await ok(ctx, 'regions.add', { roundId: afterBan.id, data: { name: '杭州珠宝产业带', city: '杭州市', quota: 2, waitlistLength: 0 } });
    await ok(ctx, 'applications.add', { roundId: afterBan.id, data: { dossierId: leaving.dossierId, priceQuoteYuan: 38_000, strengthStatement: '', regionIds: [region2.id] } });
    expect((await ok(ctx, 'screening.list', { roundId: afterBan.id }))[0]).toMatchObject({ eligible: true });
  });

  it('records each reason\'s re-admission: never, chair-set date, none for requirements no longer met', async () => {
    const { ctx, byName } = await withCooperations();
    const [a, b, c] = ['杭州第1鉴定有限公司', '杭州第2鉴定有限公司', '深圳第4鉴定有限公司'].map((n) => byName(n).id) as [string, string, string];
    await ok(ctx, 'cooperations.applyEvent', { cooperationId: a, event: 'terminate', effectiveOn: '2027-01-10', reason: '违法经营', banReason: 'illegal' });
    expect(await dispatch(handlers, ctx, 'cooperations.applyEvent', { cooperationId: b, event: 'terminate', effectiveOn: '2027-01-10', reason: '违反机构管理规范', banReason: 'agencyRules' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    await ok(ctx, 'cooperations.applyEvent', { cooperationId: b, event: 'terminate', effectiveOn: '2027-01-10', reason: '违反机构管理规范', banReason: 'agencyRules', readmissionUntil: '2028-01-10' });
    await ok(ctx, 'cooperations.applyEvent', { cooperationId: c, event: 'terminate', effectiveOn: '2027-01-10', reason: '不再是一般纳税人', banReason: 'requirementsNotMet' });
    const bans = await ok(ctx, 'bans.list', {});
    expect(bans.map((x) => [x.creditCode, x.until, x.reason]).sort()).toEqual([
      [syntheticCreditCode(1), null, 'illegal'],
      [syntheticCreditCode(2), '2028-01-10', 'agencyRules'],
    ]);
    expect((await ok(ctx, 'cooperations.get', { id: c })).events.at(-1)!.detail).toMatchObject({ readmission: { kind: 'whenRequirementsMet' } });
  });

  // Was: every exit waited 180 days. That is seed 003's rule (第一条(三)5); seed 001 states no wait after an
  // exit, so the wait is the program's setting, 180 only where the program's rules say so.
  it('voluntary exit needs its two conditions, then waits as long as the program says (none for seed 001, 180 days under seed 003)', async () => {
    const { ctx, byName, program } = await withCooperations();
    const id = byName('深圳第4鉴定有限公司').id;
    expect(await dispatch(handlers, ctx, 'cooperations.applyEvent', { cooperationId: id, event: 'exit', effectiveOn: '2027-02-15', reason: '主动申请退出', exitChecklist: { feesSettled: true, obligationsFulfilled: false } })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('交易保障') } });
    const exited = await ok(ctx, 'cooperations.applyEvent', { cooperationId: id, event: 'exit', effectiveOn: '2027-02-15', reason: '主动申请退出', exitChecklist: { feesSettled: true, obligationsFulfilled: true }, requestReceivedOn: '2027-02-10' });
    expect(exited).toMatchObject({ status: 'exited', endReason: 'voluntaryExit' });
    expect(exited.events.at(-1)!.detail).toMatchObject({ readmission: { kind: 'whenRequirementsMet' }, requestReceivedOn: '2027-02-10', regions: ['深圳水贝产业带'] });
    expect(await ok(ctx, 'bans.list', {})).toEqual([]);

    await ok(ctx, 'programs.setKpiRules', { programId: program.id, rules: { ...SEED_001_RULE_SET, bans: { failedTrial: null, failedAssessment: 180, voluntaryExit: 180 } } });
    const other = await ok(ctx, 'cooperations.applyEvent', { cooperationId: byName('杭州第1鉴定有限公司').id, event: 'exit', effectiveOn: '2027-02-15', reason: '主动申请退出', exitChecklist: { feesSettled: true, obligationsFulfilled: true } });
    // "主动申请退出的,180天内不允许再准入": 180 days from 2027-02-16 → may apply from 2027-08-15.
    expect(other.events.at(-1)!.detail).toMatchObject({ readmission: { kind: 'date', until: '2027-08-15' }, waitingDays: 180 });
    expect(await ok(ctx, 'bans.list', {})).toMatchObject([{ until: '2027-08-15', reason: 'voluntaryExit' }]);
  });

  it('offers the region\'s waitlist in rank order when a provider leaves', async () => {
    const { ctx, apps, byName } = await withCooperations();
    const leaving = byName('杭州第1鉴定有限公司').id;
    expect(await dispatch(handlers, ctx, 'cooperations.admitFromWaitlist', { cooperationId: leaving, applicationId: apps[2]!.id, admittedOn: '2027-03-01', reason: '递补' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok(ctx, 'cooperations.applyEvent', { cooperationId: leaving, event: 'exit', effectiveOn: '2027-02-15', reason: '主动退出', exitChecklist: { feesSettled: true, obligationsFulfilled: true } });
    const candidates = await ok(ctx, 'cooperations.waitlist', { cooperationId: leaving });
    expect(candidates).toMatchObject([{ applicationId: apps[2]!.id, legalName: '杭州第3鉴定有限公司', waitlistPosition: 1 }]);
    const admitted = await ok(ctx, 'cooperations.admitFromWaitlist', { cooperationId: leaving, applicationId: apps[2]!.id, admittedOn: '2027-03-01', reason: '候补第 1 位递补' });
    expect(admitted).toMatchObject({ status: 'trial', startedOn: '2027-03-01', regionName: '杭州珠宝产业带', events: [{ event: 'admit', detail: { fromWaitlist: true, replaces: leaving } }] });
    expect(await ok(ctx, 'cooperations.waitlist', { cooperationId: leaving })).toEqual([]);
    // One freed seat is refilled once.
    expect(await dispatch(handlers, ctx, 'cooperations.admitFromWaitlist', { cooperationId: leaving, applicationId: apps[2]!.id, admittedOn: '2027-03-01', reason: '再次递补' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
  });

  it('keeps the dated history in order: no event before the start or before the last event', async () => {
    const { ctx, byName, program } = await withCooperations();
    const id = byName('杭州第1鉴定有限公司').id;
    expect(await dispatch(handlers, ctx, 'cooperations.applyEvent', { cooperationId: id, event: 'confirm', effectiveOn: '2026-11-30', reason: '早于试跑开始' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'effectiveOn' }] } });
    await ok(ctx, 'cooperations.applyEvent', { cooperationId: id, event: 'confirm', effectiveOn: '2027-03-01', reason: '转正' });
    expect(await dispatch(handlers, ctx, 'cooperations.applyEvent', { cooperationId: id, event: 'rectify', effectiveOn: '2027-02-01', reason: '早于转正' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await ok(ctx, 'programs.kpiRules', { programId: program.id })).toMatchObject({ kind: 'periodic', trialMonths: 3 });
  });
});

