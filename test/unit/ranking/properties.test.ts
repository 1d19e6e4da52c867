// Invariants of ranking and allocation, stated as properties (fast-check) over random rounds: the habits of
// openskill.js' property tests applied to issue 3's list ("Tests that must exist").
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseRegion, deferredAcceptance, evaluateRound, resolveRankingOptions, weightSensitivity, type RankingOptions, type RoundEvaluation, type RoundInput } from '../../../shared/ranking';
import { deepFreeze, rng, roundArb, shuffle, shuffledRound } from './support';

const RUNS = { numRuns: 300 };

/** Rounds of every kind: varied scores, and rounds full of still-tied groups. */
const anyRound = fc.oneof(roundArb(), roundArb({ ties: true }));

/** The qualifying entries of a region in its priority order, with each application's preference there. */
function pref(input: RoundInput, applicationId: string, regionId: string): number {
  return input.applications.find((a) => a.applicationId === applicationId)!.regions.find((r) => r.regionId === regionId)!.preference;
}

function isRankedPermutation(input: RoundInput, result: RoundEvaluation) {
  for (const region of result.ranking.regions) {
    const listing = input.applications.filter((a) => a.regions.some((r) => r.regionId === region.regionId));
    const ids = region.entries.map((e) => e.applicationId);
    // Every application that lists the region appears exactly once.
    expect(ids.toSorted()).toEqual(listing.map((a) => a.applicationId).toSorted());
    // The ranked part is a permutation of the eligible, complete applications, ranked 1… without gaps
    // except after ties (competition ranking), and totals never increase down the list.
    const ranked = region.entries.filter((e) => e.standing === 'ranked');
    expect(region.entries.slice(0, ranked.length)).toEqual(ranked);
    ranked.forEach((e, i) => {
      const prev = ranked[i - 1];
      if (!prev) return expect(e.rank).toBe(1);
      expect(e.total!).toBeLessThanOrEqual(prev.total!);
      expect(e.rank).toBe(e.stillTiedGroup !== null && e.stillTiedGroup === prev.stillTiedGroup ? prev.rank : i + 1);
    });
    expect(ranked.every((e) => listing.find((a) => a.applicationId === e.applicationId)!.eligible)).toBe(true);
  }
}

