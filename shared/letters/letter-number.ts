// Letter numbers (文号, GB/T 9704-2012 §7.2.4 发文字号): an optional per-kind prefix (机关代字, the chair edits
// it), the year in 六角括号 〔〕 (U+3014/U+3015 — not the look-alike 【】 or []) and the sequence.
// Two styles:
// - 'plain' (default): 评审终字〔2026〕1号 — GB/T 9704 §7.2.4: "年份、发文顺序号用阿拉伯数字标注 … 发文顺序号
//   不加'第'字，不编虚位（即1不编为01）", which is how platform notices that follow 公文格式 number themselves.
// - 'padded': 评审终字〔2026〕第001号 — what this app wrote before; kept so a chair can stay with it, and so every
//   number already issued in that form still parses (archive filter by year).
// The sequence is per year and kind and is never reused, even when a letter is voided or the style changes
// mid-year (第003号 is followed by 4号): the counter lives in the letters repository, this module only formats
// and parses.

import type { LetterKind } from './kinds';

export interface LetterNumberParts {
  /** e.g. 评审终字; '' for none. */
  prefix: string;
  year: number;
  /** 1, 2, … */
  seq: number;
}

export const LETTER_NUMBER_STYLES = ['plain', 'padded'] as const;
export type LetterNumberStyle = (typeof LETTER_NUMBER_STYLES)[number];
export const DEFAULT_LETTER_NUMBER_STYLE: LetterNumberStyle = 'plain';

/** The pad of the 'padded' style; it simply grows past 999 (第1000号) rather than wrapping or failing. */
export const LETTER_NUMBER_PAD = 3;
/** Characters a prefix may not contain: they would make a number ambiguous to parse or read. */
export const LETTER_PREFIX_FORBIDDEN = /[〔〕[\]【】()（）\s]/;

function checkParts(prefix: string, year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must have four digits: ${year}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`sequence must be a positive integer: ${seq}`);
  const p = prefix.trim();
  if (LETTER_PREFIX_FORBIDDEN.test(p)) throw new RangeError(`prefix may not contain brackets or spaces: ${JSON.stringify(prefix)}`);
  return p;
}

export function formatLetterNumber(prefix: string, year: number, seq: number, style: LetterNumberStyle = DEFAULT_LETTER_NUMBER_STYLE): string {
  const p = checkParts(prefix, year, seq);
  return style === 'padded' ? `${p}〔${year}〕第${String(seq).padStart(LETTER_NUMBER_PAD, '0')}号` : `${p}〔${year}〕${seq}号`;
}

/**
 * The number a letter shows before it has one (the batch preview, the issue dialog): the sequence is a "?",
 * since numbers are taken only when the letters are issued — 评审终字〔2026〕?号.
 */
export function placeholderLetterNumber(prefix: string, year: number | null, style: LetterNumberStyle = DEFAULT_LETTER_NUMBER_STYLE): string {
  const y = year === null ? '????' : String(year);
  return style === 'padded' ? `${prefix.trim()}〔${y}〕第???号` : `${prefix.trim()}〔${y}〕?号`;
}

const PADDED = /^(.*?)〔(\d{4})〕第(\d{3,})号$/;
const PLAIN = /^(.*?)〔(\d{4})〕([1-9]\d*)号$/;

/** The parts of a number formatLetterNumber wrote, in either style (surrounding spaces allowed); null otherwise. */
export function parseLetterNumber(text: string): LetterNumberParts | null {
  const t = text.trim();
  const padded = PADDED.exec(t);
  const m = padded ?? PLAIN.exec(t);
  if (!m) return null;
  const prefix = m[1]!;
  const seq = Number(m[3]);
  if (LETTER_PREFIX_FORBIDDEN.test(prefix) || seq < 1 || !Number.isSafeInteger(seq)) return null;
  // A longer-than-needed pad (第0012号) is not something we wrote: refuse rather than guess.
  if (padded && String(seq).padStart(LETTER_NUMBER_PAD, '0') !== m[3]) return null;
  return { prefix, year: Number(m[2]), seq };
}

/** Number prefixes of the built-in templates, e.g. 评审终字〔2026〕1号 (the chair may change them). */
export const DEFAULT_LETTER_PREFIX: Readonly<Record<LetterKind, string>> = Object.freeze({
  terminationNotice: '评审终字',
  rectificationNotice: '评审整字',
  selectionNotice: '评审入字',
  nonSelectionNotice: '评审未字',
});
