// Chinese names in lists and searches: order by pinyin, find 杭州 by "hz", "HZ", "hangz" or "hangzhou".
//
// - compareZh orders like a Chinese reader expects (安 < 北 < 杭 < 上): ICU's zh-CN collation, which Node
//   (full ICU) and Chromium/Electron both carry. Should a runtime ever lack zh collation data (small-icu
//   builds), it falls back to comparing pinyin sort keys, so a list is never in UTF-16 code-unit order.
// - Pinyin comes from pinyin-pro (MIT, pure JS, no Node or DOM APIs). Polyphones are read in context
//   (重庆 → chongqing, 银行 → yinhang). Company names start with their region, and a region suffix glued to
//   the next word misleads any segmenter (重庆市长江… would read 市长 "mayor" → zhangjiang), so names are cut
//   after 省/市/区/县 before they are read. One reading per character is kept: a name whose reading the
//   library gets wrong is still found by its characters and its credit code.
// - ASCII letters and digits pass through lower-cased (full-width ones are folded first); punctuation and
//   spaces are dropped from search keys, so "hz" finds 杭州（滨江）….
// - Search: a term matches the initials anywhere ("axzb" → 安心珠宝), but the full pinyin only from the start
//   of a syllable ("hangz", "anxin", "zhubao"): 鉴宝 "jianbao" must not answer "nb", which means 宁波.
import { pinyin } from 'pinyin-pro';

/** One reading unit: a Han character's syllable, or a run of anything else. */
type Unit = { zh: true; syllable: string } | { zh: false; text: string };

/** Region suffixes after which a new word starts (company names: 杭州市…, 深圳市南山区…). */
const REGION_CUT = /(?<=[省市区县])/u;

/** Runs of Han characters, read by pinyin-pro word by word; everything between them is kept as text. */
const HAN_RUN = /(\p{Script=Han}+)/u;
const SYLLABLE = /^[a-zv]+$/;

// pinyin-pro's array output (not its per-character objects, 8× slower), on Han runs only: a dossier import
// reads tens of thousands of names.
function readHanRun(run: string): readonly string[] {
  return pinyin(run, { type: 'array', toneType: 'none', v: true });
}

// Issue 8: pinyin-pro's word segmentation costs ≈ 20–120 µs per name, more than a whole raw insert. Each Han
// run is read on its own (nothing outside the run reaches pinyin-pro), so a run's syllables are a function of
// the run alone and can be remembered: company names repeat their region parts (杭州市, 西湖区) and their
// endings (珠宝检测有限公司 after a number) across a file. The same syllables as reading the run afresh
// (test/unit/shared/pinyin-cache.test.ts proves it on a corpus, polyphones included).
const RUN_CACHE_LIMIT = 50_000;
const runCache = new Map<string, readonly string[]>();
let cachesOn = true;
/** How to empty each memo below (withoutPinyinCaches). */
const memoClears: (() => void)[] = [];
function cachedHanRun(run: string): readonly string[] {
  if (!cachesOn) return readHanRun(run);
  let syllables = runCache.get(run);
  if (syllables === undefined) {
    if (runCache.size >= RUN_CACHE_LIMIT) runCache.clear();
    syllables = readHanRun(run);
    runCache.set(run, syllables);
  }
  return syllables;
}

/** For tests: `fn`'s result with every pinyin cache of this module bypassed (the plain path), and emptied after. */
export function withoutPinyinCaches<T>(fn: () => T): T {
  cachesOn = false;
  try {
    return fn();
  } finally {
    cachesOn = true;
    runCache.clear();
    for (const clear of memoClears) clear();
  }
}

function readUnits(name: string): Unit[] {
  const text = name.normalize('NFKC').toLowerCase();
  const out: Unit[] = [];
  for (const part of text.split(REGION_CUT)) {
    part.split(HAN_RUN).forEach((run, i) => {
      if (!run) return;
      if (i % 2 === 0) return void out.push({ zh: false, text: run });
      for (const s of cachedHanRun(run)) {
        out.push(SYLLABLE.test(s) ? { zh: true, syllable: s } : { zh: false, text: s }); // a character outside its dictionary
      }
    });
  }
  return out;
}
const units = memo(readUnits);

/** Searchable pieces in reading order: each Han syllable, each run of ASCII letters and digits. */
interface Piece {
  text: string;
  /** What the piece contributes to the initials: a syllable its first letter, an ASCII run all of it. */
  initial: string;
}

function pieces(name: string): Piece[] {
  const out: Piece[] = [];
  for (const u of units(name)) {
    if (u.zh) out.push({ text: u.syllable, initial: u.syllable[0]! });
    else for (const run of u.text.match(/[a-z0-9]+/g) ?? []) out.push({ text: run, initial: run });
  }
  return out;
}

export interface PinyinKeys {
  /** Full pinyin without tones or separators: 杭州 → hangzhou. */
  full: string;
  /** The first letter of each syllable, ASCII runs kept whole: 杭州 → hz, ABC珠宝 → abczb. */
  initials: string;
}

