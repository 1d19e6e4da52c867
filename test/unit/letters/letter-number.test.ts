// Letter numbers (文号): 〔year〕第NNN号 with an optional per-kind prefix, three-digit pad that grows past 999.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLetterNumber, letterNumberPartsSchema, parseLetterNumber } from '../../../shared/letters';

describe('formatLetterNumber', () => {
  it('pads the sequence to three digits inside the year in 六角括号', () => {
    expect(formatLetterNumber('', 2026, 1)).toBe('〔2026〕第001号');
    expect(formatLetterNumber('评审终字', 2026, 1)).toBe('评审终字〔2026〕第001号');
    expect(formatLetterNumber('评审整字', 2026, 42)).toBe('评审整字〔2026〕第042号');
    expect(formatLetterNumber('', 2027, 999)).toBe('〔2027〕第999号');
  });

  it('grows past 999 instead of wrapping', () => {
    expect(formatLetterNumber('', 2026, 1000)).toBe('〔2026〕第1000号');
    expect(formatLetterNumber('评审终字', 2026, 12345)).toBe('评审终字〔2026〕第12345号');
  });

  it('trims the prefix', () => {
    expect(formatLetterNumber(' 评审终字 ', 2026, 7)).toBe('评审终字〔2026〕第007号');
  });

  it.each([
    ['', 2026, 0],
    ['', 2026, -1],
    ['', 2026, 1.5],
    ['', 26, 1],
    ['', 20261, 1],
    ['评审〔终〕字', 2026, 1],
    ['评审 终字', 2026, 1],
  ])('refuses prefix %j, year %d, sequence %d', (prefix, year, seq) => {
    expect(() => formatLetterNumber(prefix, year, seq)).toThrow(RangeError);
  });
});

describe('parseLetterNumber', () => {
  it('reads back what it wrote', () => {
    expect(parseLetterNumber('评审终字〔2026〕第001号')).toEqual({ prefix: '评审终字', year: 2026, seq: 1 });
    expect(parseLetterNumber(' 〔2026〕第1000号 ')).toEqual({ prefix: '', year: 2026, seq: 1000 });
  });

  it.each(['〔2026〕第1号', '〔2026〕第0012号', '〔2026〕第000号', '[2026]第001号', '【2026】第001号', '〔2026〕001号', '评审终字〔2026〕第001'])('refuses %s', (text) => {
    expect(parseLetterNumber(text)).toBeNull();
  });

  it('round-trips any prefix, year and sequence (property)', () => {
    const prefix = fc.array(fc.constantFrom('评', '审', '终', '整', '字', '入', '选', 'A', '1'), { maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(prefix, fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 1_000_000 }), (p, year, seq) => {
        expect(parseLetterNumber(formatLetterNumber(p, year, seq))).toEqual({ prefix: p, year, seq });
      }),
    );
  });

  it('orders numbers of one year and prefix by sequence once parsed (even across the 999 → 1000 step)', () => {
    const numbers = [1000, 2, 999, 10].map((n) => formatLetterNumber('评审终字', 2026, n));
    const sorted = [...numbers].sort((a, b) => parseLetterNumber(a)!.seq - parseLetterNumber(b)!.seq);
    expect(sorted).toEqual(['评审终字〔2026〕第002号', '评审终字〔2026〕第010号', '评审终字〔2026〕第999号', '评审终字〔2026〕第1000号']);
  });
});

describe('letterNumberPartsSchema', () => {
  it('accepts a prefix, a four-digit year and a positive sequence', () => {
    expect(letterNumberPartsSchema.parse({ prefix: ' 评审终字 ', year: 2026, seq: 3 })).toEqual({ prefix: '评审终字', year: 2026, seq: 3 });
  });

  it('refuses brackets in the prefix and a zero sequence', () => {
    expect(letterNumberPartsSchema.safeParse({ prefix: '终〔字', year: 2026, seq: 1 }).success).toBe(false);
    expect(letterNumberPartsSchema.safeParse({ prefix: '', year: 2026, seq: 0 }).success).toBe(false);
  });
});
