// 居民身份证号 (Resident identity card number), GB 11643-1999: the identity of a natural person (个人), who
// may apply under 《精选联盟资质认证》 ("个人资质…需要资料：清晰的身份证正反图片、个人银行卡号") and has no
// 统一社会信用代码. 18 characters: 6 digits of the address code (GB/T 2260), 8 digits of the birth date
// (YYYYMMDD), 3 digits of sequence (odd for men, even for women), and a check character by ISO 7064 MOD 11-2:
// Σ aᵢ·Wᵢ over the first 17 digits with Wᵢ = 2^(17−i) mod 11, and the check is (12 − Σ mod 11) mod 11, where
// 10 is written 'X'. The old 15-digit number (GB 11643-1989) has had no validity since 2013 and is refused.
//
// The birth date must be a real calendar day (19990230 is not), not before 1900-01-01 (nobody applying was
// born earlier; an earlier "date" is a typing error) and not after the day of entry. "After today" needs the
// day as an argument (shared/ holds no clock): residentIdProblem checks it only when `today` is given.

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2] as const;
/** Σ mod 11 → check character: (12 − r) mod 11, 10 written 'X'. */
const CHECK = '10X98765432';
const SHAPE = /^\d{17}[\dX]$/;
export const EARLIEST_BIRTH_DATE = '1900-01-01';

/** Removes spaces users paste and uppercases a trailing 'x'; does not guess anything else. */
export function normalizeResidentId(raw: string): string {
  return raw.replace(/[\s\u3000]/g, '').toUpperCase();
}

/** The check character for the first 17 digits, or null when they are not 17 digits. */
export function residentIdCheckChar(first17: string): string | null {
  if (!/^\d{17}$/.test(first17)) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17.charAt(i)) * WEIGHTS[i]!;
  return CHECK.charAt(sum % 11);
}

/** The birth date written in a (well-shaped) number as YYYY-MM-DD, or null when it is no calendar day. */
export function residentIdBirthDate(id: string): string | null {
  const y = Number(id.slice(6, 10));
  const m = Number(id.slice(10, 12));
  const d = Number(id.slice(12, 14));
  if (!Number.isInteger(y) || !Number.isInteger(m) || !Number.isInteger(d) || m < 1 || m > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1]!;
  if (d > days) return null;
  return `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`;
}

export type ResidentIdProblem = 'length' | 'charset' | 'birthDate' | 'birthTooEarly' | 'birthInFuture' | 'checksum';

/** Why a (normalized) number is invalid, or null when it is valid; `today` (YYYY-MM-DD) enables the future check. */
export function residentIdProblem(id: string, today?: string): ResidentIdProblem | null {
  if (id.length !== 18) return 'length';
  if (!SHAPE.test(id)) return 'charset';
  const born = residentIdBirthDate(id);
  if (born === null) return 'birthDate';
  if (born < EARLIEST_BIRTH_DATE) return 'birthTooEarly';
  if (today !== undefined && born > today) return 'birthInFuture';
  return residentIdCheckChar(id.slice(0, 17)) === id.charAt(17) ? null : 'checksum';
}

export function isValidResidentId(id: string, today?: string): boolean {
  return residentIdProblem(id, today) === null;
}

/**
 * The number as lists and tables show it: the address code and the last four kept, the birth date and the
 * rest hidden (110105********002X), so a row can be told apart without exposing who the person is. Only the
 * dossier page, its form and letters that need it show the number in full.
 */
export function maskResidentId(id: string): string {
  if (id.length <= 10) return '*'.repeat(id.length);
  return id.slice(0, 6) + '*'.repeat(id.length - 10) + id.slice(-4);
}
