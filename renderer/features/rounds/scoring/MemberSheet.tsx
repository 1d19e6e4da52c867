// The open score sheet of the member at the keyboard: the grid, the comment and 更正 dialogs, and submit.
// Check first, then confirm (issue 11): a sheet with empty cells is refused before any confirmation is
// offered — the reason, the empty cells and a jump to the first; only a complete sheet gets the
// ConfirmIrreversible step (submitting locks it; changes afterwards are 更正 with a reason).
// Issue 8: the cells live in a CellStore; this view listens only to the count of filled cells, lists the
// first MISSING_SHOWN empty cells (with how many more), and jumps to a cell through the grid, which renders
// and scrolls to it when it is not rendered (virtualised). The sheet is read in pages (use-score-sheet.ts):
// the counts are the backend's (kept by each save), and the empty cells listed, the one jumped to past the
// last cell and the rows "只看未评分" keeps are asked of the backend (scores.gridMissing) when needed.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { navigate } from '../../../app/router';
import { toast } from '../../../app/toasts';
import { Modal } from '../../../components/Modal';
import { ConfirmIrreversible } from '../../../components/ConfirmIrreversible';
import { criterionLabel } from './criterion-label';
import { useLocale, useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { AmendDialog } from './AmendDialog';
import { CommentDialog } from './CommentDialog';
import { ScoreGrid, type ScoreGridControl } from './ScoreGrid';
import { cellKey, scoreErrorText, useScoreSheet } from './use-score-sheet';
import { useFilled } from './cell-store';
import type { ScoreGridEmptyCell } from '../../../../shared/rounds/score-grid-pages';

/** Empty cells listed under "未评分" (and jumped to); the rest are counted. */
const MISSING_SHOWN = 60;

interface Props {
  roundId: string;
  memberId: string;
  roundOpen: boolean;
  /** Filled cells of this sheet, as typed (for the live progress bar), and a submit having happened. */
  onProgress: (filled: number) => void;
  onSubmitted: () => void;
}

export function MemberSheet({ roundId, memberId, roundOpen, onProgress, onSubmitted }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  // The labels (names, quotes, regions) come with the sheet's pages: no round-wide applications list.
  const { sheet, groups: sheetGroups, firstEmpty, rowAt, rowOf, rowsVersion, ensureRows, loadError, cells, comments, saveCell, saveComment, submit, amend, missing: askMissing } = useScoreSheet(memberId);
  const [commentFor, setCommentFor] = useState<string | null>(null);
  const [amendFor, setAmendFor] = useState<string | null>(null);
  const [confirmSubmit, setConfirmSubmit] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  // "只看未评分": the rows (positions) with an empty cell when it was turned on (a row completed meanwhile
  // stays, so rows never vanish under the keyboard).
  const [only, setOnly] = useState<ReadonlySet<number> | null>(null);
  // The box shows the member's choice at once; the rows follow when the backend has answered.
  const [onlyOn, setOnlyOn] = useState(false);
  const onlyRef = useRef(only);
  onlyRef.current = only;
  const onlyOnRef = useRef(onlyOn);
  onlyOnRef.current = onlyOn;
  // The first empty cells (asked for while the list or the refusal shows them); null until asked.
  const [empty, setEmpty] = useState<ScoreGridEmptyCell[] | null>(null);
  const [listOpen, setListOpen] = useState(false);
  const submitButton = useRef<HTMLButtonElement>(null);
  const grid = useRef<ScoreGridControl | null>(null);
  // Stable, so an open dialog is not re-initialised (and its focus reset) whenever a cell save settles.
  const closeComment = useCallback(() => setCommentFor(null), []);
  const closeAmend = useCallback(() => setAmendFor(null), []);
  const cancelSubmit = useCallback(() => setConfirmSubmit(false), []);

  const required = sheet ? sheet.rows * sheet.criteria.length : 0;
  const filled = useFilled(cells);
  useEffect(() => void (sheet && onProgress(filled)), [sheet, filled, onProgress]);
  const noRegion = t('scoring.grid.noRegion');
  const groups = useMemo(() => sheetGroups.map((g) => (g.regionId === null ? { ...g, regionName: noRegion } : g)), [sheetGroups, noRegion]);
  const missing = required - filled;
  const refreshEmpty = useCallback(async () => {
    const answer = await askMissing(MISSING_SHOWN, false);
    if (answer) setEmpty(answer.cells);
    return answer?.cells ?? [];
  }, [askMissing]);
  // The list, while open, follows the cells as they turn filled or empty (filled changes), a moment after the
  // last change (a member typing fast asks once); never on a status change.
  useEffect(() => {
    if (!listOpen) return;
    const timer = setTimeout(() => void refreshEmpty(), 150);
    return () => clearTimeout(timer);
  }, [listOpen, filled, refreshEmpty]);
  const onSave = useCallback((a: string, c: string, v: number | null) => void saveCell(a, c, v), [saveCell]);
  const jumpTo = useCallback(
    (position: number, col: number) => {
      setConfirmSubmit(false);
      // The cell's row must be shown: a filter taken before it was emptied again may hide it.
      if (onlyRef.current && !onlyRef.current.has(position)) {
        setOnly(null);
        setOnlyOn((onlyOnRef.current = false));
      }
      // After the dialog has closed (it gives focus back to the submit button first); the grid renders and
      // scrolls to the row when it is not rendered.
      setTimeout(() => grid.current?.focusCell(position, col), 0);
    },
    [],
  );
  // Enter past the last cell: back to a cell still empty (in display order, after the saves on their way),
  // or on to the submit button when none is (or the only one is the cell left).
  const onPastLast = useCallback(
    (position: number, col: number) => {
      void askMissing(1, false).then((answer) => {
        const next = answer?.cells[0];
        if (next && !(next.position === position && next.col === col)) jumpTo(next.position, next.col);
        else submitButton.current?.focus();
      });
    },
    [askMissing, jumpTo],
  );

  if (loadError) return <p className="empty" role="alert">{loadError}</p>;
  if (!sheet) return <p className="empty">{t('common.loading')}</p>;
  const name = (id: string) => rowOf(id)?.legalName ?? id;
  const submitted = sheet.submittedAt !== null;
  const shownEmpty = empty ?? [];

  async function doSubmit(): Promise<string | null> {
    const error = await submit();
    setConfirmSubmit(false);
    if (error) {
      setSubmitError(errorText(error));
      return null;
    }
    setSubmitError(null);
    toast('success', t('scoring.submit.done'));
    onSubmitted();
    return null;
  }
  const onlyUnscored = async (on: boolean) => {
    setOnlyOn((onlyOnRef.current = on));
    if (!on) return setOnly(null);
    const answer = await askMissing(0, true);
    // Unless the box was cleared meanwhile.
    if (answer && onlyOnRef.current) setOnly(new Set(answer.rows));
  };
  // Submit: a sheet with empty cells is refused with the first of them listed (read before the refusal shows).
  const askSubmit = async () => {
    if (missing > 0) await refreshEmpty();
    setConfirmSubmit(true);
  };

  return (
    <section className="member-sheet" aria-label={t('scoring.sheet.title', { name: sheet.memberName })}>
      <div className="sheet-header">
        <h2>{t('scoring.sheet.title', { name: sheet.memberName })}</h2>
        <span className="muted small">{t('scoring.sheet.scale', { min: sheet.scale.min, max: sheet.scale.max })}</span>
      </div>
      {submitted ? (
        <div className="banner">
          {/* A finalized round offers no 更正 (it would only be refused): the banner says how instead. */}
          {t(roundOpen ? 'scoring.sheet.submittedBanner' : 'scoring.sheet.submittedFinalizedBanner', { at: formatDateTime(sheet.submittedAt!, locale) })}{' '}
          <button type="button" className="link" onClick={() => navigate({ page: 'round', id: roundId, tab: 'ranking' })}>{t('scoring.sheet.toRanking')}</button>
        </div>
      ) : (
        <p className="keys-hint small muted">{t('scoring.sheet.keys')}</p>
      )}
      <div className="sheet-tools">
        {!submitted && (
          <label className="check">
            <input type="checkbox" checked={onlyOn} onChange={(e) => void onlyUnscored(e.target.checked)} />
            {t('scoring.filter.unscored')}
          </label>
        )}
        <button type="button" onClick={() => navigate({ page: 'score-sheet-print', roundId, memberId })}>{t('scoring.print.sheet')}</button>
        <button type="button" onClick={() => navigate({ page: 'committee-sheet-print', roundId })}>{t('scoring.print.committee')}</button>
      </div>
      {!submitted && missing > 0 && (
        <details className="missing-list small" data-testid="missing-cells" onToggle={(e) => setListOpen((e.target as HTMLDetailsElement).open)}>
          <summary>{t('scoring.missing.summary', { count: missing })}</summary>
          <ul>
            {empty === null && <li className="muted">{t('common.loading')}</li>}
            {shownEmpty.map((c) => (
              <li key={`${c.position}-${c.col}`}>
                <button type="button" className="link" onClick={() => jumpTo(c.position, c.col)}>{t('scoring.grid.cellLabel', { name: c.legalName, criterion: criterionLabel(t, c.criterion) })}</button>
              </li>
            ))}
            {empty !== null && missing > shownEmpty.length && <li className="muted">{t('scoring.missing.more', { count: missing - shownEmpty.length })}</li>}
          </ul>
        </details>
      )}
      {sheet.recused.length > 0 && <p className="small muted">{t('scoring.sheet.recused', { names: sheet.recused.map((r) => r.legalName).join('、') })}</p>}
      {sheet.rows === 0 ? (
        <p className="empty">{t('scoring.sheet.nothingToScore')}</p>
      ) : (
        <ScoreGrid
          sheet={sheet}
          rowAt={rowAt}
          rowsVersion={rowsVersion}
          onRange={ensureRows}
          firstEmpty={firstEmpty}
          cells={cells}
          comments={comments}
          onSave={onSave}
          onComment={setCommentFor}
          onAmend={setAmendFor}
          amendable={roundOpen}
          onPastLast={onPastLast}
          groups={groups}
          only={only}
          control={grid}
        />
      )}
      {!submitted && (
        <div className="submit-bar">
          <span className={filled === required ? 'tag tag-ok' : 'muted'}>{filled === required ? t('scoring.submit.complete') : t('scoring.submit.remaining', { count: required - filled })}</span>
          {submitError && <span className="field-error" role="alert">{submitError}</span>}
          <button type="button" ref={submitButton} className="primary" disabled={!roundOpen} onClick={() => void askSubmit()}>
            {t('scoring.submit.button')}
          </button>
        </div>
      )}
      {confirmSubmit && missing > 0 && (
        <Modal title={t('scoring.submit.refusedTitle')} onCancel={cancelSubmit} labelledBy="submit-refused-title">
          <p role="alert">{t('scoring.submit.refused', { count: missing, filled, required })}</p>
          <ul className="missing-cells small" aria-label={t('scoring.missing.label')}>
            {shownEmpty.slice(0, 8).map((c) => <li key={`${c.position}-${c.col}`}>{t('scoring.grid.cellLabel', { name: c.legalName, criterion: criterionLabel(t, c.criterion) })}</li>)}
            {missing > 8 && <li className="muted">{t('scoring.missing.more', { count: missing - 8 })}</li>}
          </ul>
          <div className="modal-actions">
            <button type="button" onClick={cancelSubmit}>{t('common.close')}</button>
            <button type="button" className="primary" disabled={shownEmpty.length === 0} onClick={() => jumpTo(shownEmpty[0]!.position, shownEmpty[0]!.col)}>{t('scoring.submit.jumpToEmpty')}</button>
          </div>
        </Modal>
      )}
      {confirmSubmit && missing === 0 && (
        <ConfirmIrreversible
          title={t('scoring.submit.button')}
          consequences={[t('scoring.submit.asMember', { name: sheet.memberName, filled, required }), t('scoring.submit.locks')]}
          confirmLabel={t('scoring.submit.confirmButton')}
          onConfirm={doSubmit}
          onCancel={cancelSubmit}
        />
      )}
      {commentFor && (
        <CommentDialog
          applicationName={name(commentFor)}
          initial={comments[commentFor] ?? ''}
          readOnly={submitted}
          onClose={closeComment}
          onSave={(text) => {
            const id = commentFor;
            setCommentFor(null);
            void saveComment(id, text).then((error) => error && toast('error', scoreErrorText(error, sheet.scale)));
          }}
        />
      )}
      {amendFor && (
        <AmendDialog
          applicationName={name(amendFor)}
          criteria={sheet.criteria}
          current={Object.fromEntries(sheet.criteria.map((c) => [c, cells.value(cellKey(amendFor, c))]))}
          scale={sheet.scale}
          onAmend={(values, reason) => amend(amendFor, values, reason)}
          onClose={closeAmend}
        />
      )}
    </section>
  );
}
