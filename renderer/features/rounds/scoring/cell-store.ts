// The cells of one open score sheet, kept outside React state (issue 8): at 20,000 applications × 4 criteria
// a sheet holds 80,000 cells, and copying the whole record on every save (three times, as the old hook did:
// saving, saved, idle) re-rendered every row of the grid. Here a save replaces one entry of a Map and tells
// only that cell's subscribers, so the cell component re-renders alone; the sheet as a whole listens to the
// count of filled cells (the progress bar, the submit bar) and to a version counter, both kept as they go.
// The sheet is read in pages (score-grid-pages): the store holds the cells of the rows loaded so far, and the
// filled count starts from the backend's count for the whole sheet.
// Pure TypeScript (no React): the hooks below bind it with useSyncExternalStore.
import { useCallback, useSyncExternalStore } from 'react';

export type CellStatus = 'idle' | 'saving' | 'saved' | 'error';
export interface CellInfo {
  value: number | null;
  status: CellStatus;
  error: string | null;
}

export const cellKey = (applicationId: string, criterion: string) => `${applicationId}|${criterion}`;
const EMPTY: CellInfo = { value: null, status: 'idle', error: null };

export class CellStore {
  private cells = new Map<string, CellInfo>();
  private filledCount = 0;
  private versionCount = 0;
  private readonly byKey = new Map<string, Set<() => void>>();
  private readonly anyChange = new Set<() => void>();

  get(key: string): CellInfo | undefined {
    return this.cells.get(key);
  }

  value(key: string): number | null {
    return this.cells.get(key)?.value ?? null;
  }

  /** Filled cells of the whole sheet (the backend's count at load, kept by every patch since). */
  readonly filled = (): number => this.filledCount;
  /** Bumped by every change: a cheap "has anything changed" for views over the whole sheet. */
  readonly version = (): number => this.versionCount;

  /**
   * A freshly loaded sheet (issue 8: read in pages, so only some of its cells are here): every cell replaced
   * by these, the filled count the backend's for the whole sheet, every subscriber told.
   */
  reset(filled: number, cells: Iterable<readonly [string, CellInfo]> = []): void {
    this.cells = new Map(cells);
    this.filledCount = filled;
    this.versionCount++;
    for (const listeners of this.byKey.values()) for (const fn of listeners) fn();
    for (const fn of this.anyChange) fn();
  }

  /**
   * A page of the sheet arrived: its cells are added where none is held yet (one held is as new or newer: a
   * save typed while the page was on its way). Already counted in `filled`; their subscribers are told.
   */
  add(cells: Iterable<readonly [string, CellInfo]>): void {
    const told: string[] = [];
    for (const [key, info] of cells) {
      if (this.cells.has(key)) continue;
      this.cells.set(key, info);
      told.push(key);
    }
    if (told.length === 0) return;
    this.versionCount++;
    for (const key of told) for (const fn of this.byKey.get(key) ?? []) fn();
  }

  /** One cell changed: a new object for that key only (its subscribers compare by identity), the count kept. */
  patch(key: string, patch: Partial<CellInfo>): void {
    const before = this.cells.get(key) ?? EMPTY;
    const after = { ...before, ...patch };
    if (after.value === before.value && after.status === before.status && after.error === before.error && this.cells.has(key)) return;
    this.cells.set(key, after);
    // Only a held cell (its row is loaded) is edited, so `before` is what the backend counted.
    this.filledCount += Number(after.value !== null) - Number(before.value !== null);
    this.versionCount++;
    for (const fn of this.byKey.get(key) ?? []) fn();
    for (const fn of this.anyChange) fn();
  }

  subscribe(key: string, fn: () => void): () => void {
    let listeners = this.byKey.get(key);
    if (!listeners) this.byKey.set(key, (listeners = new Set()));
    listeners.add(fn);
    return () => {
      listeners.delete(fn);
      if (listeners.size === 0) this.byKey.delete(key);
    };
  }

  subscribeAll(fn: () => void): () => void {
    this.anyChange.add(fn);
    return () => void this.anyChange.delete(fn);
  }

  /** How many keys have a subscriber (the tests check that unmounted cells let go). */
  get subscribedKeys(): number {
    return this.byKey.size;
  }
}

/** One cell, re-rendering its component only when that cell changes. */
export function useCell(store: CellStore, key: string): CellInfo | undefined {
  const subscribe = useCallback((fn: () => void) => store.subscribe(key, fn), [store, key]);
  return useSyncExternalStore(subscribe, () => store.get(key));
}

/** The number of filled cells: re-renders only when a cell turns filled or empty, not on status changes. */
export function useFilled(store: CellStore): number {
  const subscribe = useCallback((fn: () => void) => store.subscribeAll(fn), [store]);
  return useSyncExternalStore(subscribe, store.filled);
}
