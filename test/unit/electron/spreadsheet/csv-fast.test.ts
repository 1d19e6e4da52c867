// Issue 8: parseCsv cuts fields out in runs instead of a character at a time. It must give exactly what the
// character-wise parser gave (kept below as the reference), quirks included, for any text.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { guessDelimiter, parseCsv } from '../../../../electron/services/spreadsheet/csv';

/** The parser as it was before issue 8, one character at a time. */
function parseCsvCharwise(text: string, delimiter = guessDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let inQuotes = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else inQuotes = false;
      } else field += ch;
    } else if (ch === '"' && field === '') inQuotes = true;
    else if (ch === delimiter) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** Text made of the characters that matter to a CSV parser, and Chinese. */
const csvText = fc.array(fc.constantFrom('"', '""', ',', '\t', ';', '\n', '\r', '\r\n', ' ', 'a', '杭州', '重庆银行', '1', '\u00a0'), { maxLength: 60 }).map((parts) => parts.join(''));

describe('parseCsv (runs) equals the character-wise parser', () => {
  it('for random text, with the guessed delimiter and each explicit one', () => {
    fc.assert(
      fc.property(csvText, fc.constantFrom(undefined, ',', '\t', ';', ''), (text, delimiter) => {
        expect(parseCsv(text, delimiter)).toEqual(parseCsvCharwise(text, delimiter));
      }),
      { numRuns: 3000 },
    );
  });

  it('for the quirks by name', () => {
    for (const text of ['', '"', '""', '"""', '""x"y"', '"ab"c,d', 'a,"b\nc"\n', 'a\r\rb', '"unterminated,\n', 'x,\n', ',', '"a""b",""\r\n', ' "q"', '"" "a"']) {
      expect(parseCsv(text)).toEqual(parseCsvCharwise(text));
    }
  });
});
