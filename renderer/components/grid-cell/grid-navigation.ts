// Where focus goes from a cell of a keyboard-first grid (scores, KPI figures). Cells are numbered in reading
// order (across a row, then the next row), so "next" from a row's last cell is the next row's first cell.

export type Move = 'next' | 'prev' | 'up' | 'down';

export function moveFrom(index: number, move: Move, columns: number, count: number): number | null {
  const target = move === 'next' ? index + 1 : move === 'prev' ? index - 1 : move === 'down' ? index + columns : index - columns;
  return target >= 0 && target < count ? target : null;
}

/** The move a key asks for in a cell; null for keys the input handles itself. */
export function moveOfKey(e: { key: string; shiftKey: boolean; altKey: boolean; ctrlKey: boolean; metaKey: boolean }): Move | null {
  if (e.altKey || e.ctrlKey || e.metaKey) return null;
  if (e.key === 'Enter' || e.key === 'Tab') return e.shiftKey ? 'prev' : 'next';
  if (e.key === 'ArrowDown') return 'down';
  if (e.key === 'ArrowUp') return 'up';
  return null;
}
