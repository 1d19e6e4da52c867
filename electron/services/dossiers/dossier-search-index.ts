// Dossier search at 20,000 dossiers (issue 8): the LIKE scan of three haystack columns ran twice per search
// (count, then the ordered page). Instead, the haystacks are held in memory in the list's order (read once
// with ORDER BY name_sort, legal_name, id, i.e. SQLite's own byte order), rebuilt when any dossier row changes
// (change generations, services/cache/change-tracker.ts), and searched with the same matching as the LIKE
// patterns: a substring of search_text, or of pinyin_initials, or of pinyin_full right after a separator.
// LIKE folds ASCII case on both sides; the haystacks are stored lower-cased, and are ASCII-folded here too.
// (A trigram FTS index would not serve the common 2-character Chinese terms such as 杭州.)
import type { Db } from '../../db/open';
import { generation, onStale } from '../cache/change-tracker';
import { SEARCH_SEPARATOR } from '../../../shared/common/pinyin';

interface Entry {
  id: number;
  archived: boolean;
  text: string;
  initials: string;
  full: string;
  /** The pinyin keys hold only a–z, 0–9 and separators (as pinyinSearchColumns writes them). */
  asciiKeys: boolean;
}

/** What pinyinSearchColumns writes: ASCII letters and digits, pieces separated by SEARCH_SEPARATOR. */
const ASCII_KEYS = /^[a-z0-9\u0001]*$/;
const ASCII_TERM = /^[a-z0-9]*$/;

const indexes = new WeakMap<Db, { gen: string; entries: Entry[] }>();
onStale('dossiers', (db) => indexes.delete(db)); // let go at the write, not at the next search (issue 8, memory)

/** Below this many dossiers the SQL scan is as fast (and its plan is what dossier-search.test.ts checks). */
let indexFrom = 2_000;
/** For tests: search through the index from `n` dossiers on. */
export function setSearchIndexThreshold(n: number): void {
  indexFrom = n;
}
const asciiLower = (s: string) => s.replace(/[A-Z]+/g, (m) => m.toLowerCase());

function entriesOf(db: Db): Entry[] | null {
  const gen = generation(db, 'dossiers');
  if (gen === null) return null;
  const hit = indexes.get(db);
  if (hit && hit.gen === gen) return hit.entries;
  const rows = db.prepare('SELECT id, archived_at, search_text, pinyin_initials, pinyin_full FROM dossiers ORDER BY name_sort, legal_name, id').raw().all() as [number, string | null, string, string, string][];
  const entries = rows.map(([id, archivedAt, text, initials, full]) => {
    const keys = { initials: asciiLower(initials), full: asciiLower(full) };
    return { id, archived: archivedAt !== null, text: asciiLower(text), ...keys, asciiKeys: ASCII_KEYS.test(keys.initials) && ASCII_KEYS.test(keys.full) };
  });
  if (generation(db, 'dossiers') === gen) indexes.set(db, { gen, entries });
  return entries;
}

/**
 * The ids of the page and the total, in list order; null when this connection keeps no index (the caller
 * then runs the SQL search). `terms` are the lower-cased search terms; every one must match.
 */
export function searchDossierIds(db: Db, query: { terms: string[]; status: 'active' | 'archived' | 'all'; offset: number; limit: number }): { ids: number[]; total: number } | null {
  const entries = entriesOf(db);
  if (!entries || entries.length < indexFrom) return null;
  const patterns = query.terms.map((term) => {
    const folded = asciiLower(term.normalize('NFKC'));
    // A term with anything but a–z and 0–9 (a Chinese word, a phone number with a dash) cannot occur in
    // keys made of a–z, 0–9 and separators: those entries are tested on their haystack alone (issue 8: the
    // full-pinyin key is the longest string of an entry; most searches are Chinese words).
    return { text: asciiLower(term), initials: folded, full: SEARCH_SEPARATOR + folded, keysCannotMatch: !ASCII_TERM.test(folded) };
  });
  const matches = (e: Entry) => {
    for (const p of patterns) {
      if (e.text.includes(p.text)) continue;
      if (p.keysCannotMatch && e.asciiKeys) return false;
      if (!e.initials.includes(p.initials) && !e.full.includes(p.full)) return false;
    }
    return true;
  };
  const ids: number[] = [];
  let total = 0;
  for (const e of entries) {
    if (query.status === 'active' ? e.archived : query.status === 'archived' ? !e.archived : false) continue;
    if (!matches(e)) continue;
    if (total >= query.offset && ids.length < query.limit) ids.push(e.id);
    total++;
  }
  return { ids, total };
}
