// The open score sheet of the member at the keyboard: the grid, the comment and 更正 dialogs, and submit.
// Check first, then confirm (issue 11): a sheet with empty cells is refused before any confirmation is
// offered — the reason, the empty cells and a jump to the first; only a complete sheet gets the
// ConfirmIrreversible step (submitting locks it; changes afterwards are 更正 with a reason).
// Issue 8: the cells live in a CellStore; this view listens only to the count of filled cells, lists the
// first MISSING_SHOWN empty cells (with how many more), and jumps to a cell through the grid, which renders
// and scrolls to it when it is not rendered (virtualised).
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
import { displayOrder, emptyCells, groupByRegion, unscoredApplications } from './score-order';
import { useRoundContext } from '../round-context';

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
  // The labels (names, quotes, regions) come with the sheet's compact load: no round-wide applications list.
  const { sheet, labels: applications, loadError, cells, comments, saveCell, saveComment, submit, amend } = useScoreSheet(memberId);
  const [commentFor, setCommentFor] = useState<string | null>(null);
  const [amendFor, setAmendFor] = useState<string | null>(null);
  const [confirmSubmit, setConfirmSubmit] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  // "只看未评分": the rows with an empty cell when it was turned on (a row completed meanwhile stays, so
  // rows never vanish under the keyboard).
  const [only, setOnly] = useState<ReadonlySet<string> | null>(null);
  const { round } = useRoundContext();
  const submitButton = useRef<HTMLButtonElement>(null);
  const grid = useRef<ScoreGridControl | null>(null);
  // Stable, so an open dialog is not re-initialised (and its focus reset) whenever a cell save settles.
  const closeComment = useCallback(() => setCommentFor(null), []);
  const closeAmend = useCallback(() => setAmendFor(null), []);
  const cancelSubmit = useCallback(() => setConfirmSubmit(false), []);

  const required = sheet ? sheet.applicationIds.length * sheet.criteria.length : 0;
  const filled = useFilled(cells);
  useEffect(() => void (sheet && onProgress(filled)), [sheet, filled, onProgress]);
  const noRegion = t('scoring.grid.noRegion');
  const groups = useMemo(() => (sheet && applications ? groupByRegion(sheet.applicationIds, applications, round.regions, noRegion) : []), [sheet, applications, round.regions, noRegion]);
  const order = useMemo(() => displayOrder(groups), [groups]);
  const valueOf = useCallback((a: string, c: string) => cells.value(cellKey(a, c)), [cells]);
  // The first empty cells in the grid's order, with the grid input each one is (cell-<position>-<col>);
  // recomputed when a cell turns filled or empty (filled changes), never on a status change.
  const empty = useMemo(() => (sheet ? emptyCells(order, sheet.criteria, valueOf, MISSING_SHOWN) : []), [order, sheet, valueOf, filled]);
  const missing = required - filled;
  const onSave = useCallback((a: string, c: string, v: number | null) => void saveCell(a, c, v), [saveCell]);
  const afterLast = useCallback(() => submitButton.current?.focus(), []);

  if (loadError) return <p className="empty" role="alert">{loadError}</p>;
  if (!sheet || !applications) return <p className="empty">{t('common.loading')}</p>;
  const name = (id: string) => applications[id]?.legalName ?? id;
  const submitted = sheet.submittedAt !== null;

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
  const jumpTo = (id: string) => {
    setConfirmSubmit(false);
    const [, position, col] = id.split('-').map(Number) as [number, number, number];
    // The cell's row must be shown: a filter taken before it was emptied again may hide it.
    if (only && !only.has(order[position] ?? '')) setOnly(null);
    // After the dialog has closed (it gives focus back to the submit button first); the grid renders and
    // scrolls to the row when it is not rendered.
    setTimeout(() => grid.current?.focusCell(position, col), 0);
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
            <input type="checkbox" checked={only !== null} onChange={(e) => setOnly(e.target.checked ? unscoredApplications(order, sheet.criteria, valueOf) : null)} />
            {t('scoring.filter.unscored')}
          </label>
        )}
        <button type="button" onClick={() => navigate({ page: 'score-sheet-print', roundId, memberId })}>{t('scoring.print.sheet')}</button>
        <button type="button" onClick={() => navigate({ page: 'committee-sheet-print', roundId })}>{t('scoring.print.committee')}</button>
      </div>
      {!submitted && missing > 0 && (
        <details className="missing-list small" data-testid="missing-cells">
          <summary>{t('scoring.missing.summary', { count: missing })}</summary>
          <ul>
            {empty.map((c) => (
              <li key={c.id}>
                <button type="button" className="link" onClick={() => jumpTo(c.id)}>{t('scoring.grid.cellLabel', { name: name(c.applicationId), criterion: criterionLabel(t, c.criterion) })}</button>
              </li>
            ))}
            {missing > empty.length && <li className="muted">{t('scoring.missing.more', { count: missing - empty.length })}</li>}
          </ul>
        </details>
      )}
      {sheet.recusedApplicationIds.length > 0 && <p className="small muted">{t('scoring.sheet.recused', { names: sheet.recusedApplicationIds.map(name).join('、') })}</p>}
      {sheet.applicationIds.length === 0 ? (
        <p className="empty">{t('scoring.sheet.nothingToScore')}</p>
      ) : (
        <ScoreGrid
          sheet={sheet}
          applications={applications}
          cells={cells}
          comments={comments}
          onSave={onSave}
          onComment={setCommentFor}
          onAmend={setAmendFor}
          amendable={roundOpen}
          afterLast={afterLast}
          groups={groups}
          only={only}
          control={grid}
        />
      )}
      {!submitted && (
        <div className="submit-bar">
          <span className={filled === required ? 'tag tag-ok' : 'muted'}>{filled === required ? t('scoring.submit.complete') : t('scoring.submit.remaining', { count: required - filled })}</span>
          {submitError && <span className="field-error" role="alert">{submitError}</span>}
          <button type="button" ref={submitButton} className="primary" disabled={!roundOpen} onClick={() => setConfirmSubmit(true)}>
            {t('scoring.submit.button')}
          </button>
        </div>
      )}
      {confirmSubmit && missing > 0 && (
        <Modal title={t('scoring.submit.refusedTitle')} onCancel={cancelSubmit} labelledBy="submit-refused-title">
          <p role="alert">{t('scoring.submit.refused', { count: missing, filled, required })}</p>
          <ul className="missing-cells small" aria-label={t('scoring.missing.label')}>
            {empty.slice(0, 8).map((c) => <li key={c.id}>{t('scoring.grid.cellLabel', { name: name(c.applicationId), criterion: criterionLabel(t, c.criterion) })}</li>)}
            {missing > 8 && <li className="muted">{t('scoring.missing.more', { count: missing - 8 })}</li>}
          </ul>
          <div className="modal-actions">
            <button type="button" onClick={cancelSubmit}>{t('common.close')}</button>
            <button type="button" className="primary" onClick={() => jumpTo(empty[0]!.id)}>{t('scoring.submit.jumpToEmpty')}</button>
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
