// RFC 4180 parsing as Excel and WPS write CSV, including their quirks (CRLF, tab-separated "Unicode text").
import { describe, expect, it } from 'vitest';
import { guessDelimiter, parseCsv } from '../../../../electron/services/spreadsheet/csv';

describe('parseCsv', () => {
  it('splits plain rows and fields, keeping empty fields', () => {
    expect(parseCsv('名称,代码,城市\n甲,1,\n,,乙')).toEqual([
      ['名称', '代码', '城市'],
      ['甲', '1', ''],
      ['', '', '乙'],
    ]);
  });

  it('keeps a delimiter inside quotes', () => {
    expect(parseCsv('a,b\n"杭州市,西湖区",2')).toEqual([
      ['a', 'b'],
      ['杭州市,西湖区', '2'],
    ]);
  });

  it('turns doubled quotes inside a quoted field into one quote', () => {
    expect(parseCsv('a,b\n"他说""好""",x\n""""," """')).toEqual([
      ['a', 'b'],
      ['他说"好"', 'x'],
      ['"', ' "'],
    ]);
  });

  it('keeps line breaks inside quotes as part of one record', () => {
    expect(parseCsv('a,b\r\n"第一行\r\n第二行",x\r\n"one\ntwo",y\r\n')).toEqual([
      ['a', 'b'],
      ['第一行\r\n第二行', 'x'],
      ['one\ntwo', 'y'],
    ]);
  });

  it('handles CRLF line ends without stray \\r and without an extra row for the final line break', () => {
    const rows = parseCsv('a,b\r\n1,2\r\n3,4\r\n');
    expect(rows).toEqual([
      ['a', 'b'],
      ['1', '2'],
      ['3', '4'],
    ]);
  });

  it('accepts a last line without a line break, and old Mac CR line ends', () => {
    expect(parseCsv('a,b\n1,2')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv('a,b\r1,2\r')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  it('keeps an empty line as a record so row numbers stay those of Excel', () => {
    expect(parseCsv('a\n\nb\n')).toEqual([['a'], [''], ['b']]);
  });

  it('uses a given delimiter (tab), where commas are ordinary text', () => {
    expect(parseCsv('名称\t金额\n"甲\t乙"\t1,000.50\n', '\t')).toEqual([
      ['名称', '金额'],
      ['甲\t乙', '1,000.50'],
    ]);
  });

  it('keeps a quote in the middle of an unquoted field as text', () => {
    expect(parseCsv('a,b\n5"屏,x')).toEqual([
      ['a', 'b'],
      ['5"屏', 'x'],
    ]);
  });
});

describe('guessDelimiter', () => {
  it.each([
    ['名称,代码,城市\n1\t2\t3', ','],
    ['名称\t代码\t城市\n1,000\t2\t3', '\t'],
    ['名称;代码;城市\r\n1,5;2;3', ';'],
    ['名称', ','], // a single column: comma is as good as any
  ])('%j → %j', (text, delimiter) => {
    expect(guessDelimiter(text)).toBe(delimiter);
  });

  it('is what parseCsv uses by default', () => {
    expect(parseCsv('a\tb\n1,5\t2\n')).toEqual([
      ['a', 'b'],
      ['1,5', '2'],
    ]);
  });
});
