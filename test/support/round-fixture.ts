// A small but complete round through the real service layer, for integration tests.
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/backend/handlers';
import type { CallName } from '../../shared/api/call-names';
import type { CallInput, CallOutput } from '../../shared/api/contract';
import { SEED_003_RULES } from '../../shared/eligibility/rules';
import type { TestContext } from './service-context';
import { dossierInput } from './dossiers';
import { syntheticCreditCode } from './credit-codes';

/** Calls through dispatch (validation included) and fails the test on an error result. */
export async function ok<K extends CallName>(ctx: TestContext, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await dispatch(handlers, ctx, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as CallOutput<K>;
}

export async function setUpRound(ctx: TestContext, options: CallInput<'rounds.create'>['options'] = {}) {
  const program = await ok(ctx, 'programs.create', { platform: '淘宝直播', name: '安心鉴鉴定机构', rules: [...SEED_003_RULES] });
  const round = await ok(ctx, 'rounds.create', { programId: program.id, name: '2026年第四季度评审', referenceDate: '2026-11-23', options });
  const hangzhou = await ok(ctx, 'regions.add', { roundId: round.id, data: { name: '杭州珠宝产业带', city: '杭州市', quota: 2, waitlistLength: 1 } });
  const shenzhen = await ok(ctx, 'regions.add', { roundId: round.id, data: { name: '深圳水贝产业带', city: '深圳市', quota: 1, waitlistLength: 1 } });
  return { program, round, hangzhou, shenzhen };
}

export async function addApplicant(ctx: TestContext, roundId: string, index: number, city: string, regionIds: string[], quote: number | null, overrides: Parameters<typeof dossierInput>[0] = {}) {
  const dossier = await ok(ctx, 'dossiers.create', dossierInput({ legalName: `${city.replace('市', '')}第${index}鉴定有限公司`, creditCode: syntheticCreditCode(index), city, ...overrides }));
  return ok(ctx, 'applications.add', { roundId, data: { dossierId: dossier.id, priceQuoteYuan: quote, strengthStatement: '', regionIds } });
}

/**
 * A finalized round: 杭州 (quota 2, waitlist 1) with applicants 1–3 and 深圳 (quota 1) with applicant 4;
 * three members scored everything (applicant 1 best) and submitted.
 */
export async function finalizedRound(ctx: TestContext) {
  const setUp = await setUpRound(ctx);
  const { round, hangzhou, shenzhen } = setUp;
  const apps = [
    await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000),
    await addApplicant(ctx, round.id, 2, '杭州市', [hangzhou.id], 38_000),
    await addApplicant(ctx, round.id, 3, '杭州市', [hangzhou.id], 50_000),
    await addApplicant(ctx, round.id, 4, '深圳市', [shenzhen.id], 45_000),
  ];
  const values = [90, 80, 70, 85];
  for (const name of ['赵组长', '钱委员', '孙委员']) {
    const member = await ok(ctx, 'members.add', { roundId: round.id, data: { name, role: name === '赵组长' ? 'chair' : 'member' } });
    const sheet = await ok(ctx, 'scores.sheet', { memberId: member.id });
    for (const [i, app] of apps.entries()) for (const criterion of sheet.criteria) await ok(ctx, 'scores.set', { memberId: member.id, applicationId: app.id, criterion, value: values[i]!, comment: '' });
    await ok(ctx, 'scores.submit', { memberId: member.id });
  }
  await ok(ctx, 'rounds.finalize', { roundId: round.id });
  return { ...setUp, apps };
}
