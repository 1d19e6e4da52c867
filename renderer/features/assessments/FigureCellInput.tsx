// One figure cell of the KPI grid (a GridCellInput): text is read by figure-text, the reader the import
// uses too, so a value the grid accepts is one the import accepts. Empty means "not entered": the
// assessment then reports the figure as missing, never as a pass.
import { FIGURE_FORMAT, figureInputText, parseFigure, type FigureField } from '../../../shared/cooperations/figure-text';
import { useLocale } from '../../i18n/i18n';
import { formatYuan } from '../../lib/format';
import { GridCellInput, type CellReading, type GridCellLook, type GridCellWiring } from '../../components/grid-cell/GridCellInput';
import { REFUSAL } from './labels';
import type { CellState } from './use-program-figures';

const LOOK: GridCellLook = {
  classes: { cell: 'figure-cell', input: 'figure-input', mark: 'figure-mark', error: 'figure-error' },
  marks: { saving: 'kpi.cell.saving', saved: 'kpi.cell.saved' },
};

interface Props extends GridCellWiring {
  field: FigureField;
  stored: number | null;
  state: CellState | undefined;
}

export function FigureCellInput({ field, ...cell }: Props) {
  const { locale } = useLocale();
  // Money reads as money when not being edited (¥60,000.00, issue 11); typing starts from the plain number.
  const display = FIGURE_FORMAT[field] === 'yuan' ? (value: number | null) => (value === null ? '' : formatYuan(value, locale)) : undefined;
  const read = (text: string): CellReading => {
    const parsed = parseFigure(field, text);
    return parsed.ok ? parsed : { ok: false, refusal: REFUSAL[parsed.problem] };
  };
  return <GridCellInput {...cell} read={read} format={(value) => figureInputText(field, value)} look={LOOK} committedText="shown" {...(display ? { display } : {})} />;
}
