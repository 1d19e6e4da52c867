// Credit codes for the dossier screens to refuse, shared by the form and import tests. Valid synthetic codes
// are test/support/credit-codes.ts's syntheticCreditCode.
import { CREDIT_CODE_ALPHABET } from '../../../shared/dossiers/credit-code';

/** The same code with its 18th (check) character replaced by another valid symbol: only the checksum is wrong. */
export function withWrongCheckChar(code: string): string {
  const check = CREDIT_CODE_ALPHABET.indexOf(code.charAt(17));
  return code.slice(0, 17) + CREDIT_CODE_ALPHABET.charAt((check + 1) % CREDIT_CODE_ALPHABET.length);
}
