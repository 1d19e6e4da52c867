// Helpers for the issue dialog: which fields the user fills in, which of them are dates, the letter's year,
// and the issuer block remembered from the last letter issued on this machine.
import { fieldsUsed, formatChineseDate, parseChineseDate, type LetterField, type LetterFields } from '../../../shared/letters';

/** Written 2026年11月23日 in the letter; entered with a date picker. */
export const DATE_FIELDS: ReadonlySet<LetterField> = new Set<LetterField>(['effectiveDate', 'deadline', 'letterDate']);
/** Clauses that run to a sentence: a wider input. */
export const LONG_FIELDS: ReadonlySet<LetterField> = new Set<LetterField>(['addressee', 'reason', 'clause', 'agreement', 'deposit', 'consequence', 'copyTo', 'readmissionDate', 'issuerContact']);
/** The issuer block: remembered from the last letter, since the same committee signs them all. */
export const ISSUER_FIELDS = ['issuerName', 'issuerDepartment', 'issuerContact'] as const satisfies readonly LetterField[];

/** The fields a template uses that the user fills in: the number is assigned by the backend when issuing. */
export const editableFields = (text: string): LetterField[] => fieldsUsed(text).filter((f) => f !== 'letterNumber');

/** Local calendar day as YYYY-MM-DD (the committee's today, not UTC's). */
export function todayIso(now: Date = new Date()): string {
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** The year of a letter dated 2026年11月23日; null when the date is not one. */
export function yearOfLetterDate(letterDate: string | undefined): number | null {
  const iso = parseChineseDate(letterDate ?? '');
  return iso ? Number(iso.slice(0, 4)) : null;
}

const ISSUER_KEY = 'review-desk-letter-issuer';

export function rememberedIssuer(): LetterFields {
  try {
    const raw = JSON.parse(window.localStorage.getItem(ISSUER_KEY) ?? '{}') as Record<string, unknown>;
    const out: LetterFields = {};
    for (const f of ISSUER_FIELDS) if (typeof raw[f] === 'string') out[f] = raw[f];
    return out;
  } catch {
    return {};
  }
}

export function rememberIssuer(fields: LetterFields): void {
  const block = Object.fromEntries(ISSUER_FIELDS.map((f) => [f, fields[f] ?? '']));
  try {
    window.localStorage.setItem(ISSUER_KEY, JSON.stringify(block));
  } catch {
    // Storage full or disabled: the next letter simply starts without the issuer block.
  }
}

/**
 * The dialog's starting values: the caller's, the remembered issuer block where the caller gave none, and
 * today as the letter date when none was given. Blank values stay blank: they are reported, never guessed.
 */
export function startingFields(initial: LetterFields, today: string): LetterFields {
  const fields: LetterFields = { ...initial };
  const issuer = rememberedIssuer();
  for (const f of ISSUER_FIELDS) if (!fields[f]?.trim() && issuer[f]) fields[f] = issuer[f];
  if (!fields.letterDate?.trim()) fields.letterDate = formatChineseDate(today);
  delete fields.letterNumber;
  return fields;
}
