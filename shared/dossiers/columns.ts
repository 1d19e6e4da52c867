// The spreadsheet columns of a dossier, shared by import and export so an exported file re-imports
// unchanged. Headers are what committee members see in Excel (zh-CN), with English aliases accepted on
// import. Parsers return a value or an error key (resources/locales), never prose.
import { CAPABILITIES, type Capability, type DossierInput } from './schema';
import { IDENTITY_KIND_WORD, inferIdentityKind, parseIdentityKind } from './identity';

export type Cell = string | number | boolean | Date | null;
type Parsed<T> = { value: T } | { error: string };

export interface DossierColumn {
  key: string;
  header: string; // zh-CN header written on export
  aliases: string[]; // accepted on import (compared after normalising spaces, case and brackets)
  required: boolean;
  example: string;
  apply: (cell: Cell, into: DossierInputDraft) => string | null; // error key or null
  read: (d: DossierInput) => string | number | boolean | null;
}

/** What a row fills in before schema validation; missing keys stay undefined so the schema reports them. */
export type DossierInputDraft = Partial<Omit<DossierInput, 'contacts'>> & { contacts?: { name: string; phone: string; email: string }[] };

const TRUE = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '✔', 'ok', '已认证', '已缴']);
const FALSE = new Set(['否', '无', 'n', 'no', 'false', '0', '×', '✗', '未认证', '未缴', '']);

export function cellText(cell: Cell): string {
  if (cell == null) return '';
  if (cell instanceof Date) return formatDate(cell);
  return String(cell).trim();
}

export function parseBoolean(cell: Cell): Parsed<boolean> {
  if (typeof cell === 'boolean') return { value: cell };
  if (typeof cell === 'number') return cell === 1 || cell === 0 ? { value: cell === 1 } : { error: 'error.boolean' };
  const text = cellText(cell).toLowerCase();
  if (TRUE.has(text)) return { value: true };
  if (FALSE.has(text)) return { value: false };
  return { error: 'error.boolean' };
}

/** Numbers as Excel users write them: 1,000.50 / 1000 / ￥1000 / 50万 is NOT accepted (units belong in the header). */
export function parseNumber(cell: Cell): Parsed<number> | { value: undefined } {
  if (typeof cell === 'number') return { value: cell };
  const text = cellText(cell).replace(/[,，\s]/g, '').replace(/^[¥￥]/, '');
  if (text === '') return { value: undefined };
  if (!/^-?\d+(\.\d+)?$/.test(text)) return { error: 'error.number' };
  return { value: Number(text) };
}

