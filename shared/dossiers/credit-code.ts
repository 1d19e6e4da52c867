// 统一社会信用代码 (Unified Social Credit Identifier), GB 32100-2015.
// 18 characters from a 31-symbol alphabet (I, O, S, V, Z are never used). The 18th character is a check
// character: C18 = 31 − (Σ Ci·Wi mod 31), where Wi = 3^(i−1) mod 31; a result of 31 maps to '0'.

export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28] as const;
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** Uppercases and removes spaces users paste from licences; does not guess anything else. */
export function normalizeCreditCode(raw: string): string {
  return raw.replace(/[\s\u3000]/g, '').toUpperCase();
}

/** The check character for the first 17 characters, or null when they use symbols outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17.charAt(i));
    if (value < 0) return null;
    sum += value * WEIGHTS[i]!;
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET.charAt(check);
}

export type CreditCodeProblem = 'length' | 'charset' | 'checksum';

/** Why a (normalized) code is invalid, or null when it is valid. */
export function creditCodeProblem(code: string): CreditCodeProblem | null {
  if (code.length !== 18) return 'length';
  if (!SHAPE.test(code)) return 'charset';
  return creditCodeCheckChar(code.slice(0, 17)) === code.charAt(17) ? null : 'checksum';
}

export function isValidCreditCode(code: string): boolean {
  return creditCodeProblem(code) === null;
}

// GB 32100-2015 §4: position 1 is the registration authority (登记管理部门码), position 2 the kind of
// organisation (机构类别码) as that authority defines it. For 9 (工商, now 市场监督管理): 1 企业, 2 个体工商户,
// 3 农民专业合作社. Other authorities (1 机构编制, 5 民政, Y 其他, …) register no 企业 at all.
// 'person' is not read from a credit code: it is a dossier of identity kind 'individual' (a natural person with a
// 居民身份证号, identity.ts), listed here so an admission rule can name it beside the others.
export type EntityKind = 'enterprise' | 'individualBusiness' | 'other' | 'person';
export const ENTITY_KINDS = ['enterprise', 'individualBusiness', 'other', 'person'] as const satisfies readonly EntityKind[];

export interface CreditCodeEntity {
  kind: EntityKind;
  /** 登记管理部门码 (position 1) and 机构类别码 (position 2), for the screening view to name. */
  authority: string;
  category: string;
}

/** What a valid code says about its holder, or null when the code is not a valid 统一社会信用代码. */
export function entityOfCreditCode(code: string): CreditCodeEntity | null {
  if (creditCodeProblem(code) !== null) return null;
  const authority = code.charAt(0);
  const category = code.charAt(1);
  const kind: EntityKind = authority === '9' && category === '1' ? 'enterprise' : authority === '9' && category === '2' ? 'individualBusiness' : 'other';
  return { kind, authority, category };
}
