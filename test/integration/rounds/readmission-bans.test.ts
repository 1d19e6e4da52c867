// Re-admission bans per program, judged as of each round's reference date (issue 7), through the real
// dispatch on a real SQLite file. Dates are golden: the default round's reference date is 2026-11-23.
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { callError } from '../../support/call';
import { syntheticCreditCode } from '../../support/credit-codes';
import { addBan } from '../../../electron/services/rounds/screening-service';
import { SEED_003_RULES } from '../../../shared/eligibility/rules';

const cooldownOf = async (ctx: TestContext, roundId: string) => {
  const [row] = await ok(ctx, 'screening.list', { roundId });
  return { eligible: row!.eligible, cooldown: row!.results.find((r) => r.kind === 'noCooldown')! };
};

/** Program A (the fixture's 安心鉴) with a round on 2026-11-23, and program B with its own round on the same day. */
async function twoPrograms(ctx: TestContext) {
  const a = await setUpRound(ctx);
  await addApplicant(ctx, a.round.id, 7, '杭州市', [a.hangzhou.id], 40_000);
  const programB = await ok(ctx, 'programs.create', { platform: '抖音电商', name: '古董艺术品产业带服务商', rules: [...SEED_003_RULES] });
  const roundB = await ok(ctx, 'rounds.create', { programId: programB.id, name: '2026年第四季度招募', referenceDate: '2026-11-23', options: {} });
  const regionB = await ok(ctx, 'regions.add', { roundId: roundB.id, data: { name: '杭州古玩产业带', city: '杭州市', quota: 1, waitlistLength: 0 } });
  const dossierId = (await ok(ctx, 'applications.list', { roundId: a.round.id }))[0]!.dossierId;
  await ok(ctx, 'applications.add', { roundId: roundB.id, data: { dossierId, priceQuoteYuan: 40_000, strengthStatement: '', regionIds: [regionB.id] } });
  return { ...a, programB, roundB };
}

describe('re-admission bans are per program', () => {
  it('a ban in program A screens out in A only; B does not see it', async () => {
    const ctx = await createTestContext();
    const { program, round, roundB } = await twoPrograms(ctx);
    const ban = await ok(ctx, 'bans.add', { creditCode: syntheticCreditCode(7), programId: program.id, startsOn: '2026-09-01', until: '2027-02-28', reason: 'failedAssessment', note: '', regionNames: ['杭州珠宝产业带'] });
    expect(ban).toMatchObject({ programId: program.id, programName: '安心鉴鉴定机构', startsOn: '2026-09-01', regionNames: ['杭州珠宝产业带'] });
    expect(await cooldownOf(ctx, round.id)).toMatchObject({ eligible: false, cooldown: { outcome: 'fail', until: '2027-02-28' } });
    expect(await cooldownOf(ctx, roundB.id)).toMatchObject({ eligible: true, cooldown: { outcome: 'pass' } });
  });

  it('a legacy ban without a program applies in every program, and is listed with no program', async () => {
    const ctx = await createTestContext();
    const { round, roundB } = await twoPrograms(ctx);
    // As recorded before bans had a program (migration 006 reads those rows as program_id NULL).
    addBan(ctx, { creditCode: syntheticCreditCode(7), until: null, reason: 'illegal', note: '', programId: null, startsOn: '2026-11-23', regionNames: [] });
    expect(await ok(ctx, 'bans.list', {})).toMatchObject([{ programId: null, programName: '', startsOn: '2026-11-23', until: null }]);
    expect(await cooldownOf(ctx, round.id)).toMatchObject({ eligible: false, cooldown: { until: null, reason: 'illegal' } });
    expect(await cooldownOf(ctx, roundB.id)).toMatchObject({ eligible: false, cooldown: { until: null, reason: 'illegal' } });
  });

  it('refuses a ban whose end is not after its start, and a program that does not exist', async () => {
    const ctx = await createTestContext();
    const { program } = await setUpRound(ctx);
    const base = { creditCode: syntheticCreditCode(7), programId: program.id, reason: 'agencyRules' as const, note: '' };
    expect(await callError(ctx, 'bans.add', { ...base, startsOn: '2026-11-23', until: '2026-11-23' })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'until', key: 'error.banUntilBeforeStart' }] });
    expect(await callError(ctx, 'bans.add', { ...base, programId: '00000000-0000-4000-8000-000000000000', startsOn: '2026-11-23', until: '2027-01-01' })).toMatchObject({ code: 'NOT_FOUND' });
    expect(await callError(ctx, 'bans.add', { ...base, startsOn: '2026-11-23' })).toMatchObject({ code: 'VALIDATION' });
  });
});

describe('a ban as of the round reference date (2026-11-23)', () => {
  async function withBan(startsOn: string, until: string | null) {
    const ctx = await createTestContext();
    const { program, round } = await twoPrograms(ctx);
    const ban = await ok(ctx, 'bans.add', { creditCode: syntheticCreditCode(7), programId: program.id, startsOn, until, reason: until ? 'voluntaryExit' : 'illegal', note: '' });
    return { ctx, program, round, ban };
  }

  it('a ban starting the day after the reference date does not apply; one starting on it does', async () => {
    const after = await withBan('2026-11-24', '2027-05-23');
    expect((await cooldownOf(after.ctx, after.round.id)).eligible).toBe(true);
    const on = await withBan('2026-11-23', '2027-05-22');
    expect(await cooldownOf(on.ctx, on.round.id)).toMatchObject({ eligible: false, cooldown: { until: '2027-05-22', reason: 'voluntaryExit' } });
  });

  it('`until` is the first allowed day: a ban until the reference date lets the applicant through', async () => {
    const { ctx, round } = await withBan('2026-05-27', '2026-11-23');
    expect((await cooldownOf(ctx, round.id)).eligible).toBe(true);
  });

  it('a ban lifted later still applies to a round whose reference date precedes the lift', async () => {
    const { ctx, program, round, ban } = await withBan('2026-10-01', null);
    await ok(ctx, 'bans.lift', { id: ban.id, reason: '平台复核后同意再准入', liftedOn: '2026-12-01' });
    expect(await ok(ctx, 'bans.list', {})).toEqual([]);
    expect((await cooldownOf(ctx, round.id)).eligible).toBe(false);
    // A round of the same program judged on the lift day is not affected.
    const later = await ok(ctx, 'rounds.create', { programId: program.id, name: '2026年12月补充评审', referenceDate: '2026-12-01', options: {} });
    const region = await ok(ctx, 'regions.add', { roundId: later.id, data: { name: '杭州珠宝产业带', city: '杭州市', quota: 1, waitlistLength: 0 } });
    const dossierId = (await ok(ctx, 'applications.list', { roundId: round.id }))[0]!.dossierId;
    await ok(ctx, 'applications.add', { roundId: later.id, data: { dossierId, priceQuoteYuan: 40_000, strengthStatement: '', regionIds: [region.id] } });
    expect((await cooldownOf(ctx, later.id)).eligible).toBe(true);
  });

  it('a ban lifted from its start day (recorded in error) never applied; a lift before the start is refused', async () => {
    const { ctx, round, ban } = await withBan('2026-10-01', null);
    expect(await callError(ctx, 'bans.lift', { id: ban.id, reason: '登记有误', liftedOn: '2026-09-30' })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'liftedOn', key: 'error.banLiftBeforeStart', params: { date: '2026-10-01' } }] });
    await ok(ctx, 'bans.lift', { id: ban.id, reason: '登记有误', liftedOn: '2026-10-01' });
    expect((await cooldownOf(ctx, round.id)).eligible).toBe(true);
  });
});
