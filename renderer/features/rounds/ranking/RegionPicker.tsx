// The region picker of the ranking tab (issue 8): a searchable list, each region with its quota and counts
// from ranking.summary. A round may have 300 regions: past a few dozen the list is virtualised (TanStack
// Virtual over its own scroll box). Enter in the search box shows the first match. The buttons sit in a
// group named 区域, so a region is found by its name (the page objects rely on it).
import { useLayoutEffect, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { RegionSummary } from '../../../../shared/rounds/region-results';
import { useT } from '../../../i18n/i18n';
import { matchRegions } from './region-view';

const VIRTUAL_FROM = 40;
const ROW_HEIGHT = 50;

interface Props {
  regions: readonly RegionSummary[];
  selectedId: string;
  onSelect: (regionId: string) => void;
}

export function RegionPicker({ regions, selectedId, onSelect }: Props) {
  const t = useT();
  const [search, setSearch] = useState('');
  const shown = matchRegions(regions, search);
  const box = useRef<HTMLDivElement>(null);
  const virtual = shown.length > VIRTUAL_FROM;
  const virtualizer = useVirtualizer({ count: virtual ? shown.length : 0, getScrollElement: () => box.current, estimateSize: () => ROW_HEIGHT, overscan: 6, getItemKey: (i) => shown[i]?.regionId ?? i });

  // The selected region stays in view (it may be far down the list, e.g. after a search was cleared).
  const selectedIndex = shown.findIndex((r) => r.regionId === selectedId);
  // Rows have one fixed height, so its offset is exact; set directly (the virtualiser follows the scroll
  // event), which also works in the render where the list has just turned virtual (a search cleared).
  useLayoutEffect(() => {
    const el = box.current;
    if (!el || selectedIndex < 0) return;
    const top = selectedIndex * ROW_HEIGHT;
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + el.clientHeight) el.scrollTop = Math.max(0, top - el.clientHeight / 2);
  }, [virtual, selectedIndex]);

  const button = (r: RegionSummary, style?: React.CSSProperties) => (
    <button key={r.regionId} type="button" style={style} className={r.regionId === selectedId ? 'region-option selected' : 'region-option'} aria-pressed={r.regionId === selectedId} onClick={() => onSelect(r.regionId)}>
      <span className="region-option-name">{r.name}</span>
      <span className="small region-option-counts" title={`${t('ranking.quota', { quota: r.quota })} · ${t('ranking.picker.counts', { applications: r.applications, admitted: r.admitted })}`}>
        {t('ranking.quota', { quota: r.quota })} · {t('ranking.picker.counts', { applications: r.applications, admitted: r.admitted })}
      </span>
    </button>
  );

  return (
    <div className="region-picker" role="group" aria-label={t('ranking.region')}>
      <input
        type="search"
        className="region-search"
        aria-label={t('ranking.picker.search')}
        placeholder={t('ranking.picker.searchPlaceholder')}
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && shown[0]) {
            e.preventDefault();
            onSelect(shown[0].regionId);
          }
        }}
      />
      <div className="small muted region-count">{shown.length === 0 ? t('ranking.picker.none') : t('ranking.picker.shown', { count: shown.length })}</div>
      <div className="region-list" ref={box}>
        {virtual ? (
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative', flexShrink: 0 }}>
            {virtualizer.getVirtualItems().map((v) => button(shown[v.index]!, { position: 'absolute', top: 0, left: 0, right: 0, height: ROW_HEIGHT - 4, transform: `translateY(${v.start}px)` }))}
          </div>
        ) : (
          shown.map((r) => button(r))
        )}
      </div>
    </div>
  );
}
