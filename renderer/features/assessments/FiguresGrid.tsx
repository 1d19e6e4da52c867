// The keyboard-first KPI figures grid (modelled on the scoring grid): rows are the program's open
// cooperations, columns the figure fields of its rule set, for one month. Enter or Tab saves and moves across
// the row and on to the next, Shift goes back, ↑/↓ stay in the column, Esc reverts the cell. It opens on the
// first empty cell, so a month is entered without the mouse.
import { displayNumberByFormat } from '../../../shared/dossiers/identity';
import { useEffect, useRef } from 'react';
import type { CooperationSummary } from '../../../shared/cooperations/views';
import type { FigureField } from '../../../shared/cooperations/figure-text';
import type { YearMonth } from '../../../shared/lifecycle/months';
import { useT } from '../../i18n/i18n';
import { moveFrom, type Move } from '../../components/grid-cell/grid-navigation';
import { FigureCellInput } from './FigureCellInput';
import { FIELD_LABEL, STATUS_LABEL } from './labels';
import { cellKey, type CellState } from './use-program-figures';

interface Props {
  month: YearMonth;
  fields: readonly FigureField[];
  cooperations: readonly CooperationSummary[];
  valueOf: (cooperationId: string, field: FigureField) => number | null;
  /** The value this instant, including a save not rendered yet: where Enter goes after the last cell. */
  currentValueOf: (cooperationId: string, field: FigureField) => number | null;
  cells: Record<string, CellState>;
  onSave: (cooperationId: string, field: FigureField, value: number | null) => void;
  /** Where Enter goes after the last cell when every cell is filled (the run button). */
  afterLast: () => void;
}

export function FiguresGrid({ month, fields, cooperations, valueOf, currentValueOf, cells, onSave, afterLast }: Props) {
  const t = useT();
  const inputs = useRef<(HTMLInputElement | null)[]>([]);
  const columns = fields.length;
  const count = cooperations.length * columns;

  const firstEmpty = (): number => {
    for (let i = 0; i < count; i++) if (currentValueOf(cooperations[Math.floor(i / columns)]!.id, fields[i % columns]!) === null) return i;
    return -1;
  };

  // When the grid opens or shows another month: straight to the first empty cell. Only then — typing must
  // never pull the focus away.
  useEffect(() => {
    const i = firstEmpty();
    inputs.current[i === -1 ? 0 : i]?.focus();
  }, [month, cooperations.length, columns]);

  function move(from: number, how: Move) {
    const target = moveFrom(from, how, columns, count);
    if (target !== null) return inputs.current[target]?.focus();
    if (how !== 'next') return;
    const empty = firstEmpty();
    if (empty !== -1 && empty !== from) inputs.current[empty]?.focus();
    else afterLast();
  }

  return (
    <table className="table figures-grid" aria-label={t('kpi.gridLabel')}>
      <thead>
        <tr>
          <th className="num index-col">#</th>
          <th>{t('kpi.col.provider')}</th>
          <th className="region-col">{t('kpi.col.region')}</th>
          {fields.map((f) => (
            <th key={f} className="num figure-col">{t(FIELD_LABEL[f])}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {cooperations.map((c, row) => (
          <tr key={c.id} data-cooperation={c.id}>
            <td className="num index-col muted">{row + 1}</td>
            <td className="provider-col">
              <div className="provider-name">
                {c.legalName}
                <span className={`tag status-tag status-${c.status}`}>{t(STATUS_LABEL[c.status])}</span>
              </div>
              <div className="mono small muted">{displayNumberByFormat(c.creditCode)}</div>
            </td>
            <td className="region-col">{c.regionName}</td>
            {fields.map((field, col) => {
              const index = row * columns + col;
              return (
                <td key={field} className="num figure-col">
                  <FigureCellInput
                    id={`kpi-cell-${row}-${col}`}
                    label={t('kpi.cellLabel', { name: c.legalName, field: t(FIELD_LABEL[field]) })}
                    field={field}
                    stored={valueOf(c.id, field)}
                    state={cells[cellKey(c.id, month, field)]}
                    inputRef={(el) => void (inputs.current[index] = el)}
                    onCommit={(value) => onSave(c.id, field, value)}
                    onMove={(how) => move(index, how)}
                  />
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
