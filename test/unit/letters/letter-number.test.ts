// Letter numbers (文号): GB/T 9704-2012 §7.2.4 〔year〕N号 by default (no 第, no leading zeros), the 〔year〕第NNN号
// this app wrote before as the 'padded' style; both parse, so numbers already issued keep working.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatLetterNumber, letterNumberPartsSchema, parseLetterNumber, placeholderLetterNumber } from '../../../shared/letters';

describe('formatLetterNumber', () => {
  it('writes GB/T 9704 numbers by default: no 第, no leading zeros (〔2012〕10号 in the standard)', () => {
    expect(formatLetterNumber('', 2026, 1)).toBe('〔2026〕1号');
    expect(formatLetterNumber('评审终字', 2026, 1)).toBe('评审终字〔2026〕1号');
    expect(formatLetterNumber('评审整字', 2026, 42)).toBe('评审整字〔2026〕42号');
    expect(formatLetterNumber('', 2012, 10, 'plain')).toBe('〔2012〕10号');
    expect(formatLetterNumber('', 2026, 1000)).toBe('〔2026〕1000号');
  });

  it('pads to three digits after 第 in the padded style, and grows past 999 instead of wrapping', () => {
    expect(formatLetterNumber('评审终字', 2026, 1, 'padded')).toBe('评审终字〔2026〕第001号');
    expect(formatLetterNumber('', 2027, 999, 'padded')).toBe('〔2027〕第999号');
    expect(formatLetterNumber('', 2026, 1000, 'padded')).toBe('〔2026〕第1000号');
    expect(formatLetterNumber('评审终字', 2026, 12345, 'padded')).toBe('评审终字〔2026〕第12345号');
  });

  it('trims the prefix', () => {
    expect(formatLetterNumber(' 评审终字 ', 2026, 7)).toBe('评审终字〔2026〕7号');
  });

  it('shows a ? for the sequence before a number is taken (previews)', () => {
    expect(placeholderLetterNumber('评审终字', 2026)).toBe('评审终字〔2026〕?号');
    expect(placeholderLetterNumber('', 2026, 'padded')).toBe('〔2026〕第???号');
    expect(placeholderLetterNumber('评审终字', null)).toBe('评审终字〔????〕?号');
    expect(parseLetterNumber(placeholderLetterNumber('评审终字', 2026))).toBeNull();
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
  it('reads back what it wrote, in either style (numbers issued before stay readable)', () => {
    expect(parseLetterNumber('评审终字〔2026〕1号')).toEqual({ prefix: '评审终字', year: 2026, seq: 1 });
    expect(parseLetterNumber('评审终字〔2026〕第001号')).toEqual({ prefix: '评审终字', year: 2026, seq: 1 });
    expect(parseLetterNumber(' 〔2026〕第1000号 ')).toEqual({ prefix: '', year: 2026, seq: 1000 });
    expect(parseLetterNumber('〔2026〕1000号')).toEqual({ prefix: '', year: 2026, seq: 1000 });
  });

  it.each(['〔2026〕第1号', '〔2026〕第0012号', '〔2026〕第000号', '[2026]第001号', '【2026】第001号', '〔2026〕001号', '〔2026〕0号', '评审终字〔2026〕第001', '评审终字〔2026〕?号'])('refuses %s', (text) => {
    expect(parseLetterNumber(text)).toBeNull();
  });

  it('round-trips any prefix, year and sequence (property)', () => {
    const prefix = fc.array(fc.constantFrom('评', '审', '终', '整', '字', '入', '选', 'A', '1'), { maxLength: 6 }).map((cs) => cs.join(''));
    fc.assert(
      fc.property(prefix, fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 1, max: 1_000_000 }), fc.constantFrom('plain' as const, 'padded' as const), (p, year, seq, style) => {
        expect(parseLetterNumber(formatLetterNumber(p, year, seq, style))).toEqual({ prefix: p, year, seq });
      }),
    );
  });

  it('orders numbers of one year and prefix by sequence once parsed (even across the 999 → 1000 step)', () => {
    const numbers = [1000, 2, 999, 10].map((n) => formatLetterNumber('评审终字', 2026, n, 'padded'));
    const sorted = [...numbers].sort((a, b) => parseLetterNumber(a)!.seq - parseLetterNumber(b)!.seq);
    expect(sorted).toEqual(['评审终字〔2026〕第002号', '评审终字〔2026〕第010号', '评审终字〔2026〕第999号', '评审终字〔2026〕第1000号']);
    // A year that changed style part-way (第003号, then 4号) still sorts by sequence.
    const mixed = ['评审终字〔2026〕5号', '评审终字〔2026〕第003号', '评审终字〔2026〕4号'].sort((a, b) => parseLetterNumber(a)!.seq - parseLetterNumber(b)!.seq);
    expect(mixed).toEqual(['评审终字〔2026〕第003号', '评审终字〔2026〕4号', '评审终字〔2026〕5号']);
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
