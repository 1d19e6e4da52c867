// From the facts of a case (ISO dates, the re-admission rule's outcome) to the text values a letter prints.
// The wording of derived values (the re-admission clause, suggested reasons and clauses) is document content:
// it comes with the template pack (resources/letters/*.json) as `phrases`, never from this module.
import type { BanReason, Readmission } from '../eligibility/readmission';
import { formatChineseDate, parseChineseDate } from './chinese-date';
import type { LetterFields } from './kinds';

export interface LetterPhrases {
  /** The re-admission clause; `date` contains {{date}}, replaced by the Chinese date. */
  readmission: { date: string; never: string; whenRequirementsMet: string };
  /** Suggested reason and rule clause per termination reason (DOMAIN.md §5), for the chair to adjust. */
  termination: Record<BanReason, { reason: string; clause: string }>;
}

export interface LetterFacts {
  addressee?: string;
  creditCode?: string;
  region?: string;
  program?: string;
  platform?: string;
  reason?: string;
  clause?: string;
  agreement?: string;
  deposit?: string;
  consequence?: string;
  copyTo?: string;
  /** YYYY-MM-DD */
  effectiveDate?: string | null;
  /** YYYY-MM-DD */
  deadline?: string | null;
  /** From readmissionAfter(reason, effectiveDate); 'chairSets' must be replaced by the chair's date first. */
  readmission?: Readmission | null;
  letterNumber?: string;
  /** YYYY-MM-DD */
  letterDate?: string | null;
  issuerName?: string;
  issuerDepartment?: string;
  issuerContact?: string;
}

/**
 * The re-admission clause for a letter, or '' when it cannot be stated yet: under 'chairSets' (violations of
 * the agency rules, seed 003 第一条（三）1) the chair has not entered the date, so the letter must wait —
 * missingFields reports readmissionDate rather than printing a guess.
 */
export function readmissionText(readmission: Readmission | null | undefined, phrases: LetterPhrases): string {
  switch (readmission?.kind) {
    case 'date':
      return phrases.readmission.date.replace(/\{\{\s*date\s*\}\}/g, formatChineseDate(readmission.until));
    case 'never':
      return phrases.readmission.never;
    case 'whenRequirementsMet':
      return phrases.readmission.whenRequirementsMet;
    default:
      return '';
  }
}

const day = (iso: string | null | undefined): string => (iso ? formatChineseDate(iso) : '');

/** Text values for every field the facts know; dates written 2026年11月23日. */
export function buildLetterFields(facts: LetterFacts, phrases: LetterPhrases): LetterFields {
  return {
    addressee: facts.addressee ?? '',
    creditCode: facts.creditCode ?? '',
    region: facts.region ?? '',
    program: facts.program ?? '',
    platform: facts.platform ?? '',
    reason: facts.reason ?? '',
    clause: facts.clause ?? '',
    agreement: facts.agreement ?? '',
    deposit: facts.deposit ?? '',
    consequence: facts.consequence ?? '',
    copyTo: facts.copyTo ?? '',
    effectiveDate: day(facts.effectiveDate),
    readmissionDate: readmissionText(facts.readmission, phrases),
    deadline: day(facts.deadline),
    letterNumber: facts.letterNumber ?? '',
    letterDate: day(facts.letterDate),
    issuerName: facts.issuerName ?? '',
    issuerDepartment: facts.issuerDepartment ?? '',
    issuerContact: facts.issuerContact ?? '',
  };
}

/** The pack's suggested reason and clause for a termination reason, as editable starting values. */
export function suggestedTermination(reason: BanReason, phrases: LetterPhrases): { reason: string; clause: string } {
  return { ...phrases.termination[reason] };
}

/**
 * Whether the letter's effective date is earlier than its own date. Such a letter is issued only with the
 * chair's reason, archived with it: a notice does not end a cooperation retroactively without saying why.
 * Dates are the letter's text (2026年11月23日); a value that is not a date is left to the chair.
 */
export function isBackdated(fields: LetterFields): boolean {
  const effective = parseChineseDate(fields.effectiveDate ?? '');
  const dated = parseChineseDate(fields.letterDate ?? '');
  return effective !== null && dated !== null && effective < dated;
}
