// applications.choices (issue 8) answers the recusal picker from the backend: for every filter it must offer
// what the picker offered when it filtered the whole applications list itself (applicantChoices), also after
// a rename, a withdrawal and a new applicant (the sorted list is cached per round); recusals.list names the
// applicant, so the committee tab needs no applications list.
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { syntheticCreditCode } from '../../support/credit-codes';
import { dossierInput } from '../../support/dossiers';
import { applicantChoices } from '../../../shared/rounds/applicant-choices';

const FILTERS = ['', '杭州', 'hz', 'hangzhou', 'sz', '第2', '鉴定', '9133', 'zzz', '深圳 第3', 'aladi'];

async function expectSameAsPicker(ctx: TestContext, roundId: string, chosenId = '') {
  const listed = await ok(ctx, 'applications.list', { roundId });
  for (const filter of FILTERS) {
    const expected = applicantChoices(listed, filter, chosenId);
    const answer = await ok(ctx, 'applications.choices', { roundId, filter, chosenId });
    expect(answer.options.map((a) => [a.id, a.legalName, a.creditCode, a.city]), filter).toEqual(expected.options.map((a) => [a.id, a.legalName, a.creditCode, a.city]));
    expect(answer.more, filter).toBe(expected.more);
    expect(answer.onlyMatchId, filter).toBe(expected.onlyMatch?.id ?? null);
    expect(answer.activeCount).toBe(listed.filter((a) => !a.withdrawnAt).length);
  }
}

describe('applications.choices and recusals.list', () => {
  it('offers what the picker offered from the whole list, for every filter, after every write', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou, shenzhen } = await setUpRound(ctx);
    const apps = [];
    for (let i = 1; i <= 8; i++) apps.push(await addApplicant(ctx, round.id, i, i % 2 ? '杭州市' : '深圳市', [i % 2 ? hangzhou.id : shenzhen.id], 40_000));
    await expectSameAsPicker(ctx, round.id);
    await expectSameAsPicker(ctx, round.id, apps[3]!.id);

    const dossier = await ok(ctx, 'dossiers.get', { id: apps[0]!.dossierId });
    await ok(ctx, 'dossiers.update', { id: dossier.dossier.id, version: dossier.dossier.version, data: dossierInput({ legalName: '阿拉丁鉴定有限公司', creditCode: syntheticCreditCode(1), city: '杭州市' }) });
    await expectSameAsPicker(ctx, round.id);
    expect((await ok(ctx, 'applications.choices', { roundId: round.id, filter: 'aladi', chosenId: '' })).onlyMatchId).toBe(apps[0]!.id);

    await ok(ctx, 'applications.setWithdrawn', { id: apps[2]!.id, withdrawn: true });
    await expectSameAsPicker(ctx, round.id);
    await addApplicant(ctx, round.id, 9, '杭州市', [hangzhou.id], 30_000);
    await expectSameAsPicker(ctx, round.id);
  });

  it('lists each recusal with the applicant’s name and whether it has withdrawn', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou } = await setUpRound(ctx);
    const app = await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000);
    const member = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
    await ok(ctx, 'recusals.declare', { applicationId: app.id, memberId: member.id, reason: '亲属在该机构任职' });
    expect(await ok(ctx, 'recusals.list', { roundId: round.id })).toEqual([{ applicationId: app.id, memberId: member.id, reason: '亲属在该机构任职', declaredAt: expect.any(String), applicantName: '杭州第1鉴定有限公司', applicantWithdrawn: false }]);
    await ok(ctx, 'applications.setWithdrawn', { id: app.id, withdrawn: true });
    expect((await ok(ctx, 'recusals.list', { roundId: round.id }))[0]).toMatchObject({ applicantWithdrawn: true });
  });

  it('refuses an unknown round', async () => {
    const ctx = await createTestContext();
    const { dispatch } = await import('../../../electron/backend/dispatch');
    const { handlers } = await import('../../../electron/backend/handlers');
    const result = await dispatch(handlers, ctx, 'applications.choices', { roundId: '00000000-0000-4000-8000-000000000000', filter: '', chosenId: '' });
    expect(result).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
