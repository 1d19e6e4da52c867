// Issue 11, exports: the ranking XLSX shows scores with two decimals (numFmt 0.00 on every score and total
// cell, the values still numbers) and has a per-criterion breakdown sheet (评分明细): each criterion's
// aggregated score, its weight, its weighted contribution and the total, read back here with ExcelJS.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { contribution } from '../../../electron/services/rounds/round-export-breakdown';

describe('ranking XLSX: two decimals and the per-criterion breakdown', () => {
  it('keeps 0.00 on scores and totals and retraces each total criterion by criterion', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou } = await setUpRound(ctx);
    const a = await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000);
    const b = await addApplicant(ctx, round.id, 2, '杭州市', [hangzhou.id], 38_000);
    // Three members (mean, no trimming): A's means are 75.333…, 90.333…, 70 and 60.666…
    const scores: Record<string, number[]> = { strength: [80, 75, 71], technical: [90, 90, 91], reputation: [70, 70, 70], price: [60, 61, 61] };
    const members = [];
    for (const [i, name] of ['赵组长', '钱委员', '孙委员'].entries()) {
      const m = await ok(ctx, 'members.add', { roundId: round.id, data: { name, role: i === 0 ? 'chair' : 'member' } });
      members.push(m);
      for (const criterion of Object.keys(scores)) {
        await ok(ctx, 'scores.set', { memberId: m.id, applicationId: a.id, criterion, value: scores[criterion]![i]!, comment: '' });
        await ok(ctx, 'scores.set', { memberId: m.id, applicationId: b.id, criterion, value: 50, comment: '' });
      }
      await ok(ctx, 'scores.submit', { memberId: m.id });
    }
    const exported = await ok(ctx, 'ranking.export', { roundId: round.id, viewerMemberId: members[0]!.id, format: 'xlsx' });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(exported.dataBase64, 'base64') as unknown as ArrayBuffer);

    // The region sheet: the total is the number 75.83, shown with two decimals; the quote as money.
    const region = workbook.getWorksheet('杭州珠宝产业带')!;
    expect(region.getRow(2).getCell(3).value).toBe('杭州第1鉴定有限公司');
    expect(region.getRow(2).getCell(5).value).toBe(75.83);
    expect(region.getRow(2).getCell(5).numFmt).toBe('0.00');
    expect(region.getRow(3).getCell(5).value).toBe(50);
    expect(region.getRow(3).getCell(5).numFmt).toBe('0.00');
    expect(region.getRow(2).getCell(9)).toMatchObject({ value: 40_000, numFmt: '#,##0.00' });
    // The summary's cutoff total too.
    const summary = workbook.getWorksheet('汇总')!;
    const cutoffRow = summary.getRows(1, summary.rowCount)!.find((r) => r.getCell(1).value === '杭州珠宝产业带')!;
    expect(cutoffRow.getCell(5).numFmt).toBe('0.00');
    expect(typeof cutoffRow.getCell(5).value).toBe('number');

    // The breakdown: header, then A's row — score, weight, weighted contribution per criterion, then the total.
    const breakdown = workbook.getWorksheet('评分明细')!;
    const header = (breakdown.getRow(1).values as unknown[]).slice(1);
    expect(header).toEqual(['区域', '名次', '机构名称', '统一社会信用代码', '公司实力 得分', '公司实力 权重（%）', '公司实力 加权得分', '技术水平 得分', '技术水平 权重（%）', '技术水平 加权得分', '业内口碑 得分', '业内口碑 权重（%）', '业内口碑 加权得分', '服务报价 得分', '服务报价 权重（%）', '服务报价 加权得分', '综合得分', '状态']);
    const rowA = breakdown.getRow(2);
    const values = (rowA.values as unknown[]).slice(1);
    expect(values.slice(0, 3)).toEqual(['杭州珠宝产业带', 1, '杭州第1鉴定有限公司']);
    expect(values.slice(4)).toEqual([75.33, 30, 22.6, 90.33, 30, 27.1, 70, 20, 14, 60.67, 20, 12.13, 75.83, '已排名']);
    for (let col = 5; col <= 17; col++) expect(rowA.getCell(col).numFmt).toBe('0.00');
    expect(typeof rowA.getCell(17).value).toBe('number');
    expect((breakdown.getRow(3).values as unknown[]).slice(1)).toEqual(['杭州珠宝产业带', 2, '杭州第2鉴定有限公司', expect.any(String), 50, 30, 15, 50, 30, 15, 50, 20, 10, 50, 20, 10, 50, '已排名']);
  });

  it('weighs the exact aggregate, rounding once', () => {
    // 75.333… × 30% = 22.6 exactly; from the rounded 75.33 it would be 22.599 → 22.60 too, but
    // 60.666… × 20% = 12.1333 → 12.13, and 33.335 (exact 10000.5/300) with weight 33.33 shows the difference.
    expect(contribution('22600/3', 75.33, 30)).toBe(22.6);
    expect(contribution('18200/3', 60.67, 20)).toBe(12.13);
    expect(contribution('27100/3', 90.33, 33.33)).toBe(30.11);
    expect(contribution(null, 80, 25)).toBe(20);
    expect(contribution(null, null, 25)).toBeNull();
  });
});
