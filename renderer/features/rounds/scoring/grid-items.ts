// The scoring grid's rows as one flat list (issue 8), which is what the virtualiser counts: a header row per
// region, then that region's applications; "只看未评分" leaves out the rows not taken. Rows are positions in
// the sheet's display order (grouped by region: score-order.ts, answered by scores.gridOutline as the group
// sizes, the groups' rows consecutive), so cell ids (cell-<position>-<col>) stay the same whether a row is
// shown, filtered out, not rendered at the moment or not loaded yet (the rows are read in pages).
export interface GridGroup {
  regionId: string | null;
  regionName: string;
  count: number;
}

export type GridItem = { kind: 'region'; key: string; group: GridGroup } | { kind: 'row'; key: string; position: number };

export interface GridLayout {
  items: GridItem[];
  /** Positions shown, in order: the keyboard moves through these only. */
  visible: number[];
  /** Position → its index in `visible`. */
  visibleIndex: Map<number, number>;
  /** Position → its index in `items`. */
  itemOf: Map<number, number>;
}

export function gridItems(groups: readonly GridGroup[], only: ReadonlySet<number> | null): GridLayout {
  const items: GridItem[] = [];
  const visible: number[] = [];
  const visibleIndex = new Map<number, number>();
  const itemOf = new Map<number, number>();
  let start = 0;
  for (const group of groups) {
    const first = start;
    start += group.count;
    let header = false;
    for (let position = first; position < start; position++) {
      if (only !== null && !only.has(position)) continue;
      if (!header) {
        items.push({ kind: 'region', key: `region-${group.regionId ?? 'none'}`, group });
        header = true;
      }
      itemOf.set(position, items.length);
      items.push({ kind: 'row', key: `row-${position}`, position });
      // The keyboard goes in display order, which is the order of the groups.
      visibleIndex.set(position, visible.length);
      visible.push(position);
    }
  }
  return { items, visible, visibleIndex, itemOf };
}
