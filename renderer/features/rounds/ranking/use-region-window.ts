// A long region's ranking table renders the rows in view only (issue 8). At 20,000 applications a region holds
// ≈ 130 ranked applications, each row with its scores and the reason in words: laying them all out took
// ≈ 30 ms of every open and every region switch (measured in Chromium: 5 ms for 20 rows), and a program
// with few regions has thousands per region. The table stays in the page's own scroll (TanStack Virtual over
// the window, as the scoring grid does), with spacer rows for the rest; rows are measured as they render,
// since the reason wraps to two or three lines. The row holding the focus and its neighbours stay rendered
// while the page scrolls away from them (a name button tabbed to, then the wheel), so Tab goes on to the next
// row. Below VIRTUAL_FROM rows every row is rendered, as before.
import { useCallback, useMemo, useRef, type FocusEvent, type RefObject } from 'react';
import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import { usePageOffset } from '../../../components/lists/use-page-offset';

export const VIRTUAL_FROM = 60;
/** A ranked row with a two-line name and a three-line reason, as laid out at 1280 px. */
const ROW_ESTIMATE_PX = 88;

export function useRegionWindow(keys: readonly string[], tbody: RefObject<HTMLTableSectionElement | null>) {
  const virtual = keys.length > VIRTUAL_FROM;
  // Where the rows start in the page: none is laid out until it is known.
  const margin = usePageOffset(tbody, virtual);
  const laidOut = virtual && margin !== null;
  const latestKeys = useRef(keys);
  latestKeys.current = keys;
  const getItemKey = useCallback((i: number) => keys[i] ?? i, [keys]);
  /** The row holding the focus, by key (set by the table's onFocus and onBlur): a re-sort moves it, not its key. */
  const focused = useRef<string | null>(null);
  const positions = useMemo(() => new Map(keys.map((key, i) => [key, i])), [keys]);
  const latestPositions = useRef(positions);
  latestPositions.current = positions;
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const at = focused.current === null ? undefined : latestPositions.current.get(focused.current);
    if (at === undefined) return indexes;
    // With its neighbours: Tab and Shift+Tab go on to the next and previous rows, wherever the page is.
    const kept = [at - 1, at, at + 1].filter((i) => i >= 0 && i < range.count && !indexes.includes(i));
    return kept.length === 0 ? indexes : [...indexes, ...kept].sort((a, b) => a - b);
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: laidOut ? keys.length : 0,
    enabled: laidOut,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 6,
    scrollMargin: margin ?? 0,
    getItemKey,
    rangeExtractor,
    // The viewport is known before the window's first resize event.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });
  /** For the table body's onFocus and onBlur: which row holds the focus, if any. */
  const onFocusChange = useCallback(
    (e: FocusEvent) => {
      // The window losing the focus (another application) leaves it on the row, to come back to.
      if (e.type === 'blur' && e.relatedTarget === null && document.activeElement === e.target) return;
      const into = e.type === 'focus' ? (e.target as HTMLElement) : (e.relatedTarget as HTMLElement | null);
      const index = into?.closest('tbody') === e.currentTarget ? into.closest('tr')?.dataset.index : undefined;
      focused.current = index === undefined ? null : (latestKeys.current[Number(index)] ?? null);
    },
    [],
  );
  return { virtual, margin: margin ?? 0, virtualizer, onFocusChange };
}
