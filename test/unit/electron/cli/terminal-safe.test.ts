// The CLI prints stored text; an older database may hold ESC (terminal escape sequences) or bidi overrides,
// so every line and table cell is escaped before printing (electron/cli/format.ts).
import { describe, expect, it } from 'vitest';
import { displayWidth, table, terminalSafe } from '../../../../electron/cli/format';

describe('terminalSafe', () => {
  it('shows controls, bidi overrides/isolates and lone surrogates as visible \\u escapes', () => {
    expect(terminalSafe('杭州\u001B[31m红色\u001B[0m')).toBe('杭州\\u001B[31m红色\\u001B[0m');
    expect(terminalSafe('abc\u202Edef\u2066\u2069')).toBe('abc\\u202Edef\\u2066\\u2069');
    expect(terminalSafe('a\u0000b\u0007c\u009Bd\u007F')).toBe('a\\u0000b\\u0007c\\u009Bd\\u007F');
    expect(terminalSafe('x\uD800y')).toBe('x\\uD800y');
    expect(terminalSafe('a\tb')).toBe('a\\u0009b');
  });

  it('leaves ordinary text, emoji and line breaks alone, and is idempotent', () => {
    for (const text of ['杭州珠宝产业带（第1名）', '💎👨‍👩‍👧', '第一行\n第二行']) expect(terminalSafe(text)).toBe(text);
    const once = terminalSafe('\u001B]0;title\u0007');
    expect(terminalSafe(once)).toBe(once);
    expect(once).not.toMatch(/[\u0000-\u001F]/);
  });

  it('keeps table rows on one line and aligned when a cell holds a control or a line break', () => {
    const lines = table(['名称', '分数'], [['甲\u001B[2J公司', '90'], ['乙\n公司', '80']], [1]);
    expect(lines).toHaveLength(3);
    for (const line of lines) expect(line).not.toMatch(/[\u0000-\u001F\u202A-\u202E]/);
    expect(new Set(lines.map((l) => displayWidth(l))).size).toBe(1);
  });
});
