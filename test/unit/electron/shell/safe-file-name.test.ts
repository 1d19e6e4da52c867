// Names built from user-controlled text stay one harmless file name in the chosen directory.
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_NAME_BYTES, safeFileName } from '../../../../electron/shell/safe-file-name';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

describe('safeFileName', () => {
  it.each([
    ['2026年第四季度评审-入选名单-2026-11-23.xlsx', '2026年第四季度评审-入选名单-2026-11-23.xlsx'],
    ['../../x-入选名单-2026-11-23.csv', '_._x-入选名单-2026-11-23.csv'],
    ['/etc/cron.d/x.json', '_etc_cron.d_x.json'],
    ['C:\\Windows\\System32\\x.csv', 'C__Windows_System32_x.csv'],
    ['..', 'file'],
    ['.bashrc', 'bashrc'],
    ['x.pdf:evil.exe', 'x.pdf_evil.exe'],
    ['a<b>c|d?e*f"g.csv', 'a_b_c_d_e_f_g.csv'],
    ['line\nbreak\u0000nul\u0007.csv', 'linebreaknul.csv'],
    ['invoice\u202Efdp.exe', 'invoicefdp.exe'], // U+202E would display it as "invoiceexe.pdf"
    ['CON', '_CON'],
    ['con.csv', '_con.csv'],
    ['Lpt1.tar.gz', '_Lpt1.tar.gz'],
    ['nul .xlsx', '_nul.xlsx'],
    ['COM¹.json', '_COM¹.json'],
    ['CONSOLE.csv', 'CONSOLE.csv'],
    ['trailing dots... ', 'trailing dots'],
    ['  spaced  name .csv', 'spaced name.csv'],
  ])('%j → %j', (input, expected) => {
    expect(safeFileName(input)).toBe(expected);
  });

  it('uses the fallback when nothing readable is left', () => {
    expect(safeFileName('../..', '入选名单.csv')).toBe('入选名单.csv');
    expect(safeFileName('\u0000\u202e', '入选名单.csv')).toBe('入选名单.csv');
    expect(safeFileName('', '../..')).toBe('file');
  });

  it('limits the length in bytes, keeps the extension and never splits a character', () => {
    const long = `${'评审'.repeat(200)}😀-入选名单.xlsx`;
    const name = safeFileName(long);
    expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
    expect(name.endsWith('.xlsx')).toBe(true);
    expect(name).not.toContain('\ufffd');
    expect(name.startsWith('评审评审')).toBe(true);
    const emoji = safeFileName(`${'a'.repeat(MAX_FILE_NAME_BYTES - 6)}😀😀.csv`);
    expect(emoji).toBe(`${'a'.repeat(MAX_FILE_NAME_BYTES - 6)}.csv`); // a 4-byte emoji does not fit, none is halved
  });

  it('always yields one non-empty name that stays in the directory (any input)', () => {
    const dir = path.resolve('/data/exports');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (input) => {
        const name = safeFileName(input);
        expect(name.length).toBeGreaterThan(0);
        expect(bytes(name)).toBeLessThanOrEqual(MAX_FILE_NAME_BYTES);
        expect(name).not.toMatch(/[/\\:*?"<>|\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
        expect(name).not.toMatch(/^[.\s]|[.\s]$|\.\./);
        expect(name.split('.')[0]!.trim()).not.toMatch(/^(con|prn|aux|nul|com[0-9¹²³]|lpt[0-9¹²³])$/i);
        expect(path.dirname(path.resolve(dir, name))).toBe(dir);
        expect(path.win32.dirname(path.win32.resolve('C:\\exports', name))).toBe('C:\\exports');
      }),
      { numRuns: 2000 },
    );
  });
});
