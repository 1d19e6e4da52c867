// The keyboard-first scoring grid: rows are applications, columns the criteria this member scores. Enter or
// Tab moves across the row and on to the next row, Shift goes back, ↑/↓ stay in the column, Esc reverts,
// Alt+C opens the application's comment. It opens on the first empty cell, so a member scores a whole
// sheet without the mouse. After submission the sheet is read-only; a change goes through 更正.
// Issue 11: rows are grouped by region (score-order.ts), each with a link to its dossier and attachments and,
// when price is scored by hand, the quote; "只看未评分" hides complete rows (navigation skips them).
// Issue 8: a sheet of 20,000 applications is 80,000 inputs; past VIRTUAL_FROM rows only the rows in view
// (plus a few) are rendered (TanStack Virtual over the window, which is what scrolls, so the sticky header
// keeps working), with spacer rows standing in for the rest. Focus moves by cell id; a cell that is not
// rendered is first scrolled into view and focused once its row is there (focusCell), and the focused row
// is always kept rendered so scrolling away with the wheel does not drop the focus. Each cell reads its own
// entry of the CellStore, so a save re-renders that cell alone.
// The rows are read in pages (use-score-sheet.ts): the grid lays out every position from the group sizes,
// asks for the rows it renders (onRange), and renders a row not loaded yet as a placeholder without inputs;
// a cell to focus there is focused once its page arrives. Past the last cell, the sheet asks the backend
// for the next empty cell (onPastLast).
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, type RefObject } from 'react';
import { defaultRangeExtractor, useWindowVirtualizer, type Range } from '@tanstack/react-virtual';
import { displayNumberByFormat } from '../../../../shared/dossiers/identity';
import { hrefOf } from '../../../app/router';
import { formatYuan } from '../../../lib/format';
import type { GridRowLabel, SheetHeader } from './use-score-sheet';
import { useLocale, useT } from '../../../i18n/i18n';
import { criterionLabel } from './criterion-label';
import { moveFrom, type Move } from '../../../components/grid-cell/grid-navigation';
import { ScoreCellInput } from './ScoreCellInput';
import { cellKey, useCell, type CellStore } from './cell-store';
import { formatScore } from './parse-score';
import { gridItems, type GridGroup, type GridItem } from './grid-items';
import { usePageOffset } from '../../../components/lists/use-page-offset';

/** Below this many rows (region headers included) every row is rendered, as before: no spacers, no scrolling tricks. */
export const VIRTUAL_FROM = 200;
/** Row heights in a virtual grid (scoring.css, .score-grid.virtual). */
const ROW_PX = 46;
const REGION_ROW_PX = 34;

/** What the sheet around the grid may ask of it. */
export interface ScoreGridControl {
  /** Focuses cell-<position>-<col>, scrolling its row into view (and rendering it) first when needed. */
  focusCell(position: number, col: number): void;
}

interface Props {
  sheet: SheetHeader;
  /** The loaded row at a position (undefined: its page is not here yet); rowsVersion changes when pages arrive. */
  rowAt: (position: number) => GridRowLabel | undefined;
  rowsVersion: number;
  /** The rows rendered are first..last (positions): load them. */
  onRange: (first: number, last: number) => void;
  /** Where the grid opens (the first empty cell, from the outline); null: the first cell. */
  firstEmpty: { position: number; col: number } | null;
  cells: CellStore;
  comments: Record<string, string>;
  onSave: (applicationId: string, criterion: string, value: number | null) => void;
  onComment: (applicationId: string) => void;
  onAmend: (applicationId: string) => void;
  /** A submitted sheet may be amended (the round is open): only then is there a 更正 column at all. */
  amendable: boolean;
  /** Enter past the last cell shown (from that cell): on to an empty cell or the submit button. */
  onPastLast: (position: number, col: number) => void;
  groups: readonly GridGroup[];
  /** "只看未评分": the positions shown (taken when the filter was turned on); null shows all. */
  only: ReadonlySet<number> | null;
  control?: RefObject<ScoreGridControl | null>;
}

interface RowActions {
  save: (applicationId: string, criterion: string, value: number | null) => void;
  comment: (applicationId: string) => void;
  amend: (applicationId: string) => void;
  move: (position: number, col: number, how: Move) => void;
}

