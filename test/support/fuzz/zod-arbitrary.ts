// fast-check arbitraries from zod 4 schemas, for fuzzing the API from its contract (issue 9). Covers the
// kinds the contract uses — object, string, number, boolean, enum, literal, array, optional, nullable,
// default, union (incl. discriminated), record, pipe/transform — reading zod's own definition objects
// (`_zod.def`), so a schema change is picked up without touching the fuzzer.
//
// Values are "valid-shaped": they follow types, lengths, ranges and regex patterns where practical, and
// draw ids from the seeded database (`pools`) so calls reach the services instead of stopping at NOT_FOUND.
// Strings are sometimes hostile (control and bidi characters, lone surrogates, SQL-ish quotes, relative
// paths) — the schema or the service must turn those into typed errors, never a crash.
import fc from 'fast-check';
import type { z } from 'zod';

/** Strings that have broken text handling elsewhere. None is an absolute path (see fuzz-api's path guard). */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u3000\t\n',
  'a\u0000b',
  '\u001b[31m红色\u001b[0m',
  '\u202e名称\u202c',
  '\u200b\u200b',
  '\ud800',
  '孤\udc00立',
  "'; DROP TABLE dossiers; --",
  '" OR 1=1 --',
  '../../../etc/passwd',
  '..\\..\\windows',
  '%s%n%x',
  '${7*7}{{7*7}}',
  '<script>alert(1)</script>',
  'NaN',
  'Infinity',
  '-0',
  '1e999',
  '0x1f',
  '9'.repeat(400),
  '__proto__',
  'constructor',
  '字'.repeat(100_000),
  'x'.repeat(100_000),
];

export const HOSTILE_NUMBERS: readonly number[] = [0, -0, -1, 0.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, Number.MIN_SAFE_INTEGER, 2 ** 31, 1e-300, 10_000_000_000];

/** Values of the wrong type for any field. */
export const WRONG_TYPES: readonly unknown[] = [null, true, 0, 'x', [], {}, [1, 2, 3], { a: 1 }, NaN, Infinity];

export interface Pools {
  /** Real uuids from the seeded database. */
  uuids: string[];
  /** Real uuids by column name (round_id → every round id the database refers to). */
  byColumn: Record<string, string[]>;
  /** Real values for plain text fields by field name (criterion → the criteria keys in use). */
  textByKey?: Record<string, string[]>;
  /** Real integer ids (dossiers). */
  intIds: number[];
}

export interface ArbitraryOptions {
  pools: Pools;
  /** Hand-made arbitraries for schemas a generic one cannot satisfy (checksums, paths only under a temp dir). */
  special?: (schema: z.ZodType) => fc.Arbitrary<unknown> | undefined;
  /** Mix hostile strings and numbers into valid-shaped values (the mutations add them anyway). */
  hostile?: boolean;
  /** The ids a field named `id` takes (the call's own entity). */
  idPool?: string[];
}

