// Export of dossiers to XLSX with the same columns the import reads, so a file can go round trip.
import ExcelJS from 'exceljs';
import type { ServiceContext } from '../context';
import { DOSSIER_COLUMNS } from '../../../shared/dossiers/columns';
import { toData } from './dossier-repo';

type Status = 'active' | 'archived' | 'all';

export async function exportDossiersXlsx(ctx: ServiceContext, status: Status): Promise<{ fileName: string; mime: string; dataBase64: string }> {
  const where = status === 'active' ? 'WHERE archived_at IS NULL' : status === 'archived' ? 'WHERE archived_at IS NOT NULL' : '';
  const rows = ctx.db.prepare(`SELECT * FROM dossiers ${where} ORDER BY name_sort, legal_name, id`).all() as Parameters<typeof toData>[0][];
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Review Desk 评审台';
  workbook.created = ctx.now();
  const sheet = workbook.addWorksheet('申请机构档案', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = DOSSIER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(10, c.header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) {
    const data = toData(row);
    sheet.addRow(DOSSIER_COLUMNS.map((c) => c.read(data)));
  }
  // Credit codes and phone numbers are text: keep Excel from turning them into numbers.
  for (const key of ['creditCode', 'contact.phone']) sheet.getColumn(key).numFmt = '@';
  const buffer = await workbook.xlsx.writeBuffer();
  const stamp = ctx.now().toISOString().slice(0, 10);
  return { fileName: `申请机构档案-${stamp}.xlsx`, mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64: Buffer.from(buffer).toString('base64') };
}

/**
 * The import template (issue 11): the columns import reads, in export order, and one example row built from
 * each column's own example — the same strings the import parsers are tested against, so it re-imports.
 */
export async function importTemplateXlsx(ctx: ServiceContext): Promise<{ fileName: string; mime: string; dataBase64: string }> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Review Desk 评审台';
  workbook.created = ctx.now();
  const sheet = workbook.addWorksheet('申请机构档案', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = DOSSIER_COLUMNS.map((c) => ({ header: c.header, key: c.key, width: Math.max(10, c.header.length * 2 + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const key of ['creditCode', 'contact.phone']) sheet.getColumn(key).numFmt = '@';
  sheet.addRow(DOSSIER_COLUMNS.map((c) => c.example));
  const buffer = await workbook.xlsx.writeBuffer();
  return { fileName: '申请机构档案-导入模板.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', dataBase64: Buffer.from(buffer).toString('base64') };
}
