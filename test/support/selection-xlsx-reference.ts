// The ranking XLSX export as it was written before issue 8's streamed writer: the whole workbook model built in
// memory (exceljs Workbook) and serialised at the end. Frozen here, unchanged, as the reference the streamed
// export is compared with cell by cell (test/integration/perf/selection-export-stream.test.ts).
import ExcelJS from 'exceljs';
import type { RoundResults } from '../../shared/rounds/results-view';
import { selectionRows, type SelectionRow } from '../../shared/rounds/selection-list';
import { neutraliseFormula, PROVISIONAL_ZH, STATUS_ZH, worksheetName, FINGERPRINT_LABEL_ZH } from '../../electron/services/rounds/round-export';
import { contribution, finalizedByZh, identityHeader, SCORE_FORMAT, MONEY_FORMAT } from '../../electron/services/rounds/round-export-breakdown';
import { CRITERION_LABELS } from '../../electron/services/rounds/score-import';

const STANDING_ZH = { ranked: '已排名', incomplete: '评分不完整', ineligible: '资格审查未通过' } as const;

const headers = (rows: SelectionRow[]) => ['区域', '名次', '机构名称', identityHeader(rows.map((r) => r.creditCode)), '综合得分', '结果', '候补顺位', '志愿顺序', '服务报价（元）', '是否待定'];

function rowCells(r: SelectionRow): (string | number | null)[] {
  return [r.regionName, r.rank, r.legalName, r.creditCode, r.total, STATUS_ZH[r.status], r.waitlistPosition, r.preference, r.priceQuoteYuan, r.provisional ? PROVISIONAL_ZH : null];
}

export async function selectionXlsxInMemory(results: RoundResults): Promise<Buffer> {
  const rows = selectionRows(results);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Review Desk 评审台';
  const summary = workbook.addWorksheet('汇总');
  summary.addRow([`${results.roundName} 入选名单`]).font = { bold: true, size: 14 };
  summary.addRow([`基准日期 ${results.referenceDate}`, results.finalized ? `定稿 ${results.finalized.at.slice(0, 10)} ${finalizedByZh(results.finalized)}` : '未定稿（结果可能变化）']);
  if (results.finalized?.fingerprint) summary.addRow([FINGERPRINT_LABEL_ZH, results.finalized.fingerprint]);
  const drafts = results.sheets.filter((s) => !s.submitted).length;
  if (drafts > 0) summary.addRow([`${drafts} 份评分表仍为草稿（未提交），其评分未计入排名`]);
  if (rows.some((r) => r.provisional)) summary.addRow([`标注“${PROVISIONAL_ZH}”的结果取决于评审小组对并列机构的定序，定序后可能改变`]);
  summary.addRow([]);
  summary.addRow(['区域', '名额', '入选', '候补', '分数线']).font = { bold: true };
  const regions = results.regionOrder.map((id) => results.allocation.regions.find((r) => r.regionId === id)!);
  for (const region of regions) {
    summary.addRow([results.labels.regions[region.regionId]?.name ?? region.regionId, region.quota, region.admitted.length, region.waitlist.length, region.cutoffTotal]).getCell(5).numFmt = SCORE_FORMAT;
  }
  summary.columns.forEach((c) => (c.width = 18));
  const taken = new Set(['汇总', '评分明细']); // 评分明细: the breakdown sheet's, added last
  for (const [index, region] of regions.entries()) {
    const name = worksheetName(results.labels.regions[region.regionId]?.name ?? '', taken, `区域${index + 1}`);
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(headers(rows)).font = { bold: true };
    for (const r of rows.filter((x) => x.regionId === region.regionId)) sheet.addRow(rowCells(r).map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v)));
    sheet.getColumn(4).numFmt = '@';
    // Issue 11: totals keep two decimals in Excel (75.50, not 75.5); the values stay numbers.
    sheet.getColumn(5).numFmt = SCORE_FORMAT;
    sheet.getColumn(9).numFmt = MONEY_FORMAT;
    sheet.columns.forEach((c, i) => (c.width = i === 2 ? 36 : 16));
  }
  addBreakdownSheet(workbook, results, '评分明细');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

function addBreakdownSheet(workbook: ExcelJS.Workbook, results: RoundResults, name: string): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  const criteria = results.options.criteria;
  const label = (key: string) => CRITERION_LABELS[key] ?? key;
  const header = ['区域', '名次', '机构名称', identityHeader(Object.values(results.labels.applications).map((a) => a.creditCode)), ...criteria.flatMap((c) => [`${label(c.key)} 得分`, `${label(c.key)} 权重（%）`, `${label(c.key)} 加权得分`]), '综合得分', '状态'];
  sheet.addRow(header).font = { bold: true };
  const scoreColumns = new Set<number>();
  criteria.forEach((_, i) => {
    scoreColumns.add(5 + i * 3);
    scoreColumns.add(5 + i * 3 + 1);
    scoreColumns.add(5 + i * 3 + 2);
  });
  scoreColumns.add(5 + criteria.length * 3);
  for (const regionId of results.regionOrder) {
    const region = results.ranking.regions.find((r) => r.regionId === regionId);
    if (!region) continue;
    const regionName = results.labels.regions[regionId]?.name ?? regionId;
    for (const entry of region.entries) {
      const app = results.labels.applications[entry.applicationId] ?? { legalName: entry.applicationId, creditCode: '' };
      const cells = criteria.flatMap((c) => {
        const r = entry.criteria.find((x) => x.criterion === c.key);
        const value = r?.value ?? null;
        return [value, c.weight, contribution(r?.exactH, value, c.weight)];
      });
      const row = sheet.addRow([regionName, entry.rank, app.legalName, app.creditCode, ...cells, entry.total, STANDING_ZH[entry.standing]]);
      for (const col of scoreColumns) row.getCell(col).numFmt = SCORE_FORMAT;
    }
  }
  sheet.addRow([]);
  sheet.addRow(['加权得分 = 评分项得分 × 权重；综合得分由精确值合计后四舍五入，与各项加权得分之和可能相差 0.01']);
  sheet.getColumn(4).numFmt = '@';
  sheet.columns.forEach((c, i) => (c.width = i === 2 ? 36 : i < 4 ? 16 : 12));
  return sheet;
}
