// Export of dossiers to XLSX with the same columns the import reads, so a file can go round trip.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import type { ServiceContext } from '../context';
import { DOSSIER_COLUMNS } from '../../../shared/dossiers/columns';
import { toData } from './dossier-repo';
import { FileAnswer } from '../../backend/file-answer';

type Status = 'active' | 'archived' | 'all';

const PROGRESS_EVERY = 500;

/**
 * Issue 8: streamed (exceljs's WorkbookWriter): each row is committed to the zip as it is written, in list
 * order, instead of a whole workbook model of 20,000 rows (cells, styles) held and then serialised. Strings
 * are inline (no shared-string table kept for the whole file); Excel and the import read them alike.
 * `jobId` gets rows written of rows to write.
 */
export async function exportDossiersXlsx(ctx: ServiceContext, status: Status, jobId?: string): Promise<FileAnswer> {
  const where = status === 'active' ? 'WHERE archived_at IS NULL' : status === 'archived' ? 'WHERE archived_at IS NOT NULL' : '';
  // Read whole (a few MB at 20,000, one query), so no statement stays open on the connection while the
  // writer yields to let the zip take each part.
  const rows = ctx.db.prepare(`SELECT * FROM dossiers ${where} ORDER BY name_sort, legal_name, id`).all() as Parameters<typeof toData>[0][];
  const total = rows.length;
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const finished = new Promise<void>((resolve, reject) => (out.on('end', resolve), out.on('error', reject)));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  rememberStyleIds(workbook);
  workbook.creator = 'Review Desk 评审台';
  // One reading of the clock for both stamps (exceljs would read it again for `modified`, a second later at times).
  workbook.created = workbook.modified = ctx.now();
  const sheet = workbook.addWorksheet('申请机构档案', { views: [{ state: 'frozen', ySplit: 1 }] });
  // Credit codes and phone numbers are text: keep Excel from turning them into numbers.
  sheet.columns = DOSSIER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(10, c.header.length * 2 + 2), style: TEXT_COLUMNS.has(c.key) ? { numFmt: '@' } : {} }));
  sheet.getRow(1).font = { bold: true };
  sheet.getRow(1).commit();
  let written = 0;
  ctx.progress(jobId, 0, total);
  for (const row of rows) {
    const data = toData(row);
    sheet.addRow(DOSSIER_COLUMNS.map((c) => c.read(data))).commit();
    if (++written % PROGRESS_EVERY === 0) {
      ctx.progress(jobId, written, total);
      await new Promise((resolve) => setImmediate(resolve)); // the zip compresses what is written so far
    }
  }
  sheet.commit();
  await workbook.commit();
  await finished;
  ctx.progress(jobId, total, total);
  const stamp = ctx.now().toISOString().slice(0, 10);
  return new FileAnswer(`申请机构档案-${stamp}.xlsx`, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.concat(chunks));
}

const TEXT_COLUMNS = new Set(['creditCode', 'contact.phone']);

type StyleRegistry = { addStyleModel(model: object, cellType?: number): number };

/**
 * The streaming writer gives every cell a fresh style object and renders it to XML to find its style id
 * (exceljs dedupes styles by that XML): more than half of a 20,000-row export. Equal style content and cell
 * type always get the same id, so it is remembered by content (the first of each is still added as exceljs
 * adds it). test/integration/import/import-xlsx-stream.test.ts checks the file equals the one written without.
 */
export function rememberStyleIds(workbook: ExcelJS.stream.xlsx.WorkbookWriter): void {
  const styles = (workbook as unknown as { styles: StyleRegistry }).styles;
  if (!exportStyleMemo) return;
  const add = styles.addStyleModel.bind(styles);
  const ids = new Map<string, number>();
  styles.addStyleModel = (model, cellType) => {
    if (!model) return add(model, cellType);
    const key = `${cellType}\u0001${JSON.stringify(model)}`;
    let id = ids.get(key);
    if (id === undefined) ids.set(key, (id = add(model, cellType)));
    return id;
  };
}

let exportStyleMemo = true;
/** For tests: write exports without the style-id memo (the plain exceljs path). */
export function setExportStyleMemo(on: boolean): void {
  exportStyleMemo = on;
}

/**
 * The import template (issue 11): the columns import reads, in export order, and one example row built from
 * each column's own example — the same strings the import parsers are tested against, so it re-imports.
 */
export async function importTemplateXlsx(ctx: ServiceContext): Promise<FileAnswer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Review Desk 评审台';
  // One reading of the clock for both stamps (exceljs would read it again for `modified`, a second later at times).
  workbook.created = workbook.modified = ctx.now();
  const sheet = workbook.addWorksheet('申请机构档案', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = DOSSIER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(10, c.header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const key of ['creditCode', 'contact.phone']) sheet.getColumn(key).numFmt = '@';
  sheet.addRow(DOSSIER_COLUMNS.map((c) => c.example));
  const buffer = await workbook.xlsx.writeBuffer();
  return new FileAnswer('申请机构档案-导入模板.xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', Buffer.from(buffer));
}
