// Issue 11: the round list shows, per member, whether the score sheet is submitted (评分表 1/2 已提交 with the
// names), from the members and their sheets — in the committee's order, per round.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { addApplicant, finalizedRound, ok, setUpRound } from '../../support/round-fixture';

describe('rounds.list: sheets submitted per member', () => {
  it('lists each member with the sheet submitted or not, round by round', async () => {
    const ctx = await createTestContext();
    const done = await finalizedRound(ctx);
    ctx.tick();
    const { round, hangzhou } = await setUpRound(ctx);
    const app = await addApplicant(ctx, round.id, 7, '杭州市', [hangzhou.id], 40_000);
    const chair = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '李组长', role: 'chair' } });
    await ok(ctx, 'members.add', { roundId: round.id, data: { name: '周委员', role: 'member' } });
    const empty = await setUpRound(ctx);
    const sheet = await ok(ctx, 'scores.sheet', { memberId: chair.id });
    for (const criterion of sheet.criteria) await ok(ctx, 'scores.set', { memberId: chair.id, applicationId: app.id, criterion, value: 80, comment: '' });
    await ok(ctx, 'scores.submit', { memberId: chair.id });

    const list = await ok(ctx, 'rounds.list', {});
    const byId = new Map(list.map((r) => [r.id, r]));
    expect(byId.get(round.id)!.sheets.map((s) => [s.name, s.role, s.submitted])).toEqual([['李组长', 'chair', true], ['周委员', 'member', false]]);
    expect(byId.get(done.round.id)!.sheets.map((s) => [s.name, s.submitted])).toEqual([['赵组长', true], ['钱委员', true], ['孙委员', true]]);
    expect(byId.get(empty.round.id)!.sheets).toEqual([]);
    expect(byId.get(round.id)!.sheets[0]!.memberId).toBe(chair.id);
  });
});