export function pinyinKeys(name: string): PinyinKeys {
  const ps = pieces(name);
  return { full: ps.map((p) => p.text).join(''), initials: ps.map((p) => p.initial).join('') };
}

/**
 * A byte-comparable key that orders names as compareZh does, for SQLite (which cannot collate zh-CN). The
 * two differ only where ICU's fixed per-character order does: characters of one syllable (ICU has its own
 * order for them; callers break the tie by the name) and polyphones read differently in context.
 * Layout:
 * syllables separated by spaces (so 安 "an" < 昂 "ang" and 安 < 安徽), digit runs zero-padded (2号 < 10号),
 * Latin runs marked with "~" so they follow every Han syllable as ICU puts Latin after Han, digits before.
 */
export function pinyinSortKey(name: string): string {
  const parts: string[] = [];
  for (const u of units(name)) {
    if (u.zh) {
      parts.push(u.syllable);
      continue;
    }
    for (const token of u.text.match(/[0-9]+|[a-z]+|[^\s\p{P}\p{S}0-9a-z]+/gu) ?? []) {
      parts.push(/^[0-9]/.test(token) ? token.padStart(12, '0') : '~' + token);
    }
  }
  return parts.join(' ');
}

/** Full pinyin from a later syllable on is kept this long: longer terms are typed from a name's start. */
const SUFFIX_CHARS = 40;
export const SEARCH_SEPARATOR = '\u0001';

/**
 * The stored haystacks for SQL LIKE search over some fields, each piece preceded by SEARCH_SEPARATOR:
 * `initials` — each field's initials, matched anywhere (LIKE '%term%');
 * `full` — each field's full pinyin from every syllable start on, matched as a prefix (LIKE '%\u0001term%').
 */
export function pinyinSearchColumns(...fields: string[]): { initials: string; full: string } {
  let initials = '';
  let full = '';
  for (const field of fields) {
    const part = fieldColumns(field);
    initials += part.initials;
    full += part.full;
  }
  return { initials, full };
}

/** One field's share of pinyinSearchColumns: the keys are the fields' shares joined in order. */
function fieldSearchColumns(field: string): { initials: string; full: string } {
  const ps = pieces(field);
  const whole = ps.map((p) => p.text).join('');
  const initials = SEARCH_SEPARATOR + ps.map((p) => p.initial).join('');
  let full = SEARCH_SEPARATOR + whole;
  for (let i = 1, at = ps[0]?.text.length ?? 0; i < ps.length; at += ps[i]!.text.length, i++) {
    full += SEARCH_SEPARATOR + whole.slice(at, at + SUFFIX_CHARS);
  }
  return { initials, full };
}
// Issue 8: a dossier import writes the keys of name, city and province for every row; the cities and
// provinces of a file are few, so their shares are remembered (the plain path: withoutPinyinCaches).
const fieldColumns = memo(fieldSearchColumns);

function hasZhCollation(): boolean {
  try {
    const c = new Intl.Collator('zh-CN');
    return c.resolvedOptions().locale.startsWith('zh') && c.compare('安', '北') < 0 && c.compare('北', '杭') < 0 && c.compare('杭', '上') < 0;
  } catch {
    return false;
  }
}

/** A small memo: renderer lists compare and filter the same names on every render, and a save reads the
 * same name for its search and its sort key. */
function memo<T>(compute: (s: string) => T): (s: string) => T {
  const cache = new Map<string, T>();
  memoClears.push(() => cache.clear());
  return (s) => {
    if (!cachesOn) return compute(s);
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size >= 5_000) cache.clear();
      v = compute(s);
      cache.set(s, v);
    }
    return v;
  };
}

const cachedSortKey = memo(pinyinSortKey);

/** Pinyin order without ICU's zh data: sort keys compared by code unit, then the names themselves. */
export function comparePinyinKeys(a: string, b: string): number {
  const ka = cachedSortKey(a);
  const kb = cachedSortKey(b);
  if (ka !== kb) return ka < kb ? -1 : 1;
  return a === b ? 0 : a < b ? -1 : 1;
}

const collator = new Intl.Collator('zh-CN', { numeric: true });
const collate: (a: string, b: string) => number = hasZhCollation() ? (a, b) => collator.compare(a, b) : comparePinyinKeys;

/** Names in pinyin order (安 < 北 < 杭 < 上), numbers by value (2号 < 10号). Use in sort((a, b) => …). */
export function compareZh(a: string, b: string): number {
  return collate(a, b);
}

const cachedColumns = memo((field: string) => pinyinSearchColumns(field));

/**
 * Whether every whitespace-separated term of `query` occurs in one of `fields` (case-insensitively), in a
 * field's initials, or in its full pinyin from a syllable start: the in-memory twin of the dossier search.
 */
export function matchesZh(query: string, ...fields: string[]): boolean {
  const terms = query.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const plain = fields.map((f) => f.normalize('NFKC').toLowerCase());
  return terms.every((t) => plain.some((f) => f.includes(t)) || fields.some((f) => {
    const keys = cachedColumns(f);
    return keys.initials.includes(t) || keys.full.includes(SEARCH_SEPARATOR + t);
  }));
}
