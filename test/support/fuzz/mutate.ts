// Bad inputs from good ones: take a valid-shaped value and break one place in it — a hostile string or
// number, a value of the wrong type, a deeply nested value, an unknown key, a missing key.
import fc from 'fast-check';
import { HOSTILE_NUMBERS, HOSTILE_STRINGS, WRONG_TYPES } from './zod-arbitrary';

type Path = (string | number)[];

/** Every place in the value (not below depth 40: a deeply nested value is itself the mutation). */
function paths(value: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (at.length >= 40) return out;
  if (Array.isArray(value)) value.forEach((v, i) => paths(v, [...at, i], out));
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) paths(v, [...at, k], out);
  return out;
}

function deep(levels: number): unknown {
  let value: unknown = '深';
  for (let i = 0; i < levels; i++) value = i % 2 ? [value] : { a: value };
  return value;
}

export type Mutation = { kind: 'replace'; value: unknown } | { kind: 'extraKey' } | { kind: 'dropKey' };

const replacement: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(...WRONG_TYPES),
  fc.constantFrom(deep(64), deep(3000)),
  fc.constantFrom(Array.from({ length: 100_000 }, (_, i) => i)),
);

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 6, arbitrary: replacement.map((value) => ({ kind: 'replace' as const, value })) },
  { weight: 1, arbitrary: fc.constant({ kind: 'extraKey' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'dropKey' as const }) },
);

/** A copy of `value` with the place chosen by `pick` broken by `mutation`. */
export function applyMutation(value: unknown, pick: number, mutation: Mutation): unknown {
  const copy: unknown = structuredClone(value);
  const all = paths(copy);
  const path = all[pick % all.length]!;
  if (path.length === 0) {
    if (mutation.kind === 'replace') return mutation.value;
    return mutation.kind === 'extraKey' && copy && typeof copy === 'object' ? { ...copy, 多余字段: 1 } : copy;
  }
  let parent = copy as Record<string | number, unknown>;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (mutation.kind === 'replace') parent[last] = mutation.value;
  else if (mutation.kind === 'dropKey' && !Array.isArray(parent)) delete parent[last];
  else if (mutation.kind === 'extraKey' && !Array.isArray(parent)) parent.多余字段 = 1;
  return copy;
}

export const mutated = (valid: fc.Arbitrary<unknown>): fc.Arbitrary<unknown> => fc.tuple(valid, fc.nat(), mutationArb).map(([value, pick, mutation]) => applyMutation(value, pick, mutation));
