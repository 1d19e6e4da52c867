// Pinyin keys for in-memory list search, computed once per name for the session. Reading pinyin costs
// ~70 µs a name (pinyin-pro), so a 20,000-row list is indexed in slices between frames the first time
// someone types a Latin term, never on open; shared/common/pinyin's matchesZh keeps only 5,000 names.
import { pinyinSearchColumns, SEARCH_SEPARATOR } from '../../../shared/common/pinyin';
import type { PinyinLookup } from './sort-filter';

const MAX_KEPT = 200_000;
const keys = new Map<string, { initials: string; full: string }>();

export const pinyinLookup: PinyinLookup = (field, term) => {
  const k = keys.get(field);
  return !!k && (k.initials.includes(term) || k.full.includes(SEARCH_SEPARATOR + term));
};

function index(field: string): void {
  if (keys.has(field)) return;
  if (keys.size >= MAX_KEPT) keys.clear();
  keys.set(field, pinyinSearchColumns(field));
}

/** The fields not indexed yet (distinct). */
export function unindexed(fields: Iterable<string>): string[] {
  const out = new Set<string>();
  for (const f of fields) if (!keys.has(f) && /\p{Script=Han}/u.test(f)) out.add(f);
  return [...out];
}

/** Indexes `fields` at once when few, else in slices between frames; calls `done` once all are indexed. */
export function indexPinyin(fields: readonly string[], done: () => void, syncLimit = 600): () => void {
  if (fields.length <= syncLimit) {
    fields.forEach(index);
    done();
    return () => {};
  }
  let at = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const step = () => {
    const end = Math.min(fields.length, at + 300);
    for (; at < end; at++) index(fields[at]!);
    if (at < fields.length) timer = setTimeout(step, 0);
    else done();
  };
  timer = setTimeout(step, 0);
  return () => clearTimeout(timer);
}
