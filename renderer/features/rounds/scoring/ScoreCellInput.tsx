// One score cell of the scoring grid (a GridCellInput): text is read against the round's scale, full-width
// digits from a Chinese IME included (parse-score). Alt+C commits the cell, then opens the comment.
import { GridCellInput, type CellReading, type GridCellLook, type GridCellWiring } from '../../../components/grid-cell/GridCellInput';
import { formatScore, parseScore } from './parse-score';
import type { CellInfo } from './use-score-sheet';

const LOOK: GridCellLook = {
  classes: { cell: 'score-cell', input: 'score-input', mark: 'cell-mark', error: 'cell-error' },
  marks: { saving: 'scoring.cell.saving', saved: 'scoring.cell.saved' },
};

interface Props extends GridCellWiring {
  info: CellInfo | undefined;
  scale: { min: number; max: number };
  onComment: () => void;
}

export function ScoreCellInput({ info, scale, onComment, ...cell }: Props) {
  const read = (text: string): CellReading => {
    const parsed = parseScore(text, scale);
    return parsed.ok ? parsed : { ok: false, refusal: parsed.key, params: { min: scale.min, max: scale.max } };
  };
  return (
    <GridCellInput
      {...cell}
      stored={info?.value ?? null}
      state={info}
      read={read}
      format={formatScore}
      look={LOOK}
      committedText="typed"
      commitKey={{ matches: (e) => e.altKey && e.code === 'KeyC', after: onComment }}
    />
  );
}
