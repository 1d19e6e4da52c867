// The printed list's appendix (issue 11): second-or-later-preference rows screened out leave the regions'
// tables for the appendix; first-preference ineligible rows and every competing row stay; nothing is lost.
import { describe, expect, it } from 'vitest';
import { inIneligibleAppendix, splitForPrint } from '../../../shared/rounds/print-appendix';
import type { SelectionRow } from '../../../shared/rounds/selection-list';

const row = (applicationId: string, status: SelectionRow['status'], preference: number | null): SelectionRow => ({ regionId: 'g', regionName: '杭州', applicationId, legalName: applicationId, creditCode: '', rank: null, total: null, status, waitlistPosition: null, provisional: false, preference, priceQuoteYuan: null });

describe('printed list appendix', () => {
  it('moves only ineligible rows of a second or later preference, keeping order', () => {
    const rows = [row('a', 'admitted', 2), row('b', 'ineligible', 1), row('c', 'ineligible', 2), row('d', 'notAdmitted', 3), row('e', 'ineligible', 3), row('f', 'ineligible', null)];
    const { main, appendix } = splitForPrint(rows);
    expect(main.map((r) => r.applicationId)).toEqual(['a', 'b', 'd', 'f']);
    expect(appendix.map((r) => r.applicationId)).toEqual(['c', 'e']);
    expect(inIneligibleAppendix(row('x', 'admitted', 2))).toBe(false);
  });
});
