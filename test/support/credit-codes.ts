import { creditCodeCheckChar } from '../../shared/dossiers/credit-code';

/**
 * The n-th synthetic 统一社会信用代码 for bulk tests: 91 (enterprise) + 330100 (杭州) + a 9-digit serial, with
 * the GB 32100-2015 check character computed. Distinct n give distinct codes; the real codes in dossiers.ts
 * never collide with n below 10^8.
 */
export function syntheticCreditCode(n: number): string {
  const first17 = `91330100${String(n).padStart(9, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
}
