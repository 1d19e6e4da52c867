// A long list as a real <table> that holds only the rows in view (TanStack Virtual): 20,000 applications
// open as fast as 20. Why a real table: screen readers get table semantics (aria-rowcount / aria-rowindex
// say where a row sits in the whole list), and `table.x tbody tr` selectors keep meaning "a row".
// Why padding instead of spacer rows: the rows above and below the window are padding around the table, so
// every <tr> in <tbody> is a data row. The header is sticky inside the scroll box and, being the same
// table with table-layout: fixed and a <colgroup>, stays aligned with the columns whichever rows render.
// Paged lists (usePagedList: the service sorts and pages, issue 8) pass `count` and `itemAt` instead of
// `items`, and `onRange` to hear which rows the window needs; a row not loaded yet renders as a placeholder
// (data-pending), which the arrow keys wait for.
// Keyboard: Tab walks the links/buttons of the rendered rows (a few rows of overscan beyond the view, so the
// browser scrolls the next one in and more render); ArrowUp/ArrowDown move to the same control one row up or
// down, rendering (and loading) it first when needed; Enter activates the link or button as usual.
// The row holding the focus and its neighbours stay rendered when the box scrolls away from them (PageDown on
// a focused link, or the wheel): the focus is not dropped to the page, and Tab, Shift+Tab and the arrows go on
// from that row. Only then does <tbody> hold a row that is no data row: an empty spacer (tr.vt-gap) for the
// rows between the kept ones and the window.
import { useCallback, useLayoutEffect, useRef, useState, type FocusEvent, type KeyboardEvent, type ReactElement, type ReactNode } from 'react';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { SortState } from './sort-filter';
import './lists.css';

export interface VtColumn {
  key: string;
  header: ReactNode;
  /** The sort key (ListSpec.sorts) this header toggles; none = not sortable. */
  sortKey?: string;
  className?: string;
  /** A CSS width for the <col> ('22%', '140px'); columns without one share the rest. */
  width?: string;
  /** For a header without visible text (the actions column). */
  ariaLabel?: string;
}

export interface RowProps {
  ref: (el: HTMLTableRowElement | null) => void;
  'data-index': number;
  'aria-rowindex': number;
  tabIndex: -1;
}

interface Props<T> {
  /** The whole list, or (a paged list) `count` rows read through `itemAt`, undefined while not loaded. */
  items?: readonly T[];
  count?: number;
  itemAt?: (index: number) => T | undefined;
  /**
   * The rendered window (overscan included) changed: first and last index, and the rows kept rendered apart
   * from it (the focused row and its neighbours, when the box scrolled away from them): a paged list loads both.
   */
  onRange?: (start: number, end: number, kept: readonly number[]) => void;
  /** The rows shown are about to be replaced (a paged list's new sort or filter is on its way): aria-busy. */
  busy?: boolean;
  columns: readonly VtColumn[];
  rowKey: (item: T) => string | number;
  /** Returns the row: <tr {...row}>…</tr> (the props measure it and place it for assistive technology). */
  renderRow: (item: T, row: RowProps, index: number) => ReactElement;
  sort?: SortState | null;
  onSort?: (key: string) => void;
  className?: string;
  label: string;
  estimateRowHeight?: number;
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex="0"]';
const OVERSCAN = 8;

/** Where the focused row is now: a whole list's re-sort moves it (found by its key), a paged list's row stays put. */
function focusedIndex<T>(focused: { index: number; key: string | number | null } | null, items: readonly T[] | undefined, rowKey: (item: T) => string | number): number | null {
  if (!focused) return null;
  if (!items || focused.key === null) return focused.index;
  const here = items[focused.index];
  if (here !== undefined && rowKey(here) === focused.key) return focused.index;
  const moved = items.findIndex((item) => rowKey(item) === focused.key);
  return moved < 0 ? null : moved;
}

/** The scroll box fills the window below its top edge (at least 360 px), so the page itself hardly scrolls. */
function useFillHeight(ref: React.RefObject<HTMLDivElement | null>): number | undefined {
  const [top, setTop] = useState<number>();
  useLayoutEffect(() => {
    const measure = () => ref.current && setTop(ref.current.getBoundingClientRect().top + window.scrollY);
    measure();
    window.addEventListener('resize', measure);
    return () => window.removeEventListener('resize', measure);
  }, []);
  return top;
}

