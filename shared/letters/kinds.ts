// The letters the committee issues (DOMAIN.md §6) and the fields a letter template may use.
// Field values are document text supplied by the caller; the labels users see live in
// resources/locales/*/letters.json (letters.field.<name>), never here.

export const LETTER_KINDS = [
  'terminationNotice', // 终止合作通知 — seed 000 三、1/2: sent on 清退 and on confirmed 主动退出
  'rectificationNotice', // 整改通知 — seed 002: first failed monthly assessment
  'selectionNotice', // 入选通知
  'nonSelectionNotice', // 未入选通知
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

export const LETTER_FIELDS = [
  'addressee', // the institution's legal name as registered (营业执照上的名称)
  'creditCode', // 统一社会信用代码
  'region', // 服务区域 / 产业带
  'program', // e.g. 淘宝直播区域产业服务商
  'platform', // e.g. 淘宝直播
  'reason', // why (termination / rectification / non-selection), as a clause the template embeds
  'clause', // the rule clause applied, e.g. 《淘宝直播区域产业服务商管理规则》第一条（二）2（2）
  'effectiveDate', // 2026年11月23日 — when the termination takes effect
  'readmissionDate', // the date or the condition of 再准入, as a clause: 自2027年5月22日起… / 永久不允许…
  'deadline', // 2026年12月31日 — rectification due / contract to be signed by
  'agreement', // the agreement a termination ends, e.g. 双方签署的合作协议 (per program, letter-settings.ts)
  'deposit', // what happens to the deposit (保证金), e.g. 贵司已缴纳的保证金按双方协议约定处理 — never an invented amount
  'consequence', // what else follows under the program's rules, e.g. 安心鉴: the 安心鉴服务商 is notified
  'copyTo', // 抄送 (版记, optional)
  'letterNumber', // 评审终字〔2026〕1号
  'letterDate', // 2026年11月23日
  'issuerName', // 署名: the platform or its committee
  'issuerDepartment', // the department that handles the matter
  'issuerContact', // 联系人、电话、邮箱, one line
] as const;
export type LetterField = (typeof LETTER_FIELDS)[number];

export const isLetterField = (name: string): name is LetterField => (LETTER_FIELDS as readonly string[]).includes(name);

/**
 * Placeholders a template of each kind must keep, whatever the chair edits: a letter without them would not
 * say what DOMAIN.md §6 and issue 4 require (the termination notice states the reason, the rule applied, the
 * effective date and the re-admission date or condition). Every other placeholder is optional for the
 * template but, once used, must have a value before the letter is issued (see missingFields).
 */
export const REQUIRED_FIELDS: Readonly<Record<LetterKind, readonly LetterField[]>> = {
  terminationNotice: ['addressee', 'creditCode', 'reason', 'clause', 'effectiveDate', 'readmissionDate', 'letterNumber', 'letterDate', 'issuerName'],
  rectificationNotice: ['addressee', 'creditCode', 'reason', 'clause', 'deadline', 'letterNumber', 'letterDate', 'issuerName'],
  selectionNotice: ['addressee', 'program', 'region', 'letterNumber', 'letterDate', 'issuerName'],
  nonSelectionNotice: ['addressee', 'program', 'letterNumber', 'letterDate', 'issuerName'],
};

/** Filled-in values, one line of text each; an absent or blank value is a missing field. */
export type LetterFields = Partial<Record<LetterField, string>>;
