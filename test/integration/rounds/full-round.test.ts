// A whole round through the service layer on a real SQLite file: set-up, screening, committee, scoring,
// ranking, export, finalize, edit refused, reopen.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { createTestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';

async function scoreAll(ctx: Awaited<ReturnType<typeof createTestContext>>, memberId: string, values: Record<string, number>) {
  const sheet = await ok(ctx, 'scores.sheet', { memberId });
  for (const applicationId of sheet.applicationIds) {
    for (const criterion of sheet.criteria) await ok(ctx, 'scores.set', { memberId, applicationId, criterion, value: values[applicationId] ?? 60, comment: '' });
  }
}

describe('a full round', () => {
  it('screens, scores independently, ranks against the quota, exports, finalizes and refuses later edits', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou, shenzhen } = await setUpRound(ctx, { priceMode: 'lowestPrice' });
    const a1 = await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000);
    const a2 = await addApplicant(ctx, round.id, 2, '杭州市', [hangzhou.id, shenzhen.id], 38_000);
    const a3 = await addApplicant(ctx, round.id, 3, '杭州市', [hangzhou.id], 50_000);
    const a4 = await addApplicant(ctx, round.id, 4, '深圳市', [shenzhen.id, hangzhou.id], 45_000);
    const small = await addApplicant(ctx, round.id, 5, '杭州市', [hangzhou.id], 30_000, { taxpayerType: 'small' });

    // Screening: the small-scale taxpayer fails; a2 (杭州) fails the same-city rule for 深圳 only.
    const screening = await ok(ctx, 'screening.list', { roundId: round.id });
    const verdict = (app: string, region: string) => screening.find((s) => s.applicationId === app && s.regionId === region)!;
    expect(verdict(small.id, hangzhou.id)).toMatchObject({ eligible: false, rulesEligible: false });
    expect(verdict(small.id, hangzhou.id).results.find((r) => r.kind === 'generalTaxpayer')?.outcome).toBe('fail');
    expect(verdict(a2.id, shenzhen.id).eligible).toBe(false);
    expect(verdict(a2.id, hangzhou.id).eligible).toBe(true);
    expect(verdict(a4.id, hangzhou.id).eligible).toBe(false);

    const chair = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '赵组长', role: 'chair' } });
    const m2 = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
    const m3 = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '孙委员', role: 'member' } });
    await ok(ctx, 'recusals.declare', { applicationId: a1.id, memberId: m3.id, reason: '曾为该机构提供咨询' });

    // Price is computed (低价优先法), so members score three criteria.
    const sheet = await ok(ctx, 'scores.sheet', { memberId: m3.id });
    expect(sheet.criteria).toEqual(['strength', 'technical', 'reputation']);
    expect(sheet.applicationIds).not.toContain(a1.id);
    // Screened out everywhere → not on anyone's sheet, and refused if sent anyway.
    expect(sheet.applicationIds).not.toContain(small.id);
    expect(await dispatch(handlers, ctx, 'scores.set', { memberId: m2.id, applicationId: small.id, criterion: 'strength', value: 90, comment: '' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('资格审查') } });
    expect(await dispatch(handlers, ctx, 'scores.set', { memberId: m3.id, applicationId: a1.id, criterion: 'strength', value: 90, comment: '' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(await dispatch(handlers, ctx, 'scores.set', { memberId: m2.id, applicationId: a2.id, criterion: 'strength', value: 101, comment: '' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'value', key: 'error.outOfScale' }] } });

    const values = { [a1.id]: 90, [a2.id]: 80, [a3.id]: 70, [a4.id]: 85, [small.id]: 95 };
    for (const m of [chair, m2, m3]) await scoreAll(ctx, m.id, values);
    const progress = await ok(ctx, 'members.list', { roundId: round.id });
    // 4 scorable applications × 3 criteria; 孙委员 is recused from one of them.
    expect(progress.map((m) => [m.name, m.filled, m.required])).toEqual([['赵组长', 12, 12], ['钱委员', 12, 12], ['孙委员', 9, 9]]);
    // Before submitting, nobody sees the ranking or the others' scores.
    expect(await dispatch(handlers, ctx, 'ranking.results', { roundId: round.id, viewerMemberId: chair.id })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('提交') } });
    expect(await dispatch(handlers, ctx, 'scores.reveal', { roundId: round.id, viewerMemberId: m2.id })).toMatchObject({ ok: false });
    for (const m of [chair, m2, m3]) await ok(ctx, 'scores.submit', { memberId: m.id });
    expect(await dispatch(handlers, ctx, 'scores.set', { memberId: m2.id, applicationId: a2.id, criterion: 'strength', value: 50, comment: '' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    await ok(ctx, 'scores.amend', { memberId: m2.id, applicationId: a3.id, criterion: 'strength', value: 72, comment: '', reason: '录入笔误' });

    const results = await ok(ctx, 'ranking.results', { roundId: round.id, viewerMemberId: m2.id });
    const hz = results.allocation.regions.find((r) => r.regionId === hangzhou.id)!;
    // 杭州: a1 (90, quote 40,000 → price 95) and a2 (80, 38,000 → 100) admitted; a3 waitlisted.
    expect(hz.admitted).toEqual([a1.id, a2.id]);
    expect(hz.waitlist).toEqual([a3.id]);
    const sz = results.allocation.regions.find((r) => r.regionId === shenzhen.id)!;
    expect(sz.admitted).toEqual([a4.id]);
    expect(results.ineligible).toEqual(expect.arrayContaining([{ applicationId: a2.id, regionId: shenzhen.id, preference: 2 }, { applicationId: a4.id, regionId: hangzhou.id, preference: 2 }]));
    expect(results.regionOrder).toEqual([hangzhou.id, shenzhen.id]);
    const a1Entry = results.ranking.regions.find((r) => r.regionId === hangzhou.id)!.entries.find((e) => e.applicationId === a1.id)!;
    expect(a1Entry.recusedMembers).toBe(1);

    const exported = await ok(ctx, 'ranking.export', { roundId: round.id, viewerMemberId: m2.id, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.dataBase64, 'base64') as unknown as ArrayBuffer);
    const hzSheet = workbook.getWorksheet('杭州珠宝产业带')!;
    expect([2, 3, 4].map((r) => hzSheet.getRow(r).getCell(3).value)).toEqual(['杭州第1鉴定有限公司', '杭州第2鉴定有限公司', '杭州第3鉴定有限公司']);
    expect(hzSheet.getRow(2).getCell(6).value).toBe('入选');

    await ok(ctx, 'rounds.finalize', { roundId: round.id });
    expect(await dispatch(handlers, ctx, 'scores.amend', { memberId: m2.id, applicationId: a3.id, criterion: 'strength', value: 99, comment: '', reason: 'x' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('定稿') } });
    expect(await dispatch(handlers, ctx, 'regions.update', { roundId: round.id, regionId: hangzhou.id, version: hangzhou.version, data: { name: '杭州珠宝产业带', city: '杭州市', quota: 3, waitlistLength: 1 } })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    // The frozen results are readable by anyone, without a viewer.
    expect(await ok(ctx, 'ranking.results', { roundId: round.id, viewerMemberId: null })).toMatchObject({ finalized: { by: '王评审' } });

    await ok(ctx, 'rounds.reopen', { roundId: round.id, reason: '平台调整杭州名额' });
    await ok(ctx, 'regions.update', { roundId: round.id, regionId: hangzhou.id, version: hangzhou.version, data: { name: '杭州珠宝产业带', city: '杭州市', quota: 3, waitlistLength: 1 } });
    const history = await ok(ctx, 'rounds.history', { id: round.id });
    expect(history.slice(0, 3).map((c) => c.action)).toEqual(['update', 'reopen', 'finalize']);
    expect(history.find((c) => c.action === 'amend')).toMatchObject({ before: { value: 70 }, after: { value: 72, reason: '录入笔误' } });
  });
});
