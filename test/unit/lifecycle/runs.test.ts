// A month is judged once per cooperation (shared/lifecycle/runs.ts): what a rerun does with the earlier
// runs' actions, and which months' figures changed under a run.
import { describe, expect, it } from 'vitest';
import { changedMonths, emptyPeriodicFigures, rerunDecision } from '../../../shared/lifecycle';
import { mm, pm } from './support';

describe('rerunDecision', () => {
  it('the first run of a month assesses and replaces nothing', () => {
    expect(rerunDecision([])).toEqual({ kind: 'assess', supersedes: [] });
  });

  it('replaces the open proposals of earlier runs (not the ones already replaced)', () => {
    expect(
      rerunDecision([
        { runId: 'r1', confirmed: null, supersededBy: 'r2' },
        { runId: 'r2', confirmed: null, supersededBy: null },
      ]),
    ).toEqual({ kind: 'assess', supersedes: ['r2'] });
  });

  it('a confirmed action — even "continue" — means the month is judged: nothing is proposed again', () => {
    // The case: 2026-12 run 1 → 整改 confirmed; run 2 must not see 整改中 and propose 清退.
    expect(rerunDecision([{ runId: 'r1', confirmed: 'rectificationNotice', supersededBy: null }, { runId: 'r2', confirmed: null, supersededBy: null }])).toEqual({
      kind: 'judged',
      runId: 'r1',
      action: 'rectificationNotice',
    });
    expect(rerunDecision([{ runId: 'r1', confirmed: 'continue', supersededBy: null }])).toMatchObject({ kind: 'judged', action: 'continue' });
  });

  it('nor is a month assessed once a later month was judged (its status carries that judgement)', () => {
    expect(rerunDecision([], [{ runId: 'r5', month: '2027-01', action: 'rectificationNotice' }, { runId: 'r6', month: '2027-02', action: 'continue' }])).toEqual({
      kind: 'judged',
      runId: 'r6',
      action: 'continue',
      month: '2027-02',
    });
  });
});

describe('changedMonths', () => {
  const used = [mm('2026-12', { pickupRatePercent: 85 }), mm('2027-01')];

  it('finds a changed, a newly entered and a cleared month; the same values saved again are no change', () => {
    expect(changedMonths(['2026-12', '2027-01'], used, used.map((f) => ({ ...f })))).toEqual([]);
    expect(changedMonths(['2026-12', '2027-01'], used, [mm('2026-12', { pickupRatePercent: 92 }), mm('2027-01')])).toEqual(['2026-12']);
    expect(changedMonths(['2026-12', '2027-01'], used, [mm('2026-12', { pickupRatePercent: 85 })])).toEqual(['2027-01']); // cleared
    expect(changedMonths(['2026-12'], [], [mm('2026-12')])).toEqual(['2026-12']); // entered after the run
  });

  it('a month with no record equals one whose figures are all empty; months outside the list are ignored', () => {
    expect(changedMonths(['2026-11'], [], [emptyPeriodicFigures('2026-11')])).toEqual([]);
    expect(changedMonths(['2026-11'], [], [pm('2026-11')])).toEqual(['2026-11']);
    expect(changedMonths(['2026-12'], used, [...used, mm('2027-02', { merchantLevel: 1 })])).toEqual([]);
  });
});