function ScoreGridView(props: Props) {
  const { sheet, rowAt, cells, comments, groups, only, control } = props;
  const t = useT();
  const columns = sheet.criteria.length;
  const readOnly = sheet.submittedAt !== null;
  // Price scored by hand: the quote is what the member scores it against.
  const showQuote = sheet.criteria.includes('price');
  const amendCol = readOnly && props.amendable;
  const span = columns + (showQuote ? 4 : 3) + (amendCol ? 1 : 0);

  const layout = useMemo(() => gridItems(groups, only), [groups, only]);
  const { items, visible } = layout;
  const count = visible.length * columns;
  const virtual = items.length > VIRTUAL_FROM;

  // The latest props and layout for the stable callbacks below (rows are memoised and must not re-render
  // because a callback identity changed).
  const latest = useRef({ props, layout, count, virtual, margin: null as number | null });

  const tbody = useRef<HTMLTableSectionElement>(null);
  // null until measured: the virtualiser is given no rows before it, so the 20,000 positions are laid out once,
  // at the right offset (laying them out at 0 first and again once measured cost ≈ 15 ms of the tab's open).
  const margin = usePageOffset(tbody, virtual);
  /** The sheet position of the row holding the focus (a position, not an item index: 只看未评分 re-numbers the items). */
  const activePosition = useRef<number | null>(null);
  const pending = useRef<{ position: number; col: number } | null>(null);

  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const active = activePosition.current === null ? undefined : latest.current.layout.itemOf.get(activePosition.current);
    if (active === undefined || active >= range.count || indexes.includes(active)) return indexes;
    return [...indexes, active].sort((a, b) => a - b);
  }, []);
  // Stable while the layout is: a new getItemKey made the virtualiser re-lay every row on each render (a page
  // arriving, a comment saved), ~20,000 entries at platform scale.
  const getItemKey = useCallback((i: number) => items[i]?.key ?? i, [items]);
  const estimateSize = useCallback((i: number) => (items[i]?.kind === 'region' ? REGION_ROW_PX : ROW_PX), [items]);
  latest.current = { props, layout, count, virtual, margin };
  const laidOut = virtual && margin !== null;
  // Where the rows are first laid out: around the cell waiting for focus (the first empty one when the sheet
  // opens), so the first rows rendered are the ones it opens on. Starting at the window's offset and then
  // scrolling there rendered the top rows first, asked for their page, and waited a frame for the scroll
  // event (≈ 40 ms of opening the tab at 20,000). Read by the virtualiser when it is enabled (it resets its
  // offset while disabled); otherwise where the window is.
  const openingOffset = useCallback(() => {
    const { layout: l, margin: m } = latest.current;
    const item = pending.current ? l.itemOf.get(pending.current.position) : undefined;
    if (item === undefined || m === null) return window.scrollY;
    let before = 0;
    for (let i = 0; i < item; i++) before += l.items[i]!.kind === 'region' ? REGION_ROW_PX : ROW_PX;
    return Math.max(0, Math.round(m + before - (window.innerHeight - ROW_PX) / 2));
  }, []);
  const virtualizer = useWindowVirtualizer({
    count: laidOut ? items.length : 0,
    // Not subscribed to the window before the margin is known; the viewport is known before the first event.
    enabled: laidOut,
    initialOffset: openingOffset,
    initialRect: { width: window.innerWidth, height: window.innerHeight },
    // The heights scoring.css fixes for the rows of a virtual grid, so rows are not measured: measuring forced
    // a layout per render, and each row measured off its estimate made the virtualiser re-lay all 20,000 rows
    // (together ~150 ms of opening the tab at platform scale).
    estimateSize,
    // Three rows beyond the view each way: the next row for Enter, Tab and ↓ is there, and a longer jump scrolls
    // first (tryFocus). Eight rendered ≈ 10 more rows of inputs in every render of the grid (≈ 9 ms of opening
    // the tab at 20,000, median of seven opens).
    overscan: 3,
    scrollMargin: margin ?? 0,
    getItemKey,
    rangeExtractor,
  });

  /** Focuses the pending cell when it is rendered; otherwise scrolls its row into view (true when focused). */
  const tryFocus = useCallback((): boolean => {
    const want = pending.current;
    if (!want) return false;
    const input = document.getElementById(`cell-${want.position}-${want.col}`);
    if (input) {
      pending.current = null;
      input.focus();
      return true;
    }
    const item = latest.current.layout.itemOf.get(want.position);
    // Hidden by the filter: it waits for the render that shows it (the sheet turns the filter off first); in a
    // virtual grid not laid out yet (margin unknown), for the render that lays it out.
    if (item === undefined || !latest.current.virtual || latest.current.margin === null) return false;
    activePosition.current = want.position;
    virtualizer.scrollToIndex(item, { align: 'center' });
    return false;
  }, [virtualizer]);
  useLayoutEffect(() => void tryFocus());

  const focusCell = useCallback(
    (position: number, col: number) => {
      pending.current = { position, col };
      tryFocus();
    },
    [tryFocus],
  );
  useEffect(() => {
    if (!control) return;
    control.current = { focusCell };
    return () => void (control.current = null);
  }, [control, focusCell]);

  const focusVisible = useCallback(
    (v: number) => {
      const { layout: l, props: p } = latest.current;
      const cols = p.sheet.criteria.length;
      focusCell(l.visible[Math.floor(v / cols)]!, v % cols);
    },
    [focusCell],
  );

  // When the grid opens: straight to the first empty cell (the outline names it), before the first paint, so
  // the rows are laid out around it (openingOffset).
  useLayoutEffect(() => {
    if (readOnly || count === 0) return;
    const first = latest.current.props.firstEmpty;
    if (first && layout.visibleIndex.has(first.position)) focusCell(first.position, first.col);
    else focusVisible(0);
    // Only when the sheet (re)loads, not on every edit: typing must never pull the focus away.
  }, [sheet.sheetId, readOnly]);

  const actions = useMemo<RowActions>(
    () => ({
      save: (a, c, v) => latest.current.props.onSave(a, c, v),
      comment: (a) => latest.current.props.onComment(a),
      amend: (a) => latest.current.props.onAmend(a),
      move: (position, col, how) => {
        const { layout: l, props: p, count: n } = latest.current;
        const cols = p.sheet.criteria.length;
        const row = l.visibleIndex.get(position);
        if (row === undefined) return;
        const from = row * cols + col;
        const target = moveFrom(from, how, cols, n);
        if (target !== null) return focusVisible(target);
        // Past the last cell: back to a cell still empty (the backend knows), or on to the submit button.
        if (how === 'next') p.onPastLast(position, col);
      },
    }),
    [focusVisible],
  );

  const renderItem = (item: GridItem, index: number) =>
    item.kind === 'region' ? (
      <tr key={item.key} className="region-row" data-index={index}>
        <td colSpan={span}>
          {item.group.regionName} <span className="muted small">{t('scoring.grid.regionCount', { count: item.group.count })}</span>
        </td>
      </tr>
    ) : (
      renderRow(item.key, index, item.position)
    );
  const renderRow = (key: string, index: number, position: number) => {
    const row = rowAt(position);
    // Not loaded yet: a placeholder of the same height, asked for by onRange.
    if (!row) return <PendingRow key={key} index={index} position={position} span={span} />;
    return <ScoreRow key={key} index={index} applicationId={row.applicationId} position={position} application={row} sheet={sheet} showQuote={showQuote} amendable={amendCol} comment={comments[row.applicationId] ?? ''} cells={cells} actions={actions} />;
  };

  const spacer = (key: string, height: number) =>
    height > 0 ? (
      <tr key={key} className="grid-spacer" aria-hidden="true">
        <td colSpan={span} style={{ height, padding: 0, border: 0 }} />
      </tr>
    ) : null;

  let body: React.ReactNode[];
  // The positions rendered, for onRange (the rows to load).
  let firstShown = Infinity;
  let lastShown = -1;
  const note = (item: GridItem) => {
    if (item.kind !== 'row') return;
    firstShown = Math.min(firstShown, item.position);
    lastShown = Math.max(lastShown, item.position);
  };
  if (!virtual) {
    body = items.map((item, i) => renderItem(item, i));
    items.forEach(note);
  } else {
    const shown = virtualizer.getVirtualItems();
    body = [];
    let end = margin ?? 0;
    for (const v of shown) {
      body.push(spacer(`gap-${v.index}`, v.start - end));
      body.push(renderItem(items[v.index]!, v.index));
      note(items[v.index]!);
      end = v.end;
    }
    body.push(spacer('gap-end', virtualizer.getTotalSize() + (margin ?? 0) - end));
  }
  // Also when onRange changes (a new load, after submit, drops the pages: the rows in view are asked again).
  const { onRange } = props;
  useEffect(() => {
    if (lastShown >= 0) onRange(firstShown, lastShown);
  }, [onRange, firstShown, lastShown]);

  return (
    <table className={virtual ? 'table score-grid virtual' : 'table score-grid'} data-rows={visible.length}>
      <thead>
        <tr>
          <th className="num index-col">#</th>
          <th className="application-head">{t('scoring.grid.application')}</th>
          {showQuote && <th className="num quote-col">{t('scoring.grid.quote')}</th>}
          {sheet.criteria.map((c) => (
            <th key={c} className="num score-col">{criterionLabel(t, c)}</th>
          ))}
          <th className="comment-col">{t('scoring.grid.comment')}</th>
          {amendCol && <th className="amend-col" aria-label={t('scoring.amend.button')} />}
        </tr>
      </thead>
      <tbody
        ref={tbody}
        onFocus={(e) => {
          // The row holding the focus stays rendered (rangeExtractor) while the window scrolls away from it.
          const index = (e.target as HTMLElement).closest('tr')?.dataset.index;
          const item = index === undefined ? undefined : latest.current.layout.items[Number(index)];
          if (item?.kind === 'row') activePosition.current = item.position;
        }}
      >
        {body}
      </tbody>
    </table>
  );
}

