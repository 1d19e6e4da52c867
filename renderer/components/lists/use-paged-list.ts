// A long list whose rows the service sorts, filters and pages (issue 8: the applications and screening tabs
// at 20,000 applications): the list asks only for the rows in view. State is the same as useSortFilter's
// (column and direction, filters, search; remembered across visits); the rows are kept in pages of PAGE_ROWS
// fetched as the VirtualTable's window reaches them (with half a page of lead either side), so scrolling to the
// end of 40,000 rows asks for two or three pages, not the list. Rows not loaded yet render as placeholders.
// A new query (sort, filter, search) or a reload (after a write) keeps the rows on screen until its answers
// for the rows on screen have all arrived (the first page, the window's pages, and the page of a focused row
// kept rendered away from the window), then replaces them all: no flash of empty rows or placeholders, which
// would also drop the keyboard focus; answers to older queries that arrive late are dropped (a generation
// counter), as with useLoad.
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { Result } from '../../../shared/api/result';
import { errorText } from '../../lib/errors';
import { nextSort, type SortState } from './sort-filter';
import type { ListMemory } from './use-sort-filter';

/** Rows per call: a screenful with its overscan is ~25 rows; a smaller first answer shows sooner. */
export const PAGE_ROWS = 50;

export interface PagedQuery {
  sort: SortState;
  filters: Readonly<Record<string, string>>;
  search: string;
}

export interface PageAnswer<R> {
  rows: R[];
  total: number;
}

export interface PagedList<R, A extends PageAnswer<R>> {
  /** Rows under the query (0 until the first answer). */
  count: number;
  itemAt: (index: number) => R | undefined;
  /** The VirtualTable's rendered window changed (and the rows it keeps apart for the focus): fetch the pages it needs. */
  onRange: (start: number, end: number, kept?: readonly number[]) => void;
  /** The latest answer (its counts), null before the first. */
  answer: A | null;
  /** The rows shown answer an earlier sort, filter or search than the one chosen (its answer is on the way). */
  busy: boolean;
  error: string | null;
  sort: SortState;
  toggleSort: (key: string) => void;
  filters: Readonly<Record<string, string>>;
  setFilter: (key: string, value: string) => void;
  search: string;
  setSearch: (search: string) => void;
  /** Reloads the rows in view (after a write); resolves once they are back and shown. */
  reload: () => Promise<void>;
}

interface Store<R, A> {
  gen: number;
  /** The query (and deps) the rows answer. */
  key: string;
  pages: Map<number, R[]>;
  answer: A | null;
}

