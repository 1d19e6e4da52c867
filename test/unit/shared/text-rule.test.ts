// The text rule for human text (shared/common/validation.ts): NFC, no C0/C1 controls (but \n and \t in
// multi-line fields), no bidi overrides or isolates, no lone surrogates, nothing that is empty once trimmed
// of blanks and zero-width characters. Properties over random text, plus the reproduced inputs of issue 9.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DATE_MAX, DATE_MIN, isoDate, optionalMultilineText, optionalText, requiredMultilineText, requiredText } from '../../../shared/common/validation';
import { memberInputSchema, regionInputSchema } from '../../../shared/rounds/schema';
import { letterFieldValueSchema } from '../../../shared/letters/schema';

const keysOf = (r: { success: boolean; error?: { issues: { message: string }[] } }) => (r.success ? [] : r.error!.issues.map((i) => i.message));

const C0 = fc.integer({ min: 0x00, max: 0x1f }).map((c) => String.fromCharCode(c));
const C1 = fc.integer({ min: 0x7f, max: 0x9f }).map((c) => String.fromCharCode(c));
const BIDI = fc.constantFrom('\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069');
const LONE = fc.oneof(fc.integer({ min: 0xd800, max: 0xdbff }), fc.integer({ min: 0xdc00, max: 0xdfff })).map((c) => String.fromCharCode(c));
/** Ordinary text: Chinese, ASCII letters and digits, full-width punctuation, emoji (surrogate pairs, ZWJ sequences). */
const ORDINARY = fc.constantFrom(...'杭州珠宝产业带鉴定有限公司诸暨珍珠张伟李娜abcXYZ019（）【】“”，。：；！？、·—…《》￥%'.split(''), '💎', '👍🏽', '👨‍👩‍👧', '🇨🇳', ' ', '\u3000');
const ordinaryText = fc.array(ORDINARY, { minLength: 1, maxLength: 30 }).map((a) => `张${a.join('')}司`);

/** `text` with `bad` inserted at a random position (never inside a surrogate pair). */
const inject = (bad: fc.Arbitrary<string>) =>
  fc.tuple(fc.array(ORDINARY, { maxLength: 20 }), bad, fc.array(ORDINARY, { maxLength: 20 })).map(([a, b, c]) => `名${a.join('')}${b}${c.join('')}称`);

describe('the text rule', () => {
  it('passes ordinary Chinese text, full-width punctuation and emoji unchanged (but trimmed)', () => {
    fc.assert(
      fc.property(ordinaryText, (text) => {
        for (const schema of [requiredText(500), optionalText(500), requiredMultilineText(500)]) {
          const r = schema.safeParse(text);
          expect(keysOf(r)).toEqual([]);
          expect(r.data).toBe(text.normalize('NFC').trim());
        }
      }),
    );
  });

  it('refuses C0 and C1 controls in single-line text with error.textControl', () => {
    fc.assert(fc.property(inject(fc.oneof(C0, C1)), (text) => {
      expect(keysOf(requiredText(500).safeParse(text))).toContain('error.textControl');
    }));
  });

  it('refuses bidi overrides and isolates with error.textBidi, single- and multi-line', () => {
    fc.assert(
      fc.property(inject(BIDI), (text) => {
        expect(keysOf(requiredText(500).safeParse(text))).toEqual(['error.textBidi']);
        expect(keysOf(optionalMultilineText(500).safeParse(text))).toEqual(['error.textBidi']);
      }),
    );
  });

  it('refuses lone surrogates with error.textSurrogate', () => {
    fc.assert(fc.property(inject(LONE), (text) => {
      expect(keysOf(requiredText(500).safeParse(text))).toEqual(['error.textSurrogate']);
    }));
  });

  it('allows \\n and \\t in multi-line text only, reading \\r\\n and \\r as \\n; other controls stay refused', () => {
    expect(requiredMultilineText(500).parse('第一行\r\n第二行\r第三行\t完')).toBe('第一行\n第二行\n第三行\t完');
    expect(keysOf(requiredText(500).safeParse('第一行\n第二行'))).toEqual(['error.textControl']);
    expect(keysOf(requiredText(500).safeParse('甲\t乙'))).toEqual(['error.textControl']);
    const otherControls = fc.oneof(C0, C1).filter((c) => c !== '\n' && c !== '\t' && c !== '\r');
    fc.assert(fc.property(inject(otherControls), (text) => {
      expect(keysOf(requiredMultilineText(500).safeParse(text))).toContain('error.textControl');
    }));
  });

  it('normalises to NFC', () => {
    expect(requiredText(40).parse('Caf\u0065\u0301')).toBe('Café');
    expect(requiredText(40).parse('e\u0301')).toBe('é');
    fc.assert(fc.property(fc.string({ unit: 'grapheme-composite', maxLength: 20 }), (s) => {
      const r = optionalText(500).safeParse(s);
      if (r.success) expect(r.data).toBe(r.data.normalize('NFC'));
    }));
  });

  it('treats text made only of blanks and zero-width characters as empty', () => {
    for (const blank of ['\u200B', '\u200B\u200C\u200D', ' \u2060\uFEFF ', '\u3000']) {
      expect(keysOf(requiredText(40).safeParse(blank))).toEqual(['error.required']);
      expect(optionalText(40).parse(blank)).toBe('');
    }
    // A ZWJ inside an emoji sequence is part of the text.
    expect(requiredText(40).parse('\u200B👨‍👩‍👧\u200B')).toBe('👨‍👩‍👧');
  });

  it('counts the maximum on the cleaned text', () => {
    expect(requiredText(3).parse('  甲乙丙  ')).toBe('甲乙丙');
    expect(keysOf(requiredText(3).safeParse('甲乙丙丁'))).toEqual(['error.tooLong']);
    // Far past the cap: refused before normalising, with the one message.
    expect(keysOf(requiredText(3).safeParse('x\u001B'.repeat(100_000)))).toEqual(['error.tooLong']);
  });

  it('applies to the contract’s human text: member and region names, letter fields (issue 9 reproductions)', () => {
    expect(keysOf(memberInputSchema.safeParse({ name: '张\u202E三', role: 'member' }))).toEqual(['error.textBidi']);
    expect(keysOf(memberInputSchema.safeParse({ name: '张\u001B[31m三', role: 'member' }))).toEqual(['error.textControl']);
    expect(keysOf(memberInputSchema.safeParse({ name: '\u0000', role: 'member' }))).toContain('error.textControl');
    expect(keysOf(memberInputSchema.safeParse({ name: '\u200B\u200B', role: 'member' }))).toEqual(['error.required']);
    expect(keysOf(regionInputSchema.safeParse({ name: '杭州\u2066珠宝', city: '杭州市', quota: 1, waitlistLength: 0 }))).toEqual(['error.textBidi']);
    expect(keysOf(letterFieldValueSchema.safeParse('杭州\uD800有限公司'))).toEqual(['error.textSurrogate']);
  });
});

describe('isoDate range', () => {
  it(`accepts ${DATE_MIN} … ${DATE_MAX} and refuses years 0000 and 2999 with error.dateRange`, () => {
    expect(isoDate.parse(DATE_MIN)).toBe(DATE_MIN);
    expect(isoDate.parse(DATE_MAX)).toBe(DATE_MAX);
    expect(isoDate.parse('2026-11-23')).toBe('2026-11-23');
    for (const bad of ['0000-01-01', '1899-12-31', '2101-01-01', '2999-12-31']) expect(keysOf(isoDate.safeParse(bad))).toEqual(['error.dateRange']);
    expect(keysOf(isoDate.safeParse('2026-02-30'))).toContain('error.date');
  });
});
