// Builders and generators for the ranking tests: compact round descriptions, a seeded shuffle and the
// fast-check arbitrary of a whole round.
import fc from 'fast-check';
import type { ApplicationInput, Placement, RankingOptionsInput, RegionEntry, RegionInput, RoundAllocation, RoundInput, RoundRanking, ScoreInput } from '../../../shared/ranking';

export const CRITERIA = ['strength', 'technical', 'reputation', 'price'] as const;

/** A member's sheet for one application: one number for every criterion, or per criterion. */
export type Sheet = number | Partial<Record<string, number>>;

export interface AppSpec {
  quote?: number | null;
  eligible?: boolean;
  /** Region ids in preference order (default: ['R']). */
  regions?: string[];
  applicant?: string;
  /** memberId → sheet */
  scores?: Record<string, Sheet>;
}

/** A round from a compact description. Criteria default to the four defaults. */
export function round(spec: {
  apps: Record<string, AppSpec>;
  regions?: Record<string, { quota: number; waitlist?: number }>;
  recusals?: [applicationId: string, memberId: string][];
  criteria?: readonly string[];
}): RoundInput {
  const criteria = spec.criteria ?? CRITERIA;
  const regions: RegionInput[] = Object.entries(spec.regions ?? { R: { quota: 1 } }).map(([regionId, r]) => ({ regionId, quota: r.quota, waitlistLength: r.waitlist ?? 0 }));
  const applications: ApplicationInput[] = Object.entries(spec.apps).map(([applicationId, a]) => ({
    applicationId,
    applicantId: a.applicant ?? `dossier-${applicationId}`,
    priceQuote: a.quote === undefined ? 10_000 : a.quote,
    eligible: a.eligible ?? true,
    regions: (a.regions ?? ['R']).map((regionId, i) => ({ regionId, preference: i + 1 })),
  }));
  const scores: ScoreInput[] = [];
  for (const [applicationId, a] of Object.entries(spec.apps)) {
    for (const [memberId, sheet] of Object.entries(a.scores ?? {})) {
      for (const criterion of criteria) {
        const value = typeof sheet === 'number' ? sheet : sheet[criterion];
        if (value !== undefined) scores.push({ applicationId, memberId, criterion, value });
      }
    }
  }
  return { applications, regions, scores, recusals: (spec.recusals ?? []).map(([applicationId, memberId]) => ({ applicationId, memberId })) };
}

/** Deterministic PRNG (mulberry32), so a shuffle is reproducible from fast-check's seed. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** The same round with every array (and every application's region list) in another order. */
export function shuffledRound(input: RoundInput, seed: number): RoundInput {
  const random = rng(seed);
  return {
    applications: shuffle(input.applications, random).map((a) => ({ ...a, regions: shuffle(a.regions, random) })),
    regions: shuffle(input.regions, random),
    scores: shuffle(input.scores, random),
    recusals: shuffle(input.recusals, random),
  };
}

/** A deep-frozen copy, to prove the functions never mutate their inputs. */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

// ------------------------------------------------------------------------------------------- generators

export interface GenOptions {
  /** Score values are drawn from this many distinct values: few → many ties, many → few ties. */
  scoreSpread?: number;
  cap?: 'none' | 'some' | 'any';
  /** Each member gives one score to every criterion, from 3 values, and quotes come from 2: many still-tied groups. */
  ties?: boolean;
}

/** A random round with options: 1–3 regions, 1–8 applications, 1–6 members. */
export function roundArb(gen: GenOptions = {}): fc.Arbitrary<{ input: RoundInput; options: RankingOptionsInput }> {
  const spread = gen.scoreSpread ?? 8;
  const capArb = gen.cap === 'none' ? fc.constant(null) : gen.cap === 'some' ? fc.integer({ min: 1, max: 2 }) : fc.option(fc.integer({ min: 1, max: 2 }), { nil: null });
  return fc
    .record({
      regionCount: fc.integer({ min: 1, max: 3 }),
      appCount: fc.integer({ min: 1, max: 8 }),
      memberCount: fc.integer({ min: 1, max: 6 }),
      seed: fc.integer(),
      aggregation: fc.constantFrom('mean', 'trimmedMean', 'median' as const),
      priceMode: fc.constantFrom('scored', 'lowestPrice' as const),
      minimumTotal: fc.option(fc.constantFrom(55, 62.5, 70), { nil: null }),
      tieBreak: fc.constantFrom<('lowerPrice' | 'higherTechnical')[]>(['lowerPrice', 'higherTechnical'], ['higherTechnical', 'lowerPrice'], ['lowerPrice'], []),
      cap: capArb,
    })
    .map(({ regionCount, appCount, memberCount, seed, ...options }) => {
      const random = rng(seed);
      const pick = (n: number) => Math.floor(random() * n);
      const regions: RegionInput[] = Array.from({ length: regionCount }, (_, i) => ({ regionId: `r${i}`, quota: pick(4), waitlistLength: pick(3) }));
      const members = Array.from({ length: memberCount }, (_, i) => `m${i}`);
      const applications: ApplicationInput[] = Array.from({ length: appCount }, (_, i) => {
        const chosen = shuffle(regions, random).slice(0, 1 + pick(regionCount));
        return {
          applicationId: `a${i}`,
          applicantId: `d${i}`,
          priceQuote: random() < 0.1 ? null : gen.ties ? [38_000, 40_000][pick(2)]! : [30_000, 38_000, 40_000, 50_000][pick(4)]!,
          eligible: random() < 0.9,
          regions: chosen.map((r, k) => ({ regionId: r.regionId, preference: k + 1 })),
        };
      });
      const scores: ScoreInput[] = [];
      const recusals = [];
      for (const a of applications) {
        for (const memberId of members) {
          if (random() < 0.1) recusals.push({ applicationId: a.applicationId, memberId });
          const uniform = [70, 80, 90][pick(3)]!;
          for (const criterion of CRITERIA) {
            // A few gaps (with several members) and a few scores from recused members, which must be ignored.
            if (random() < 0.05) continue;
            scores.push({ applicationId: a.applicationId, memberId, criterion, value: gen.ties ? uniform : 60 + Math.round((40 / spread) * pick(spread + 1)) });
          }
        }
      }
      return { input: { applications, regions, scores, recusals }, options };
    });
}

// ------------------------------------------------------------------------------------------------ lookups


export function entryOf(ranking: RoundRanking, applicationId: string, regionId = 'R'): RegionEntry {
  const e = ranking.regions.find((r) => r.regionId === regionId)?.entries.find((x) => x.applicationId === applicationId);
  if (!e) throw new Error(`no entry ${applicationId} in ${regionId}`);
  return e;
}

export function placementOf(allocation: RoundAllocation, applicationId: string, regionId = 'R'): Placement {
  const p = allocation.regions.find((r) => r.regionId === regionId)?.placements.find((x) => x.applicationId === applicationId);
  if (!p) throw new Error(`no placement ${applicationId} in ${regionId}`);
  return p;
}

/** applicationId → status in one region, for compact assertions. */
export function statuses(allocation: RoundAllocation, regionId = 'R'): Record<string, string> {
  const r = allocation.regions.find((x) => x.regionId === regionId)!;
  return Object.fromEntries(r.placements.map((p) => [p.applicationId, p.waitlistPosition === null ? p.status : `${p.status}#${p.waitlistPosition}`]));
}

/** The criterion score of an application. */
export function criterionOf(ranking: RoundRanking, applicationId: string, criterion: string, regionId = 'R'): number | null {
  return entryOf(ranking, applicationId, regionId).criteria.find((c) => c.criterion === criterion)!.value;
}
