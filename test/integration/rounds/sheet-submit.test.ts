// 提交评分表: refused while cells the member must fill are empty, counted as the sheet itself counts them —
// cells on a recused or withdrawn application neither help nor hurt — and answered with a receipt, not the
// sheet (issue 8: 80,000 cells at platform scale that nobody read).
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { callError } from '../../support/call';

describe('scores.submit', () => {
  it('counts the missing cells as the sheet does, refuses until none is missing, then answers a receipt', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou } = await setUpRound(ctx);
    const apps = [];
    for (const i of [1, 2, 3, 4]) apps.push(await addApplicant(ctx, round.id, i, '杭州市', [hangzhou.id], 40_000 + i));
    const chair = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '李组长', role: 'chair' } });
    const { criteria } = await ok(ctx, 'scores.sheet', { memberId: chair.id });
    const fill = async (applicationId: string, which: readonly string[]) => {
      for (const criterion of which) await ok(ctx, 'scores.set', { memberId: chair.id, applicationId, criterion, value: 80, comment: '' });
    };
    // Applicant 1 and 2 in full, 3 on one criterion, 4 not at all; then 2 is recused (its cells stay) and 4 withdrawn.
    await fill(apps[0]!.id, criteria);
    await fill(apps[1]!.id, criteria);
    await fill(apps[2]!.id, criteria.slice(0, 1));
    await ok(ctx, 'recusals.declare', { applicationId: apps[1]!.id, memberId: chair.id, reason: '曾为该机构提供咨询' });
    await ok(ctx, 'applications.setWithdrawn', { id: apps[3]!.id, withdrawn: true });

    // The plain count: every application the sheet lists, on every criterion, minus the cells filled there.
    const sheet = await ok(ctx, 'scores.sheet', { memberId: chair.id });
    const filled = new Set(sheet.cells.map((c) => `${c.applicationId}|${c.criterion}`));
    const missing = sheet.applicationIds.flatMap((a) => sheet.criteria.filter((c) => !filled.has(`${a}|${c}`))).length;
    expect(missing).toBe(criteria.length - 1);

    expect(await callError(ctx, 'scores.submit', { memberId: chair.id })).toEqual({ code: 'CONFLICT', message: `还有 ${missing} 项未评分，全部评完后才能提交` });
    expect((await ok(ctx, 'scores.sheet', { memberId: chair.id })).submittedAt).toBeNull();

    await fill(apps[2]!.id, criteria.slice(1));
    ctx.tick();
    const receipt = await ok(ctx, 'scores.submit', { memberId: chair.id });
    const after = await ok(ctx, 'scores.sheet', { memberId: chair.id });
    expect(receipt).toEqual({ sheetId: after.sheetId, memberId: chair.id, submittedAt: after.submittedAt, cells: criteria.length * 3 });
    expect(after.submittedAt).not.toBeNull();
    // Submitting again changes nothing and answers the same receipt.
    expect(await ok(ctx, 'scores.submit', { memberId: chair.id })).toEqual(receipt);
  });
});
