// Where an element starts in the page (its top plus the window's scroll), for lists virtualised over the window
// (TanStack's scrollMargin: the scoring grid, a long region's ranking table). Measured when `active` turns on,
// before paint, then whenever the page's size changes: anything above the element that grows or shrinks (a
// heading, a banner, a list opened) moves it, the rows' own height being the virtualiser's. null until measured,
// so no row is laid out at a wrong offset first. (Measured after every render before: a forced layout in each
// render of a scroll, ≈ 5–8 ms each.)
import { useCallback, useEffect, useLayoutEffect, useState, type RefObject } from 'react';

export function usePageOffset(element: RefObject<HTMLElement | null>, active: boolean): number | null {
  const [offset, setOffset] = useState<number | null>(null);
  const measure = useCallback(() => {
    if (!element.current) return;
    const top = Math.round(element.current.getBoundingClientRect().top + window.scrollY);
    setOffset((m) => (m === null || Math.abs(top - m) > 1 ? top : m));
  }, [element]);
  useLayoutEffect(() => void (active && measure()), [active, measure]);
  useEffect(() => {
    if (!active) return;
    const observer = new ResizeObserver(measure);
    observer.observe(document.body);
    return () => observer.disconnect();
  }, [active, measure]);
  return offset;
}
