// The per-criterion breakdown sheet of the XLSX export (评分明细, issue 11): for every application in every
// region, each criterion's aggregated score, its weight, its weighted contribution and the total, so a reader
// can retrace the total without the app. Contributions come from the exact aggregates (shared/ranking/
// exact.ts) rounded once to 2 decimals; the total itself is rounded once from the exact sum, so the rounded
// contributions may add up to the total ± 0.01 (said in the sheet's note).
import type ExcelJS from 'exceljs';
import type { RoundResults } from '../../../shared/rounds/results-view';
import { parseRatio, roundRatio, scaleRatio } from '../../../shared/ranking/exact';
import { CRITERION_LABELS } from './score-import';
import { inferIdentityKind } from '../../../shared/dossiers/identity';

/** Two decimals in Excel; the cell value stays a number. */
export const SCORE_FORMAT = '0.00';
export const MONEY_FORMAT = '#,##0.00';

const STANDING_ZH = { ranked: '已排名', incomplete: '评分不完整', ineligible: '资格审查未通过' } as const;

/** "赵组长（组长）" when the chair confirmed (issue 11); the plain name for older finalizations. */
export function finalizedByZh(finalized: NonNullable<RoundResults['finalized']>): string {
  return finalized.memberId ? `${finalized.by}（组长）` : finalized.by;
}

/** A criterion's weighted contribution in points, 2 decimals: exact score × weight %, rounded once. */
export function contribution(exactH: string | null | undefined, value: number | null, weight: number): number | null {
  if (value === null) return null;
  // weight has at most 2 decimals (ranking/types.ts): scale it to an integer of hundredths of a percent.
  const exact = parseRatio(exactH);
  const weightH = Math.round(weight * 100);
  // hundredths of points × weight in hundredths of a percent ÷ 10,000 → hundredths of points.
  if (exact) return roundRatio(scaleRatio(exact, weightH), 10_000) / 100;
  return Math.round(value * weightH / 100) / 100;
}

/**
 * The number column's heading: 统一社会信用代码, or 统一社会信用代码/身份证号 when the list holds a person
 * (个人 may apply to 精选联盟; their number is a 居民身份证号 and the list must not misname it).
 */
export function identityHeader(numbers: Iterable<string>): string {
  for (const n of numbers) if (n && inferIdentityKind(n) === 'individual') return '统一社会信用代码/身份证号';
  return '统一社会信用代码';
}

/** Rows written between yields to the zip (as the region sheets). */
const ROWS_PER_YIELD = 500;

/**
 * Streamed (issue 8): the columns, their widths and the identity column's text format are set before the
 * first row is committed, so each cell takes the formats the in-memory workbook set on the columns after its
 * rows (test/integration/perf/selection-export-stream.test.ts compares the two cell by cell).
 */
export async function writeBreakdownSheet(workbook: ExcelJS.stream.xlsx.WorkbookWriter, results: RoundResults, name: string): Promise<void> {
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 3 }] });
  const criteria = results.options.criteria;
  const label = (key: string) => CRITERION_LABELS[key] ?? key;
  const header = ['区域', '名次', '机构名称', identityHeader(Object.values(results.labels.applications).map((a) => a.creditCode)), ...criteria.flatMap((c) => [`${label(c.key)} 得分`, `${label(c.key)} 权重（%）`, `${label(c.key)} 加权得分`]), '综合得分', '状态'];
  for (let col = 1; col <= header.length; col++) sheet.getColumn(col).width = col === 3 ? 36 : col <= 4 ? 16 : 12;
  sheet.getColumn(4).numFmt = '@';
  const head = sheet.addRow(header);
  head.font = { bold: true };
  head.commit();
  const scoreColumns = new Set<number>();
  criteria.forEach((_, i) => {
    scoreColumns.add(5 + i * 3);
    scoreColumns.add(5 + i * 3 + 1);
    scoreColumns.add(5 + i * 3 + 2);
  });
  scoreColumns.add(5 + criteria.length * 3);
  const byId = new Map<string, (typeof results.ranking.regions)[number]>();
  for (const r of results.ranking.regions) if (!byId.has(r.regionId)) byId.set(r.regionId, r); // the first, as find() took
  let written = 0;
  for (const regionId of results.regionOrder) {
    const region = byId.get(regionId);
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
      row.commit();
      if (++written % ROWS_PER_YIELD === 0) await new Promise((resolve) => setImmediate(resolve));
    }
  }
  sheet.addRow([]);
  // The in-memory workbook's column format reached every row with a value, this note's too (an empty, text-formatted cell).
  sheet.addRow(['加权得分 = 评分项得分 × 权重；综合得分由精确值合计后四舍五入，与各项加权得分之和可能相差 0.01']).getCell(4);
  sheet.commit();
}
