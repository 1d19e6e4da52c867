// The scoring grid's pure parts: reading what a member typed (full-width digits from a Chinese IME
// included) and where Enter/Tab/arrows move the focus.
import { describe, expect, it } from 'vitest';
import { formatScore, parseScore } from '../../../renderer/features/rounds/scoring/parse-score';
import { moveFrom, moveOfKey } from '../../../renderer/components/grid-cell/grid-navigation';

const scale = { min: 0, max: 100 };
const key = (k: string, mods: Partial<{ shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({ key: k, shiftKey: false, altKey: false, ctrlKey: false, metaKey: false, ...mods });

describe('parseScore', () => {
  it.each([
    ['85', 85],
    [' 85.5 ', 85.5],
    ['85.25', 85.25],
    ['0', 0],
    ['100', 100],
    ['８５', 85], // full-width digits (IME in full-width mode)
    ['８５。５', 85.5], // 。 typed for the decimal point
    ['85.', 85],
    ['.5', 0.5],
  ])('reads %j as %d', (text, value) => expect(parseScore(text, scale)).toEqual({ ok: true, value }));

  it('reads an empty cell as "clear it"', () => expect(parseScore('  ', scale)).toEqual({ ok: true, value: null }));

  it.each([
    ['120', 'error.outOfScale'],
    ['-1', 'error.outOfScale'],
    ['100.01', 'error.outOfScale'],
    ['abc', 'error.number'],
    ['8 5', 'error.number'],
    ['1e2', 'error.number'],
    ['八十', 'error.number'],
    ['85.123', 'error.decimals2'],
  ])('refuses %j with %s', (text, k) => expect(parseScore(text, scale)).toEqual({ ok: false, key: k }));

  it('follows the round scale', () => {
    expect(parseScore('10', { min: 0, max: 10 })).toEqual({ ok: true, value: 10 });
    expect(parseScore('11', { min: 0, max: 10 })).toEqual({ ok: false, key: 'error.outOfScale' });
  });

  it('shows stored values as typed', () => {
    expect([formatScore(85), formatScore(85.5), formatScore(null)]).toEqual(['85', '85.5', '']);
  });
});

describe('grid navigation', () => {
  // 3 rows × 4 criteria: cells 0…11 in reading order.
  it('moves across a row, then to the next row, and back', () => {
    expect(moveFrom(0, 'next', 4, 12)).toBe(1);
    expect(moveFrom(3, 'next', 4, 12)).toBe(4);
    expect(moveFrom(4, 'prev', 4, 12)).toBe(3);
    expect(moveFrom(11, 'next', 4, 12)).toBeNull();
    expect(moveFrom(0, 'prev', 4, 12)).toBeNull();
  });

  it('moves up and down within a column', () => {
    expect(moveFrom(5, 'down', 4, 12)).toBe(9);
    expect(moveFrom(5, 'up', 4, 12)).toBe(1);
    expect(moveFrom(9, 'down', 4, 12)).toBeNull();
    expect(moveFrom(1, 'up', 4, 12)).toBeNull();
  });

  it('maps keys to moves, leaving other keys (and modified ones) to the input', () => {
    expect([key('Enter'), key('Tab'), key('Enter', { shiftKey: true }), key('Tab', { shiftKey: true }), key('ArrowDown'), key('ArrowUp')].map(moveOfKey)).toEqual(['next', 'next', 'prev', 'prev', 'down', 'up']);
    expect([key('ArrowLeft'), key('5'), key('Enter', { ctrlKey: true }), key('Tab', { altKey: true })].map(moveOfKey)).toEqual([null, null, null, null]);
  });
});
