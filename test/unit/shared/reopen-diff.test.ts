// The reopen preview's comparison (shared/rounds/reopen-diff.ts): only what differs is listed, a pair that
// left the round shows as absent, a moved waitlist position counts, and older snapshots are read from
// their selection list.
import { describe, expect, it } from 'vitest';
import { diffSinceFinalizing } from '../../../shared/rounds/reopen-diff';
import type { RoundResults } from '../../../shared/rounds/results-view';
import type { ScreeningRow } from '../../../shared/rounds/views';
import type { PlacementStatus } from '../../../shared/ranking/results';

type P = [applicationId: string, status: PlacementStatus, waitlistPosition: number | null];
/** Only the parts the comparison reads; the rest of RoundResults does not matter here. */
const results = (placements: P[], ineligible: string[] = []) =>
  ({
    regionOrder: ['r1'],
    allocation: { regions: [{ regionId: 'r1', placements: placements.map(([applicationId, status, waitlistPosition]) => ({ applicationId, applicantId: applicationId, regionId: 'r1', status, waitlistPosition })) }] },
    ineligible: ineligible.map((applicationId) => ({ applicationId, regionId: 'r1', preference: 1 })),
    labels: { applications: Object.fromEntries(['a', 'b', 'c', 'd'].map((id) => [id, { legalName: `机构${id}`, creditCode: '', priceQuoteYuan: null }])), regions: { r1: { name: '杭州珠宝产业带', city: '杭州市' } }, members: {} },
  }) as unknown as RoundResults;
const row = (applicationId: string, eligible: boolean): ScreeningRow => ({
  applicationId,
  regionId: 'r1',
  eligible,
  rulesEligible: eligible,
  results: eligible ? [{ kind: 'noCooldown', outcome: 'pass', until: null, reason: null }] : [{ kind: 'noCooldown', outcome: 'fail', until: '2027-05-22', reason: 'failedAssessment' }],
  override: null,
});

describe('diffSinceFinalizing', () => {
  const finalized = results([['a', 'admitted', null], ['b', 'waitlist', 1], ['c', 'waitlist', 2], ['d', 'notAdmitted', null]]);

  it('nothing changed: nothing listed', () => {
    const screening = ['a', 'b', 'c', 'd'].map((id) => row(id, true));
    expect(diffSinceFinalizing({ finalized, finalizedScreening: screening, screening, recomputed: finalized })).toMatchObject({ screening: [], selection: [], screeningStored: true });
  });

  it('lists who left the round, who became ineligible (with the failing rule), and the waitlist moving up', () => {
    const before = ['a', 'b', 'c', 'd'].map((id) => row(id, true));
    // 'a' withdrew (not screened now); 'b' is screened out; 'c' moves from waitlist 2 to admitted; 'd' unchanged.
    const now = [row('b', false), row('c', true), row('d', true)];
    const recomputed = results([['c', 'admitted', null], ['d', 'notAdmitted', null], ['b', 'ineligible', null]]);
    const diff = diffSinceFinalizing({ finalized, finalizedScreening: before, screening: now, recomputed });
    expect(diff.screening.map((c) => [c.applicationId, c.before, c.after, c.failedAfter.map((r) => r.kind)])).toEqual([
      ['a', true, null, []],
      ['b', true, false, ['noCooldown']],
    ]);
    expect(diff.selection.map((c) => [c.applicationId, c.before.status, c.before.waitlistPosition, c.after.status])).toEqual([
      ['a', 'admitted', null, 'absent'],
      ['b', 'waitlist', 1, 'ineligible'],
      ['c', 'waitlist', 2, 'admitted'],
    ]);
  });

  it('a moved waitlist position alone is a change', () => {
    const screening = ['a', 'b', 'c', 'd'].map((id) => row(id, true));
    const recomputed = results([['a', 'admitted', null], ['c', 'waitlist', 1], ['b', 'waitlist', 2], ['d', 'notAdmitted', null]]);
    expect(diffSinceFinalizing({ finalized, finalizedScreening: screening, screening, recomputed }).selection.map((c) => [c.applicationId, c.before.waitlistPosition, c.after.waitlistPosition])).toEqual([
      ['b', 1, 2],
      ['c', 2, 1],
    ]);
  });

  it('without a stored screening, a pair listed as ineligible was ineligible and any other listed pair eligible', () => {
    const old = results([['a', 'admitted', null], ['b', 'notAdmitted', null]], ['c']);
    const now = [row('a', true), row('b', false), row('c', true)];
    const diff = diffSinceFinalizing({ finalized: old, finalizedScreening: null, screening: now, recomputed: old });
    expect(diff.screeningStored).toBe(false);
    expect(diff.screening.map((c) => [c.applicationId, c.before, c.after])).toEqual([
      ['b', true, false],
      ['c', false, true],
    ]);
  });
});
