// Search for the round's paged lists (list-pages.ts), with the meaning the renderer's lists gave it
// (renderer/components/lists/sort-filter.ts matchesSearch + pinyin-index.ts): every whitespace-separated term
// (NFKC, lower-cased) occurs in one of the row's fields as text, or — for a term of Latin letters only — in a
// field's pinyin initials anywhere or its full pinyin from a syllable start. Only fields with a Han character
// have pinyin keys (a credit code is found as text).
// Reading pinyin costs ~70 µs a name (pinyin-pro): 1.4 s for 20,000 names. A dossier already stores the keys
// of (name, city, province) concatenated (migration 007, written by the repo on every save), so a name's own
// keys are cut from those when the stored tail matches the city's and province's keys; otherwise (or for a
// region name) they are read here, once per distinct text.
import { pinyinSearchColumns, SEARCH_SEPARATOR } from '../../../shared/common/pinyin';

export interface PinyinKeys {
  initials: string;
  full: string;
}

const MAX_KEPT = 200_000;
const keys = new Map<string, PinyinKeys | null>();
const HAN = /\p{Script=Han}/u;

function remember(field: string, value: PinyinKeys | null): PinyinKeys | null {
  if (keys.size >= MAX_KEPT) keys.clear();
  keys.set(field, value);
  return value;
}

/** The pinyin keys of one field (null without a Han character), as pinyinSearchColumns(field) gives them. */
export function pinyinOf(field: string): PinyinKeys | null {
  const hit = keys.get(field);
  if (hit !== undefined) return hit;
  return remember(field, HAN.test(field) ? pinyinSearchColumns(field) : null);
}

/** Seeds a dossier name's keys from its stored columns (pinyinSearchColumns(name, city, province)). */
export function seedNameKeys(name: string, city: string, province: string, stored: PinyinKeys): void {
  if (keys.has(name) || !HAN.test(name)) return;
  const tail = pinyinSearchColumns(city, province); // few distinct places: pinyin-pro's own memo keeps them
  if (stored.initials.endsWith(tail.initials) && stored.full.endsWith(tail.full)) {
    remember(name, { initials: stored.initials.slice(0, stored.initials.length - tail.initials.length), full: stored.full.slice(0, stored.full.length - tail.full.length) });
  }
}

export function searchTerms(search: string): string[] {
  return search.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
}

export const plainText = (field: string) => field.normalize('NFKC').toLowerCase();

/** Whether every term occurs in one of the fields (`plain` are the fields as plainText gives them). */
export function matchesTerms(fields: readonly string[], plain: readonly string[], terms: readonly string[]): boolean {
  return terms.every((t) => plain.some((f) => f.includes(t)) || (/^[a-z]+$/.test(t) && fields.some((f) => {
    const k = pinyinOf(f);
    return !!k && (k.initials.includes(t) || k.full.includes(SEARCH_SEPARATOR + t));
  })));
}
