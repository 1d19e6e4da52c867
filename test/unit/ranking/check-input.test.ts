// Whole-round consistency checks that make the ranking well defined (and input-order independent).
import { describe, expect, it } from 'vitest';
import { checkRoundInput, rankRound, RankingInputError, resolveRankingOptions, type RoundInput } from '../../../shared/ranking';
import { round } from './support';

const options = resolveRankingOptions();
const base = round({ regions: { R: { quota: 1 }, S: { quota: 2, waitlist: 1 } }, apps: { A: { regions: ['R', 'S'], scores: { m1: 80 } }, B: { scores: { m1: 70 } } } });
const codes = (input: RoundInput) => checkRoundInput(input, options).map((i) => i.code);

describe('checkRoundInput', () => {
  it('accepts a consistent round', () => {
    expect(checkRoundInput(base, options)).toEqual([]);
  });

  it('refuses a second score for the same member, application and criterion', () => {
    // Otherwise "last row wins" would make the result depend on input order.
    const twice = { ...base, scores: [...base.scores, { applicationId: 'A', memberId: 'm1', criterion: 'technical', value: 10 }] };
    expect(checkRoundInput(twice, options)).toEqual([{ code: 'duplicateScore', applicationId: 'A', memberId: 'm1', criterion: 'technical' }]);
  });

  it('refuses scores outside the scale, with 3 decimals, or for unknown criteria and applications', () => {
    const bad = (value: number, criterion = 'technical', applicationId = 'A') => ({ ...base, scores: [{ applicationId, memberId: 'm9', criterion, value }] });
    expect(codes(bad(100.01))).toEqual(['scoreOutOfScale']);
    expect(codes(bad(-1))).toEqual(['scoreOutOfScale']);
    expect(codes(bad(80.125))).toEqual(['invalidScore']);
    expect(codes(bad(Number.NaN))).toEqual(['invalidScore']);
    expect(codes(bad(80, 'charm'))).toEqual(['unknownCriterion']);
    expect(codes(bad(80, 'technical', 'Q'))).toEqual(['unknownApplication']);
    expect(codes({ ...base, recusals: [{ applicationId: 'Q', memberId: 'm1' }] })).toEqual(['unknownApplication']);
  });

  it('refuses inconsistent applications and regions', () => {
    const [a, b] = base.applications;
    const withApps = (...applications: RoundInput['applications']) => codes({ ...base, applications, scores: [] });
    expect(withApps(a!, { ...b!, applicationId: 'A' })).toEqual(['duplicateApplication']);
    expect(withApps(a!, { ...b!, applicantId: a!.applicantId })).toEqual(['duplicateApplicant']);
    expect(withApps({ ...a!, regions: [] })).toEqual(['noRegions']);
    expect(withApps({ ...a!, regions: [{ regionId: 'X', preference: 1 }] })).toEqual(['unknownRegion']);
    expect(withApps({ ...a!, regions: [{ regionId: 'R', preference: 1 }, { regionId: 'R', preference: 2 }] })).toEqual(['duplicateApplicationRegion']);
    expect(withApps({ ...a!, regions: [{ regionId: 'R', preference: 1 }, { regionId: 'S', preference: 1 }] })).toEqual(['invalidPreference']);
    expect(withApps({ ...a!, regions: [{ regionId: 'R', preference: 0 }] })).toEqual(['invalidPreference']);
    expect(withApps({ ...a!, priceQuote: 38_000.005 })).toEqual(['invalidQuote']);
    expect(withApps({ ...a!, priceQuote: Number.POSITIVE_INFINITY })).toEqual(['invalidQuote']);
    // Missing or non-positive quotes are data (flagged invalidQuote in the ranking), not input errors.
    expect(withApps({ ...a!, priceQuote: null }, { ...b!, priceQuote: 0 })).toEqual([]);
    const regions = (...r: RoundInput['regions']) => codes({ ...base, regions: r, applications: [], scores: [] });
    expect(regions({ regionId: 'R', quota: 1, waitlistLength: 0 }, { regionId: 'R', quota: 1, waitlistLength: 0 })).toEqual(['duplicateRegion']);
    expect(regions({ regionId: 'R', quota: -1, waitlistLength: 0 })).toEqual(['invalidQuota']);
    expect(regions({ regionId: 'R', quota: 1.5, waitlistLength: 0 })).toEqual(['invalidQuota']);
    expect(regions({ regionId: 'R', quota: 1, waitlistLength: -2 })).toEqual(['invalidWaitlistLength']);
  });

  it('makes rankRound throw a RankingInputError carrying the issues', () => {
    const twice = { ...base, scores: [...base.scores, base.scores[0]!] };
    expect(() => rankRound(twice)).toThrow(RankingInputError);
    try {
      rankRound(twice);
    } catch (e) {
      expect((e as RankingInputError).issues).toEqual([{ code: 'duplicateScore', applicationId: 'A', memberId: 'm1', criterion: 'strength' }]);
    }
  });
});
