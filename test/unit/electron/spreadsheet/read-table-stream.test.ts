// Issue 8: the XLSX reader streams the first sheet (exceljs WorkbookReader). It must read exactly what the
// whole-workbook reader read (the reference below is that reader, as it was), keep every bound, refuse a zip
// that declares more than MAX_INFLATED_BYTES before inflating anything, and report its progress.
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_CELLS, MAX_COLUMNS, MAX_INFLATED_BYTES, readTable, UnreadableFileError, type Table } from '../../../../electron/services/spreadsheet/read-table';
import { zipEntries } from '../../../../electron/services/spreadsheet/zip-entries';
import type { Cell } from '../../../../shared/dossiers/columns';

/** The reader before streaming (workbook loaded whole), kept here as the plain path to compare with. */
async function wholeWorkbookReference(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const flat = (value: ExcelJS.CellValue): Cell => {
    if (value == null) return null;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return flat(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
    return String(value);
  };
  const named = new Map<number, string>();
  sheet.getRow(1).eachCell({ includeEmpty: false }, (cell, column) => {
    const text = flat(cell.value);
    if (text != null && String(text).trim() !== '') named.set(column, String(text).trim());
  });
  const width = Math.max(0, ...named.keys());
  const headers = Array.from({ length: width }, (_, i) => named.get(i + 1) ?? '');
  const rows: Table['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells: Cell[] = new Array<Cell>(width).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column <= width) cells[column - 1] = flat(cell.value);
    });
    if (!cells.every((c) => c == null || (typeof c === 'string' && c.trim() === ''))) rows.push({ rowNumber, cells });
  });
  return { headers, rows };
}

/** An empty-string cell and an absent one read alike everywhere (cellText, isBlank); the two readers differ there only. */
const emptyAsNull = (t: Table): Table => ({ ...t, rows: t.rows.map((r) => ({ ...r, cells: r.cells.map((c) => (c === '' ? null : c)) })) });

/** Patches an entry's declared (uncompressed) size in the central directory, as a zip bomb declares or lies. */
function setDeclaredSize(bytes: Buffer, name: string, size: number): void {
  let at = bytes.readUInt32LE(bytes.length - 22 + 16);
  while (bytes.readUInt32LE(at) === 0x02014b50) {
    const nameLength = bytes.readUInt16LE(at + 28);
    if (bytes.subarray(at + 46, at + 46 + nameLength).toString() === name) bytes.writeUInt32LE(size, at + 24);
    at += 46 + nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
  }
}

async function workbook(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const cellArb: fc.Arbitrary<ExcelJS.CellValue> = fc.oneof(
  fc.constantFrom('重庆银行股份有限公司', '长沙市长安重工有限公司', '91330100716105852P', '0571-88886666', '第一行\n第二行', ' ', '', '李娜', 'ＡＢＣ珠宝', '是', '否'),
  fc.integer({ min: -1_000_000, max: 100_000_000 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }),
  fc.boolean(),
  fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()))),
  fc.constant<ExcelJS.CellValue>({ richText: [{ text: '杭州' }, { font: { bold: true }, text: '安心珠宝' }] }),
  fc.constant<ExcelJS.CellValue>({ formula: 'A1', result: '公式结果' } as ExcelJS.CellFormulaValue),
  fc.constant<ExcelJS.CellValue>({ text: '链接文字', hyperlink: 'https://example.com' }),
  fc.constant(null),
);

