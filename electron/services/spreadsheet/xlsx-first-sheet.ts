// The first sheet (first tab) of an XLSX as a stream of rows (issue 8), driving exceljs's streaming
// WorkbookReader one entry at a time in the order it needs — relations, workbook, shared strings, styles,
// then only the first tab's sheet — instead of its own single pass over the zip, which intermittently loses
// the last entry (exceljs#3064: Excel and exceljs store xl/workbook.xml last) and writes every sheet that
// precedes the shared strings to a temporary file. The entries come from the central directory
// (zip-entries.ts), each inflated as a stream and never past its declared size.
// These are WorkbookReader's own parse steps (exceljs 4.4.0); test/unit/electron/spreadsheet pins their result
// against the whole-workbook reader, so an exceljs upgrade that changes them fails there, not in use.
import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { entryStream, type ZipEntry } from './zip-entries';

interface ReaderSteps {
  model?: { sheets?: { name: string; rId: string }[] };
  workbookRels?: { Id: string; Target: string }[];
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncIterable<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: Readable, sheetNo: string): Iterator<{ eventType: string; value: AsyncIterable<ExcelJS.Row> }>;
}

export class NotAWorkbookError extends Error {}

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The first tab's rows; `onProgress` gets the sheet's compressed bytes read, of its size. */
export async function firstSheetRows(bytes: Uint8Array, entries: ZipEntry[], onProgress?: (done: number, total: number) => void): Promise<AsyncIterable<ExcelJS.Row> | null> {
  const byName = new Map(entries.map((e) => [e.name, e]));
  const open = (name: string) => entryStream(bytes, byName.get(name)!);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(null as unknown as Readable, { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', worksheets: 'emit', entries: 'ignore' }) as unknown as ReaderSteps;
  if (!byName.has('xl/workbook.xml')) throw new NotAWorkbookError();
  if (byName.has('xl/_rels/workbook.xml.rels')) await reader._parseRels(open('xl/_rels/workbook.xml.rels'));
  await reader._parseWorkbook(open('xl/workbook.xml'));
  if (byName.has('xl/sharedStrings.xml')) for await (const _ of reader._parseSharedStrings(open('xl/sharedStrings.xml'))) void _; // cached on the reader
  if (byName.has('xl/styles.xml')) await reader._parseStyles(open('xl/styles.xml')); // number formats: which numbers are dates

  // The first tab as workbook.xml orders the sheets, through its relation; else the lowest-numbered sheet.
  const first = reader.model?.sheets?.[0];
  const target = first && reader.workbookRels?.find((r) => r.Id === first.rId)?.Target;
  const named = target ? target.replace(/^\//, '').replace(/^(?!xl\/)/, 'xl/') : undefined;
  const sheets = entries.filter((e) => SHEET.test(e.name)).sort((a, b) => Number(SHEET.exec(a.name)![1]) - Number(SHEET.exec(b.name)![1]));
  const sheet = (named && byName.get(named)) ?? sheets[0];
  if (!sheet) return null;
  const sheetNo = SHEET.exec(sheet.name)?.[1] ?? '1';
  const step = reader._parseWorksheet(entryStream(bytes, sheet, onProgress), sheetNo).next();
  return step.done ? null : step.value.value;
}