describe('ranking and allocation properties', () => {
  it('the ranking of each region is a permutation of its ranked applications', () => {
    fc.assert(fc.property(anyRound, ({ input, options }) => isRankedPermutation(input, evaluateRound(input, options))), RUNS);
  });

  it('no region ever exceeds its quota, with or without a cap, and the cap is respected', () => {
    fc.assert(
      fc.property(anyRound, ({ input, options }) => {
        const { allocation } = evaluateRound(input, options);
        for (const r of allocation.regions) {
          expect(r.admitted.length + r.seatsPendingCommittee).toBeLessThanOrEqual(r.quota);
          expect(r.placements.filter((p) => p.status === 'admitted')).toHaveLength(r.admitted.length);
          expect(r.placements.filter((p) => p.status === 'waitlist').every((p) => p.waitlistPosition! <= r.waitlistLength)).toBe(true);
        }
        if (options.cap != null) for (const w of allocation.wins) expect(w.regionIds.length).toBeLessThanOrEqual(options.cap);
      }),
      RUNS,
    );
  });

  it('input order and member order never change a result', () => {
    fc.assert(
      fc.property(fc.oneof(roundArb({ scoreSpread: 3 }), roundArb({ ties: true })), fc.integer(), ({ input, options }, seed) => {
        const expected = evaluateRound(input, options);
        // Every array in another order, including what the analysis lists.
        const shuffled = shuffledRound(input, seed);
        expect(evaluateRound(shuffled, options)).toEqual(expected);
        for (const r of expected.ranking.regions) expect(analyseRegion(shuffled, expected.ranking, r.regionId)).toEqual(analyseRegion(input, expected.ranking, r.regionId));
        // Members renamed by a permutation (m0 ↔ m3, …): a member's identity must not matter either.
        const members = [...new Set(input.scores.map((s) => s.memberId))];
        const rename = new Map(members.map((m, i) => [m, shuffle(members, rng(seed))[i]!]));
        const renamed = {
          ...input,
          scores: input.scores.map((s) => ({ ...s, memberId: rename.get(s.memberId)! })),
          recusals: input.recusals.map((r) => ({ ...r, memberId: rename.get(r.memberId) ?? r.memberId })),
        };
        expect(evaluateRound(renamed, options)).toEqual(expected);
      }),
      RUNS,
    );
  });

  it('with a cap, the allocation is stable (checked by brute force over every pair)', () => {
    fc.assert(
      fc.property(roundArb({ cap: 'some', scoreSpread: 40 }), ({ input, options }) => {
        const { ranking, allocation } = evaluateRound(input, options);
        fc.pre(!allocation.pendingCommittee);
        const cap = options.cap!;
        const wins = new Map(allocation.wins.map((w) => [w.applicationId, w.regionIds]));
        for (const region of ranking.regions) {
          const ra = allocation.regions.find((r) => r.regionId === region.regionId)!;
          const position = (id: string) => region.entries.findIndex((e) => e.applicationId === id);
          for (const p of ra.placements) {
            // Only pairs the region may accept: ranked and not below the minimum.
            if (p.status === 'admitted' || !['waitlist', 'notAdmitted'].includes(p.status)) continue;
            const won = wins.get(p.applicationId)!;
            const applicantWants = won.length < cap || won.some((w) => pref(input, p.applicationId, w) > pref(input, p.applicationId, region.regionId));
            const regionWants = ra.admitted.length < ra.quota || ra.admitted.some((id) => position(id) > position(p.applicationId));
            expect({ pair: [p.applicationId, region.regionId], blocking: applicantWants && regionWants }).toMatchObject({ blocking: false });
          }
        }
      }),
      { numRuns: 500 },
    );
  });

  it('without a cap, raising an admitted applicant’s scores never un-admits it', () => {
    fc.assert(
      fc.property(fc.oneof(roundArb({ cap: 'none' }), roundArb({ cap: 'none', ties: true })), fc.integer(), fc.integer({ min: 1, max: 40 }), ({ input, options }, seed, bump) => {
        const before = evaluateRound(input, options);
        const admitted = before.allocation.regions.flatMap((r) => r.admitted.map((id) => [id, r.regionId] as const));
        fc.pre(admitted.length > 0);
        const random = rng(seed);
        const [target, regionId] = admitted[Math.floor(random() * admitted.length)]!;
        const raised = {
          ...input,
          scores: input.scores.map((s) => (s.applicationId === target && random() < 0.7 ? { ...s, value: Math.min(100, s.value + bump) } : s)),
        };
        const after = evaluateRound(raised, options);
        expect(after.allocation.regions.find((r) => r.regionId === regionId)!.admitted).toContain(target);
      }),
      RUNS,
    );
  });

  it('without a cap, everyone admitted ranks above everyone qualifying but not admitted', () => {
    fc.assert(
      fc.property(fc.oneof(roundArb({ cap: 'none' }), roundArb({ cap: 'none', ties: true })), ({ input, options }) => {
        const { ranking, allocation } = evaluateRound(input, options);
        for (const region of ranking.regions) {
          const statuses = allocation.regions.find((r) => r.regionId === region.regionId)!.placements.map((p) => p.status);
          const lastAdmitted = statuses.lastIndexOf('admitted');
          const firstOut = statuses.findIndex((s) => s === 'waitlist' || s === 'notAdmitted' || s === 'tiedAtCutoff');
          if (lastAdmitted >= 0 && firstOut >= 0) expect(lastAdmitted).toBeLessThan(firstOut);
        }
      }),
      RUNS,
    );
  });

  it('never splits a still-tied group silently: without a cap its members always share one status', () => {
    fc.assert(
      fc.property(roundArb({ cap: 'none', ties: true }), ({ input, options }) => {
        const { ranking, allocation } = evaluateRound(input, options);
        for (const region of ranking.regions) {
          const placements = allocation.regions.find((r) => r.regionId === region.regionId)!.placements;
          for (const g of region.stillTiedGroups) {
            const members = placements.filter((p) => g.applicationIds.includes(p.applicationId));
            expect(new Set(members.map((p) => `${p.status}#${p.waitlistPosition}`)).size).toBe(1);
            expect(new Set(region.entries.filter((e) => e.stillTiedGroup === g.groupId).map((e) => e.rank))).toEqual(new Set([g.rank]));
          }
        }
      }),
      RUNS,
    );
  });

  it('a complete committee order resolves every still-tied group', () => {
    fc.assert(
      fc.property(roundArb({ ties: true }), fc.integer(), ({ input, options }, seed) => {
        const { ranking } = evaluateRound(input, options);
        // The committee lists each region's applications in some order of its own.
        const committeeOrder = Object.fromEntries(ranking.regions.map((r) => [r.regionId, shuffle(r.entries.map((e) => e.applicationId), rng(seed))]));
        const ordered = evaluateRound(input, { ...options, committeeOrder });
        expect(ordered.allocation.pendingCommittee).toBe(false);
        for (const region of ordered.ranking.regions) {
          expect(region.stillTiedGroups).toEqual([]);
          const ranks = region.entries.filter((e) => e.standing === 'ranked').map((e) => e.rank);
          expect(ranks).toEqual(ranks.map((_, i) => i + 1));
          // Within each former group the committee's order holds.
          for (const g of ranking.regions.find((r) => r.regionId === region.regionId)!.stillTiedGroups) {
            const positions = g.applicationIds.map((id) => region.entries.findIndex((e) => e.applicationId === id));
            const byCommittee = [...g.applicationIds].sort((a, b) => committeeOrder[region.regionId]!.indexOf(a) - committeeOrder[region.regionId]!.indexOf(b));
            expect(byCommittee.map((id) => region.entries.findIndex((e) => e.applicationId === id))).toEqual([...positions].sort((a, b) => a - b));
          }
        }
      }),
      RUNS,
    );
  });

  it('never mutates its inputs', () => {
    fc.assert(
      fc.property(roundArb(), ({ input, options }) => {
        const frozen = deepFreeze(structuredClone({ input, options }));
        const result = evaluateRound(frozen.input, frozen.options);
        for (const r of result.ranking.regions) {
          analyseRegion(frozen.input, result.ranking, r.regionId);
          weightSensitivity(result.ranking, r.regionId);
        }
        expect(frozen).toEqual({ input, options });
      }),
      { numRuns: 60 },
    );
  });
});

