// Which archived letters the 已出具函件 tab shows: by kind, by numbering year, and by a search that matches
// the provider (dossiers found by dossiers.list, whose search knows names and credit codes) or the letter
// itself (its number, or the addressee and credit code as printed). Newest first.
import { parseLetterNumber, type LetterKind } from '../../../shared/letters';
import type { IssuedLetter } from '../../../shared/cooperations/views';

export interface ArchiveFilter {
  kind: LetterKind | '';
  year: number | null;
  /** The search text; '' shows everything. */
  text: string;
  /** Dossiers the provider search found; null while there is no search. */
  dossierIds: ReadonlySet<number> | null;
}

/** The numbering year (〔2026〕), which is what "the letters of 2026" means; the issue date otherwise. */
export const letterYear = (letter: IssuedLetter): number => parseLetterNumber(letter.number)?.year ?? Number(letter.issuedAt.slice(0, 4));

export const archiveYears = (letters: readonly IssuedLetter[]): number[] => [...new Set(letters.map(letterYear))].sort((a, b) => b - a);

export function filterLetters(letters: readonly IssuedLetter[], f: ArchiveFilter): IssuedLetter[] {
  const q = f.text.trim().toLowerCase();
  return letters
    .filter((l) => (f.kind === '' || l.kind === f.kind) && (f.year === null || letterYear(l) === f.year))
    .filter((l) => q === '' || f.dossierIds?.has(l.dossierId) || [l.number, l.fields.addressee ?? '', l.fields.creditCode ?? ''].some((s) => s.toLowerCase().includes(q)))
    .sort((a, b) => b.issuedAt.localeCompare(a.issuedAt) || b.number.localeCompare(a.number));
}
