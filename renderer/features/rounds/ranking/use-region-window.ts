// A long region's ranking table renders the rows in view only (issue 8). At 20,000 applications a region holds
// ≈ 130 ranked applications, each row with its scores and the reason in words: laying them all out took
// ≈ 30 ms of every open and every region switch (measured in Chromium: 5 ms for 20 rows), and a program
// with few regions has thousands per region. The table stays in the page's own scroll (TanStack Virtual over
// the window, as the scoring grid does), with spacer rows for the rest; rows are measured as they render,
// since the reason wraps to two or three lines. Below VIRTUAL_FROM rows every row is rendered, as before.
import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';
import { useWindowVirtualizer } from '@tanstack/react-virtual';

export const VIRTUAL_FROM = 60;
/** A ranked row with a two-line name and a three-line reason, as laid out at 1280 px. */
const ROW_ESTIMATE_PX = 88;

export function useRegionWindow(keys: readonly string[], tbody: RefObject<HTMLTableSectionElement | null>) {
  const virtual = keys.length > VIRTUAL_FROM;
  // Where the rows start in the page, measured before the rows are laid out (none are until it is known),
  // then again whenever the page's size changes (a banner above the table appears or goes).
  const [margin, setMargin] = useState<number | null>(null);
  const measureMargin = useCallback(() => {
    if (!tbody.current) return;
    const top = Math.round(tbody.current.getBoundingClientRect().top + window.scrollY);
    setMargin((m) => (m === null || Math.abs(top - m) > 1 ? top : m));
  }, [tbody]);
  useLayoutEffect(() => void (virtual && measureMargin()), [virtual, measureMargin]);
  useEffect(() => {
    if (!virtual) return;
    const observer = new ResizeObserver(measureMargin);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [virtual, measureMargin]);

  const laidOut = virtual && margin !== null;
  const getItemKey = useCallback((i: number) => keys[i] ?? i, [keys]);
  const virtualizer = useWindowVirtualizer({
    count: laidOut ? keys.length : 0,
    enabled: laidOut,
    estimateSize: () => ROW_ESTIMATE_PX,
    overscan: 6,
    scrollMargin: margin ?? 0,
    getItemKey,
    // The viewport is known before the window's first resize event.
    initialRect: { width: window.innerWidth, height: window.innerHeight },
  });
  return { virtual, margin: margin ?? 0, virtualizer };
}
