// The open score sheet of the member at the keyboard: the grid, the comment and 更正 dialogs, and submit.
// Check first, then confirm (issue 11): a sheet with empty cells is refused before any confirmation is
// offered — the reason, the empty cells and a jump to the first; only a complete sheet gets the
// ConfirmIrreversible step (submitting locks it; changes afterwards are 更正 with a reason).
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api } from '../../../api/client';
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
import { ScoreGrid, type ApplicationLabel } from './ScoreGrid';
import { cellKey, scoreErrorText, useScoreSheet } from './use-score-sheet';
import { displayOrder, emptyCells, groupByRegion } from './score-order';
import { useRoundContext } from '../round-context';

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
  const { sheet, loadError, cells, comments, saveCell, saveComment, submit, amend } = useScoreSheet(memberId);
  const [applications, setApplications] = useState<Record<string, ApplicationLabel> | null>(null);
  const [commentFor, setCommentFor] = useState<string | null>(null);
  const [amendFor, setAmendFor] = useState<string | null>(null);
  const [confirmSubmit, setConfirmSubmit] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  // "只看未评分": the rows with an empty cell when it was turned on (a row completed meanwhile stays, so
  // rows never vanish under the keyboard).
  const [only, setOnly] = useState<ReadonlySet<string> | null>(null);
  const { round } = useRoundContext();
  const submitButton = useRef<HTMLButtonElement>(null);
  // Stable, so an open dialog is not re-initialised (and its focus reset) whenever a cell save settles.
  const closeComment = useCallback(() => setCommentFor(null), []);
  const closeAmend = useCallback(() => setAmendFor(null), []);
  const cancelSubmit = useCallback(() => setConfirmSubmit(false), []);

  useEffect(() => {
    void api['applications.list']({ roundId }).then((r) => {
      if (r.ok) setApplications(Object.fromEntries(r.value.map((a) => [a.id, { legalName: a.legalName, creditCode: a.creditCode, dossierId: a.dossierId, priceQuoteYuan: a.priceQuoteYuan, regionIds: a.regionIds }])));
      else toast('error', errorText(r.error));
    });
  }, [roundId]);

  const required = sheet ? sheet.applicationIds.length * sheet.criteria.length : 0;
  const filled = useMemo(() => (sheet ? sheet.applicationIds.reduce((n, a) => n + sheet.criteria.filter((c) => (cells[cellKey(a, c)]?.value ?? null) !== null).length, 0) : 0), [sheet, cells]);
  useEffect(() => void (sheet && onProgress(filled)), [sheet, filled, onProgress]);

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
  const groups = groupByRegion(sheet.applicationIds, applications, round.regions, t('scoring.grid.noRegion'));
  const order = displayOrder(groups);
  // The empty cells in the grid's order, with the grid input each one is (cell-<position>-<col>).
  const empty = emptyCells(order, sheet.criteria, (a, c) => cells[cellKey(a, c)]?.value ?? null);
  const jumpTo = (id: string) => {
    setConfirmSubmit(false);
    // The cell's row must be shown: a filter taken before it was emptied again may hide it.
    if (only && !empty.some((c) => c.id === id && only.has(c.applicationId))) setOnly(null);
    // After the dialog has closed (it gives focus back to the submit button first).
    setTimeout(() => document.getElementById(id)?.focus(), 0);
  };

  return (
    <section className="member-sheet" aria-label={t('scoring.sheet.title', { name: sheet.memberName })}>
      <div className="sheet-header">
        <h2>{t('scoring.sheet.title', { name: sheet.memberName })}</h2>
        <span className="muted small">{t('scoring.sheet.scale', { min: sheet.scale.min, max: sheet.scale.max })}</span>
      </div>
      {submitted ? (
        <div className="banner">
          {t('scoring.sheet.submittedBanner', { at: formatDateTime(sheet.submittedAt!, locale) })}{' '}
          <button type="button" className="link" onClick={() => navigate({ page: 'round', id: roundId, tab: 'ranking' })}>{t('scoring.sheet.toRanking')}</button>
        </div>
      ) : (
        <p className="keys-hint small muted">{t('scoring.sheet.keys')}</p>
      )}
      <div className="sheet-tools">
        {!submitted && (
          <label className="check">
            <input type="checkbox" checked={only !== null} onChange={(e) => setOnly(e.target.checked ? new Set(empty.map((c) => c.applicationId)) : null)} />
            {t('scoring.filter.unscored')}
          </label>
        )}
        <button type="button" onClick={() => navigate({ page: 'score-sheet-print', roundId, memberId })}>{t('scoring.print.sheet')}</button>
        <button type="button" onClick={() => navigate({ page: 'committee-sheet-print', roundId })}>{t('scoring.print.committee')}</button>
      </div>
      {!submitted && empty.length > 0 && (
        <details className="missing-list small" data-testid="missing-cells">
          <summary>{t('scoring.missing.summary', { count: empty.length })}</summary>
          <ul>
            {empty.map((c) => (
              <li key={c.id}>
                <button type="button" className="link" onClick={() => jumpTo(c.id)}>{t('scoring.grid.cellLabel', { name: name(c.applicationId), criterion: criterionLabel(t, c.criterion) })}</button>
              </li>
            ))}
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
          onSave={(a, c, v) => void saveCell(a, c, v)}
          onComment={setCommentFor}
          onAmend={(a) => (roundOpen ? setAmendFor(a) : toast('info', t('scoring.amend.roundFinalized')))}
          afterLast={() => submitButton.current?.focus()}
          groups={groups}
          only={only}
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
      {confirmSubmit && empty.length > 0 && (
        <Modal title={t('scoring.submit.refusedTitle')} onCancel={cancelSubmit} labelledBy="submit-refused-title">
          <p role="alert">{t('scoring.submit.refused', { count: empty.length, filled, required })}</p>
          <ul className="missing-cells small" aria-label={t('scoring.missing.label')}>
            {empty.slice(0, 8).map((c) => <li key={c.id}>{t('scoring.grid.cellLabel', { name: name(c.applicationId), criterion: criterionLabel(t, c.criterion) })}</li>)}
            {empty.length > 8 && <li className="muted">{t('scoring.missing.more', { count: empty.length - 8 })}</li>}
          </ul>
          <div className="modal-actions">
            <button type="button" onClick={cancelSubmit}>{t('common.close')}</button>
            <button type="button" className="primary" onClick={() => jumpTo(empty[0]!.id)}>{t('scoring.submit.jumpToEmpty')}</button>
          </div>
        </Modal>
      )}
      {confirmSubmit && empty.length === 0 && (
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
          current={Object.fromEntries(sheet.criteria.map((c) => [c, cells[cellKey(amendFor, c)]?.value ?? null]))}
          scale={sheet.scale}
          onAmend={(values, reason) => amend(amendFor, values, reason)}
          onClose={closeAmend}
        />
      )}
    </section>
  );
}
