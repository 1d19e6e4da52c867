// screening.override answers with the one application it changed, screened on its own (issue 8: not the
// whole round). The one-application screening must equal that application's rows of the whole round's.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { computeScreening } from '../../../electron/services/rounds/screening-service';

describe('screening one application', () => {
  it('equals the whole round’s rows for it, for every application, withdrawn and foreign ones included', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou, shenzhen } = await setUpRound(ctx);
    const other = await setUpRound(ctx);
    const foreign = await addApplicant(ctx, other.round.id, 9, '杭州市', [other.hangzhou.id], 40_000);
    const apps = [
      await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id, shenzhen.id], 40_000),
      await addApplicant(ctx, round.id, 2, '深圳市', [shenzhen.id, hangzhou.id], 38_000),
      await addApplicant(ctx, round.id, 3, '杭州市', [hangzhou.id], 50_000, { establishedOn: '2026-03-01' }),
      await addApplicant(ctx, round.id, 4, '深圳市', [shenzhen.id], 45_000),
    ];
    await ok(ctx, 'applications.setWithdrawn', { id: apps[3]!.id, withdrawn: true });
    const answer = await ok(ctx, 'screening.override', { applicationId: apps[1]!.id, regionId: hangzhou.id, eligible: true, reason: '评审小组复核合格' });
    const whole = computeScreening(ctx, round.id);
    expect(answer).toEqual(whole.find((r) => r.applicationId === apps[1]!.id && r.regionId === hangzhou.id));
    expect(answer.override).toMatchObject({ eligible: true, reason: '评审小组复核合格' });
    for (const app of [...apps, foreign]) expect(computeScreening(ctx, round.id, app.id), app.id).toEqual(whole.filter((r) => r.applicationId === app.id));
    expect(whole.some((r) => !r.rulesEligible)).toBe(true); // the round has a failing gate, so the comparison is not all-pass
    expect(await ok(ctx, 'screening.list', { roundId: round.id })).toEqual(whole);
  });
});
