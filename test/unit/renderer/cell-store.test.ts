// The score sheet's cell store (issue 8): a save patches one cell, tells only that cell's subscribers and
// keeps the filled count without rescanning the sheet.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CellStore, cellKey, type CellInfo } from '../../../renderer/features/rounds/scoring/cell-store';

const cell = (value: number | null): CellInfo => ({ value, status: 'idle', error: null });
const KEYS = ['a|x', 'a|y', 'b|x', 'b|y'];

/** A sheet loaded with these cells; the filled count is the backend's (here: the filled cells given). */
function loaded(values: Record<string, number | null> = { 'a|x': 5 }) {
  const store = new CellStore();
  store.reset(Object.values(values).filter((v) => v !== null).length, Object.entries(values).map(([k, v]) => [k, cell(v)] as const));
  return store;
}

describe('CellStore', () => {
  it('keys a cell by application and criterion', () => {
    expect(cellKey('app', 'price')).toBe('app|price');
  });

  it('starts from the backend’s filled count for the whole sheet, whatever part of it is loaded', () => {
    const store = new CellStore();
    store.reset(40, [['a|x', cell(5)]]);
    expect(store.filled()).toBe(40);
    store.patch('a|y', { value: 3, status: 'saving' });
    expect(store.filled()).toBe(41);
  });

  it('adds a page: only cells not held yet (a save typed meanwhile wins), telling their subscribers', () => {
    const store = loaded({ 'a|x': 5 });
    store.patch('a|y', { value: 8, status: 'saving' });
    const calls: string[] = [];
    for (const k of KEYS) store.subscribe(k, () => calls.push(k));
    store.add([['a|y', cell(1)], ['b|x', cell(2)], ['a|x', cell(9)]]);
    expect(store.value('a|y')).toBe(8);
    expect(store.value('a|x')).toBe(5);
    expect(store.value('b|x')).toBe(2);
    expect(calls).toEqual(['b|x']);
    // Already counted by the backend's count at load.
    expect(store.filled()).toBe(2);
  });

  it('patches one cell: a new object for that key, the others untouched', () => {
    const store = loaded({ 'a|x': 5, 'b|x': 7 });
    const other = store.get('b|x');
    const before = store.get('a|x');
    store.patch('a|x', { value: 6, status: 'saving' });
    expect(store.get('a|x')).toEqual({ value: 6, status: 'saving', error: null });
    expect(store.get('a|x')).not.toBe(before);
    expect(store.get('b|x')).toBe(other);
  });

  it('tells only the patched cell and the sheet-wide listeners', () => {
    const store = loaded();
    const calls: string[] = [];
    const offs = KEYS.map((k) => store.subscribe(k, () => calls.push(k)));
    store.subscribeAll(() => calls.push('*'));
    store.patch('b|y', { value: 3, status: 'saving' });
    expect(calls).toEqual(['b|y', '*']);
    offs.forEach((off) => off());
    expect(store.subscribedKeys).toBe(0);
  });

  it('a patch that changes nothing tells nobody and keeps the version', () => {
    const store = loaded({ 'a|x': 5 });
    const version = store.version();
    let told = 0;
    store.subscribe('a|x', () => told++);
    store.patch('a|x', { value: 5 });
    expect(told).toBe(0);
    expect(store.version()).toBe(version);
    store.patch('a|x', { status: 'saved' });
    expect(told).toBe(1);
    expect(store.version()).toBe(version + 1);
  });

  it('keeps the filled count through saving, refusal (value put back) and clearing', () => {
    const store = loaded({ 'a|x': 5 });
    store.patch('a|y', { value: 4, status: 'saving' });
    expect(store.filled()).toBe(2);
    store.patch('a|y', { value: null, status: 'error', error: '超出范围' }); // refused: back to what it was
    expect(store.filled()).toBe(1);
    store.patch('a|x', { value: null, status: 'saving' }); // cleared
    expect(store.filled()).toBe(0);
    store.patch('a|x', { status: 'saved' });
    expect(store.filled()).toBe(0);
  });

  it('resetting the sheet tells every subscriber', () => {
    const store = loaded();
    let told = 0;
    store.subscribe('b|x', () => told++);
    store.reset(1, [['b|x', cell(9)]]);
    expect(told).toBe(1);
    expect(store.value('b|x')).toBe(9);
    expect(store.value('a|x')).toBeNull();
    expect(store.filled()).toBe(1);
  });

  it('the filled count always equals a fresh count after any sequence of patches', () => {
    const op = fc.record({ key: fc.constantFrom(...KEYS), value: fc.option(fc.integer({ min: 0, max: 100 })), status: fc.constantFrom('idle', 'saving', 'saved', 'error' as const) });
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const store = loaded();
        for (const o of ops) store.patch(o.key, { value: o.value, status: o.status });
        expect(store.filled()).toBe(KEYS.filter((k) => store.value(k) !== null).length);
      }),
    );
  });
});

import { gridItems } from '../../../renderer/features/rounds/scoring/grid-items';

describe('gridItems (the virtualised grid rows)', () => {
  const groups = [
    { regionId: 'hz', regionName: '杭州', count: 2 },
    { regionId: 'sz', regionName: '深圳', count: 1 },
    { regionId: null, regionName: '未分区域', count: 1 },
  ];

  it('puts a header before each region and keeps display positions', () => {
    const l = gridItems(groups, null);
    expect(l.items.map((i) => (i.kind === 'region' ? i.group.regionName : `@${i.position}`))).toEqual(['杭州', '@0', '@1', '深圳', '@2', '未分区域', '@3']);
    expect(l.visible).toEqual([0, 1, 2, 3]);
    expect(l.itemOf.get(2)).toBe(4);
  });

  it('"only unscored" drops rows and empty regions but keeps the positions (cell ids) of the rest', () => {
    const l = gridItems(groups, new Set([1, 3]));
    expect(l.items.map((i) => i.key)).toEqual(['region-hz', 'row-1', 'region-none', 'row-3']);
    expect(l.visible).toEqual([1, 3]);
    expect(l.visibleIndex.get(3)).toBe(1);
    expect(l.itemOf.has(2)).toBe(false);
  });
});
