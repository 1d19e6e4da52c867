// Walks a zod 4 schema and lists every string and array that has no maximum: each is a way for one call
// to make the app read, store or loop over an unbounded amount (issue: 100k committee-order ids froze the
// app across restarts). Enums, literals, numbers and booleans are bounded by nature.
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  element?: z.ZodType;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  keyType?: z.ZodType;
  valueType?: z.ZodType;
  items?: z.ZodType[];
  rest?: z.ZodType | null;
  getter?: () => z.ZodType;
  format?: string;
  checks?: { _zod: { def: CheckDef } }[];
}
interface CheckDef {
  check: string;
  maximum?: number;
  length?: number;
  format?: string;
  pattern?: RegExp;
  /** Set by named refinements: shared/common/validation.ts maxKeys() and the human-text rule. */
  params?: { maxKeys?: number; humanText?: boolean };
}
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod;

/** An anchored pattern with no open-ended repetition (*, +, {n,}) can only match strings of bounded length. */
const boundedPattern = (re: RegExp) => {
  const src = re.source.replace(/\\./g, '');
  return src.startsWith('^') && src.endsWith('$') && !/[*+]|\{\d+,\}/.test(src);
};
const BOUNDED_FORMATS = new Set(['uuid', 'guid', 'cuid', 'cuid2', 'ulid', 'ipv4', 'ipv6', 'date', 'time', 'datetime']);

function stringBounded(def: Def): boolean {
  if (def.format && BOUNDED_FORMATS.has(def.format)) return true;
  return (def.checks ?? []).some(({ _zod: { def: c } }) => c.check === 'max_length' || c.check === 'length_equals' || (c.format !== undefined && BOUNDED_FORMATS.has(c.format)) || (c.pattern !== undefined && boundedPattern(c.pattern)));
}
/** A record capped by validation.ts maxKeys(): the refinement carries its limit as params.maxKeys. */
const keysBounded = (def: Def) => (def.checks ?? []).some(({ _zod: { def: c } }) => c.check === 'custom' && typeof c.params?.maxKeys === 'number');
const arrayBounded = (def: Def) => (def.checks ?? []).some(({ _zod: { def: c } }) => c.check === 'max_length' || c.check === 'length_equals');

export function unboundedPaths(schema: z.ZodType, path = '$', seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema).def;
  switch (def.type) {
    case 'string':
      // A maximum, or a fixed format / anchored pattern (dates, uuids) bounds a string.
      return stringBounded(def) ? [] : [path];
    case 'array':
      return [...(arrayBounded(def) ? [] : [`${path}[]`]), ...unboundedPaths(def.element!, `${path}[]`, seen)];
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([k, v]) => unboundedPaths(v, `${path}.${k}`, seen));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return unboundedPaths(def.innerType!, path, seen);
    case 'pipe':
      return unboundedPaths(def.in!, path, seen);
    case 'union':
      return (def.options ?? []).flatMap((o, i) => unboundedPaths(o, `${path}|${i}`, seen));
    case 'intersection':
      return [...unboundedPaths(def.left!, path, seen), ...unboundedPaths(def.right!, path, seen)];
    case 'record': {
      // Keys from an enum or literal are finitely many; otherwise the record must cap its key count with
      // shared/common/validation.ts maxKeys(), a refinement that names its limit (params.maxKeys).
      const keyKind = defOf(def.keyType!).def.type;
      const finiteKeys = keyKind === 'enum' || keyKind === 'literal' || keysBounded(def);
      return [...(finiteKeys ? [] : [`${path}{}`]), ...unboundedPaths(def.keyType!, `${path}{key}`, seen), ...unboundedPaths(def.valueType!, `${path}{}`, seen)];
    }
    case 'tuple':
      return [...(def.items ?? []).flatMap((it, i) => unboundedPaths(it, `${path}[${i}]`, seen)), ...(def.rest ? [`${path}[...]`] : [])];
    case 'lazy':
      return unboundedPaths(def.getter!(), path, seen);
    case 'unknown':
    case 'any':
      return [`${path}(unknown)`];
    default:
      return [];
  }
}

/** Whether a string schema carries the human-text rule (validation.ts humanText: NFC, no controls/bidi). */
const hasTextRule = (def: Def) => (def.checks ?? []).some(({ _zod: { def: c } }) => c.check === 'custom' && c.params?.humanText === true);
/** A string pinned by a format or an anchored bounded pattern (ids, dates, base64, codes) is not free text. */
const pinned = (def: Def) =>
  (def.format !== undefined && BOUNDED_FORMATS.has(def.format)) ||
  (def.checks ?? []).some(({ _zod: { def: c } }) => (c.format !== undefined && BOUNDED_FORMATS.has(c.format)) || c.pattern !== undefined);

/**
 * Every free string (no format, no pattern) that does not go through the human-text rule. `allowed` names
 * the paths that are deliberately raw (file names the service re-checks, opaque ids): the caller lists them.
 */
export function untextedPaths(schema: z.ZodType, path = '$', seen = new Set<z.ZodType>()): string[] {
  if (seen.has(schema)) return [];
  seen.add(schema);
  const def = defOf(schema).def;
  const walk = (s: z.ZodType | undefined | null, p: string) => (s ? untextedPaths(s, p, seen) : []);
  switch (def.type) {
    case 'string':
      return pinned(def) || hasTextRule(def) ? [] : [path];
    case 'array':
      return walk(def.element, `${path}[]`);
    case 'object':
      return Object.entries(def.shape ?? {}).flatMap(([k, v]) => walk(v, `${path}.${k}`));
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'catch':
    case 'readonly':
    case 'nonoptional':
      return walk(def.innerType, path);
    case 'pipe':
      return walk(def.in, path);
    case 'union':
      return (def.options ?? []).flatMap((o, i) => walk(o, `${path}|${i}`));
    case 'intersection':
      return [...walk(def.left, path), ...walk(def.right, path)];
    case 'record':
      return walk(def.valueType, `${path}{}`);
    case 'tuple':
      return (def.items ?? []).flatMap((it, i) => walk(it, `${path}[${i}]`));
    case 'lazy':
      return walk(def.getter!(), path);
    default:
      return [];
  }
}
