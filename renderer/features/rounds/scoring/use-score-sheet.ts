// One member's score sheet as the grid edits it: cells saved one by one as they are committed (optimistic,
// with a per-cell status), the application comments, submit and amend. Only this member's own sheet is
// ever requested here: the others' scores stay hidden until this member submits (scores.reveal enforces it).
// The cells live in a CellStore (cell-store.ts), one entry patched per save, so only that cell re-renders.
// Issue 8 (platform scale): the sheet is read in pages (shared/rounds/score-grid-pages.ts). The outline comes
// first, with the rows around the first empty cell; the grid then asks for the rows it shows (ensureRows), a
// page at a time; the empty cells and the rows "只看未评分" keeps are asked of the backend (missing). A new
// load (after submit) drops the pages of the previous one (a generation counter drops late answers).
import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { api } from '../../../api/client';
import type { ApiError } from '../../../../shared/api/result';
import { SCORE_GRID_PAGE_ROWS, type ScoreGridCellRef, type ScoreGridGroup, type ScoreGridMissing, type ScoreGridOutline, type ScoreGridRow } from '../../../../shared/rounds/score-grid-pages';
import { isMessageKey, translate } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';

import { CellStore, cellKey, type CellInfo } from './cell-store';

export { cellKey, type CellInfo, type CellStatus } from './cell-store';
const SAVED_MARK_MS = 1500;
/** Rows fetched beyond the rendered ones on either side, so a scroll or an arrow key rarely waits. */
const LEAD_ROWS = 30;

/** A refusal in words, with the scale filled in (the backend's issue key carries no parameters). */
export function scoreErrorText(error: ApiError, scale: { min: number; max: number }): string {
  const key = error.issues?.[0]?.key;
  if (key && isMessageKey(key)) return translate(key, { min: scale.min, max: scale.max });
  return errorText(error);
}

/** The sheet without its cells (they live in the CellStore) and its rows (read in pages). */
export type SheetHeader = Omit<ScoreGridOutline, 'groups' | 'filled' | 'firstEmpty' | 'window'>;
/** A loaded row's labels (its cells are in the CellStore, its comment in `comments`). */
export type GridRowLabel = Omit<ScoreGridRow, 'values' | 'comment'>;