const sameData = (a: Props, b: Props) =>
  a.sheet === b.sheet && a.rowsVersion === b.rowsVersion && a.firstEmpty === b.firstEmpty && a.cells === b.cells && a.comments === b.comments && a.groups === b.groups && a.only === b.only && a.control === b.control && a.amendable === b.amendable;

/** Callbacks are read through a ref inside, so a new callback identity alone does not re-render the grid. */
export const ScoreGrid = memo(ScoreGridView, sameData);

interface RowProps {
  index: number;
  applicationId: string;
  position: number;
  application: GridRowLabel;
  sheet: SheetHeader;
  showQuote: boolean;
  amendable: boolean;
  comment: string;
  cells: CellStore;
  actions: RowActions;
}

const ScoreRow = memo(function ScoreRow({ index, applicationId, position, application: a, sheet, showQuote, amendable, comment, cells, actions }: RowProps) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const readOnly = sheet.submittedAt !== null;
  const name = a.legalName;
  return (
    <tr className="score-row" data-application={applicationId} data-index={index}>
      <td className="num index-col muted">{position + 1}</td>
      <td className="application-col">
        <div className="application-name">{name}</div>
        <div className="mono small muted">
          {displayNumberByFormat(a.creditCode)}
          <a className="dossier-link" href={hrefOf({ page: 'dossier', id: a.dossierId })} title={t('scoring.grid.dossierTitle')}>
            {t('scoring.grid.dossier')}
          </a>
        </div>
      </td>
      {showQuote && <td className="num quote-col">{a.priceQuoteYuan != null ? formatYuan(a.priceQuoteYuan, locale) : '—'}</td>}
      {sheet.criteria.map((criterion, col) => (
        <td key={criterion} className="num score-col">
          <ScoreCell
            id={`cell-${position}-${col}`}
            label={t('scoring.grid.cellLabel', { name, criterion: criterionLabel(t, criterion) })}
            cells={cells}
            cellKey={cellKey(applicationId, criterion)}
            readOnly={readOnly}
            scale={sheet.scale}
            onCommit={(value) => actions.save(applicationId, criterion, value)}
            onMove={(how) => actions.move(position, col, how)}
            onComment={() => actions.comment(applicationId)}
          />
        </td>
      ))}
      <td className="comment-col">
        <button type="button" className={comment ? 'comment-button has-comment' : 'comment-button'} title={comment || t('scoring.comment.add')} aria-label={t('scoring.comment.for', { name })} onClick={() => actions.comment(applicationId)}>
          ✎{comment ? <span className="comment-preview">{comment}</span> : null}
        </button>
      </td>
      {amendable && (
        <td className="amend-col">
          <button type="button" className="link" aria-label={t('scoring.amend.for', { name })} onClick={() => actions.amend(applicationId)}>
            {t('scoring.amend.button')}
          </button>
        </td>
      )}
    </tr>
  );
});

