// The KPI grid's months and rows (issue 11): a provider terminated in a month shows in that month and not
// after; the grid opens on the latest month holding any figure.
import { describe, expect, it } from 'vitest';
import { latestMonthWithData, mayHaveFigures, shownInMonth } from '../../../renderer/features/assessments/figure-months';
import type { CooperationSummary } from '../../../shared/cooperations/views';
import type { MonthFigures } from '../../../shared/cooperations/assessment-views';

const coop = (status: CooperationSummary['status'], endedOn: string | null): CooperationSummary => ({ id: status, programId: 'p', programName: '', dossierId: 1, legalName: '', creditCode: '', regionName: '', status, startedOn: '2026-01-01', endedOn, endReason: null });

describe('KPI grid months', () => {
  it('keeps a provider terminated on 2026-10-15 in October and drops it from November', () => {
    const ended = coop('terminated', '2026-10-15');
    expect(mayHaveFigures(ended)).toBe(true);
    expect(shownInMonth(ended, '2026-09')).toBe(true);
    expect(shownInMonth(ended, '2026-10')).toBe(true);
    expect(shownInMonth(ended, '2026-11')).toBe(false);
    expect(shownInMonth(coop('exited', '2026-10-31'), '2026-11')).toBe(false);
    expect(shownInMonth(coop('formal', null), '2030-01')).toBe(true);
    expect(mayHaveFigures(coop('formal', null))).toBe(true);
  });

  it('finds the latest month with any figure, ignoring empty records', () => {
    const rec = (month: string, orders: number | null) => ({ month, orders, newlyBound: null }) as unknown as MonthFigures;
    expect(latestMonthWithData({ a: [rec('2026-08', 5), rec('2026-10', null)], b: [rec('2026-09', 1)] }, ['orders', 'newlyBound'])).toBe('2026-09');
    expect(latestMonthWithData({ a: [rec('2026-10', null)] }, ['orders'])).toBeNull();
    expect(latestMonthWithData({}, ['orders'])).toBeNull();
  });
});
