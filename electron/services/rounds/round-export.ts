// The ranked selection list (入选名单) as files: XLSX (a summary sheet plus one sheet per region), CSV
// (UTF-8 with BOM so Excel reads the Chinese; formula-like cells neutralised) and JSON for scripts.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { RoundResults } from '../../../shared/rounds/results-view';
import { selectionRows, type SelectionRow } from '../../../shared/rounds/selection-list';
import { writeBreakdownSheet, finalizedByZh, identityHeader, SCORE_FORMAT, MONEY_FORMAT } from './round-export-breakdown';
import { rememberStyleIds } from '../dossiers/dossier-export';

/**
 * A worksheet name Excel (and ExcelJS) accepts, from a region name the chair typed: none of \ / ? * [ ] :
 * or control characters, no quote at either end, at most 31 characters, unique ignoring case ("汇总" is the
 * summary's). Found by the API fuzz: a region named "'…" made every XLSX export fail with INTERNAL.
 */
export function worksheetName(raw: string, taken: Set<string>, fallback: string): string {
  const clean = (text: string) => text.replace(/[\\/?*[\]:\u0000-\u001f\u007f]/g, ' ').replace(/^[\s']+|[\s']+$/g, '');
  let base = clean(clean(raw).slice(0, 31));
  if (!base || base.toLowerCase() === 'history') base = fallback;
  let name = base;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = clean(base.slice(0, 31 - ` (${n})`.length)) + ` (${n})`;
  taken.add(name.toLowerCase());
  return name;
}

/** The words of the selection list in every file format and in the command line's output. */
export const STATUS_ZH: Record<SelectionRow['status'], string> = {
  admitted: '入选',
  waitlist: '候补',
  notAdmitted: '未入选',
  belowMinimum: '未达最低分',
  ineligible: '资格审查未通过',
  tiedAtCutoff: '并列待定',
  incomplete: '评分不完整',
};

/**
 * A placement that waits for the committee's order of a still-tied group (shared/ranking/provisional.ts).
 * Its own column, so a filter in Excel finds every such row; tiedAtCutoff's 结果 (并列待定) says it too.
 */
export const PROVISIONAL_ZH = '待定（并列待评审小组定序）';

const headers = (rows: SelectionRow[]) => ['区域', '名次', '机构名称', identityHeader(rows.map((r) => r.creditCode)), '综合得分', '结果', '候补顺位', '志愿顺序', '服务报价（元）', '是否待定'];

function rowCells(r: SelectionRow): (string | number | null)[] {
  return [r.regionName, r.rank, r.legalName, r.creditCode, r.total, STATUS_ZH[r.status], r.waitlistPosition, r.preference, r.priceQuoteYuan, r.provisional ? PROVISIONAL_ZH : null];
}

/** A cell starting with = + - @ (or a tab/CR) would run as a formula in Excel: prefix it with an apostrophe. */
export function neutraliseFormula(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

function csvField(value: string | number | null): string {
  if (value === null) return '';
  const text = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** 修改记录核验码: the fingerprint of the history's chain head at finalization, for checking against paper. */
export const FINGERPRINT_LABEL_ZH = '修改记录核验码';

export function selectionCsv(results: RoundResults): string {
  const rows = selectionRows(results);
  const table = [headers(rows), ...rows.map(rowCells)];
  // The fingerprint goes after the table (a blank line, then one label/value row), so the header row stays
  // the first line a spreadsheet or script reads.
  const footer = results.finalized?.fingerprint ? [[], [FINGERPRINT_LABEL_ZH, results.finalized.fingerprint]] : [];
  const lines = [...table, ...footer].map((cells) => cells.map(csvField).join(','));
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}

/** Rows written between yields to the zip (the dossier export's step): the zip compresses what is written so far. */
const ROWS_PER_YIELD = 500;

/**
 * Issue 8: streamed with exceljs's WorkbookWriter (as the dossier export is), sheet after sheet and in the
 * breakdown and region sheets row by row, instead of one workbook model of every cell (≈ 1 M cells at 20,000
 * applications × 2 regions: ≈ 2 GB RSS) serialised at the end. The cells, styles, widths and views are those
 * of the in-memory workbook it replaces (test/integration/perf/selection-export-stream.test.ts compares them):
 * the columns and their formats are set before the first row is committed, so every cell takes the format
 * the in-memory version set on the column afterwards. Strings are shared as before (Excel reads both).
 */
export async function selectionXlsx(results: RoundResults): Promise<Buffer> {
  const rows = selectionRows(results);
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => (out.on('end', resolve), out.on('error', reject)));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  rememberStyleIds(workbook);
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
  const byId = new Map<string, (typeof results.allocation.regions)[number]>();
  for (const r of results.allocation.regions) if (!byId.has(r.regionId)) byId.set(r.regionId, r); // the first, as find() took
  const regions = results.regionOrder.map((id) => byId.get(id)!);
  for (const region of regions) {
    summary.addRow([results.labels.regions[region.regionId]?.name ?? region.regionId, region.quota, region.admitted.length, region.waitlist.length, region.cutoffTotal]).getCell(5).numFmt = SCORE_FORMAT;
  }
  // The summary (a few rows per region) is held until here, so its columns are the ones its cells made.
  summary.columns.forEach((c) => (c.width = 18));
  summary.commit();
  const taken = new Set(['汇总', '评分明细']); // 评分明细: the breakdown sheet's, added last
  const header = headers(rows);
  // selectionRows lists the regions in regionOrder, each region's rows together.
  let next = 0;
  let written = 0;
  for (const [index, region] of regions.entries()) {
    const name = worksheetName(results.labels.regions[region.regionId]?.name ?? '', taken, `区域${index + 1}`);
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    for (let col = 1; col <= header.length; col++) sheet.getColumn(col).width = col === 3 ? 36 : 16;
    sheet.getColumn(4).numFmt = '@';
    // Issue 11: totals keep two decimals in Excel (75.50, not 75.5); the values stay numbers.
    sheet.getColumn(5).numFmt = SCORE_FORMAT;
    sheet.getColumn(9).numFmt = MONEY_FORMAT;
    const head = sheet.addRow(header);
    head.font = { bold: true };
    head.commit();
    while (next < rows.length && rows[next]!.regionId !== region.regionId) next++;
    for (; next < rows.length && rows[next]!.regionId === region.regionId; next++) {
      sheet.addRow(rowCells(rows[next]!).map((v) => (typeof v === 'string' ? neutraliseFormula(v) : v))).commit();
      if (++written % ROWS_PER_YIELD === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    sheet.commit();
    await new Promise((resolve) => setImmediate(resolve));
  }
  await writeBreakdownSheet(workbook, results, '评分明细');
  await workbook.commit();
  await finished;
  return Buffer.concat(chunks);
}
