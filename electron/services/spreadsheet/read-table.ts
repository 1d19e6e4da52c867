// Reads the first sheet of an XLSX file, or a CSV file, into header + rows of cells. Row numbers are the
// ones the user sees in Excel (header = row 1). Blank rows are skipped but keep their numbering.
import ExcelJS from 'exceljs';
import { decodeText } from './decode-text';
import { parseCsv } from './csv';
import type { Cell } from '../../../shared/dossiers/columns';

export interface Table {
  headers: string[];
  rows: { rowNumber: number; cells: Cell[] }[];
  encoding?: string;
}

export class UnreadableFileError extends Error {}

const isBlank = (cells: Cell[]) => cells.every((c) => c == null || (typeof c === 'string' && c.trim() === ''));

export async function readTable(fileName: string, bytes: Uint8Array): Promise<Table> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // XLSX is a zip: trust the bytes over the name
  if (isZip) return readXlsx(bytes);
  if (/\.xls$/i.test(fileName) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    throw new UnreadableFileError('这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入');
  }
  return readCsv(bytes);
}

function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes);
  const [header = [], ...rest] = parseCsv(text);
  const rows = rest.map((cells, i) => ({ rowNumber: i + 2, cells: cells as Cell[] })).filter((r) => !isBlank(r.cells));
  return { headers: header.map((h) => h.trim()), rows, encoding };
}

async function readXlsx(bytes: Uint8Array): Promise<Table> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw new UnreadableFileError('文件不是有效的 XLSX 工作簿');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new UnreadableFileError('工作簿中没有工作表');
  const headerRow = sheet.getRow(1);
  const width = headerRow.cellCount;
  const headers = Array.from({ length: width }, (_, i) => cellValue(headerRow.getCell(i + 1).value)).map((v) => (v == null ? '' : String(v).trim()));
  const rows: Table['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = Array.from({ length: width }, (_, i) => cellValue(row.getCell(i + 1).value));
    if (!isBlank(cells)) rows.push({ rowNumber, cells });
  });
  return { headers, rows };
}

/** Flattens ExcelJS cell values (rich text, formulas, hyperlinks) to what the user sees. */
function cellValue(value: ExcelJS.CellValue): Cell {
  if (value == null) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('result' in value) return cellValue(value.result as ExcelJS.CellValue);
    if ('text' in value && typeof value.text === 'string') return value.text;
    if ('error' in value) return null;
  }
  return String(value);
}