export function useScoreSheet(memberId: string) {
  const [sheet, setSheet] = useState<SheetHeader | null>(null);
  const [groups, setGroups] = useState<ScoreGridGroup[]>([]);
  const [firstEmpty, setFirstEmpty] = useState<ScoreGridCellRef | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // One store for the life of the hook (the sheet view is keyed by member, so a new member gets a new one).
  const [cells] = useState(() => new CellStore());
  const [comments, setComments] = useState<Record<string, string>>({});
  // The loaded rows by position (and by application, for the dialogs); rowsVersion re-renders the grid.
  const rows = useRef(new Map<number, GridRowLabel>());
  const byId = useRef(new Map<string, GridRowLabel>());
  const [rowsVersion, setRowsVersion] = useState(0);
  const requested = useRef(new Set<number>());
  const generation = useRef(0);
  const commentsRef = useRef(comments);
  const pending = useRef(new Set<Promise<unknown>>());
  const sequence = useRef(new Map<string, number>());
  const alive = useRef(true);

  const patchCell = useCallback((key: string, patch: Partial<CellInfo>) => cells.patch(key, patch), [cells]);

  /** Rows of one answer: their labels kept, their cells added where none is held, their comments where none is typed. */
  const takeRows = useCallback(
    (offset: number, list: readonly ScoreGridRow[], criteria: readonly string[]) => {
      const entries: [string, CellInfo][] = [];
      let nextComments: Record<string, string> | null = null;
      list.forEach(({ values, comment, ...label }, i) => {
        rows.current.set(offset + i, label);
        byId.current.set(label.applicationId, label);
        values.forEach((value, c) => value !== null && entries.push([cellKey(label.applicationId, criteria[c]!), { value, status: 'idle', error: null }]));
        if (comment && !(label.applicationId in commentsRef.current)) (nextComments ??= { ...commentsRef.current })[label.applicationId] = comment;
      });
      cells.add(entries);
      if (nextComments) {
        commentsRef.current = nextComments;
        setComments(nextComments);
      }
      setRowsVersion((v) => v + 1);
    },
    [cells],
  );

  const load = useCallback(async () => {
    const gen = ++generation.current;
    const result = await api['scores.gridOutline']({ memberId });
    if (!alive.current || gen !== generation.current) return;
    if (!result.ok) return setLoadError(errorText(result.error));
    const { groups: nextGroups, filled, firstEmpty: first, window, ...header } = result.value;
    rows.current = new Map();
    byId.current = new Map();
    requested.current = new Set();
    commentsRef.current = {};
    cells.reset(filled);
    takeRows(window.offset, window.rows, header.criteria);
    setGroups(nextGroups);
    setFirstEmpty(first);
    setSheet(header);
  }, [memberId, cells, takeRows]);

  // Before paint: the outline is asked in the commit that mounts the sheet, not after the frame (a passive
  // effect waited for the tab's first paint, ≈ 15–40 ms at 20,000), and ahead of members.list on the backend.
  useLayoutEffect(() => {
    alive.current = true;
    void load();
    return () => void (alive.current = false);
  }, [load]);

  /** The grid shows rows first..last (positions): fetches the pages holding any of them (and a lead) not loaded. */
  const ensureRows = useCallback(
    (first: number, last: number) => {
      if (!sheet) return;
      const from = Math.max(0, first - LEAD_ROWS);
      const to = Math.min(sheet.rows - 1, last + LEAD_ROWS);
      const gen = generation.current;
      for (let page = Math.floor(from / SCORE_GRID_PAGE_ROWS); page * SCORE_GRID_PAGE_ROWS <= to; page++) {
        const offset = page * SCORE_GRID_PAGE_ROWS;
        if (requested.current.has(page)) continue;
        let missing = false;
        for (let p = Math.max(offset, from); p <= Math.min(offset + SCORE_GRID_PAGE_ROWS - 1, to) && !missing; p++) missing = !rows.current.has(p);
        if (!missing) continue;
        requested.current.add(page);
        void api['scores.gridRows']({ memberId, offset, limit: SCORE_GRID_PAGE_ROWS }).then((result) => {
          if (!alive.current || gen !== generation.current) return;
          if (!result.ok) {
            requested.current.delete(page); // asked again when next in view
            return setLoadError(errorText(result.error));
          }
          takeRows(offset, result.value.rows, sheet.criteria);
        });
      }
    },
    [sheet, memberId, takeRows],
  );

  const rowAt = useCallback((position: number) => rows.current.get(position), []);
  const rowOf = useCallback((applicationId: string) => byId.current.get(applicationId), []);

  /** Runs a save and remembers it until it settles, so submit can wait for the last cell typed. */
  const track = useCallback(<T,>(work: Promise<T>): Promise<T> => {
    pending.current.add(work);
    void work.finally(() => pending.current.delete(work));
    return work;
  }, []);

  /** The first empty cells (after the saves on their way have settled), and the rows with one when asked for. */
  const missing = useCallback(
    async (limit: number, withRows: boolean): Promise<ScoreGridMissing | null> => {
      await Promise.allSettled([...pending.current]);
      const result = await api['scores.gridMissing']({ memberId, limit, withRows });
      if (!result.ok) {
        setLoadError(errorText(result.error));
        return null;
      }
      return result.value;
    },
    [memberId],
  );

  /** Saves one cell (value null clears it). Shown at once; the status says when the backend has it. */
  const saveCell = useCallback(
    async (applicationId: string, criterion: string, value: number | null) => {
      if (!sheet) return;
      const key = cellKey(applicationId, criterion);
      const before = cells.value(key);
      if (before === value && cells.get(key)?.status !== 'error') return;
      const n = (sequence.current.get(key) ?? 0) + 1;
      sequence.current.set(key, n);
      patchCell(key, { value, status: 'saving', error: null });
      const result = await track(api['scores.set']({ memberId, applicationId, criterion, value, comment: commentsRef.current[applicationId] ?? '' }));
      if (!alive.current || sequence.current.get(key) !== n) return;
      if (!result.ok) return patchCell(key, { value: before, status: 'error', error: scoreErrorText(result.error, sheet.scale) });
      patchCell(key, { status: 'saved' });
      setTimeout(() => alive.current && sequence.current.get(key) === n && cells.get(key)?.status === 'saved' && patchCell(key, { status: 'idle' }), SAVED_MARK_MS);
    },
    [sheet, memberId, cells, patchCell, track],
  );

  /** Puts the comment on every filled cell of the application; cells filled later carry it too. */
  const saveComment = useCallback(
    async (applicationId: string, comment: string): Promise<ApiError | null> => {
      if (!sheet || sheet.submittedAt) return null; // a submitted sheet changes only through 更正
      commentsRef.current = { ...commentsRef.current, [applicationId]: comment };
      setComments(commentsRef.current);
      for (const criterion of sheet.criteria) {
        const value = cells.value(cellKey(applicationId, criterion));
        if (value === null) continue;
        const result = await track(api['scores.set']({ memberId, applicationId, criterion, value, comment }));
        if (!result.ok) return result.error;
      }
      return null;
    },
    [sheet, memberId, cells, track],
  );

  /** Submits, then reads the sheet again (now read-only). */
  const submit = useCallback(async (): Promise<ApiError | null> => {
    await Promise.allSettled([...pending.current]);
    const result = await api['scores.submit']({ memberId });
    if (!result.ok) return result.error;
    if (alive.current) await load();
    return null;
  }, [memberId, load]);

  /** 更正: changes to a submitted sheet, one call per changed criterion, each with the reason. */
  const amend = useCallback(
    async (applicationId: string, values: Record<string, number>, reason: string): Promise<ApiError | null> => {
      for (const [criterion, value] of Object.entries(values)) {
        const result = await api['scores.amend']({ memberId, applicationId, criterion, value, comment: commentsRef.current[applicationId] ?? '', reason });
        if (!result.ok) return result.error;
        patchCell(cellKey(applicationId, criterion), { value, status: 'saved', error: null });
      }
      return null;
    },
    [memberId, patchCell],
  );

  return { sheet, groups, firstEmpty, rowAt, rowOf, rowsVersion, ensureRows, loadError, cells, comments, saveCell, saveComment, submit, amend, missing, reload: load };
}
