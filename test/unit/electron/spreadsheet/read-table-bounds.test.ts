// Spreadsheet reading is bounded by the cells that exist, not the sheet's extent (issue: a 12 KB XLSX with
// a header cell at XFD1 once took 63 s and 4.6 GB).
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { MAX_COLUMNS, readTable, UnreadableFileError } from '../../../../electron/services/spreadsheet/read-table';

async function xlsx(fill: (sheet: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook.addWorksheet('Sheet1'));
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

describe('readTable bounds', () => {
  it('refuses a header cell at XFD1 at once, naming the column', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.getCell('A1').value = '机构名称';
      sheet.getCell('XFD1').value = 'x';
      for (let r = 2; r < 200; r++) sheet.getCell(`A${r}`).value = `机构${r}`;
    });
    const started = performance.now();
    await expect(readTable('a.xlsx', bytes)).rejects.toThrow(UnreadableFileError);
    await expect(readTable('a.xlsx', bytes)).rejects.toThrow('16384');
    expect(performance.now() - started).toBeLessThan(5_000); // was a minute; the real guard is the refusal above
  });

  it('ignores stray cells right of the header in data rows and keeps the columns it has', async () => {
    const bytes = await xlsx((sheet) => {
      sheet.getRow(1).values = ['机构名称', '', '城市'];
      sheet.getRow(2).values = ['甲公司', null, '杭州'];
      sheet.getCell('XFD2').value = '远处的一格';
      sheet.getCell('A4').value = '乙公司';
    });
    const table = await readTable('a.xlsx', bytes);
    expect(table.headers).toEqual(['机构名称', '', '城市']);
    expect(table.rows).toEqual([
      { rowNumber: 2, cells: ['甲公司', null, '杭州'] },
      { rowNumber: 4, cells: ['乙公司', null, null] },
    ]);
  });

  it('accepts exactly MAX_COLUMNS header cells and refuses a CSV header wider than that', async () => {
    const bytes = await xlsx((sheet) => sheet.getRow(1).values = Array.from({ length: MAX_COLUMNS }, (_, i) => `列${i + 1}`));
    expect((await readTable('a.xlsx', bytes)).headers).toHaveLength(MAX_COLUMNS);
    const csv = new TextEncoder().encode(Array.from({ length: MAX_COLUMNS + 1 }, (_, i) => `c${i}`).join(',') + '\n1\n');
    await expect(readTable('a.csv', csv)).rejects.toThrow(UnreadableFileError);
  });
});
