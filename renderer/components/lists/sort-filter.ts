// The one sort / filter / search step every long list shares (applications, screening, dossiers,
// cooperations): pure, so it is tested without a DOM, and run once per change of its inputs (useSortFilter).
//
// - Text columns sort with compareZh (Intl.Collator('zh-CN'), pinyin order: 安 < 北 < 杭 < 上, 2号 < 10号);
//   numbers and ISO dates numerically / lexically; empty values (null) always last, whichever direction.
// - Ties keep the previous order (Array.prototype.sort is stable), then the list's own tie-break.
// - Filters are "equals one of the item's values" ('' means all); all filters and the search must hold.
// - The search matches every whitespace-separated term in one of the item's fields: as text, or (through a
//   PinyinLookup, when one is given) in a field's pinyin initials or full pinyin from a syllable start.
import { compareZh } from '../../../shared/common/pinyin';

export type SortDir = 'asc' | 'desc';
export interface SortState {
  key: string;
  dir: SortDir;
}
export type SortValue = string | number | null;
export interface SortSpec<T> {
  value: (item: T) => SortValue;
  /** 'text' collates in zh-CN; 'plain' compares as is (numbers, ISO dates, codes). */
  kind: 'text' | 'plain';
  /** The items arrive in this column's ascending order already (the service sorted them): asc keeps that
   * order, desc reverses it, and no comparison runs. */
  presorted?: boolean;
}
export interface ListSpec<T> {
  sorts: Record<string, SortSpec<T>>;
  /** Applied after the chosen column, so equal values come out in a fixed order. */
  tieBreak?: (a: T, b: T) => number;
  filters?: Record<string, (item: T) => string | readonly string[]>;
  search?: (item: T) => readonly string[];
}
/** Answers whether a term occurs in a field's pinyin (initials anywhere, full pinyin from a syllable start). */
export type PinyinLookup = (field: string, term: string) => boolean;

export interface ListQuery {
  sort: SortState | null;
  filters: Readonly<Record<string, string>>;
  search: string;
}

/** Clicking a header: a new column starts ascending, the same column flips. */
export function nextSort(current: SortState | null, key: string): SortState {
  return current?.key === key ? { key, dir: current.dir === 'asc' ? 'desc' : 'asc' } : { key, dir: 'asc' };
}

export function searchTerms(search: string): string[] {
  return search.normalize('NFKC').toLowerCase().split(/\s+/).filter(Boolean);
}

function compareValues(a: SortValue, b: SortValue, kind: SortSpec<unknown>['kind']): number {
  if (typeof a === 'string' && typeof b === 'string') return kind === 'text' ? compareZh(a, b) : a < b ? -1 : a > b ? 1 : 0;
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  return String(a).localeCompare(String(b));
}

export function matchesSearch(fields: readonly string[], terms: readonly string[], pinyin?: PinyinLookup): boolean {
  if (terms.length === 0) return true;
  const plain = fields.map((f) => f.normalize('NFKC').toLowerCase());
  // Pinyin only for terms that can be pinyin: 杭州 or a credit code digit run is found as text.
  return terms.every((t) => plain.some((f) => f.includes(t)) || (!!pinyin && /^[a-z]+$/.test(t) && fields.some((f) => pinyin(f, t))));
}

function matchesFilters<T>(item: T, spec: ListSpec<T>, filters: Readonly<Record<string, string>>): boolean {
  for (const [key, wanted] of Object.entries(filters)) {
    if (wanted === '') continue;
    const get = spec.filters?.[key];
    if (!get) continue;
    const v = get(item);
    if (typeof v === 'string' ? v !== wanted : !v.includes(wanted)) return false;
  }
  return true;
}

/** The items to show: filtered, searched, sorted. Never mutates `items`. */
export function sortFilter<T>(items: readonly T[], spec: ListSpec<T>, query: ListQuery, pinyin?: PinyinLookup): T[] {
  const terms = searchTerms(query.search);
  const out = items.filter((item) => matchesFilters(item, spec, query.filters) && (!spec.search || matchesSearch(spec.search(item), terms, pinyin)));
  const sort = query.sort && spec.sorts[query.sort.key];
  if (sort?.presorted) return query.sort!.dir === 'desc' ? out.reverse() : out;
  if (!sort && !spec.tieBreak) return out;
  const sign = query.sort?.dir === 'desc' ? -1 : 1;
  // Read each value once: a 20,000-row sort compares ~300,000 times.
  const keyed = out.map((item) => ({ item, v: sort ? sort.value(item) : null }));
  keyed.sort((a, b) => {
    if (sort) {
      if (a.v === null || b.v === null) {
        if (a.v !== b.v) return a.v === null ? 1 : -1; // empty last in both directions
      } else {
        const c = compareValues(a.v, b.v, sort.kind);
        if (c !== 0) return sign * c;
      }
    }
    return spec.tieBreak ? spec.tieBreak(a.item, b.item) : 0;
  });
  return keyed.map((k) => k.item);
}

/** How many items carry each filter value, for "区域（12）" style option labels. */
export function countBy<T>(items: readonly T[], get: (item: T) => string | readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) {
    const v = get(item);
    for (const one of typeof v === 'string' ? [v] : v) counts.set(one, (counts.get(one) ?? 0) + 1);
  }
  return counts;
}
