// Small zod building blocks shared by every schema. Error messages are locale keys (resources/locales),
// never prose: the renderer translates them, the backend renders them in zh-CN.
import { z } from 'zod';

export const msg = (key: string) => ({ error: key });

// ---- The text rule for human text (names, member names, reasons, letter fields, comments…) ----
// Every field a person types goes through humanText, so a value accepted in one form is accepted everywhere
// and nothing that can hurt a reader gets stored (issue: ESC reached the terminal through the CLI, an RTL
// override reversed a company name in a table, a zero-width-only name looked empty). The rule:
// - NFC-normalised ('e\u0301' is stored as 'é'), so the same name typed two ways is one name;
// - trimmed of whitespace AND of zero-width characters at either end (U+200B–U+200D, U+2060, U+FEFF), so a
//   name made only of them is empty; a ZWJ inside an emoji sequence stays;
// - no C0 (U+0000–U+001F) or C1 (U+007F–U+009F) controls, except \n and \t in multi-line fields (reasons,
//   notes, comments, letter templates), where \r\n and a lone \r are first read as \n;
// - no bidi overrides or isolates (U+202A–U+202E, U+2066–U+2069): they reorder what is shown around them;
// - no lone surrogates (half of a UTF-16 pair: not a character, and SQLite/JSON turn it into U+FFFD).
// Each problem has its own locale key (error.textControl / error.textBidi / error.textSurrogate).

const EDGE_INVISIBLE = /^[\s\u200B-\u200D\u2060\uFEFF]+|[\s\u200B-\u200D\u2060\uFEFF]+$/g;
const CONTROL_SINGLE = /[\u0000-\u001F\u007F-\u009F]/;
const CONTROL_MULTI = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/;
const BIDI = /[\u202A-\u202E\u2066-\u2069]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export interface TextOptions {
  /** Whether \n and \t are allowed (a textarea); single-line fields refuse every control character. */
  multiline?: boolean;
}

/** The stored form of a typed text: NFC, line breaks as \n (multi-line), trimmed of blanks and zero-width ends. */
export function cleanText(raw: string, { multiline = false }: TextOptions = {}): string {
  // normalize() leaves lone surrogates as they are (they are refused afterwards), so it never throws here.
  const nfc = raw.normalize('NFC');
  return (multiline ? nfc.replace(/\r\n?/g, '\n') : nfc).replace(EDGE_INVISIBLE, '');
}

/** The locale key of what makes `text` unacceptable as human text, or null. */
export function textProblem(text: string, { multiline = false }: TextOptions = {}): string | null {
  if (LONE_SURROGATE.test(text)) return 'error.textSurrogate';
  if ((multiline ? CONTROL_MULTI : CONTROL_SINGLE).test(text)) return 'error.textControl';
  if (BIDI.test(text)) return 'error.textBidi';
  return null;
}


/**
 * A human-text field (see the rule above): `required` refuses what is empty after cleaning; otherwise empty
 * means absent. `max` counts UTF-16 units of the cleaned text, as the database and the form limits do.
 */
export const humanText = (max: number, { multiline = false, required = false }: TextOptions & { required?: boolean } = {}) =>
  z
    .string(msg(required ? 'error.required' : 'error.text'))
    // A cheap cap before normalising, that stops the checks: a 100 MB string must not be normalised to be
    // refused. NFC composes at most three units into one (Hangul jamo) and trimming removes blanks, so 3× the
    // limit plus some slack never refuses a value that would fit once cleaned.
    .max(max * 3 + 64, { error: 'error.tooLong', abort: true })
    .overwrite((s) => cleanText(s, { multiline }))
    .refine((s) => textProblem(s, { multiline }) === null, {
      error: (issue) => textProblem(String(issue.input), { multiline }) ?? 'error.invalid',
      // Marks the check for test/support/schema-bounds.ts (a boolean: dispatch.ts passes on only strings and
      // numbers as message params, and reads params.rule as a message key).
      params: { humanText: true },
    })
    .min(required ? 1 : 0, msg('error.required'))
    .max(max, msg('error.tooLong'));

/** A single-line text field; empty means absent. */
export const optionalText = (max: number) => humanText(max).default('');

export const requiredText = (max: number) => humanText(max, { required: true });

/** A multi-line text field (textarea: reasons, notes, comments); \n and \t allowed. Empty means absent. */
export const optionalMultilineText = (max: number) => humanText(max, { multiline: true }).default('');

export const requiredMultilineText = (max: number) => humanText(max, { multiline: true, required: true });

/**
 * A record whose keys are not an enum: its key count is capped by this named check, which
 * test/support/schema-bounds.ts reads (a record without it is reported as unbounded).
 */
export const maxKeys = <T extends z.ZodType>(record: T, max: number) =>
  record.refine((r) => Object.keys(r as object).length <= max, { message: 'error.tooMany', params: { maxKeys: max } });

/**
 * Whether `v` has at most `decimals` fraction digits, forgiving the last-bit noise of float arithmetic
 * (0.1 + 0.2) but not a real extra digit. The tolerance grows with the magnitude: a fixed one, after scaling
 * by 10^decimals and 10^6, went past 2^53 for large amounts and rejected exact ones such as 555555555.55 元.
 */
function hasAtMostDecimals(v: number, decimals: number): boolean {
  const scaled = v * 10 ** decimals;
  // A non-zero amount below the smallest unit (1e-9 元) is not float noise around 0: it would be stored as
  // 0 分 and trip the database's "> 0" checks (found by the API fuzz: an INTERNAL error).
  if (v !== 0 && Math.round(scaled) === 0) return false;
  return Math.abs(scaled - Math.round(scaled)) <= Math.max(1e-6, Math.abs(scaled) * 1e-14);
}

/** Non-negative amount with at most `decimals` fraction digits (money in 元, capital in 万元). */
export const amount = (decimals: number, max: number) =>
  z
    .number({ error: (issue) => (issue.input === undefined || issue.input === null ? 'error.required' : 'error.number') })
    .finite(msg('error.number'))
    .min(0, msg('error.negative'))
    .max(max, msg('error.tooLarge'))
    .refine((v) => hasAtMostDecimals(v, decimals), msg(`error.decimals${decimals}`));

/**
 * The sane calendar range of every date a person enters: 1900-01-01 … 2100-12-31. Nothing in the review
 * (a company's founding, a cooperation, a ban, a letter) falls outside it; a year 0000 or 2999 is a typo
 * that would otherwise sort first or last and never expire.
 */
export const DATE_MIN = '1900-01-01';
export const DATE_MAX = '2100-12-31';

/** Calendar date as YYYY-MM-DD that really exists (no 2月30日), within DATE_MIN … DATE_MAX. */
export const isoDate = z
  .string(msg('error.required'))
  .min(1, msg('error.required'))
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg('error.date'))
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, msg('error.date'))
  // Only a well-formed date is compared (a malformed one already has its error.date).
  .refine((s) => !/^\d{4}-\d{2}-\d{2}$/.test(s) || (s >= DATE_MIN && s <= DATE_MAX), { message: 'error.dateRange', params: { min: DATE_MIN, max: DATE_MAX } });

export const id = z.number().int().positive();
