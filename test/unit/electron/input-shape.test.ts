import { describe, expect, it } from 'vitest';
import { jsonTextTooDeep, MAX_INPUT_DEPTH, valueTooDeep } from '../../../electron/backend/input-shape';

const nested = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = i % 2 ? { k: v } : [v];
  return v;
};

describe('input nesting limits', () => {
  it('counts structure, not brackets inside strings', () => {
    expect(jsonTextTooDeep(JSON.stringify({ name: '['.repeat(500) }))).toBe(false);
    expect(jsonTextTooDeep(JSON.stringify({ name: 'a\\"[[[[' }), 2)).toBe(false);
  });
  it('allows exactly the limit and refuses one more, for text and values alike', () => {
    expect(jsonTextTooDeep(JSON.stringify(nested(MAX_INPUT_DEPTH)))).toBe(false);
    expect(jsonTextTooDeep(JSON.stringify(nested(MAX_INPUT_DEPTH + 1)))).toBe(true);
    expect(valueTooDeep(nested(MAX_INPUT_DEPTH))).toBe(false);
    expect(valueTooDeep(nested(MAX_INPUT_DEPTH + 1))).toBe(true);
  });
  it('handles a value far deeper than the stack would allow recursively', () => {
    expect(valueTooDeep(nested(1_000_000))).toBe(true);
    expect(jsonTextTooDeep('['.repeat(1_000_000))).toBe(true);
  });
  it('treats primitives and cycles without looping', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(valueTooDeep('text')).toBe(false);
    expect(valueTooDeep(cyclic)).toBe(false);
  });
});
