// The scoring grid's rows as one flat list (issue 8), which is what the virtualiser counts: a header row per
// region, then that region's applications; "只看未评分" leaves out the rows not taken. Positions are the
// applications' places in the sheet's display order (score-order.ts), so cell ids (cell-<position>-<col>)
// stay the same whether a row is shown, filtered out or not rendered at the moment.
import type { SheetGroup } from './score-order';

export type GridItem = { kind: 'region'; key: string; group: SheetGroup } | { kind: 'row'; key: string; applicationId: string; position: number };

export interface GridLayout {
  /** The display order (every application of the sheet). */
  order: readonly string[];
  items: GridItem[];
  /** Positions shown, in order: the keyboard moves through these only. */
  visible: number[];
  /** Position → its index in `visible`. */
  visibleIndex: Map<number, number>;
  /** Position → its index in `items`. */
  itemOf: Map<number, number>;
}

export function gridItems(groups: readonly SheetGroup[], order: readonly string[], only: ReadonlySet<string> | null): GridLayout {
  const positionOf = new Map(order.map((id, i) => [id, i]));
  const items: GridItem[] = [];
  const visible: number[] = [];
  const visibleIndex = new Map<number, number>();
  const itemOf = new Map<number, number>();
  for (const group of groups) {
    const rows = only === null ? group.applicationIds : group.applicationIds.filter((id) => only.has(id));
    if (rows.length === 0) continue;
    items.push({ kind: 'region', key: `region-${group.regionId ?? 'none'}`, group });
    for (const applicationId of rows) {
      const position = positionOf.get(applicationId)!;
      itemOf.set(position, items.length);
      items.push({ kind: 'row', key: applicationId, applicationId, position });
    }
  }
  // The keyboard goes in display order, which is the order of the groups above.
  for (const item of items) {
    if (item.kind !== 'row') continue;
    visibleIndex.set(item.position, visible.length);
    visible.push(item.position);
  }
  return { order, items, visible, visibleIndex, itemOf };
}