export function usePagedList<R, A extends PageAnswer<R>>(
  fetchPage: (query: PagedQuery, offset: number, limit: number) => Promise<Result<A>>,
  memory: ListMemory,
  defaultSort: SortState,
  deps: readonly unknown[],
): PagedList<R, A> {
  const [sort, setSort] = useState<SortState>(memory.sort ?? defaultSort);
  const [filters, setFilters] = useState<Record<string, string>>(memory.filters);
  const [search, setSearch] = useState(memory.search);
  useEffect(() => void Object.assign(memory, { sort, filters, search }), [memory, sort, filters, search]);

  const [store, setStore] = useState<Store<R, A>>({ gen: 0, key: '', pages: new Map(), answer: null });
  const [error, setError] = useState<string | null>(null);
  const latest = useRef(0);
  const storeRef = useRef(store);
  storeRef.current = store;
  const pending = useRef(new Set<string>());
  const range = useRef<[number, number]>([0, 0]);
  /** Rows the table keeps rendered apart from its window (the focused row and its neighbours). */
  const keptRows = useRef<readonly number[]>([]);
  const query: PagedQuery = { sort, filters, search };
  const queryRef = useRef(query);
  queryRef.current = query;
  const key = JSON.stringify([sort.key, sort.dir, filters, search, ...deps]);
  const keyRef = useRef(key);
  keyRef.current = key;
  /** The query key of each generation asked for. */
  const genKeys = useRef(new Map<number, string>());
  const fetchRef = useRef(fetchPage);
  fetchRef.current = fetchPage;
  const firstWaiters = useRef<(() => void)[]>([]);
  /** Whether rows have been shown: from then on a new generation waits for every page they need. */
  const shown = useRef(false);
  /**
   * The generation on its way (the latest, not shown yet): the pages it must have before it replaces the rows
   * on screen (restart lists them), those answered, and those that failed. Kept in a ref and decided in the
   * fetch's callback, not inside a state updater (React may call an updater twice).
   */
  const incoming = useRef<{ gen: number; needed: ReadonlySet<number>; pages: Map<number, R[]>; failed: Set<number>; answer: A | null } | null>(null);

  /** Shows the incoming generation once it holds its first page and every needed page (or knows it failed). */
  const switchWhenReady = useCallback((): void => {
    const next = incoming.current;
    if (!next || !next.answer || !next.pages.has(0)) return;
    const total = next.answer.total;
    // Switching sooner would show the focused row, or the window, as placeholders until their pages came, and
    // the keyboard focus would be lost with the row. A failed page is asked again once shown (the ensure effect).
    const ready = !shown.current || [...next.needed].every((p) => next.pages.has(p) || next.failed.has(p) || p * PAGE_ROWS >= total);
    if (!ready) return;
    incoming.current = null;
    shown.current = true;
    setStore({ gen: next.gen, key: genKeys.current.get(next.gen) ?? '', pages: next.pages, answer: next.answer });
    for (const resolve of firstWaiters.current.splice(0)) resolve();
  }, []);

  const load = useCallback((gen: number, page: number): void => {
    const key = `${gen}:${page}`;
    if (pending.current.has(key)) return;
    pending.current.add(key);
    void fetchRef.current(queryRef.current, page * PAGE_ROWS, PAGE_ROWS).then((result) => {
      pending.current.delete(key);
      if (gen !== latest.current) return;
      const next = incoming.current?.gen === gen ? incoming.current : null;
      if (!result.ok) {
        // A later page of the generation on its way: shown without it, then asked again (an error then is shown).
        if (next && page > 0) {
          next.failed.add(page);
          switchWhenReady();
          return;
        }
        setError(errorText(result.error));
        // Page 0 failed: nothing to show for this generation; the error says so and the caller goes on.
        if (next) for (const resolve of firstWaiters.current.splice(0)) resolve();
        return;
      }
      setError(null);
      const answer = result.value;
      if (next) {
        next.pages.set(page, answer.rows);
        if (page === 0 || !next.answer) next.answer = answer;
        switchWhenReady();
      } else setStore((s) => (s.gen === gen ? { ...s, pages: new Map(s.pages).set(page, answer.rows), answer } : s));
    });
  }, [switchWhenReady]);

  /** The pages rows start..end (with half a page of lead either side) and the kept rows fall in. */
  const pagesFor = (start: number, end: number, total: number | null): number[] => {
    const last = total === null ? end : Math.min(end, Math.max(0, total - 1));
    const from = Math.max(0, Math.floor((start - PAGE_ROWS / 2) / PAGE_ROWS));
    const to = Math.max(from, Math.floor((last + PAGE_ROWS / 2) / PAGE_ROWS));
    const pages = new Set<number>();
    for (let p = from; p <= to; p++) pages.add(p);
    for (const row of keptRows.current) pages.add(Math.floor(row / PAGE_ROWS));
    return [...pages].filter((p) => p === 0 || total === null || p * PAGE_ROWS < total);
  };
  const pagesForRef = useRef(pagesFor);
  pagesForRef.current = pagesFor;

  const ensure = useCallback((gen: number, start: number, end: number, total: number | null) => {
    const s = storeRef.current;
    for (const p of pagesForRef.current(start, end, total)) {
      if (s.gen === gen && s.pages.has(p)) continue;
      load(gen, p);
    }
  }, [load]);

  // A new query or a reload: a new generation, asked for the pages of the current window (and the first).
  const restart = useCallback((): Promise<void> => {
    const gen = ++latest.current;
    genKeys.current.clear();
    genKeys.current.set(gen, keyRef.current);
    const done = new Promise<void>((resolve) => firstWaiters.current.push(resolve));
    incoming.current = { gen, needed: new Set(pagesForRef.current(range.current[0], range.current[1], null)), pages: new Map(), failed: new Set(), answer: null };
    load(gen, 0);
    ensure(gen, range.current[0], range.current[1], null);
    return done;
  }, [load, ensure]);

  // A click asks at once, from its handler (the rows re-render for the new header meanwhile, not before the
  // request); a change of deps (the round, its version) or the first mount asks from this effect.
  const startedKey = useRef<string | null>(null);
  // Before paint: opening the tab asks in the commit that mounts it, not a frame later.
  useLayoutEffect(() => {
    if (startedKey.current === key) return;
    startedKey.current = key;
    void restart();
  }, [key, restart]);
  const keyOf = (q: PagedQuery) => JSON.stringify([q.sort.key, q.sort.dir, q.filters, q.search, ...deps]);
  const ask = (q: PagedQuery) => {
    const k = keyOf(q);
    if (k === startedKey.current) return;
    queryRef.current = q;
    keyRef.current = k;
    startedKey.current = k;
    void restart();
  };

  // Once a generation's first answer is in, the rest of the window (its total is now known).
  useEffect(() => {
    if (store.gen === latest.current && store.answer) ensure(store.gen, range.current[0], range.current[1], store.answer.total);
  }, [store, ensure]);

  const onRange = useCallback((start: number, end: number, kept: readonly number[] = []) => {
    range.current = [start, end];
    keptRows.current = kept;
    const s = storeRef.current;
    if (s.gen === latest.current && s.answer) ensure(s.gen, start, end, s.answer.total);
  }, [ensure]);

  const itemAt = useCallback((index: number) => store.pages.get(Math.floor(index / PAGE_ROWS))?.[index % PAGE_ROWS], [store]);

  return {
    count: store.answer?.total ?? 0,
    itemAt,
    onRange,
    answer: store.answer,
    busy: store.answer !== null && store.key !== key,
    error,
    sort,
    toggleSort: (column) => {
      const next = nextSort(sort, column);
      setSort(next);
      ask({ ...query, sort: next });
    },
    filters,
    setFilter: (name, value) => {
      const next = { ...filters, [name]: value };
      setFilters(next);
      ask({ ...query, filters: next });
    },
    search,
    setSearch: (text) => {
      setSearch(text);
      ask({ ...query, search: text });
    },
    reload: restart,
  };
}
