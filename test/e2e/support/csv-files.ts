// CSV files as a committee member's Excel saves them, built from the headers the import documents
// (DOSSIER_COLUMNS[].header), not from the export code, so the import is tested against what users have.
import iconv from 'iconv-lite';
import { DOSSIER_COLUMNS } from '../../../shared/dossiers/columns';

/** The columns these files carry: every required one plus the first contact. */
const KEYS = ['legalName', 'creditCode', 'legalRepresentative', 'province', 'city', 'registeredCapitalWan', 'establishedOn', 'taxpayerType', 'realNameVerified', 'isShopAccount', 'depositPaidYuan', 'priceQuoteYuan', 'contact.name', 'contact.phone'] as const;
export type CsvRecord = Record<(typeof KEYS)[number], string>;

/** The zh-CN header of a column, e.g. header('creditCode') === '统一社会信用代码'. */
export function header(key: (typeof KEYS)[number]): string {
  const column = DOSSIER_COLUMNS.find((c) => c.key === key);
  if (!column) throw new Error(`no import column ${key}`);
  return column.header;
}

/** A valid row; each test overrides name, code and place. */
export function record(overrides: Partial<CsvRecord> & Pick<CsvRecord, 'legalName' | 'creditCode'>): CsvRecord {
  return {
    legalRepresentative: '陈明',
    province: '浙江省',
    city: '杭州市',
    registeredCapitalWan: '500',
    establishedOn: '2018-06-01',
    taxpayerType: '一般纳税人',
    realNameVerified: '是',
    isShopAccount: '否',
    depositPaidYuan: '100000',
    priceQuoteYuan: '38000',
    'contact.name': '李娜',
    'contact.phone': '13800138000',
    ...overrides,
  };
}

/** Header line + one line per record, CRLF like Excel, fields quoted only when they must be. */
export function csvText(records: CsvRecord[]): string {
  const quote = (field: string) => (/[",\r\n]/.test(field) ? `"${field.replace(/"/g, '""')}"` : field);
  const lines = [KEYS.map(header), ...records.map((r) => KEYS.map((k) => r[k]))];
  return lines.map((cells) => cells.map(quote).join(',')).join('\r\n') + '\r\n';
}

export const utf8Csv = (records: CsvRecord[]): Buffer => Buffer.from(csvText(records), 'utf8');
/** Code page 936: what Excel on Chinese Windows writes for "CSV (逗号分隔)". */
export const gbkCsv = (records: CsvRecord[]): Buffer => iconv.encode(csvText(records), 'gbk');
