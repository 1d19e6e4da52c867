// The keyboard-first scoring grid: rows are applications, columns the criteria this member scores. Enter or
// Tab moves across the row and on to the next row, Shift goes back, ↑/↓ stay in the column, Esc reverts,
// Alt+C opens the application's comment. It opens on the first empty cell, so a member scores a whole
// sheet without the mouse. After submission the sheet is read-only; a change goes through 更正.
import { useEffect, useRef } from 'react';
import type { ScoreSheet } from '../../../../shared/rounds/views';
import { useT } from '../../../i18n/i18n';
import { criterionLabel } from './criterion-label';
import { moveFrom, type Move } from '../../../components/grid-cell/grid-navigation';
import { ScoreCellInput } from './ScoreCellInput';
import { cellKey, type CellInfo } from './use-score-sheet';
import { formatScore } from './parse-score';

export interface ApplicationLabel {
  legalName: string;
  creditCode: string;
}

interface Props {
  sheet: ScoreSheet;
  applications: Record<string, ApplicationLabel>;
  cells: Record<string, CellInfo>;
  comments: Record<string, string>;
  onSave: (applicationId: string, criterion: string, value: number | null) => void;
  onComment: (applicationId: string) => void;
  onAmend: (applicationId: string) => void;
  /** Where Enter goes after the last cell when every cell is filled (the submit button). */
  afterLast: () => void;
}

export function ScoreGrid({ sheet, applications, cells, comments, onSave, onComment, onAmend, afterLast }: Props) {
  const t = useT();
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const columns = sheet.criteria.length;
  const count = sheet.applicationIds.length * columns;
  const readOnly = sheet.submittedAt !== null;

  const firstEmpty = (): number => {
    for (let i = 0; i < count; i++) {
      const applicationId = sheet.applicationIds[Math.floor(i / columns)]!;
      if ((cells[cellKey(applicationId, sheet.criteria[i % columns]!)]?.value ?? null) === null) return i;
    }
    return -1;
  };

  // When the grid opens: straight to the first empty cell.
  useEffect(() => {
    if (readOnly) return;
    const i = firstEmpty();
    inputs.current[i === -1 ? 0 : i]?.focus();
    // Only when the sheet (re)loads, not on every edit: typing must never pull the focus away.
  }, [sheet.sheetId, readOnly]);

  function move(from: number, how: Move) {
    const target = moveFrom(from, how, columns, count);
    if (target !== null) return inputs.current[target]?.focus();
    if (how !== 'next') return;
    // Past the last cell: back to a cell still empty, or on to the submit button.
    const empty = firstEmpty();
    if (empty !== -1 && empty !== from) inputs.current[empty]?.focus();
    else afterLast();
  }

  const applicationName = (id: string) => applications[id]?.legalName ?? id;
  return (
    <table className="table score-grid">
      <thead>
        <tr>
          <th className="num index-col">#</th>
          <th>{t('scoring.grid.application')}</th>
          {sheet.criteria.map((c) => (
            <th key={c} className="num score-col">{criterionLabel(t, c)}</th>
          ))}
          <th className="comment-col">{t('scoring.grid.comment')}</th>
          {readOnly && <th className="amend-col" aria-label={t('scoring.amend.button')} />}
        </tr>
      </thead>
      <tbody>
        {sheet.applicationIds.map((applicationId, row) => (
          <tr key={applicationId}>
            <td className="num index-col muted">{row + 1}</td>
            <td className="application-col">
              <div className="application-name">{applicationName(applicationId)}</div>
              <div className="mono small muted">{applications[applicationId]?.creditCode}</div>
            </td>
            {sheet.criteria.map((criterion, col) => {
              const key = cellKey(applicationId, criterion);
              const index = row * columns + col;
              const label = t('scoring.grid.cellLabel', { name: applicationName(applicationId), criterion: criterionLabel(t, criterion) });
              return (
                <td key={criterion} className="num score-col">
                  {readOnly ? (
                    <span className="score-readonly" aria-label={label}>{formatScore(cells[key]?.value ?? null) || '—'}</span>
                  ) : (
                    <ScoreCellInput
                      id={`cell-${row}-${col}`}
                      label={label}
                      info={cells[key]}
                      scale={sheet.scale}
                      inputRef={(el) => void (inputs.current[index] = el)}
                      onCommit={(value) => onSave(applicationId, criterion, value)}
                      onMove={(how) => move(index, how)}
                      onComment={() => onComment(applicationId)}
                    />
                  )}
                </td>
              );
            })}
            <td className="comment-col">
              <button type="button" className={comments[applicationId] ? 'comment-button has-comment' : 'comment-button'} title={comments[applicationId] || t('scoring.comment.add')} aria-label={t('scoring.comment.for', { name: applicationName(applicationId) })} onClick={() => onComment(applicationId)}>
                ✎{comments[applicationId] ? <span className="comment-preview">{comments[applicationId]}</span> : null}
              </button>
            </td>
            {readOnly && (
              <td className="amend-col">
                <button type="button" className="link" aria-label={t('scoring.amend.for', { name: applicationName(applicationId) })} onClick={() => onAmend(applicationId)}>
                  {t('scoring.amend.button')}
                </button>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
