// The keyboard-first scoring grid: rows are applications, columns the criteria this member scores. Enter or
// Tab moves across the row and on to the next row, Shift goes back, ↑/↓ stay in the column, Esc reverts,
// Alt+C opens the application's comment. It opens on the first empty cell, so a member scores a whole
// sheet without the mouse. After submission the sheet is read-only; a change goes through 更正.
// Issue 11: rows are grouped by region (score-order.ts), each with a link to its dossier and attachments and,
// when price is scored by hand, the quote; "只看未评分" hides complete rows (navigation skips them).
import { displayNumberByFormat } from '../../../../shared/dossiers/identity';
import { useEffect, useRef } from 'react';
import { hrefOf } from '../../../app/router';
import { formatYuan } from '../../../lib/format';
import { displayOrder, type ScoringApplication, type SheetGroup } from './score-order';
import type { ScoreSheet } from '../../../../shared/rounds/views';
import { useLocale, useT } from '../../../i18n/i18n';
import { criterionLabel } from './criterion-label';
import { moveFrom, type Move } from '../../../components/grid-cell/grid-navigation';
import { ScoreCellInput } from './ScoreCellInput';
import { cellKey, type CellInfo } from './use-score-sheet';
import { formatScore } from './parse-score';

export type ApplicationLabel = ScoringApplication;

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
  groups: readonly SheetGroup[];
  /** "只看未评分": the applications shown (taken when the filter was turned on); null shows all. */
  only: ReadonlySet<string> | null;
}

export function ScoreGrid({ sheet, applications, cells, comments, onSave, onComment, onAmend, afterLast, groups, only }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const columns = sheet.criteria.length;
  const order = displayOrder(groups);
  // Positions in the display order that are shown; the keyboard moves through these only.
  const visible = order.flatMap((id, position) => (only === null || only.has(id) ? [position] : []));
  const count = visible.length * columns;
  const readOnly = sheet.submittedAt !== null;
  // Price scored by hand: the quote is what the member scores it against.
  const showQuote = sheet.criteria.includes('price');
  const indexOf = (v: number) => visible[Math.floor(v / columns)]! * columns + (v % columns);

  const firstEmpty = (): number => {
    for (let v = 0; v < count; v++) {
      const i = indexOf(v);
      const applicationId = order[Math.floor(i / columns)]!;
      if ((cells[cellKey(applicationId, sheet.criteria[i % columns]!)]?.value ?? null) === null) return v;
    }
    return -1;
  };

  // When the grid opens: straight to the first empty cell.
  useEffect(() => {
    if (readOnly) return;
    const v = firstEmpty();
    if (count > 0) inputs.current[indexOf(v === -1 ? 0 : v)]?.focus();
    // Only when the sheet (re)loads, not on every edit: typing must never pull the focus away.
  }, [sheet.sheetId, readOnly]);

  function move(index: number, how: Move) {
    const from = visible.indexOf(Math.floor(index / columns)) * columns + (index % columns);
    const target = moveFrom(from, how, columns, count);
    if (target !== null) return inputs.current[indexOf(target)]?.focus();
    if (how !== 'next') return;
    // Past the last cell: back to a cell still empty, or on to the submit button.
    const empty = firstEmpty();
    if (empty !== -1 && empty !== from) inputs.current[indexOf(empty)]?.focus();
    else afterLast();
  }

  const applicationName = (id: string) => applications[id]?.legalName ?? id;
  const renderRow = (applicationId: string, row: number) => {
    const a = applications[applicationId];
    return (
      <tr key={applicationId} data-application={applicationId}>
        <td className="num index-col muted">{row + 1}</td>
        <td className="application-col">
          <div className="application-name">{applicationName(applicationId)}</div>
          <div className="mono small muted">
            {displayNumberByFormat(a?.creditCode ?? '')}
            {a && (
              <a className="dossier-link" href={hrefOf({ page: 'dossier', id: a.dossierId })} title={t('scoring.grid.dossierTitle')}>
                {t('scoring.grid.dossier')}
              </a>
            )}
          </div>
        </td>
        {showQuote && <td className="num quote-col">{a?.priceQuoteYuan != null ? formatYuan(a.priceQuoteYuan, locale) : '—'}</td>}
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
    );
  };

  return (
    <table className="table score-grid">
      <thead>
        <tr>
          <th className="num index-col">#</th>
          <th>{t('scoring.grid.application')}</th>
          {showQuote && <th className="num quote-col">{t('scoring.grid.quote')}</th>}
          {sheet.criteria.map((c) => (
            <th key={c} className="num score-col">{criterionLabel(t, c)}</th>
          ))}
          <th className="comment-col">{t('scoring.grid.comment')}</th>
          {readOnly && <th className="amend-col" aria-label={t('scoring.amend.button')} />}
        </tr>
      </thead>
      <tbody>
        {groups.map((group) => {
          const rows = group.applicationIds.filter((id) => only === null || only.has(id));
          if (rows.length === 0) return null;
          return [
            <tr key={`region-${group.regionId ?? 'none'}`} className="region-row">
              <td colSpan={sheet.criteria.length + (showQuote ? 4 : 3) + (readOnly ? 1 : 0)}>
                {group.regionName} <span className="muted small">{t('scoring.grid.regionCount', { count: group.applicationIds.length })}</span>
              </td>
            </tr>,
            ...rows.map((applicationId) => renderRow(applicationId, order.indexOf(applicationId))),
          ];
        })}

      </tbody>
    </table>
  );
}
