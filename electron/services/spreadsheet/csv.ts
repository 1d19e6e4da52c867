// RFC 4180 CSV: quoted fields may hold the delimiter, doubled quotes and line breaks. The delimiter is
// guessed from the header line (comma, tab as Excel's "Unicode text", or semicolon).

export function guessDelimiter(text: string): string {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = [',', '\t', ';'].map((d) => [d, firstLine.split(d).length] as const);
  return counts.reduce((best, c) => (c[1] > best[1] ? c : best))[0];
}

/**
 * Issue 8: fields are cut out of the text in runs (indexOf to the closing quote, slices between delimiters)
 * rather than built a character at a time — at 20,000 rows the character loop was ≈ 20 µs a row, more than
 * a raw insert. The same state machine and the same result, quirks included (a quote opens a quoted part
 * only at the start of a field; a lone CR ends a line; no row for a trailing line break); the character-wise
 * parser is kept in test/unit/electron/spreadsheet/csv-fast.test.ts and compared on random text.
 */
export function parseCsv(text: string, delimiter = guessDelimiter(text)): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  const n = text.length;
  const d = delimiter.length === 1 ? delimiter.charCodeAt(0) : -1; // a longer "delimiter" never matched one character
  let i = 0;
  let runStart = 0; // start of the unquoted run not yet added to `field`
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */ && field === '' && i === runStart) {
      // A quoted part: up to the next quote that is not doubled.
      i++;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          field += text.slice(i);
          i = n;
          break;
        }
        field += text.slice(i, q);
        if (text.charCodeAt(q + 1) === 34) {
          field += '"';
          i = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      runStart = i;
    } else if (c === d) {
      row.push(field + text.slice(runStart, i));
      field = '';
      runStart = ++i;
    } else if (c === 10 || c === 13) {
      row.push(field + text.slice(runStart, i));
      rows.push(row);
      row = [];
      field = '';
      i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      runStart = i;
    } else i++;
  }
  field += text.slice(runStart, n);
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
