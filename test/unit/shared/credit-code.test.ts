// 统一社会信用代码 checks, GB 32100-2015. The real codes below come from public registry data, so they are an
// oracle independent of our implementation.
import { describe, expect, it } from 'vitest';
import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, creditCodeProblem, isValidCreditCode, normalizeCreditCode } from '../../../shared/dossiers/credit-code';
import { REAL_CREDIT_CODES } from '../../support/dossiers';

const replaceAt = (code: string, i: number, ch: string) => code.slice(0, i) + ch + code.slice(i + 1);

describe('credit code checksum', () => {
  it('accepts every real code and computes its check character from the first 17', () => {
    for (const code of REAL_CREDIT_CODES) {
      expect(creditCodeProblem(code), code).toBeNull();
      expect(isValidCreditCode(code)).toBe(true);
      expect(creditCodeCheckChar(code.slice(0, 17))).toBe(code.charAt(17));
    }
  });

  it('uses the 31-symbol alphabet without I, O, S, V, Z', () => {
    expect(CREDIT_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(CREDIT_CODE_ALPHABET).size).toBe(31);
    for (const letter of 'IOSVZ') expect(CREDIT_CODE_ALPHABET).not.toContain(letter);
  });

  it('maps a weighted sum divisible by 31 to check character 0 (C18 = 31 → 0)', () => {
    expect(creditCodeCheckChar('0'.repeat(17))).toBe('0');
    expect(isValidCreditCode('0'.repeat(18))).toBe(true);
  });

  it('rejects every single-character substitution of every real code', () => {
    // The weights 3^(i−1) mod 31 are all non-zero modulo the prime 31, so any one changed symbol changes the
    // sum mod 31: the standard promises to catch every single substitution, including in the check character.
    let tried = 0;
    for (const code of REAL_CREDIT_CODES) {
      for (let i = 0; i < 18; i++) {
        for (const symbol of CREDIT_CODE_ALPHABET) {
          if (symbol === code.charAt(i)) continue;
          const corrupted = replaceAt(code, i, symbol);
          expect(creditCodeProblem(corrupted), `${code} with position ${i + 1} → ${symbol}`).toBe('checksum');
          tried++;
        }
      }
    }
    expect(tried).toBe(REAL_CREDIT_CODES.length * 18 * 30);
  });

  it('rejects every adjacent transposition within the first 17 characters', () => {
    // Neighbouring weights differ by a factor of 3, so swapping two different symbols changes the sum by
    // 2·w·(a − b) ≢ 0 (mod 31): the most common typing slip is caught as well.
    for (const code of REAL_CREDIT_CODES) {
      for (let i = 0; i < 16; i++) {
        if (code[i] === code[i + 1]) continue;
        const swapped = code.slice(0, i) + code[i + 1] + code[i] + code.slice(i + 2);
        expect(creditCodeProblem(swapped), `${code} swapping ${i + 1}/${i + 2}`).toBe('checksum');
      }
    }
  });

  it('gives no check character for the wrong length or a symbol outside the alphabet', () => {
    expect(creditCodeCheckChar('9133010071610585')).toBeNull();
    expect(creditCodeCheckChar('913301007161058521')).toBeNull();
    expect(creditCodeCheckChar('9133010071610585I')).toBeNull();
    expect(creditCodeCheckChar('9133010071610585a')).toBeNull();
  });
});

describe('credit code problems', () => {
  const code = REAL_CREDIT_CODES[0]!; // 91330100716105852F

  it.each([
    ['', 'length'],
    [code.slice(0, 17), 'length'],
    [code + '0', 'length'],
    [replaceAt(code, 3, 'I'), 'charset'],
    [replaceAt(code, 10, 'O'), 'charset'],
    [replaceAt(code, 17, 'Z'), 'charset'],
    [replaceAt(code, 5, '-'), 'charset'],
    [code.toLowerCase(), 'charset'], // not normalised yet: lower case is not in the alphabet
    [replaceAt(code, 17, 'E'), 'checksum'],
  ] as const)('%j → %s', (input, problem) => {
    expect(creditCodeProblem(input)).toBe(problem);
    expect(isValidCreditCode(input)).toBe(false);
  });

  it('reports length before charset, so a short code with bad symbols asks for 18 characters first', () => {
    expect(creditCodeProblem('91I')).toBe('length');
  });
});

describe('normalizeCreditCode', () => {
  it('removes spaces (ASCII, tab, full-width) and uppercases, as pasted from a licence', () => {
    expect(normalizeCreditCode(' 9133 0100 7161 0585 2f ')).toBe('91330100716105852F');
    expect(normalizeCreditCode('91330100\u30007161\t05852f')).toBe('91330100716105852F');
    expect(creditCodeProblem(normalizeCreditCode('91310000ma1fl1mmxl'))).toBeNull();
  });

  it('guesses nothing else: dashes and full-width letters stay and are rejected later', () => {
    expect(normalizeCreditCode('913301-00716105852F')).toBe('913301-00716105852F');
    expect(normalizeCreditCode('91330100716105852Ｆ')).toBe('91330100716105852Ｆ');
    expect(creditCodeProblem(normalizeCreditCode('91330100716105852Ｆ'))).toBe('charset');
  });
});
