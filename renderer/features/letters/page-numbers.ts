// Page numbers of a printed letter, GB/T 9704-2012 §7.5: "— 1 —" (一字线 either side), 四号 (14 pt) Arabic
// digits, 7 mm below the type area, odd pages at the right and even pages at the left, one character in.
// Printed with the CSS page-margin boxes Chromium supports (@bottom-right / @bottom-left).
// Each letter of a print job numbers its own pages from 1: Chromium does not reset the page counter from an
// element (counter-reset: page on the letter is ignored), so every letter gets its own named page
// (letter-sheet-<n>) with its own counter, incremented per page of that named page.
// The page's :left/:right follow the sheet of the print job, which is what duplex printing binds by.

/** The named page of the n-th letter of a print job. */
export const letterSheetPage = (sheet: number): string => `letter-sheet-${Math.max(0, Math.trunc(sheet))}`;

// The digits are set in the bundled serif: the page box has no access to the letter's fallback chain.
const NUMBER_BOX = "font-family: 'Noto Serif SC', serif; font-size: 14pt; vertical-align: top; padding-top: 7mm;";

/** The @page rules of the n-th letter: A4, the GB/T 9704 margins, its own page counter. */
export function letterSheetCss(sheet: number): string {
  const page = letterSheetPage(sheet);
  const counter = `${page}-n`;
  const content = `content: "— " counter(${counter}) " —";`;
  return [
    `@page ${page} { size: A4; margin: 37mm 26mm 35mm 28mm; counter-increment: ${counter};`,
    `  @bottom-right { ${content} ${NUMBER_BOX} padding-right: 14pt; text-align: right; } }`,
    `@page ${page}:left { @bottom-right { content: none; }`,
    `  @bottom-left { ${content} ${NUMBER_BOX} padding-left: 14pt; text-align: left; } }`,
  ].join('\n');
}