describe('deferred acceptance (the bare algorithm)', () => {
  it('is stable, within capacities and caps, for random strict preferences and priorities', () => {
    const arb = fc.record({ proposers: fc.integer({ min: 1, max: 7 }), regions: fc.integer({ min: 1, max: 4 }), cap: fc.integer({ min: 1, max: 3 }), seed: fc.integer() });
    fc.assert(
      fc.property(arb, ({ proposers, regions, cap, seed }) => {
        const random = rng(seed);
        const regionIds = Array.from({ length: regions }, (_, i) => `r${i}`);
        const people = Array.from({ length: proposers }, (_, i) => ({ id: `p${i}`, preferences: shuffle(regionIds, random).slice(0, 1 + Math.floor(random() * regions)) }));
        const rs = regionIds.map((id) => ({
          id,
          capacity: Math.floor(random() * 3),
          // A region accepts a random subset of the people, in a random strict order.
          priority: new Map(shuffle(people, random).filter(() => random() < 0.8).map((p, i) => [p.id, i])),
        }));
        const held = deferredAcceptance(people, rs, cap);
        const winsOf = (pid: string) => regionIds.filter((r) => held.get(r)!.includes(pid));
        for (const r of rs) {
          const seated = held.get(r.id)!;
          expect(seated.length).toBeLessThanOrEqual(r.capacity);
          expect(seated.every((pid) => r.priority.has(pid) && people.find((p) => p.id === pid)!.preferences.includes(r.id))).toBe(true);
        }
        for (const p of people) {
          const wins = winsOf(p.id);
          expect(wins.length).toBeLessThanOrEqual(cap);
          for (const r of rs) {
            if (wins.includes(r.id) || !p.preferences.includes(r.id) || !r.priority.has(p.id)) continue;
            const wants = wins.length < cap || wins.some((w) => p.preferences.indexOf(w) > p.preferences.indexOf(r.id));
            const seated = held.get(r.id)!;
            const regionWants = seated.length < r.capacity || seated.some((q) => r.priority.get(q)! > r.priority.get(p.id)!);
            expect(wants && regionWants).toBe(false);
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});

// ------------------------------------------------------------------------------------------ exact totals

/** An exact fraction as a pair of BigInts, built independently of shared/ranking/exact.ts. */
type Frac = readonly [num: bigint, den: bigint];
const h = (x: number) => BigInt(Math.round(x * 100));
const roundHalfUp = ([n, d]: Frac, divisor = 1n) => (2n * n + d * divisor) / (2n * d * divisor);

/** The exact criterion score in hundredths, recomputed from the raw input; null when nobody scored it. */
function referenceCriterion(input: RoundInput, options: RankingOptions, applicationId: string, regionId: string, key: string): Frac | null {
  const app = input.applications.find((a) => a.applicationId === applicationId)!;
  if (options.priceMode === 'lowestPrice' && key === options.priceCriterion) {
    const valid = (q: number | null): q is number => q !== null && q > 0;
    const quotes = input.applications.filter((a) => a.eligible && a.regions.some((r) => r.regionId === regionId)).map((a) => a.priceQuote).filter(valid);
    if (!valid(app.priceQuote) || quotes.length === 0) return [0n, 1n];
    return [h(Math.min(...quotes)) * h(options.scale.max), h(app.priceQuote)];
  }
  const recused = new Set(input.recusals.filter((r) => r.applicationId === applicationId).map((r) => r.memberId));
  const values = input.scores.filter((s) => s.applicationId === applicationId && s.criterion === key && !recused.has(s.memberId)).map((s) => h(s.value));
  values.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  if (values.length === 0) return null;
  if (options.aggregation === 'median') {
    const mid = Math.floor(values.length / 2);
    return values.length % 2 === 1 ? [values[mid]!, 1n] : [values[mid - 1]! + values[mid]!, 2n];
  }
  const kept = options.aggregation === 'trimmedMean' && values.length >= options.trimMinScores ? values.slice(1, -1) : values;
  return [kept.reduce((a, b) => a + b, 0n), BigInt(kept.length)];
}

describe('exact totals (issue 7: 加权总分由精确值计算，只在最后四舍五入到两位小数)', () => {
  it('every total is the exact weighted sum of the exact aggregates, rounded half up once', () => {
    fc.assert(
      fc.property(fc.oneof(roundArb(), roundArb({ scoreSpread: 40 }), roundArb({ scoreSpread: 7 })), ({ input, options: raw }) => {
        const options = resolveRankingOptions(raw);
        const { ranking } = evaluateRound(input, options);
        for (const region of ranking.regions) {
          for (const e of region.entries.filter((x) => x.standing === 'ranked')) {
            let sum: Frac = [0n, 1n];
            options.criteria.forEach(({ key, weight }, i) => {
              const [n, d] = referenceCriterion(input, options, e.applicationId, region.regionId, key)!;
              // The displayed criterion score is the same exact value rounded once.
              expect(h(e.criteria[i]!.value!)).toBe(roundHalfUp([n, d]));
              sum = [sum[0] * d + h(weight) * n * sum[1], sum[1] * d];
            });
            expect(h(e.total!)).toBe(roundHalfUp(sum, 10_000n));
          }
        }
      }),
      RUNS,
    );
  });
});
