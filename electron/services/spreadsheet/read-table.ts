// Reads the first sheet of an XLSX file, or a CSV file, into header + rows of cells. Row numbers are the
// ones the user sees in Excel (header = row 1). Blank rows are skipped but keep their numbering.
// Bounded by what the sheet actually holds, never by its declared extent: a single stray cell at XFD1
// once made us walk 16,384 columns per row (63 s, 4.6 GB for a 12 KB file). Only cells that exist are
// visited, the header may not reach past MAX_COLUMNS, and a table may not exceed MAX_CELLS in all.
import type ExcelJS from 'exceljs';
import { zipEntries } from './zip-entries';
import { firstSheetRows } from './xlsx-first-sheet';
import { decodeText } from './decode-text';
import { parseCsv } from './csv';
import type { Cell } from '../../../shared/dossiers/columns';

export interface Table {
  headers: string[];
  rows: { rowNumber: number; cells: Cell[] }[];
  encoding?: string;
}

export class UnreadableFileError extends Error {}

/** No import has more than a few dozen columns; 256 leaves room for notes columns users add. */
export const MAX_COLUMNS = 256;
/** 1.2 M score rows × 6 columns fit; a zip bomb of empty-looking cells does not. */
export const MAX_CELLS = 10_000_000;

function assertWithinBudget(cells: number): void {
  if (cells > MAX_CELLS) throw new UnreadableFileError(`表格超过 ${MAX_CELLS.toLocaleString('zh-CN')} 个单元格的上限，请分成几个文件导入`);
}

const isBlank = (cells: Cell[]) => cells.every((c) => c == null || (typeof c === 'string' && c.trim() === ''));

/** `onProgress` (XLSX only): the first sheet's compressed bytes read so far, of their number. */
export async function readTable(fileName: string, bytes: Uint8Array, onProgress?: (done: number, total: number) => void): Promise<Table> {
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b; // XLSX is a zip: trust the bytes over the name
  if (isZip) return readXlsx(bytes, onProgress);
  if (/\.xls$/i.test(fileName) || (bytes[0] === 0xd0 && bytes[1] === 0xcf)) {
    throw new UnreadableFileError('这是旧版 Excel（.xls）文件，请在 Excel 中另存为 .xlsx 或 CSV 后再导入');
  }
  return readCsv(bytes);
}

function readCsv(bytes: Uint8Array): Table {
  const { text, encoding } = decodeText(bytes);
  const [header = [], ...rest] = parseCsv(text);
  if (header.length > MAX_COLUMNS) throw new UnreadableFileError(`表头有 ${header.length} 列，超过了 ${MAX_COLUMNS} 列的上限`);
  assertWithinBudget(rest.reduce((n, cells) => n + cells.length, 0));
  const rows = rest.map((cells, i) => ({ rowNumber: i + 2, cells: cells as Cell[] })).filter((r) => !isBlank(r.cells));
  return { headers: header.map((h) => h.trim()), rows, encoding };
}

/** What a workbook may inflate to in all (declared sizes, read first): 10 M cells of XML fit, a zip bomb does not. */
export const MAX_INFLATED_BYTES = 1024 ** 3;

/**
 * The first sheet (first tab) of an XLSX, streamed (issue 8; xlsx-first-sheet.ts): rows are visited as they
 * are inflated and parsed, the header's width is checked on row 1 before any data row, every row visited,
 * blank or not, counts against the cell budget, and a workbook declaring more than MAX_INFLATED_BYTES is
 * refused before anything is inflated. `onProgress` gets the sheet's bytes read so far.
 */
async function readXlsx(bytes: Uint8Array, onProgress?: (done: number, total: number) => void): Promise<Table> {
  const entries = zipEntries(bytes);
  if (!entries) throw new UnreadableFileError('文件不是有效的 XLSX 工作簿');
  const inflated = entries.reduce((n, e) => n + e.uncompressed, 0);
  if (inflated > MAX_INFLATED_BYTES) throw new UnreadableFileError(`工作簿解压后超过 ${MAX_INFLATED_BYTES / 1024 ** 3} GB 的上限，请分成几个文件导入`);
  try {
    const rows = await firstSheetRows(bytes, entries, onProgress);
    if (!rows) throw new UnreadableFileError('工作簿中没有工作表');
    return await readSheetRows(rows);
  } catch (error) {
    if (error instanceof UnreadableFileError) throw error;
    throw new UnreadableFileError('文件不是有效的 XLSX 工作簿');
  }
}

async function readSheetRows(sheet: AsyncIterable<ExcelJS.Row>): Promise<Table> {
  let headers: string[] | null = null;
  let width = 0;
  let visited = 0;
  const rows: Table['rows'] = [];
  for await (const row of sheet) {
    if (headers === null) {
      // The header's width is its last non-blank cell; cells right of it in data rows are not read.
      const named = new Map<number, string>();
      if (row.number === 1) {
        row.eachCell({ includeEmpty: false }, (cell, column) => {
          const text = cellValue(cell.value);
          if (text != null && String(text).trim() !== '') named.set(column, String(text).trim());
        });
      }
      width = Math.max(0, ...named.keys());
      if (width > MAX_COLUMNS) throw new UnreadableFileError(`第 1 行第 ${width} 列有表头内容，超过了 ${MAX_COLUMNS} 列的上限；请删除多余的列后再导入`);
      headers = Array.from({ length: width }, (_, i) => named.get(i + 1) ?? '');
      if (row.number === 1) continue;
    }
    assertWithinBudget(++visited * Math.max(1, width));
    const cells: Cell[] = new Array<Cell>(width).fill(null);
    row.eachCell({ includeEmpty: false }, (cell, column) => {
      if (column <= width) cells[column - 1] = cellValue(cell.value);
    });
    if (!isBlank(cells)) rows.push({ rowNumber: row.number, cells });
  }
  return { headers: headers ?? [], rows };
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