/** roundId → round_id; viewerMemberId → member_id (the longest known column the field name ends with). */
function poolFor(key: string | undefined, options: ArbitraryOptions): string[] {
  if (!key) return options.pools.uuids;
  if (key === 'id' && options.idPool?.length) return options.idPool;
  const words = key.replace(/Ids$/, 'Id').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`).split('_');
  for (let i = 0; i < words.length; i++) {
    const pool = options.pools.byColumn[words.slice(i).join('_')];
    if (pool?.length) return pool;
  }
  return options.pools.uuids;
}

// zod's definitions are internal; this is the part of them read here.
interface Def {
  type: string;
  checks?: { _zod: { def: { check: string; minimum?: number; maximum?: number; value?: number; inclusive?: boolean; format?: string; pattern?: RegExp } } }[];
  format?: string;
  pattern?: RegExp;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  element?: z.ZodType;
  in?: z.ZodType;
  options?: z.ZodType[];
  entries?: Record<string, string | number>;
  values?: unknown[];
  keyType?: z.ZodType;
  valueType?: z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

function limits(def: Def) {
  const out: { min?: number; max?: number; minExclusive?: boolean; maxExclusive?: boolean; int: boolean; patterns: RegExp[]; format?: string } = { int: false, patterns: [], format: def.format };
  for (const check of def.checks ?? []) {
    const c = check._zod.def;
    if (c.check === 'min_length') out.min = c.minimum;
    else if (c.check === 'max_length') out.max = c.maximum;
    else if (c.check === 'greater_than') [out.min, out.minExclusive] = [c.value, !c.inclusive];
    else if (c.check === 'less_than') [out.max, out.maxExclusive] = [c.value, !c.inclusive];
    else if (c.check === 'number_format') out.int = c.format === 'safeint' || c.format === 'int32';
    else if (c.check === 'string_format' && c.format === 'regex' && c.pattern) out.patterns.push(c.pattern);
    else if (c.check === 'string_format' && c.format) out.format = c.format;
  }
  return out;
}

/** Whether a field may be left out of its object (optional or with a default). */
export function isOptional(schema: z.ZodType): boolean {
  const type = defOf(schema).type;
  return type === 'optional' || type === 'default';
}

export function arbitraryOf(schema: z.ZodType, options: ArbitraryOptions, depth = 0, key?: string): fc.Arbitrary<unknown> {
  const special = options.special?.(schema);
  if (special) return special;
  const def = defOf(schema);
  const hostileWeight = options.hostile ? 1 : 0;
  const hostile = fc.constantFrom(...HOSTILE_STRINGS);
  switch (def.type) {
    case 'string': {
      const l = limits(def);
      const min = l.min ?? 0;
      const max = Math.min(l.max ?? 40, min + 40);
      const uuid = l.format === 'uuid' || l.patterns.some((p) => p.source.includes('[0-9a-f]{8}-'));
      if (uuid) {
        const pool = poolFor(key, options);
        return fc.oneof({ weight: 12, arbitrary: pool.length ? fc.constantFrom(...pool) : fc.uuid() }, { weight: 1, arbitrary: fc.uuid() }, { weight: hostileWeight, arbitrary: hostile });
      }
      if (l.patterns.length > 0) return fc.oneof({ weight: 6, arbitrary: fc.stringMatching(l.patterns[0]!).filter((s) => s.length >= min && s.length <= (l.max ?? Infinity)) }, { weight: hostileWeight, arbitrary: hostile });
      const known = key ? options.pools.textByKey?.[key] : undefined;
      if (known?.length) return fc.oneof({ weight: 6, arbitrary: fc.constantFrom(...known) }, { weight: 1, arbitrary: fc.string({ minLength: min, maxLength: max }) }, { weight: hostileWeight, arbitrary: hostile });
      const text = fc.oneof(fc.string({ minLength: min, maxLength: max }), fc.string({ unit: fc.constantFrom(...'评审台杭州珠宝鉴定有限公司委员组长第一二三'), minLength: Math.max(min, 1), maxLength: Math.max(max, 1) }));
      return fc.oneof({ weight: 5, arbitrary: text }, { weight: hostileWeight, arbitrary: hostile });
    }
    case 'number': {
      const l = limits(def);
      const lo = Math.max(l.min ?? -1e6, -1e9);
      const hi = Math.min(l.max ?? 1e6, 1e9);
      const base = l.int ? fc.integer({ min: Math.ceil(lo + (l.minExclusive ? 1 : 0)), max: Math.floor(hi - (l.maxExclusive ? 1 : 0)) }) : fc.double({ min: lo, max: hi, noNaN: true, noDefaultInfinity: true, minExcluded: l.minExclusive, maxExcluded: l.maxExclusive });
      const arbs: fc.WeightedArbitrary<number>[] = [{ weight: 4, arbitrary: base }, { weight: hostileWeight, arbitrary: fc.constantFrom(...HOSTILE_NUMBERS) }];
      if (l.int && options.pools.intIds.length) arbs.push({ weight: 4, arbitrary: fc.constantFrom(...options.pools.intIds) });
      return fc.oneof(...arbs);
    }
    case 'boolean':
      return fc.boolean();
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries!));
    case 'literal':
      return fc.constantFrom(...def.values!);
    case 'array': {
      const l = limits(def);
      const min = l.min ?? 0;
      return fc.array(arbitraryOf(def.element!, options, depth + 1, key), { minLength: min, maxLength: Math.min(l.max ?? 4, min + (depth > 2 ? 1 : 4)) });
    }
    case 'optional':
    case 'default':
      return fc.option(arbitraryOf(def.innerType!, options, depth + 1, key), { nil: undefined, freq: 3 });
    case 'nullable':
      return fc.option(arbitraryOf(def.innerType!, options, depth + 1, key), { nil: null, freq: 3 });
    case 'union':
      return fc.oneof(...def.options!.map((o) => arbitraryOf(o, options, depth + 1, key)));
    case 'record': {
      const keys = arbitraryOf(def.keyType!, options, depth + 1) as fc.Arbitrary<string>;
      return fc.dictionary(keys, arbitraryOf(def.valueType!, options, depth + 1), { maxKeys: 6 });
    }
    case 'object': {
      const shape = def.shape!;
      const fields = Object.fromEntries(Object.entries(shape).map(([field, value]) => [field, arbitraryOf(value, options, depth + 1, field)]));
      const requiredKeys = Object.keys(shape).filter((key) => !isOptional(shape[key]!));
      return fc.record(fields, { requiredKeys });
    }
    case 'pipe':
      return arbitraryOf(def.in!, options, depth, key);
    default:
      // transform, unknown, any…: anything JSON-like.
      return fc.jsonValue({ maxDepth: 2 });
  }
}
