// Issue 11: the finalizer recorded is the committee chair who confirms, not the app user's name. Only the
// chair (组长, DOMAIN.md "The chair … finalises the ranking") may confirm a finalize or a reopen; the member's
// id and name are kept on the finalization, in the frozen results, in the history and in the export.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { createTestContext } from '../../support/service-context';
import { finalizedRound, ok, setUpRound } from '../../support/round-fixture';

describe('finalize and reopen confirmed by the chair', () => {
  it('records the chair who confirms and refuses any other member, with the reason', async () => {
    const ctx = await createTestContext();
    const { round } = await finalizedRound(ctx);
    const members = await ok(ctx, 'members.list', { roundId: round.id });
    const chair = members.find((m) => m.role === 'chair')!;
    const member = members.find((m) => m.name === '钱委员')!;
    // Scripted finalize without a member: the app user's name, no member id (as before).
    expect((await ok(ctx, 'ranking.results', { roundId: round.id, viewerMemberId: null })).finalized).toMatchObject({ by: '王评审', memberId: null, role: null });

    // A member who is not the chair cannot reopen; the round stays finalized.
    const refusedReopen = await dispatch(handlers, ctx, 'rounds.reopen', { roundId: round.id, reason: '名额调整', memberId: member.id });
    expect(refusedReopen).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: '只有评审小组组长可以确认定稿或重新开启：钱委员 不是组长（组长为 赵组长）' } });
    expect((await ok(ctx, 'rounds.get', { id: round.id })).status).toBe('finalized');

    ctx.tick();
    await ok(ctx, 'rounds.reopen', { roundId: round.id, reason: '名额调整', memberId: chair.id });
    expect(ctx.db.prepare('SELECT reopened_by, reopened_by_member_id FROM finalizations').get()).toEqual({ reopened_by: '赵组长', reopened_by_member_id: chair.id });

    // Finalize by a plain member: refused before anything is written.
    const refused = await dispatch(handlers, ctx, 'rounds.finalize', { roundId: round.id, memberId: member.id });
    expect(refused).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('组长为 赵组长') } });
    expect((await ok(ctx, 'rounds.get', { id: round.id })).status).toBe('open');
    // A member of another round is not on this committee.
    const other = await setUpRound(ctx);
    const stranger = await ok(ctx, 'members.add', { roundId: other.round.id, data: { name: '周组长', role: 'chair' } });
    expect(await dispatch(handlers, ctx, 'rounds.finalize', { roundId: round.id, memberId: stranger.id })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });

    ctx.tick();
    const results = await ok(ctx, 'rounds.finalize', { roundId: round.id, memberId: chair.id });
    expect(results.finalized).toMatchObject({ by: '赵组长', memberId: chair.id, role: 'chair' });
    // Read back from storage (the frozen snapshot path), and the row itself.
    expect((await ok(ctx, 'ranking.results', { roundId: round.id, viewerMemberId: null })).finalized).toMatchObject({ by: '赵组长', memberId: chair.id, role: 'chair' });
    expect(ctx.db.prepare('SELECT finalized_by, finalized_by_member_id FROM finalizations WHERE reopened_at IS NULL').get()).toEqual({ finalized_by: '赵组长', finalized_by_member_id: chair.id });
    const history = await ok(ctx, 'rounds.history', { id: round.id });
    expect(history.find((c) => c.action === 'finalize')).toMatchObject({ after: { finalizedBy: '赵组长', memberId: chair.id } });
    expect(history.find((c) => c.action === 'reopen')).toMatchObject({ after: { reason: '名额调整', reopenedBy: '赵组长', memberId: chair.id } });

    // The export's summary says who finalized, with the role.
    const exported = await ok(ctx, 'ranking.export', { roundId: round.id, viewerMemberId: null, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.dataBase64, 'base64') as unknown as ArrayBuffer);
    const texts = workbook.worksheets.flatMap((ws) => ws.getSheetValues().flat().map(String));
    expect(texts.some((v) => v.includes('定稿') && v.includes('赵组长（组长）'))).toBe(true);
  });

  it('refuses when the committee has no chair, saying so', async () => {
    const ctx = await createTestContext();
    const { round } = await finalizedRound(ctx);
    await ok(ctx, 'rounds.reopen', { roundId: round.id, reason: '复核' });
    const chair = (await ok(ctx, 'members.list', { roundId: round.id })).find((m) => m.role === 'chair')!;
    await ok(ctx, 'members.update', { id: chair.id, data: { name: chair.name, role: 'member' } });
    expect(await dispatch(handlers, ctx, 'rounds.finalize', { roundId: round.id, memberId: chair.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('还没有组长') } });
  });
});