/** A row whose page is on its way: its number and 正在加载…, no inputs (a cell to focus there waits for it). */
const PendingRow = memo(function PendingRow({ index, position, span }: { index: number; position: number; span: number }) {
  const t = useT();
  return (
    <tr className="pending-row" data-index={index} data-pending="">
      <td className="num index-col muted">{position + 1}</td>
      <td className="muted" colSpan={span - 1}>{t('common.loading')}</td>
    </tr>
  );
});

const noRef = () => undefined;

interface CellProps {
  id: string;
  label: string;
  cells: CellStore;
  cellKey: string;
  readOnly: boolean;
  scale: { min: number; max: number };
  onCommit: (value: number | null) => void;
  onMove: (how: Move) => void;
  onComment: () => void;
}

/** One cell, subscribed to its own entry of the store: a save re-renders this and nothing else. */
function ScoreCell({ id, label, cells, cellKey: key, readOnly, scale, onCommit, onMove, onComment }: CellProps) {
  const info = useCell(cells, key);
  if (readOnly) return <span className="score-readonly" aria-label={label}>{formatScore(info?.value ?? null) || '—'}</span>;
  return <ScoreCellInput id={id} label={label} info={info} scale={scale} inputRef={noRef} onCommit={onCommit} onMove={onMove} onComment={onComment} />;
}
