// Who a dossier is about (DOMAIN §2): an organisation (企业、个体工商户、其他机构), identified by its
// 统一社会信用代码 (credit-code.ts), or a natural person (个人), identified by a 居民身份证号 (resident-id.ts).
// 《精选联盟资质认证》 admits both ("个人资质" / "个体工商户资质"); every other platform rule here admits only
// organisations, and says so in words at screening (entityType gate), never by refusing the dossier.
//
// The number is stored in the same field (creditCode / credit_code) for both kinds, so every query, the
// unique index and re-admission bans keyed by it stay correct: one 18-character string identifies one
// dossier whichever kind it is. An all-digit string can in principle pass both checksums; the kind then
// decides how it is read, and the unique index keeps the two from coexisting (a refusal, never a mix-up).
import { creditCodeProblem } from './credit-code';
import { maskResidentId, normalizeResidentId, residentIdProblem } from './resident-id';

export const IDENTITY_KINDS = ['organization', 'individual'] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

/**
 * The kind an import row means when its file has no 主体类型 column (or the cell is blank): a number that is
 * a valid 居民身份证号 (MOD 11-2 check and a real birth date) and not a valid 统一社会信用代码 is a person;
 * anything else is read as before, as an organisation, so files written before individuals existed import
 * unchanged. A number valid both ways is an organisation unless the row says 个人.
 */
export function inferIdentityKind(number: string): IdentityKind {
  const n = normalizeResidentId(number);
  return residentIdProblem(n) === null && creditCodeProblem(n) !== null ? 'individual' : 'organization';
}

/** Words for the kind in an import cell (zh-CN first, English accepted). */
const KIND_WORDS: Record<string, IdentityKind> = {
  机构: 'organization', 企业: 'organization', '机构/企业': 'organization', 单位: 'organization', 组织: 'organization', organization: 'organization', organisation: 'organization', company: 'organization',
  个人: 'individual', 自然人: 'individual', individual: 'individual', person: 'individual',
};

/** The kind a cell names, undefined for a blank cell, or null for words it does not know. */
export function parseIdentityKind(text: string): IdentityKind | null | undefined {
  const t = text.trim().toLowerCase();
  if (t === '') return undefined;
  return Object.hasOwn(KIND_WORDS, t) ? KIND_WORDS[t]! : null;
}

/** How an import/export cell writes the kind (zh-CN, as the file's other cells). */
export const IDENTITY_KIND_WORD: Record<IdentityKind, string> = { organization: '机构', individual: '个人' };

/** How lists and tables show the number: a person's masked, an organisation's as it is (public by law). */
export function displayIdentityNumber(kind: IdentityKind, number: string): string {
  return kind === 'individual' ? maskResidentId(number) : number;
}

/**
 * For views that carry the number without its kind (ranking labels, finalized snapshots): masks it when its
 * format says it is a person's (inferIdentityKind), shows a credit code as it is.
 */
export function displayNumberByFormat(number: string): string {
  return displayIdentityNumber(inferIdentityKind(number), number);
}
