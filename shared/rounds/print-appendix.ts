// The printed selection list keeps its regions' tables to the applications that competed there or failed
// screening as their FIRST choice; an application screened out of a region it listed second (or later) —
// typically the same-city rule (经营主体所在城市 = 服务城市, DOMAIN.md §2) failing for a city it does not sit in —
// says nothing about that region's selection, so those rows go to an appendix after the main list
// (附录：第二志愿不合格, issue 11). Every row is kept: the split is a partition, in the rows' order.
import type { SelectionRow } from './selection-list';

export function inIneligibleAppendix(row: SelectionRow): boolean {
  return row.status === 'ineligible' && row.preference !== null && row.preference >= 2;
}

export function splitForPrint(rows: readonly SelectionRow[]): { main: SelectionRow[]; appendix: SelectionRow[] } {
  const main: SelectionRow[] = [];
  const appendix: SelectionRow[] = [];
  for (const row of rows) (inIneligibleAppendix(row) ? appendix : main).push(row);
  return { main, appendix };
}
