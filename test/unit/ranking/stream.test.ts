// The streamed ranking (shared/ranking/stream.ts, what the ranking service runs at platform scale) equals
// rankRound over the same input: for random rounds with 2-decimal scores (the exact aggregates, rounded
// once), with every aggregation and price mode, and for broken rounds the same refusal with the same issues
// in the same order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RankingInputError, rankRound, type RoundInput, type ScoreInput } from '../../../shared/ranking';
import { rankRoundStreamed, ScoreStream } from '../../../shared/ranking/stream';
import { rng, roundArb } from './support';

const RUNS = { numRuns: 400 };

/** The round with some scores given 2 decimals (80.01, 79.99…), so means and medians fall between hundredths. */
function withDecimals(input: RoundInput, seed: number): RoundInput {
  const random = rng(seed);
  return { ...input, scores: input.scores.map((s) => (random() < 0.5 ? { ...s, value: Math.min(100, Math.max(0, s.value + Math.round(random() * 200 - 100) / 100)) } : s)) };
}

/** Broken data of each kind checkRoundInput refuses: duplicates, unknown ids, bad values, unknown recusals. */
function broken(input: RoundInput, seed: number): RoundInput {
  const random = rng(seed);
  const pick = <T,>(xs: readonly T[]): T | undefined => xs[Math.floor(random() * xs.length)];
  const extra: ScoreInput[] = [];
  const recusals = [...input.recusals];
  const kinds = Math.floor(random() * 64);
  const some = pick(input.scores);
  if (some) {
    if (kinds & 1) extra.push({ ...some }); // duplicate
    if (kinds & 2) extra.push({ ...some, applicationId: 'nobody' }, { ...some, applicationId: 'nobody' }); // unknown application, twice
    if (kinds & 4) extra.push({ ...some, criterion: 'charm' }); // unknown criterion
    if (kinds & 8) extra.push({ ...some, memberId: 'late', value: 80.005 }); // 3 decimals
    if (kinds & 16) extra.push({ ...some, memberId: 'high', value: 101 }); // out of scale
  }
  if (kinds & 32) recusals.push({ applicationId: 'ghost', memberId: 'm0' });
  const scores = [...input.scores];
  for (const s of extra) scores.splice(Math.floor(random() * (scores.length + 1)), 0, s);
  return { ...input, scores, recusals };
}

function outcome(run: () => unknown): unknown {
  try {
    return { ok: run() };
  } catch (error) {
    if (error instanceof RankingInputError) return { issues: error.issues };
    throw error;
  }
}

describe('streamed ranking = rankRound', () => {
  it('for random rounds with 2-decimal scores, every aggregation and price mode', () => {
    fc.assert(
      fc.property(fc.oneof(roundArb(), roundArb({ ties: true }), roundArb({ scoreSpread: 3 })), fc.integer(), ({ input, options }, seed) => {
        const round = withDecimals(input, seed);
        expect(rankRoundStreamed(round, options)).toEqual(rankRound(round, options));
      }),
      RUNS,
    );
  });

  it('for broken rounds: the same refusal, the same issues in the same order', () => {
    fc.assert(
      fc.property(roundArb(), fc.integer(), ({ input, options }, seed) => {
        const round = broken(input, seed);
        expect(outcome(() => rankRoundStreamed(round, options))).toEqual(outcome(() => rankRound(round, options)));
      }),
      RUNS,
    );
  });

  it('a duplicate score is refused, not averaged in (a hand-made case)', () => {
    const input: RoundInput = {
      applications: [{ applicationId: 'a', applicantId: 'd', priceQuote: 100, eligible: true, regions: [{ regionId: 'R', preference: 1 }] }],
      regions: [{ regionId: 'R', quota: 1, waitlistLength: 0 }],
      scores: ['strength', 'technical', 'reputation', 'price', 'price'].map((criterion) => ({ applicationId: 'a', memberId: 'm', criterion, value: 80 })),
      recusals: [],
    };
    expect(() => rankRoundStreamed(input)).toThrow(RankingInputError);
    expect(outcome(() => rankRoundStreamed(input))).toEqual({ issues: [{ code: 'duplicateScore', applicationId: 'a', memberId: 'm', criterion: 'price' }] });
  });

  it('the exact mean is rounded once: (80 + 80.01) / 2 = 80.005 → 80.01, and a recused member does not count', () => {
    const stream = new ScoreStream(
      {
        applications: [{ applicationId: 'a', applicantId: 'd', priceQuote: 100, eligible: true, regions: [{ regionId: 'R', preference: 1 }] }],
        regions: [{ regionId: 'R', quota: 1, waitlistLength: 0 }],
        recusals: [{ applicationId: 'a', memberId: 'x' }],
      },
      { criteria: [{ key: 'strength', weight: 100 }], priceMode: 'scored', priceCriterion: 'strength', technicalCriterion: 'strength' },
    );
    stream.add('a', stream.member('m1'), 'strength', 80);
    stream.add('a', stream.member('m2'), 'strength', 80.01);
    stream.add('a', stream.member('x'), 'strength', 0);
    const entry = stream.rank().regions[0]!.entries[0]!;
    expect(entry.criteria[0]).toMatchObject({ value: 80.01, exactH: '16001/2', count: 2 });
    expect(entry.total).toBe(80.01);
    expect(entry.recusedMembers).toBe(1);
  });
});

describe('ScoreStream.addIfPresent', () => {
  it('skips the scores of applications the round does not have (withdrawn), and only those', () => {
    fc.assert(
      fc.property(roundArb(), fc.integer(), ({ input, options }, seed) => {
        const random = rng(seed);
        const stream = new ScoreStream(input, options);
        for (const s of input.scores) {
          // Scores of a withdrawn application, interleaved: not part of the round's input, so never refused.
          if (random() < 0.2) stream.addIfPresent('withdrawn', stream.member(s.memberId), s.criterion, s.value);
          stream.addIfPresent(s.applicationId, stream.member(s.memberId), s.criterion, s.value);
        }
        expect(stream.rank()).toEqual(rankRound(input, options));
      }),
      { numRuns: 100 },
    );
  });
});
