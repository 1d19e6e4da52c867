// Letter numbers (文号): an optional per-kind prefix, the year in 六角括号 〔〕 (U+3014/U+3015, GB/T 9704-2012
// §7.2.4 — not the look-alike 【】 or []), and the sequence: 评审终字〔2026〕第001号.
// The sequence is per year and kind and is never reused, even when a letter is voided; the counter lives in
// the letters repository (storage), this module only formats and parses. GB/T 9704 itself writes 〔2012〕10号
// without 第 and without padding; platform notices (and issue 4) use 第001号, so the sequence is padded to
// three digits and simply grows past 999 (第1000号) rather than wrapping or failing.

import type { LetterKind } from './kinds';

export interface LetterNumberParts {
  /** e.g. 评审终字; '' for none. */
  prefix: string;
  year: number;
  /** 1, 2, … */
  seq: number;
}

export const LETTER_NUMBER_PAD = 3;
/** Characters a prefix may not contain: they would make a number ambiguous to parse or read. */
export const LETTER_PREFIX_FORBIDDEN = /[〔〕[\]【】()（）\s]/;

export function formatLetterNumber(prefix: string, year: number, seq: number): string {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) throw new RangeError(`year must have four digits: ${year}`);
  if (!Number.isSafeInteger(seq) || seq < 1) throw new RangeError(`sequence must be a positive integer: ${seq}`);
  const p = prefix.trim();
  if (LETTER_PREFIX_FORBIDDEN.test(p)) throw new RangeError(`prefix may not contain brackets or spaces: ${JSON.stringify(prefix)}`);
  return `${p}〔${year}〕第${String(seq).padStart(LETTER_NUMBER_PAD, '0')}号`;
}

const NUMBER = /^(.*?)〔(\d{4})〕第(\d{3,})号$/;

/** The parts of a number formatLetterNumber wrote (surrounding spaces allowed); null for anything else. */
export function parseLetterNumber(text: string): LetterNumberParts | null {
  const m = NUMBER.exec(text.trim());
  if (!m) return null;
  const prefix = m[1]!;
  const seq = Number(m[3]);
  // A longer-than-needed pad (第0012号) is not something we wrote: refuse rather than guess.
  if (LETTER_PREFIX_FORBIDDEN.test(prefix) || seq < 1 || !Number.isSafeInteger(seq) || String(seq).padStart(LETTER_NUMBER_PAD, '0') !== m[3]) return null;
  return { prefix, year: Number(m[2]), seq };
}

/** Number prefixes of the built-in templates, e.g. 评审终字〔2026〕第001号 (the chair may change them). */
export const DEFAULT_LETTER_PREFIX: Readonly<Record<LetterKind, string>> = Object.freeze({
  terminationNotice: '评审终字',
  rectificationNotice: '评审整字',
  selectionNotice: '评审入字',
  nonSelectionNotice: '评审未字',
});
