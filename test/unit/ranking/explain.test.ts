// The structured explanation of every (application, region) result (issue 3: "rank, total, quota, cutoff
// score, cap, tie-break used"). Codes and numbers only; the renderer words them.
import { describe, expect, it } from 'vitest';
import { evaluateRound } from '../../../shared/ranking';
import { round } from './support';

describe('explain', () => {
  // Region R: quota 1, waitlist 1; minimum 60. Same sheets for A and B (79.00 each, see rank-region.test.ts),
  // A quotes less → A admitted by the price level, B on the waitlist. C 50 is below the minimum; m2 recused
  // from C. D is ineligible.
  const same = { strength: 90, technical: 80, reputation: 70, price: 70 };
  const input = round({
    regions: { R: { quota: 1, waitlist: 1 } },
    apps: {
      A: { quote: 38_000, scores: { m1: same } },
      B: { quote: 40_000, scores: { m1: same } },
      C: { scores: { m1: 50, m2: 99 } },
      D: { eligible: false },
    },
    recusals: [['C', 'm2']],
  });
  const { explanations } = evaluateRound(input, { minimumTotal: 60 });

  it('gives one explanation per entry, in ranking order', () => {
    expect(explanations.map((x) => [x.applicationId, x.status])).toEqual([['A', 'admitted'], ['B', 'waitlist'], ['C', 'belowMinimum'], ['D', 'ineligible']]);
  });

  it('carries rank, total, quota, cutoff, minimum, cap, wins and the tie-break used', () => {
    expect(explanations[1]).toEqual({
      applicationId: 'B',
      applicantId: 'dossier-B',
      regionId: 'R',
      preference: 1,
      status: 'waitlist',
      rank: 2,
      rankedCount: 3,
      total: 79,
      quota: 1,
      cutoffTotal: 79,
      minimumTotal: 60,
      cap: null,
      wins: [],
      waitlistPosition: 1,
      provisional: false,
      waitlistLength: 1,
      tieBreaks: [{ level: 'lowerPrice', against: 'A', outcome: 'lost' }],
      stillTiedGroup: null,
      seatsPendingCommittee: 0,
      reasons: [{ code: 'quotaFull', quota: 1, cutoffTotal: 79 }],
    });
    expect(explanations[0]).toMatchObject({ status: 'admitted', rank: 1, wins: ['R'], tieBreaks: [{ level: 'lowerPrice', against: 'B', outcome: 'won' }], reasons: [] });
  });

  it('puts the decisive reason first and informational ones after it', () => {
    // C: 50 on every criterion from m1 only (m2 recused, its 99 ignored) → 50.00 < 60.
    expect(explanations[2]!.reasons).toEqual([{ code: 'belowMinimum', total: 50, minimumTotal: 60 }, { code: 'recusedMembers', count: 1 }]);
    expect(explanations[3]!.reasons).toEqual([{ code: 'ineligible' }]);
    expect(explanations[3]).toMatchObject({ rank: null, total: null });
  });
});