function formatDate(d: Date): string {
  // Excel dates arrive as UTC midnight; read the UTC calendar day so no time zone shifts them.
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** 2019-03-05, 2019/3/5, 2019.3.5, 2019年3月5日, 20190305 → 2019-03-05; validity is checked by the schema. */
export function parseDate(cell: Cell): Parsed<string> | { value: undefined } {
  if (cell instanceof Date) return { value: formatDate(cell) };
  const text = cellText(cell);
  if (text === '') return { value: undefined };
  const m = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(text) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(text);
  if (!m) return { error: 'error.date' };
  return { value: `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` };
}

const TAXPAYER_WORDS: Record<string, 'general' | 'small'> = { 一般纳税人: 'general', 一般: 'general', general: 'general', 小规模纳税人: 'small', 小规模: 'small', small: 'small' };

const text = (key: keyof DossierInputDraft & string, header: string, aliases: string[], required: boolean, example: string): DossierColumn => ({
  key,
  header,
  aliases,
  required,
  example,
  apply: (cell, into) => {
    (into as Record<string, unknown>)[key] = cellText(cell);
    return null;
  },
  read: (d) => String((d as Record<string, unknown>)[key] ?? ''),
});

const bool = (key: 'realNameVerified', header: string, aliases: string[], example: string): DossierColumn => ({
  key,
  header,
  aliases,
  required: true,
  example,
  apply: (cell, into) => {
    const parsed = parseBoolean(cell);
    if ('error' in parsed) return parsed.error;
    into[key] = parsed.value;
    return null;
  },
  read: (d) => (d[key] ? '是' : '否'),
});

/** Words for "not known" in a yes/no cell that may be unknown; a blank cell is one of them. */
const UNKNOWN = new Set(['', '未知', '不详', '待核实', '未核实', 'unknown', '?', '？']);

/**
 * 店铺账号: a blank (or 未知) cell is "not known", not "no" — the 不可为店铺账号 gate then reports the fact
 * missing instead of passing it. The column may be left out of a file altogether, with the same meaning.
 */
const shopAccount = (): DossierColumn => ({
  key: 'isShopAccount',
  header: '店铺账号',
  aliases: ['是否店铺账号', 'shop account'],
  required: false,
  example: '否',
  apply: (cell, into) => {
    if (UNKNOWN.has(cellText(cell).toLowerCase())) {
      into.isShopAccount = null;
      return null;
    }
    const parsed = parseBoolean(cell);
    if ('error' in parsed) return parsed.error;
    into.isShopAccount = parsed.value;
    return null;
  },
  read: (d) => (d.isShopAccount == null ? '' : d.isShopAccount ? '是' : '否'),
});

const number = (key: 'registeredCapitalWan' | 'depositPaidYuan' | 'priceQuoteYuan', header: string, aliases: string[], required: boolean, example: string): DossierColumn => ({
  key,
  header,
  aliases,
  required,
  example,
  apply: (cell, into) => {
    const parsed = parseNumber(cell);
    if ('error' in parsed) return parsed.error;
    if (parsed.value === undefined) {
      if (key === 'priceQuoteYuan') into.priceQuoteYuan = null;
      return null; // a required number left empty is reported by the schema as 必填
    }
    into[key] = parsed.value;
    return null;
  },
  // A person has no registered capital: the 0 the form stores is written as a blank, which reads back as 0.
  read: (d) => (key === 'registeredCapitalWan' && d.identityKind === 'individual' && d[key] === 0 ? null : (d[key] ?? null)),
});

const CAPABILITY_HEADERS: Record<Capability, [string, string]> = {
  bd: ['BD拓展', 'bd'],
  operation: ['运营', 'operation'],
  coaching: ['陪跑', 'coaching'],
  training: ['培训', 'training'],
  traffic: ['投流', 'traffic'],
  sourcing: ['货品整合分发', 'sourcing'],
};

const capability = (cap: Capability): DossierColumn => ({
  key: `capability.${cap}`,
  header: `能力：${CAPABILITY_HEADERS[cap][0]}`,
  aliases: [CAPABILITY_HEADERS[cap][0], `capability ${CAPABILITY_HEADERS[cap][1]}`],
  required: false,
  example: '是',
  apply: (cell, into) => {
    const parsed = parseBoolean(cell);
    if ('error' in parsed) return parsed.error;
    const list = new Set(into.capabilities ?? []);
    if (parsed.value) list.add(cap);
    into.capabilities = CAPABILITIES.filter((c) => list.has(c));
    return null;
  },
  read: (d) => ((d.capabilities ?? []).includes(cap) ? '是' : '否'),
});

const contact = (field: 'name' | 'phone' | 'email', header: string, aliases: string[], example: string): DossierColumn => ({
  key: `contact.${field}`,
  header,
  aliases,
  required: false,
  example,
  apply: (cell, into) => {
    const value = cellText(cell);
    const first = into.contacts?.[0] ?? { name: '', phone: '', email: '' };
    into.contacts = [{ ...first, [field]: value }, ...(into.contacts?.slice(1) ?? [])];
    return null;
  },
  read: (d) => d.contacts?.[0]?.[field] ?? '',
});

export const DOSSIER_COLUMNS: readonly DossierColumn[] = [
  text('legalName', '机构名称', ['名称', '企业名称', '公司名称', '法定名称', 'legal name', 'name'], true, '杭州示例珠宝检测有限公司'),
  // One column for both kinds of number; 主体类型 (or, without it, the number's own format) says which it is.
  text('creditCode', '统一社会信用代码/身份证号', ['统一社会信用代码', '信用代码', '社会信用代码', '身份证号', '身份证号码', '居民身份证号', '证件号码', 'credit code', 'uscc', 'resident id number', 'id number'], true, '91330100716105852F'),
  {
    key: 'identityKind',
    header: '主体类型',
    aliases: ['申请主体类型', '身份类型', 'identity kind', 'applicant kind'],
    required: false,
    example: '机构',
    apply: (cell, into) => {
      const kind = parseIdentityKind(cellText(cell));
      if (kind === null) return 'error.identityKind';
      if (kind !== undefined) into.identityKind = kind;
      return null;
    },
    read: (d) => IDENTITY_KIND_WORD[d.identityKind ?? 'organization'],
  },
  text('legalRepresentative', '法定代表人', ['法人', '法人代表', 'legal representative'], true, '张三'),
  text('province', '省份', ['省', 'province'], true, '浙江省'),
  text('city', '城市', ['市', '所在城市', 'city'], true, '杭州市'),
  number('registeredCapitalWan', '注册资本（万元）', ['注册资本', 'registered capital', 'registered capital (10k cny)'], true, '500'),
  {
    key: 'establishedOn',
    header: '成立日期',
    aliases: ['注册日期', '成立时间', 'established', 'established on'],
    required: true,
    example: '2018-06-01',
    apply: (cell, into) => {
      const parsed = parseDate(cell);
      if ('error' in parsed) return parsed.error;
      if (parsed.value !== undefined) into.establishedOn = parsed.value;
      return null;
    },
    read: (d) => d.establishedOn ?? '',
  },
  {
    key: 'taxpayerType',
    header: '纳税人类型',
    aliases: ['纳税人', 'taxpayer', 'taxpayer type'],
    required: true,
    example: '一般纳税人',
    apply: (cell, into) => {
      const value = cellText(cell);
      if (value === '') return null;
      const type = Object.hasOwn(TAXPAYER_WORDS, value.toLowerCase()) ? TAXPAYER_WORDS[value.toLowerCase()] : undefined;
      if (!type) return 'error.taxpayerType';
      into.taxpayerType = type;
      return null;
    },
    // A person is no 一般纳税人: the 'small' the form stores is written blank and reads back as 'small'.
    read: (d) => (d.identityKind === 'individual' && d.taxpayerType === 'small' ? '' : d.taxpayerType === 'general' ? '一般纳税人' : '小规模纳税人'),
  },
  bool('realNameVerified', '企业实名认证', ['实名认证', 'real-name verified', 'verified'], '是'),
  shopAccount(),
  number('depositPaidYuan', '已缴保证金（元）', ['保证金', '已缴保证金', 'deposit', 'deposit paid'], true, '100000'),
  ...CAPABILITIES.map(capability),
  number('priceQuoteYuan', '服务报价（元）', ['服务报价', '报价', 'price', 'price quote'], false, '38000'),
  contact('name', '联系人', ['联系人姓名', 'contact', 'contact name'], '李四'),
  contact('phone', '联系电话', ['电话', '手机', 'phone'], '13800138000'),
  contact('email', '联系邮箱', ['邮箱', '电子邮箱', 'email', 'e-mail'], 'lisi@example.com'),
  text('introduction', '机构简介', ['简介', 'introduction'], false, '专注珠宝玉石检测十余年'),
  text('notes', '备注', ['notes', 'remark', 'remarks'], false, ''),
];

/** Compares headers the way a person would: ignoring spaces, case, and full-width vs half-width brackets. */
export function normalizeHeader(header: string): string {
  return header.replace(/[\s\u3000]/g, '').replace(/（/g, '(').replace(/）/g, ')').replace(/：/g, ':').toLowerCase();
}

const BY_HEADER = new Map<string, DossierColumn>();
for (const column of DOSSIER_COLUMNS) {
  for (const name of [column.header, ...column.aliases]) BY_HEADER.set(normalizeHeader(name), column);
}

export function columnForHeader(header: string): DossierColumn | undefined {
  return BY_HEADER.get(normalizeHeader(header));
}

/** A blank draft: capabilities and contacts default to none, so an absent column means "no". */
export function emptyDraft(): DossierInputDraft {
  return { capabilities: [], contacts: [], introduction: '', notes: '', priceQuoteYuan: null };
}

/**
 * The identity of an import row, settled after its cells are read and before the schema checks it (kept
 * apart from the cell parsers so the import's fast path is untouched). With a 主体类型 cell the row says its
 * kind; without one the number's format decides (identity.ts inferIdentityKind: a valid 居民身份证号 that is
 * no valid 统一社会信用代码 is a person). A person's row may leave 注册资本 and 纳税人类型 blank (0 and
 * 小规模纳税人, as the form stores them) and 法定代表人 blank or equal to the name (a person represents
 * themself).
 */
export function classifyIdentity(draft: DossierInputDraft): void {
  if (draft.identityKind === undefined) draft.identityKind = typeof draft.creditCode === 'string' ? inferIdentityKind(draft.creditCode) : 'organization';
  if (draft.identityKind !== 'individual') return;
  draft.registeredCapitalWan ??= 0;
  draft.taxpayerType ??= 'small';
  if (draft.legalRepresentative !== undefined && draft.legalRepresentative.trim() === (draft.legalName ?? '').trim()) draft.legalRepresentative = '';
}
