// One member's score sheet as the grid edits it: cells saved one by one as they are committed (optimistic,
// with a per-cell status), the application comments, submit and amend. Only this member's own sheet is
// ever requested here: the others' scores stay hidden until this member submits (scores.reveal enforces it).
// The cells live in a CellStore (cell-store.ts), one entry patched per save, so only that cell re-renders.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api } from '../../../api/client';
import type { ApiError } from '../../../../shared/api/result';
import type { ScoreCell, ScoreGridView, ScoreSheet } from '../../../../shared/rounds/views';
import type { ScoringApplication } from './score-order';
import { isMessageKey, translate } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';

import { CellStore, cellKey, type CellInfo } from './cell-store';

export { cellKey, type CellInfo, type CellStatus } from './cell-store';
const SAVED_MARK_MS = 1500;

/** A refusal in words, with the scale filled in (the backend's issue key carries no parameters). */
export function scoreErrorText(error: ApiError, scale: { min: number; max: number }): string {
  const key = error.issues?.[0]?.key;
  if (key && isMessageKey(key)) return translate(key, { min: scale.min, max: scale.max });
  return errorText(error);
}

/** An application's comment: stored with each of its cells (the backend keeps one per cell), the same text on all. */
function commentsOf(cells: readonly ScoreCell[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of cells) if (c.comment && !out[c.applicationId]) out[c.applicationId] = c.comment;
  return out;
}

/** The sheet without its cells (they live in the CellStore). */
export type SheetHeader = Omit<ScoreSheet, 'cells'>;

/** The grid's labels per application, from the compact load (scores.grid). */
function labelsOf(grid: ScoreGridView): Record<string, ScoringApplication> {
  const out: Record<string, ScoringApplication> = {};
  [...grid.applicationIds, ...grid.recusedApplicationIds].forEach((id, i) => (out[id] = { ...grid.applicants[i]!, regionIds: grid.applicantRegions[i]!.map((r) => grid.regionIds[r]!) }));
  return out;
}

export function useScoreSheet(memberId: string) {
  const [sheet, setSheet] = useState<SheetHeader | null>(null);
  const [labels, setLabels] = useState<Record<string, ScoringApplication> | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  // One store for the life of the hook (the sheet view is keyed by member, so a new member gets a new one).
  const [cells] = useState(() => new CellStore());
  const [comments, setComments] = useState<Record<string, string>>({});
  const commentsRef = useRef(comments);
  const pending = useRef(new Set<Promise<unknown>>());
  const sequence = useRef(new Map<string, number>());
  const alive = useRef(true);

  const patchCell = useCallback((key: string, patch: Partial<CellInfo>) => cells.patch(key, patch), [cells]);

  const adoptCells = useCallback(
    (header: SheetHeader, entries: Iterable<readonly [string, number]>, nextComments: Record<string, string>) => {
      cells.replace(
        (function* () {
          for (const [key, value] of entries) yield [key, { value, status: 'idle' as const, error: null }] as const;
        })(),
        header.applicationIds.flatMap((a) => header.criteria.map((c) => cellKey(a, c))),
      );
      setSheet(header);
      commentsRef.current = nextComments;
      setComments(nextComments);
    },
    [cells],
  );

  /** A sheet as submit answers it (one object per cell). */
  const adopt = useCallback(
    ({ cells: list, ...header }: ScoreSheet) => adoptCells(header, list.map((c) => [cellKey(c.applicationId, c.criterion), c.value] as const), commentsOf(list)),
    [adoptCells],
  );

  /** The compact load (scores.grid): the cells in columns, and the labels the grid shows. */
  const adoptGrid = useCallback(
    (grid: ScoreGridView) => {
      const { values, comments: gridComments, applicants: _applicants, applicantRegions: _regions, regionIds: _regionIds, ...header } = grid;
      setLabels(labelsOf(grid));
      adoptCells(
        header,
        (function* () {
          for (const [criterion, column] of Object.entries(values)) for (const [i, value] of column.entries()) if (value !== null) yield [cellKey(header.applicationIds[i]!, criterion), value] as const;
        })(),
        gridComments,
      );
    },
    [adoptCells],
  );

  const load = useCallback(async () => {
    const result = await api['scores.grid']({ memberId });
    if (!alive.current) return;
    if (result.ok) adoptGrid(result.value);
    else setLoadError(errorText(result.error));
  }, [memberId, adoptGrid]);

  useEffect(() => {
    alive.current = true;
    void load();
    return () => void (alive.current = false);
  }, [load]);

  /** Runs a save and remembers it until it settles, so submit can wait for the last cell typed. */
  const track = useCallback(<T,>(work: Promise<T>): Promise<T> => {
    pending.current.add(work);
    void work.finally(() => pending.current.delete(work));
    return work;
  }, []);

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

  const submit = useCallback(async (): Promise<ApiError | null> => {
    await Promise.allSettled([...pending.current]);
    const result = await api['scores.submit']({ memberId });
    if (!result.ok) return result.error;
    if (alive.current) adopt(result.value);
    return null;
  }, [memberId, adopt]);

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

  return { sheet, labels, loadError, cells, comments, saveCell, saveComment, submit, amend, reload: load };
}
