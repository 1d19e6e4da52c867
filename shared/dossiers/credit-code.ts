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
