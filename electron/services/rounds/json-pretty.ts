// JSON.stringify(value, null, 2), written in pieces into Buffers (issue 8, memory): the ranking's JSON export
// at 20,000 applications is ≈ 100 MB of text, and as one JavaScript string (two bytes a character once a
// Chinese name is in it) plus its UTF-8 copy it was several hundred MB at once on top of the cached ranking.
// Here containers are opened and closed by hand down to PIECE_DEPTH and everything deeper is
// JSON.stringify'd on its own, its line breaks indented to its depth: JSON escapes every line break inside a
// string, so each "\n" in that output is structural and re-indenting it is exact. Same text as
// JSON.stringify(value, null, 2) for any JSON-able value (test/unit/json-pretty.test.ts compares them on
// random values: undefined members, toJSON, empty containers, sparse arrays, odd keys).

/** Containers this deep or shallower are written member by member; deeper values in one piece each. */
const PIECE_DEPTH = 4;
/** Text gathered before it is counted or written. */
const CHUNK_CHARS = 1 << 16;

export function prettyJsonBuffer(value: unknown): Buffer {
  const top = serialisable(value, '');
  if (top === undefined) throw new TypeError('nothing to serialise');
  // Two passes over the same pieces: the first only counts their UTF-8 bytes, the second writes them into one
  // Buffer of exactly that size — no list of chunks and no concatenated copy beside it (≈ 110 MB each at
  // 20,000 applications). The pieces are cheap to make again (≈ 0.3 s at 20,000).
  let size = 0;
  pieces(top, (text) => (size += Buffer.byteLength(text)));
  const out = Buffer.allocUnsafe(size);
  let at = 0;
  pieces(top, (text) => (at += out.write(text, at)));
  if (at !== size) throw new Error(`JSON export: wrote ${at} of ${size} bytes`); // a toJSON answering differently the second time
  return out;
}

/** The text in pieces of about CHUNK_CHARS characters, in order. */
function pieces(value: unknown, sink: (text: string) => void): void {
  let pending = '';
  write(value, '', 0, (text) => {
    pending += text;
    if (pending.length >= CHUNK_CHARS) {
      sink(pending);
      pending = '';
    }
  });
  if (pending) sink(pending);
}

/** What JSON.stringify would serialise for this member (after toJSON), or undefined when it leaves it out. */
function serialisable(value: unknown, key: string): unknown {
  let v = value;
  if (v !== null && (typeof v === 'object' || typeof v === 'bigint') && typeof (v as { toJSON?: unknown }).toJSON === 'function') v = (v as { toJSON(key: string): unknown }).toJSON(key);
  if (v === undefined || typeof v === 'function' || typeof v === 'symbol') return undefined;
  return v;
}

function write(value: unknown, indent: string, depth: number, emit: (text: string) => void): void {
  const plainContainer = value !== null && typeof value === 'object' && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null);
  if (depth > PIECE_DEPTH || !plainContainer) {
    emit(JSON.stringify(value, null, 2).replace(/\n/g, `\n${indent}`));
    return;
  }
  const inner = `${indent}  `;
  if (Array.isArray(value)) {
    if (value.length === 0) return emit('[]');
    emit('[');
    for (let i = 0; i < value.length; i++) {
      emit(i === 0 ? `\n${inner}` : `,\n${inner}`);
      const member = serialisable(value[i], String(i));
      if (member === undefined) emit('null');
      else write(member, inner, depth + 1, emit);
    }
    emit(`\n${indent}]`);
    return;
  }
  let first = true;
  for (const key of Object.keys(value as object)) {
    const member = serialisable((value as Record<string, unknown>)[key], key);
    if (member === undefined) continue;
    emit(first ? `{\n${inner}` : `,\n${inner}`);
    first = false;
    emit(`${JSON.stringify(key)}: `);
    write(member, inner, depth + 1, emit);
  }
  emit(first ? '{}' : `\n${indent}}`);
}