export function VirtualTable<T>({ items, count: pagedCount, itemAt, onRange, busy = false, columns, rowKey, renderRow, sort, onSort, className = '', label, estimateRowHeight = 44 }: Props<T>) {
  const count = items ? items.length : (pagedCount ?? 0);
  const at = (i: number): T | undefined => (items ? items[i] : itemAt?.(i));
  const scrollRef = useRef<HTMLDivElement>(null);
  const headRef = useRef<HTMLTableSectionElement>(null);
  const [headHeight, setHeadHeight] = useState(40);
  const top = useFillHeight(scrollRef);
  useLayoutEffect(() => {
    if (headRef.current) setHeadHeight(headRef.current.getBoundingClientRect().height);
  }, [columns.length]);

  /** The row holding the focus (tbody's onFocus/onBlur), by index and, for a whole list, by key: a re-sort moves it. */
  const focused = useRef<{ index: number; key: string | number | null } | null>(null);
  const latestItems = useRef(items);
  latestItems.current = items;
  const latestRowKey = useRef(rowKey);
  latestRowKey.current = rowKey;
  const tbodyRef = useRef<HTMLTableSectionElement>(null);
  /** The rows the view and overscan need, and the focused ones kept apart from them: what a paged list loads. */
  const windowRange = useRef<{ first: number; last: number; kept: number[] }>({ first: 0, last: -1, kept: [] });
  // A new `items` (a whole list re-sorted or reloaded) makes a new extractor, so the virtualiser works out its
  // rows again and the kept row follows its item even when nothing scrolls.
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    // A focused row that went away without a blur (its item left the list) is let go, not kept as an empty place.
    if (focused.current && !tbodyRef.current?.contains(document.activeElement)) focused.current = null;
    const at = focusedIndex(focused.current, items, latestRowKey.current);
    const kept = at === null ? [] : [at - 1, at, at + 1].filter((i) => i >= 0 && i < range.count && (i < indexes[0]! || i > indexes.at(-1)!));
    windowRange.current = { first: indexes[0] ?? 0, last: indexes.at(-1) ?? -1, kept };
    return kept.length === 0 ? indexes : [...indexes, ...kept].sort((a, b) => a - b);
  }, [items]);
  const onFocusChange = useCallback((e: FocusEvent<HTMLTableSectionElement>) => {
    // The window losing the focus (another application) leaves it on the row, to come back to.
    if (e.type === 'blur' && e.relatedTarget === null && document.activeElement === e.target) return;
    const into = e.type === 'focus' ? (e.target as HTMLElement) : (e.relatedTarget as HTMLElement | null);
    const index = into && e.currentTarget.contains(into) ? into.closest<HTMLElement>('tr[data-index]')?.dataset.index : undefined;
    const item = index === undefined ? undefined : latestItems.current?.[Number(index)];
    focused.current = index === undefined ? null : { index: Number(index), key: item === undefined ? null : latestRowKey.current(item) };
  }, []);

  const virtualizer = useVirtualizer({
    count,
    rangeExtractor,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateRowHeight,
    overscan: OVERSCAN,
    paddingStart: headHeight, // rows start below the header; the header is part of the scrolled content
    // A paged list keys its measurements by index (the default): a key read per row would walk every row of
    // a 40,000-row list on each render (the virtualizer recomputes its measurements when getItemKey changes).
    ...(items ? { getItemKey: (i: number) => rowKey(items[i]!) } : {}),
  });
  // No scroll correction when a row above the view is measured at another height than estimated: in this
  // padded table the corrections accumulated while the keyboard walked down (each ArrowDown scrolls to its row)
  // and threw the view back by hundreds of pixels, unmounting the focused row (found by the virtual-lists e2e
  // in a cold run). Without them, a row measured above the view shifts the rows below it by its difference.
  virtualizer.shouldAdjustScrollPositionOnItemSizeChange = () => false;
  const rows = virtualizer.getVirtualItems();
  const { first, last, kept } = windowRange.current;
  const keptKey = kept.join(',');
  // Before paint: a jump to the end asks for its rows in the same frame.
  useLayoutEffect(() => onRange?.(first, last, keptKey ? keptKey.split(',').map(Number) : []), [first, last, keptKey, count, onRange]);
  const before = rows.length ? rows[0]!.start - headHeight : 0;
  const after = rows.length ? virtualizer.getTotalSize() - rows[rows.length - 1]!.end : 0;

  /** The latest arrow key's landing; an older one still waiting for its row gives up. */
  const landing = useRef(0);

  /** Scrolls the box just enough that the row is in view below the sticky header: one scroll, no retries. */
  function reveal(row: HTMLElement) {
    const box = scrollRef.current;
    if (!box) return;
    const view = box.getBoundingClientRect();
    const rect = row.getBoundingClientRect();
    const above = view.top + headHeight - rect.top;
    const below = rect.bottom - view.bottom;
    if (above > 0) box.scrollTop -= above;
    else if (below > 0) box.scrollTop += below;
  }

  // Why not virtualizer.scrollToIndex: it re-aims for up to ten frames at the alignment it chose first, so
  // arrow keys pressed faster than that left several such loops running, and an older one pulled the view
  // back to its row and unmounted the focused one (seen in a cold e2e run). The next row is almost always
  // rendered already (overscan), so the key focuses it and scrolls it into view itself, once; a row not in
  // the DOM yet is brought into view by its estimated offset, then focused when it renders.
  function onKeyDown(e: KeyboardEvent<HTMLTableSectionElement>) {
    if (e.key !== 'ArrowDown' && e.key !== 'ArrowUp') return;
    const target = e.target as HTMLElement;
    if (target.closest('input, select, textarea')) return;
    const tr = target.closest<HTMLTableRowElement>('tr[data-index]');
    if (!tr) return;
    const next = Number(tr.dataset.index) + (e.key === 'ArrowDown' ? 1 : -1);
    if (next < 0 || next >= count) return;
    e.preventDefault();
    const column = [...tr.querySelectorAll<HTMLElement>(FOCUSABLE)].indexOf(target);
    const mine = ++landing.current;
    const rowAt = (state: 'any' | 'loaded') =>
      scrollRef.current?.querySelector<HTMLTableRowElement>(`tbody tr[data-index="${next}"]${state === 'loaded' ? ':not([data-pending])' : ''}`) ?? null;
    const land = (row: HTMLTableRowElement) => {
      const controls = [...row.querySelectorAll<HTMLElement>(FOCUSABLE)];
      (controls[Math.max(0, column)] ?? controls[0] ?? row).focus({ preventScroll: true });
      reveal(row);
    };
    const loaded = rowAt('loaded');
    if (loaded) return land(loaded);
    const placeholder = rowAt('any');
    if (placeholder) reveal(placeholder);
    else {
      const offset = virtualizer.getOffsetForIndex(next, 'auto');
      if (offset) virtualizer.scrollToOffset(offset[0]);
    }
    let tries = 0;
    const wait = () => {
      if (mine !== landing.current) return;
      const row = rowAt('loaded');
      if (row) return land(row);
      if (tries++ < 120) requestAnimationFrame(wait); // about two seconds, for a page on a loaded machine
    };
    requestAnimationFrame(wait);
  }

  return (
    <div className="vt-scroll" ref={scrollRef} style={top === undefined ? undefined : { maxHeight: `max(360px, calc(100vh - ${Math.round(top)}px - 16px))` }}>
      <div style={{ paddingTop: before, paddingBottom: after }}>
      <table className={`table vt-table ${className}`} aria-label={label} aria-rowcount={count + 1} aria-busy={busy}>
        <colgroup>
          {columns.map((c) => <col key={c.key} style={c.width ? { width: c.width } : undefined} />)}
        </colgroup>
        <thead ref={headRef}>
          <tr aria-rowindex={1}>
            {columns.map((c) => {
              const dir = sort && c.sortKey && sort.key === c.sortKey ? sort.dir : null;
              return (
                <th key={c.key} className={c.className} aria-label={c.ariaLabel} aria-sort={c.sortKey ? (dir === 'asc' ? 'ascending' : dir === 'desc' ? 'descending' : 'none') : undefined}>
                  {c.sortKey && onSort ? (
                    <button type="button" className="th-sort" onClick={() => onSort(c.sortKey!)}>
                      {c.header}
                      <span className={dir ? 'sort-mark active' : 'sort-mark'} aria-hidden="true">{dir === 'desc' ? '▼' : dir === 'asc' ? '▲' : '↕'}</span>
                    </button>
                  ) : (
                    c.header
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody ref={tbodyRef} onKeyDown={onKeyDown} onFocus={onFocusChange} onBlur={onFocusChange}>
          {/* flatMap: every <tr> a keyed sibling, so a row is not rebuilt (losing the focus) when a gap comes or goes before it. */}
          {rows.flatMap((v, i) => {
            const props: RowProps = { ref: virtualizer.measureElement, 'data-index': v.index, 'aria-rowindex': v.index + 2, tabIndex: -1 };
            const item = at(v.index);
            const gap = i > 0 ? v.start - rows[i - 1]!.end : 0;
            const row =
              item !== undefined ? (
                renderRow(item, props, v.index)
              ) : (
                <tr key={`pending:${v.index}`} {...props} data-pending="" className="vt-pending" aria-busy="true" style={{ height: estimateRowHeight }}>
                  <td colSpan={columns.length}><span className="vt-pending-bar" /></td>
                </tr>
              );
            if (gap < 1) return [row];
            return [
              <tr key={`gap:${v.index}`} className="vt-gap" aria-hidden="true">
                <td colSpan={columns.length} style={{ height: gap }} />
              </tr>,
              row,
            ];
          })}
        </tbody>
      </table>
      </div>
    </div>
  );
}
