// Issue 7 through the service layer on a real SQLite file: the live ranking counts submitted sheets only
// (a draft is left out and the results say how many are), and placements that wait for the committee's
// order of a tie are marked 待定（并列待评审小组定序） in the results, the CSV and XLSX exports and the
// command line's output.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rankingText } from '../../../electron/cli/format';
import { PROVISIONAL_ZH } from '../../../electron/services/rounds/round-export';
import { createTestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';

type Ctx = Awaited<ReturnType<typeof createTestContext>>;

async function score(ctx: Ctx, memberId: string, values: Record<string, number>) {
  const sheet = await ok(ctx, 'scores.sheet', { memberId });
  for (const applicationId of sheet.applicationIds) {
    for (const criterion of sheet.criteria) await ok(ctx, 'scores.set', { memberId, applicationId, criterion, value: values[applicationId]!, comment: '' });
  }
}

describe('ranking: drafts and provisional placements', () => {
  it('ranks submitted sheets only, and marks tie-dependent placements in every output', async () => {
    const ctx = await createTestContext();
    // 杭州: quota 2, waitlist 1. 深圳: quota 1, waitlist 1. Scored price, default weights.
    const { round, hangzhou, shenzhen } = await setUpRound(ctx);
    const a1 = await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000);
    const a2 = await addApplicant(ctx, round.id, 2, '杭州市', [hangzhou.id], 40_000);
    const a3 = await addApplicant(ctx, round.id, 3, '杭州市', [hangzhou.id], 40_000);
    const a4 = await addApplicant(ctx, round.id, 4, '深圳市', [shenzhen.id], 45_000);
    const a5 = await addApplicant(ctx, round.id, 5, '深圳市', [shenzhen.id], 45_000);
    const a6 = await addApplicant(ctx, round.id, 6, '深圳市', [shenzhen.id], 45_000);

    const chair = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '赵组长', role: 'chair' } });
    const m2 = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
    const m3 = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '孙委员', role: 'member' } });
    // Submitted: a2 and a3 tie at 80 for 杭州's second seat; a5 and a6 tie at 70 behind a4 in 深圳.
    const agreed = { [a1.id]: 90, [a2.id]: 80, [a3.id]: 80, [a4.id]: 85, [a5.id]: 70, [a6.id]: 70 };
    for (const m of [chair, m2]) {
      await score(ctx, m.id, agreed);
      await ok(ctx, 'scores.submit', { memberId: m.id });
    }
    // 孙委员's sheet is a complete draft that would break both ties (and flip 深圳) if it were counted.
    await score(ctx, m3.id, { [a1.id]: 60, [a2.id]: 100, [a3.id]: 0, [a4.id]: 0, [a5.id]: 100, [a6.id]: 0 });

    const results = await ok(ctx, 'ranking.results', { roundId: round.id, viewerMemberId: chair.id });
    const entry = (regionId: string, id: string) => results.ranking.regions.find((r) => r.regionId === regionId)!.entries.find((e) => e.applicationId === id)!;
    // The draft is not counted: each criterion averages the two submitted sheets only.
    expect([a1, a2, a3].map((a) => entry(hangzhou.id, a.id).total)).toEqual([90, 80, 80]);
    expect(entry(hangzhou.id, a2.id).criteria.map((c) => c.count)).toEqual([2, 2, 2, 2]);
    expect([a4, a5, a6].map((a) => entry(shenzhen.id, a.id).total)).toEqual([85, 70, 70]);
    expect(results.sheets.filter((s) => !s.submitted)).toEqual([{ memberId: m3.id, submitted: false }]);

    // Provisional: the tie across 杭州's quota line, and the shared 候补 1 in 深圳; nobody else.
    const placements = (regionId: string) => Object.fromEntries(results.allocation.regions.find((r) => r.regionId === regionId)!.placements.map((p) => [p.applicationId, [p.status, p.provisional]]));
    expect(placements(hangzhou.id)).toEqual({ [a1.id]: ['admitted', false], [a2.id]: ['tiedAtCutoff', true], [a3.id]: ['tiedAtCutoff', true] });
    expect(placements(shenzhen.id)).toEqual({ [a4.id]: ['admitted', false], [a5.id]: ['waitlist', true], [a6.id]: ['waitlist', true] });
    expect(results.explanations.filter((e) => e.provisional).map((e) => e.applicationId).sort()).toEqual([a2.id, a3.id, a5.id, a6.id].sort());

    // CSV: the 是否待定 column.
    const csv = await ok(ctx, 'ranking.export', { roundId: round.id, viewerMemberId: chair.id, format: 'csv' });
    const lines = Buffer.from(csv.dataBase64, 'base64').toString('utf8').replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]!.split(',').at(-1)).toBe('是否待定');
    const csvMark = (legalName: string) => lines.find((l) => l.includes(legalName))!.split(',').at(-1);
    expect(['杭州第1', '杭州第2', '杭州第3', '深圳第4', '深圳第5', '深圳第6'].map((n) => csvMark(`${n}鉴定有限公司`))).toEqual(['', PROVISIONAL_ZH, PROVISIONAL_ZH, '', PROVISIONAL_ZH, PROVISIONAL_ZH]);

    // XLSX: the same column on the region's sheet, and the notes on the summary sheet.
    const xlsx = await ok(ctx, 'ranking.export', { roundId: round.id, viewerMemberId: chair.id, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(xlsx.dataBase64, 'base64') as unknown as ArrayBuffer);
    const sz = workbook.getWorksheet('深圳水贝产业带')!;
    expect(sz.getRow(1).getCell(10).value).toBe('是否待定');
    // The tied pair is listed in neutral (application id) order, which is no ranking: compare by name.
    expect([2, 3, 4].map((r) => [sz.getRow(r).getCell(3).value, sz.getRow(r).getCell(6).value, sz.getRow(r).getCell(10).value ?? null]).sort()).toEqual([
      ['深圳第4鉴定有限公司', '入选', null],
      ['深圳第5鉴定有限公司', '候补', PROVISIONAL_ZH],
      ['深圳第6鉴定有限公司', '候补', PROVISIONAL_ZH],
    ]);
    const summaryText = workbook.getWorksheet('汇总')!.getSheetValues().flat().filter((v) => typeof v === 'string').join('\n');
    expect(summaryText).toContain('1 份评分表仍为草稿（未提交），其评分未计入排名');
    expect(summaryText).toContain(PROVISIONAL_ZH);

    // The command line's ranking.
    const roundView = await ok(ctx, 'rounds.get', { id: round.id });
    const regionIdsOf = new Map([a1, a2, a3, a4, a5, a6].map((a) => [a.id, a.regionIds]));
    const text = rankingText(results, roundView, regionIdsOf, null).join('\n');
    expect(text).toContain('1 份评分表仍为草稿（未提交），其评分未计入排名');
    expect(text.split('\n').filter((l) => l.includes(`候补 1 · ${PROVISIONAL_ZH}`)).length).toBe(2);
    expect(text.split('\n').find((l) => l.includes('深圳第4鉴定有限公司'))).not.toContain('待定');

    // Once 孙委员 submits, the sheet counts: both ties are broken and nothing is provisional any more.
    await ok(ctx, 'scores.submit', { memberId: m3.id });
    const after = await ok(ctx, 'ranking.results', { roundId: round.id, viewerMemberId: chair.id });
    expect(after.allocation.regions.find((r) => r.regionId === hangzhou.id)!.admitted).toEqual([a2.id, a1.id]);
    expect(after.allocation.regions.flatMap((r) => r.placements).some((p) => p.provisional)).toBe(false);
  });
});
