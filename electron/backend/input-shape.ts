// Structural limits on call inputs, checked by the transports before anything reaches the data worker.
// Why: zod validates shape, but a deeply nested value overflows the stack earlier — in JSON.parse, in the
// structured clone of postMessage, or in zod itself — and surfaced as an HTTP 500. Real inputs are at most
// a handful of levels deep (an object of arrays of objects), so 64 leaves a wide margin.
export const MAX_INPUT_DEPTH = 64;

/**
 * True when JSON text nests objects/arrays deeper than `max`. One pass, no recursion, strings skipped
 * (a bracket inside a string is text, not structure), so it is safe to run on hostile input before parsing.
 */
export function jsonTextTooDeep(text: string, max = MAX_INPUT_DEPTH): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/** True when a value (already parsed, e.g. from Electron IPC) nests deeper than `max`. Iterative. */
export function valueTooDeep(value: unknown, max = MAX_INPUT_DEPTH): boolean {
  const stack: { v: unknown; d: number }[] = [{ v: value, d: 0 }];
  const seen = new Set<object>();
  while (stack.length > 0) {
    const { v, d } = stack.pop()!;
    if (v === null || typeof v !== 'object') continue;
    if (d >= max) return true;
    if (seen.has(v)) continue; // structured clone allows cycles; zod will refuse them, we only bound depth
    seen.add(v);
    for (const child of Array.isArray(v) ? v : Object.values(v)) if (child !== null && typeof child === 'object') stack.push({ v: child, d: d + 1 });
  }
  return false;
}
