// Printing letters. The print rules in letters.css that touch the app's chrome apply only while a page
// that prints letters is mounted (body.letter-print-mode), as the selection list's print page does.
import { useEffect } from 'react';

export const LETTER_PRINT_BODY_CLASS = 'letter-print-mode';

/** Put this in the page that shows letters for printing (print preview, batch). */
export function useLetterPrintMode(): void {
  useEffect(() => {
    document.body.classList.add(LETTER_PRINT_BODY_CLASS);
    return () => document.body.classList.remove(LETTER_PRINT_BODY_CLASS);
  }, []);
}

/**
 * Opens the print dialog once the letter fonts are in. Noto Serif SC is split into ~100 unicode-range
 * files loaded on first use, with font-display: swap: printing before they arrive would put the fallback
 * font (or nothing, for glyphs it lacks) on paper.
 */
export async function printLetters(): Promise<void> {
  await document.fonts.ready;
  window.print();
}