describe('streamed XLSX reader', () => {
  it('reads what the whole-workbook reader read, for random sheets of typed cells (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.constantFrom('机构名称', '统一社会信用代码', '', '城市', '备注'), { minLength: 1, maxLength: 6 }),
        fc.array(fc.option(fc.array(cellArb, { maxLength: 8 }), { nil: null }), { maxLength: 25 }),
        async (header, rows) => {
          const bytes = await workbook((wb) => {
            const sheet = wb.addWorksheet('名单');
            sheet.getRow(1).values = header;
            rows.forEach((cells, i) => cells && cells.forEach((value, c) => (sheet.getCell(i + 2, c + 1).value = value)));
            wb.addWorksheet('另一张').getCell('A1').value = '不读';
          });
          expect(emptyAsNull(await readTable('a.xlsx', bytes))).toEqual(emptyAsNull(await wholeWorkbookReference(bytes)));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads the first tab, not the second, and Chinese intact', async () => {
    const bytes = await workbook((wb) => {
      const first = wb.addWorksheet('档案');
      first.addRow(['机构名称', '城市']);
      first.addRow(['重庆市长江珠宝有限公司', '重庆市']);
      const second = wb.addWorksheet('说明');
      second.addRow(['别的表头']);
      second.addRow(['不应读到']);
    });
    expect(await readTable('a.xlsx', bytes)).toEqual({ headers: ['机构名称', '城市'], rows: [{ rowNumber: 2, cells: ['重庆市长江珠宝有限公司', '重庆市'] }] });
    // Tabs moved in Excel: the first tab is sheet2.xml; it is still the one read, as the whole reader did.
    const moved = await workbook((wb) => {
      const later = wb.addWorksheet('说明');
      later.addRow(['别的表头']);
      const first = wb.addWorksheet('档案');
      first.addRow(['机构名称']);
      first.addRow(['长沙银行股份有限公司']);
      // exceljs orders workbook.xml by orderNo (not in its typings)
      (later as unknown as { orderNo: number }).orderNo = 2;
      (first as unknown as { orderNo: number }).orderNo = 1;
    });
    expect((await wholeWorkbookReference(moved)).headers).toEqual(['机构名称']);
    expect(await readTable('a.xlsx', moved)).toEqual({ headers: ['机构名称'], rows: [{ rowNumber: 2, cells: ['长沙银行股份有限公司'] }] });
  });

  it('keeps Chinese intact across the inflated chunks of a large sheet (inline and shared strings)', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('s');
      sheet.addRow(['机构名称', '备注']);
      for (let i = 0; i < 4000; i++) sheet.addRow([`重庆银行股份${i}号有限公司`, { richText: [{ text: `长沙市第${i}号` }, { text: '银行营业部' }] }]);
    });
    const table = await readTable('a.xlsx', bytes);
    expect(table).toEqual(await wholeWorkbookReference(bytes));
    expect(table.rows.every((r) => !String(r.cells[0]).includes('\uFFFD') && !String(r.cells[1]).includes('\uFFFD'))).toBe(true);
  });

  it('reads the same table every time (exceljs#3064: its own streaming pass lost the last entry now and then)', async () => {
    const bytes = await workbook((wb) => {
      wb.addWorksheet('一').addRow(['机构名称']);
      wb.addWorksheet('二').addRow(['别的']);
    });
    for (let i = 0; i < 30; i++) expect(await readTable('a.xlsx', bytes)).toEqual({ headers: ['机构名称'], rows: [] });
  });

  it('stops inflating an entry that grows past the size it declared (a lying zip bomb)', async () => {
    const bytes = Buffer.from(await workbook((wb) => {
      const sheet = wb.addWorksheet('s');
      sheet.addRow(['机构名称']);
      for (let i = 0; i < 200; i++) sheet.addRow([`杭州第${i}号珠宝检测有限公司`]);
    }));
    setDeclaredSize(bytes, 'xl/worksheets/sheet1.xml', 1000);
    await expect(readTable('a.xlsx', bytes)).rejects.toThrow('不是有效的 XLSX');
  });

  it('reports the sheet’s bytes read, rising to its size', async () => {
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('s');
      sheet.addRow(['机构名称']);
      for (let i = 0; i < 3000; i++) sheet.addRow([`杭州第${i}号珠宝检测有限公司`]);
    });
    const seen: [number, number][] = [];
    await readTable('a.xlsx', bytes, (done, total) => seen.push([done, total]));
    expect(seen.length).toBeGreaterThan(0);
    const sheetSize = zipEntries(bytes)!.find((e) => e.name === 'xl/worksheets/sheet1.xml')!.compressed;
    expect(seen.every(([, total]) => total === sheetSize)).toBe(true);
    expect(seen.at(-1)).toEqual([sheetSize, sheetSize]);
    for (let i = 1; i < seen.length; i++) expect(seen[i]![0]).toBeGreaterThanOrEqual(seen[i - 1]![0]);
  });

  it('refuses, before inflating anything, a zip that declares more than MAX_INFLATED_BYTES', async () => {
    const bytes = Buffer.from(await workbook((wb) => wb.addWorksheet('s').addRow(['机构名称'])));
    expect(zipEntries(bytes)!.some((e) => e.name === 'xl/worksheets/sheet1.xml')).toBe(true);
    setDeclaredSize(bytes, 'xl/worksheets/sheet1.xml', MAX_INFLATED_BYTES + 1);
    await expect(readTable('a.xlsx', bytes)).rejects.toThrow(UnreadableFileError);
    await expect(readTable('a.xlsx', bytes)).rejects.toThrow('解压后超过');
  });

  it('refuses a zip without a central directory as not a workbook', async () => {
    await expect(readTable('a.xlsx', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0, 0]))).rejects.toThrow('不是有效的 XLSX');
  });

  it('counts blank rows against the cell budget (a sheet of whitespace is no way around it)', async () => {
    const rows = Math.floor(MAX_CELLS / MAX_COLUMNS) + 1;
    const bytes = await workbook((wb) => {
      const sheet = wb.addWorksheet('s');
      sheet.getRow(1).values = Array.from({ length: MAX_COLUMNS }, (_, i) => `列${i + 1}`);
      for (let r = 2; r <= rows + 1; r++) sheet.getCell(r, 1).value = ' ';
    });
    await expect(readTable('a.xlsx', bytes)).rejects.toThrow('个单元格的上限');
  }, 60_000);

  it('answers a damaged workbook with a table or UnreadableFileError, never another error or a hang (fast-check)', async () => {
    const good = Buffer.from(await workbook((wb) => {
      const sheet = wb.addWorksheet('档案');
      sheet.addRow(['机构名称', '城市']);
      for (let i = 0; i < 40; i++) sheet.addRow([`重庆第${i}号珠宝检测有限公司`, '重庆市']);
    }));
    await fc.assert(
      fc.asyncProperty(fc.array(fc.record({ at: fc.nat({ max: good.length - 1 }), byte: fc.nat({ max: 255 }) }), { minLength: 1, maxLength: 8 }), fc.option(fc.nat({ max: good.length }), { nil: undefined }), async (flips, cut) => {
        const bytes = Buffer.from(good.subarray(0, cut ?? good.length));
        for (const { at, byte } of flips) if (at >= 2 && at < bytes.length) bytes[at] = byte; // keep the PK magic: the XLSX path
        try {
          await readTable('a.xlsx', bytes);
        } catch (error) {
          expect(error).toBeInstanceOf(UnreadableFileError);
        }
      }),
      { numRuns: 150 },
    );
  }, 60_000);
});
