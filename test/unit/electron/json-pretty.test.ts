// The ranking's JSON export written in pieces (electron/services/rounds/json-pretty.ts) is byte for byte
// JSON.stringify(value, null, 2) in UTF-8: random values (undefined members, NaN, -0, toJSON, Dates, empty
// containers, sparse arrays, null-prototype objects, keys with quotes and line breaks, strings with
// newlines, emoji and lone surrogates), deep values past the piece depth, and a large results-like value
// that crosses the chunk size.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { prettyJsonBuffer } from '../../../electron/services/rounds/json-pretty';

const expected = (value: unknown) => Buffer.from(JSON.stringify(value, null, 2));

describe('prettyJsonBuffer', () => {
  it('equals JSON.stringify(value, null, 2) for random values', () => {
    fc.assert(
      fc.property(fc.anything({ maxDepth: 8, withNullPrototype: true, withSparseArray: true, withDate: true, withBoxedValues: true, withObjectString: true, withBigInt: false, withMap: true, withSet: true, withTypedArray: true, stringUnit: 'binary' }), (value) => {
        if (JSON.stringify(value) === undefined) return;
        expect(prettyJsonBuffer(value).equals(expected(value))).toBe(true);
      }),
      { numRuns: 2_000 },
    );
  });

  it('calls toJSON with the member key, and leaves out what JSON leaves out', () => {
    const keys: string[] = [];
    const value = { a: { toJSON: (k: string) => (keys.push(k), 'A') }, list: [1, undefined, () => 1, Symbol('s'), { toJSON: (k: string) => (keys.push(k), undefined) }], f: () => 1, u: undefined, deep: { x: { y: { z: { w: { v: [{ toJSON: () => 'deep' }] } } } } }, d: new Date(0), nan: NaN, neg: -0, empty: {}, none: [] };
    expect(prettyJsonBuffer(value).toString()).toBe(JSON.stringify(value, null, 2));
    expect(keys).toEqual(['a', '4', 'a', '4', 'a', '4']); // twice by the two passes (count, write), once by JSON.stringify
  });

  it('writes a large results-like value exactly', () => {
    const value = {
      roundName: '2026年第四季度评审',
      ranking: { regions: Array.from({ length: 30 }, (_, r) => ({ regionId: `r${r}`, entries: Array.from({ length: 400 }, (_, i) => ({ applicationId: `a${i}`, criteria: [{ criterion: 'strength', value: 80.5, exactH: '161/2' }], total: i % 7 === 0 ? null : 75.25, note: '名称含"引号"\n与换行' })) })) },
    };
    const buffer = prettyJsonBuffer(value);
    expect(buffer.length).toBeGreaterThan(1 << 20);
    expect(buffer.equals(expected(value))).toBe(true);
  });
});
