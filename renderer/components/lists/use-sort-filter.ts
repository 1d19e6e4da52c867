// State for one sortable, filterable, searchable list: the chosen column and direction, the filter values
// and the search text, optionally remembered across visits (returning from a dossier lands where you were).
// The work itself is sortFilter (pure); pinyin search keys are filled in the background (pinyin-index).
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { indexPinyin, pinyinLookup, unindexed } from './pinyin-index';
import { nextSort, searchTerms, sortFilter, type ListQuery, type ListSpec, type SortState } from './sort-filter';

export interface ListMemory {
  sort: SortState | null;
  filters: Record<string, string>;
  search: string;
}
export const newListMemory = (sort: SortState | null): ListMemory => ({ sort, filters: {}, search: '' });

/** One memory per round, for the session (back from a dossier lands on the same view of that round's list). */
export function perRoundListMemory(sort: SortState): (roundId: string) => ListMemory {
  const memories = new Map<string, ListMemory>();
  return (roundId) => memories.get(roundId) ?? memories.set(roundId, newListMemory(sort)).get(roundId)!;
}

export interface SortFilterState<T> {
  shown: T[];
  total: number;
  sort: SortState | null;
  toggleSort: (key: string) => void;
  filters: Readonly<Record<string, string>>;
  setFilter: (key: string, value: string) => void;
  search: string;
  setSearch: (search: string) => void;
  /** Clears search and filters (after an import, the new rows must not hide behind an old search). */
  reset: () => void;
}

export function useSortFilter<T>(items: readonly T[] | null | undefined, spec: ListSpec<T>, memory: ListMemory): SortFilterState<T> {
  const [sort, setSort] = useState(memory.sort);
  const [filters, setFilters] = useState<Record<string, string>>(memory.filters);
  const [search, setSearch] = useState(memory.search);
  const [pinyinVersion, setPinyinVersion] = useState(0);
  useEffect(() => void Object.assign(memory, { sort, filters, search }), [memory, sort, filters, search]);

  // Latin terms may be pinyin: index the list's fields once, then search again.
  const latin = searchTerms(search).some((t) => /^[a-z]+$/.test(t));
  useEffect(() => {
    if (!latin || !items || !spec.search) return;
    const todo = unindexed(items.flatMap((i) => spec.search!(i)));
    if (todo.length === 0) return;
    return indexPinyin(todo, () => setPinyinVersion((v) => v + 1));
  }, [latin, items]);

  // Typing stays responsive on a 20,000-row list: the filtering follows the text a render later.
  const deferredSearch = useDeferredValue(search);
  // spec is a module constant or memoised by the caller; the query's parts are what change.
  const shown = useMemo(() => {
    const query: ListQuery = { sort, filters, search: deferredSearch };
    return items ? sortFilter(items, spec, query, pinyinLookup) : [];
  }, [items, spec, sort, filters, deferredSearch, pinyinVersion]);
  return {
    shown,
    total: items?.length ?? 0,
    sort,
    toggleSort: (key) => setSort((s) => nextSort(s, key)),
    filters,
    setFilter: (key, value) => setFilters((f) => ({ ...f, [key]: value })),
    search,
    setSearch,
    reset: () => (setFilters({}), setSearch('')),
  };
}
