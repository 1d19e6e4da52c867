// The scoring grid read in pages (issue 8, platform scale): at 20,000 applications the whole sheet in one
// answer (the former scores.grid, ~4 MB) took ~0.8 s to open. The grid now asks for the sheet's outline (counts, the
// region groups of the display order, the first empty cell and the rows around it) and then for the pages of
// rows it shows; the list of empty cells and the rows "只看未评分" keeps are answered by the backend. Rows are
// addressed by their position in the display order (grouped by first-preference region in the round's region
// order, the sheet's own order inside a group: renderer/features/rounds/scoring/score-order.ts), which is what
// cell ids (cell-<position>-<column>) already meant.
import type { ScoreSheet } from './views';

/** Rows per page of scores.gridRows (and the most one call returns). */
export const SCORE_GRID_PAGE_ROWS = 100;
/** The most empty cells one scores.gridMissing call lists. */
export const SCORE_GRID_MISSING_MAX = 200;

export interface ScoreGridRow {
  applicationId: string;
  legalName: string;
  /** As lists show it (a person's number masked). */
  creditCode: string;
  dossierId: number;
  priceQuoteYuan: number | null;
  /** In the applicant's order of preference. */
  regionIds: string[];
  /** Per criterion, in the outline's criteria order (null: empty). */
  values: (number | null)[];
  /** The application's comment ('' when none). */
  comment: string;
}

export interface ScoreGridRowsPage {
  /** Rows of the grid in all. */
  total: number;
  rows: ScoreGridRow[];
}

export interface ScoreGridGroup {
  /** null: the applications without a region of this round (shown last). */
  regionId: string | null;
  regionName: string;
  /** Its rows, consecutive in the display order. */
  count: number;
}

export interface ScoreGridCellRef {
  position: number;
  col: number;
}

export interface ScoreGridOutline extends Omit<ScoreSheet, 'cells' | 'applicationIds' | 'recusedApplicationIds'> {
  /** Applications this member scores (the grid's rows). */
  rows: number;
  groups: ScoreGridGroup[];
  /** Applications this member is recused from (named above the grid), in the sheet's order. */
  recused: { applicationId: string; legalName: string }[];
  /** Filled cells of the grid, of rows × criteria. */
  filled: number;
  /** The first empty cell in display order; null when the sheet is complete. */
  firstEmpty: ScoreGridCellRef | null;
  /** The rows around the first empty cell (or the first rows): what the grid shows when it opens. */
  window: { offset: number; rows: ScoreGridRow[] };
}

export interface ScoreGridEmptyCell extends ScoreGridCellRef {
  applicationId: string;
  legalName: string;
  criterion: string;
}

export interface ScoreGridMissing {
  /** The first empty cells in display order (at most the limit asked for). */
  cells: ScoreGridEmptyCell[];
  /** Empty cells in all. */
  total: number;
  /** When asked for: the positions of every row with an empty cell (what "只看未评分" keeps). */
  rows: number[] | null;
}
