// Spreadsheet files as committee members produce them, written independently of the export code so the
// import is tested against what Excel writes, not against our own writer.
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { REAL_CREDIT_CODES } from './dossiers';

/** The required columns plus one contact, with the zh-CN headers the export writes. */
export const HEADERS = [
  '机构名称', '统一社会信用代码', '法定代表人', '省份', '城市', '注册资本（万元）', '成立日期', '纳税人类型',
  '企业实名认证', '店铺账号', '已缴保证金（元）', '服务报价（元）', '联系人', '联系电话', '联系邮箱',
] as const;
export type Header = (typeof HEADERS)[number];
export type ImportRecord = Record<Header, string>;

/** A valid row; override what the test is about. */
export function importRecord(overrides: Partial<ImportRecord> = {}): ImportRecord {
  return {
    机构名称: '杭州安心珠宝检测技术有限公司',
    统一社会信用代码: REAL_CREDIT_CODES[0]!,
    法定代表人: '陈明',
    省份: '浙江省',
    城市: '杭州市',
    '注册资本（万元）': '500',
    成立日期: '2018-06-01',
    纳税人类型: '一般纳税人',
    企业实名认证: '是',
    店铺账号: '否',
    '已缴保证金（元）': '100000',
    '服务报价（元）': '38000',
    联系人: '李娜',
    联系电话: '13800138000',
    联系邮箱: 'lina@example.com',
    ...overrides,
  };
}

/** Header line + one line per record (a null record is a blank line, which keeps its Excel row number). */
export function toRows(records: (ImportRecord | null)[], headers: readonly string[] = HEADERS): string[][] {
  return [[...headers], ...records.map((r) => (r ? HEADERS.map((h) => r[h]) : headers.map(() => '')))];
}

/** CSV as Excel writes it: CRLF line ends, fields quoted only when they must be. */
export function toCsv(rows: string[][], delimiter = ','): string {
  const quote = (field: string) => (/["\r\n]/.test(field) || field.includes(delimiter) ? `"${field.replace(/"/g, '""')}"` : field);
  return rows.map((row) => row.map(quote).join(delimiter)).join('\r\n') + '\r\n';
}

export const utf8 = (text: string): Buffer => Buffer.from(text, 'utf8');
export const utf8WithBom = (text: string): Buffer => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(text)]);
/** Code page 936, what Excel on Chinese Windows saves as "CSV (逗号分隔)". */
export const gbk = (text: string): Buffer => iconv.encode(text, 'gbk');
/** Excel's "Unicode 文本": UTF-16LE with a BOM. */
export const utf16leWithBom = (text: string): Buffer => Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);

export type XlsxCell = string | number | boolean | Date | null;

/** An XLSX workbook whose first sheet holds `rows` from row 1; a null row is left empty. */
export async function xlsx(rows: (XlsxCell[] | null)[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('机构');
  rows.forEach((cells, i) => {
    if (cells) sheet.getRow(i + 1).values = cells;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The first sheet of an XLSX file as plain values, row by row (row 1 = header). */
export async function readXlsxValues(bytes: Buffer): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

export const base64 = (bytes: Buffer): string => bytes.toString('base64');
