// ranking.sensitivity: the weight sensitivity of a region's cutoff, through dispatch on a real SQLite file.
// Like the ranking it describes, it is closed to a member who has not submitted, and once the round is
// finalized it describes the frozen snapshot.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { createTestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';

describe('ranking.sensitivity', () => {
  it('answers per criterion for the viewer who submitted, refuses one who has not', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou } = await setUpRound(ctx);
    const apps = [await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000), await addApplicant(ctx, round.id, 2, '杭州市', [hangzhou.id], 38_000), await addApplicant(ctx, round.id, 3, '杭州市', [hangzhou.id], 36_000)];
    const a = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '赵组长', role: 'chair' } });
    const b = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
    // 1 is strong on strength, 3 on price: who takes the second seat depends on the weights.
    const score: Record<string, number[]> = { [apps[0]!.id]: [95, 80, 80, 60], [apps[1]!.id]: [85, 85, 85, 85], [apps[2]!.id]: [70, 80, 80, 100] };
    for (const m of [a, b]) {
      for (const app of apps) for (const [i, criterion] of ['strength', 'technical', 'reputation', 'price'].entries()) await ok(ctx, 'scores.set', { memberId: m.id, applicationId: app.id, criterion, value: score[app.id]![i]!, comment: '' });
    }
    await ok(ctx, 'scores.submit', { memberId: a.id });

    const refused = await dispatch(handlers, ctx, 'ranking.sensitivity', { roundId: round.id, regionId: hangzhou.id, viewerMemberId: b.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('提交') } });

    const s = await ok(ctx, 'ranking.sensitivity', { roundId: round.id, regionId: hangzhou.id, viewerMemberId: a.id });
    expect(s.regionId).toBe(hangzhou.id);
    expect(s.criteria.map((c) => [c.criterion, c.weight])).toEqual([['strength', 30], ['technical', 30], ['reputation', 20], ['price', 20]]);
    // Totals 80.50, 85.00, 81.00: 2 and 3 are admitted; more weight on strength lets 1 (95 there) past 3 (70).
    expect([...s.admitted].sort()).toEqual([apps[1]!.id, apps[2]!.id].sort());
    const strength = s.criteria.find((c) => c.criterion === 'strength')!;
    expect(strength.increase).toMatchObject({ entering: [apps[0]!.id], leaving: [apps[2]!.id] });
    expect(strength.increase!.delta).toBeGreaterThan(0);

    await ok(ctx, 'scores.submit', { memberId: b.id });
    await ok(ctx, 'rounds.finalize', { roundId: round.id });
    const frozen = await ok(ctx, 'ranking.sensitivity', { roundId: round.id, regionId: hangzhou.id, viewerMemberId: null });
    expect(frozen).toEqual(s);
  });
});
