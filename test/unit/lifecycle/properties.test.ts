// Invariants of the lifecycle core as properties (fast-check): periods tile the calendar, assessment is
// monotonic in every figure that can only help, a missing figure never yields a pass, growth is exact at
// its boundary, and nothing is mutated.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../../shared/common/dates';
import {
  SEED_001_RULE_SET,
  SEED_002_RULE_SET,
  assess,
  assessedMonth,
  assessedMonthContaining,
  containsDay,
  growthAtLeast,
  growthPercent,
  lastDay,
  periodContaining,
  periodicCalendar,
  proposeAction,
  regularPeriods,
  replayAssessments,
  type MonthlyWarningFigures,
  type MonthlyWarningRuleSet,
  type Period,
  type PeriodicFigures,
  type PeriodicRuleSet,
} from '../../../shared/lifecycle';
import { deepFreeze } from './support';

const RUNS = { numRuns: 300 };

const dayArb = fc.date({ min: new Date('1990-01-01T00:00:00Z'), max: new Date('2090-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
const cents = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);
const maybe = <T>(arb: fc.Arbitrary<T>, nulls: boolean) => (nulls ? fc.option(arb, { nil: null, freq: 6 }) : arb);

const periodicRulesArb: fc.Arbitrary<PeriodicRuleSet> = fc.record({
  kind: fc.constant('periodic' as const),
  trialMonths: fc.integer({ min: 1, max: 6 }),
  periodMonths: fc.integer({ min: 1, max: 6 }),
  minNewlyBound: fc.integer({ min: 0, max: 20 }),
  minGmvYuan: cents(60_000),
  minFirstMonthOrders: fc.integer({ min: 0, max: 12_000 }),
  minMonthlyGrowthPercent: cents(20),
  minStaffPassedExam: fc.integer({ min: 0, max: 4 }),
  earlyConfirmation: fc.boolean(),
  staffExamEveryPeriod: fc.boolean(),
  bans: fc.record({ failedTrial: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }), failedAssessment: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }), voluntaryExit: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }) }),
  ruleBasis: fc.constant(''),
  partnerToNotify: fc.constant(''),
});

const monthlyRulesArb: fc.Arbitrary<MonthlyWarningRuleSet> = fc.record({
  kind: fc.constant('monthlyWarning' as const),
  firstAssessedMonthOffset: fc.integer({ min: 0, max: 3 }),
  minMerchantLevel: fc.integer({ min: 0, max: 6 }),
  minPickupRatePercent: cents(100),
  minResponseRatePercent: cents(100),
  secondFailure: fc.constantFrom('whileInRectification' as const, 'any' as const),
  bans: fc.record({ failedTrial: fc.constant(null), failedAssessment: fc.option(fc.integer({ min: 0, max: 400 }), { nil: null }), voluntaryExit: fc.constant(null) }),
  ruleBasis: fc.constant(''),
  partnerToNotify: fc.constant(''),
});

const periodicMonth = (month: string, nulls: boolean): fc.Arbitrary<PeriodicFigures> =>
  fc.record({
    month: fc.constant(month),
    newlyBound: maybe(fc.integer({ min: 0, max: 12 }), nulls),
    newlyBoundGmvYuan: maybe(cents(40_000), nulls),
    orders: maybe(fc.integer({ min: 0, max: 20_000 }), nulls),
    staffPassedExam: maybe(fc.integer({ min: 0, max: 4 }), nulls),
  });

const monthlyMonth = (month: string, nulls: boolean): fc.Arbitrary<MonthlyWarningFigures> =>
  fc.record({ month: fc.constant(month), merchantLevel: maybe(fc.integer({ min: 0, max: 6 }), nulls), pickupRatePercent: maybe(cents(100), nulls), responseRatePercent: maybe(cents(100), nulls) });

/** A seed 001 case: rules, the trial or a regular period of a random calendar, figures for its months, an as-of month. */
const periodicCase = (nulls: boolean) =>
  fc.tuple(periodicRulesArb, dayArb, fc.integer({ min: 0, max: 3 })).chain(([rules, admittedOn, n]) => {
    const cal = periodicCalendar(admittedOn, rules);
    const period = n === 0 ? cal.trial : regularPeriods(cal, n)[n - 1]!;
    return fc.record({
      rules: fc.constant(rules),
      period: fc.constant(period),
      figures: fc.tuple(...period.months.map((m) => periodicMonth(m, nulls))),
      asOf: fc.constantFrom(...period.months),
    });
  });

const monthlyCase = (nulls: boolean) =>
  fc.tuple(monthlyRulesArb, dayArb, fc.integer({ min: 1, max: 30 })).chain(([rules, certifiedOn, n]) => {
    const period = assessedMonth(certifiedOn, n, rules);
    return fc.record({ rules: fc.constant(rules), period: fc.constant(period), figures: fc.tuple(monthlyMonth(period.months[0]!, nulls)) });
  });

function expectTiling(periods: readonly Period[]) {
  periods.forEach((p, i) => {
    expect(p.start.endsWith('-01')).toBe(true);
    expect(p.end).toBe(lastDay(p.months[p.months.length - 1]!));
    if (i > 0) expect(p.start).toBe(addDays(periods[i - 1]!.end, 1)); // no gap, no overlap
  });
}

describe('periods tile the calendar', () => {
  it('seed 001: trial (full or cut short by 提前转正) then regular periods, each day in exactly one', () => {
    fc.assert(
      fc.property(periodicRulesArb, dayArb, fc.nat(), fc.boolean(), fc.integer({ min: 0, max: 2000 }), (rules, admittedOn, cut, early, dayOffset) => {
        const full = periodicCalendar(admittedOn, rules);
        const confirmedThrough = early ? full.trial.months[cut % full.trial.months.length]! : null;
        const cal = periodicCalendar(admittedOn, rules, confirmedThrough);
        const periods = [cal.trial, ...regularPeriods(cal, 12)];
        expectTiling(periods);
        expect(cal.trial.start >= admittedOn && addDays(admittedOn, -1) < cal.trial.start).toBe(true);
        const day = addDays(cal.trial.start, dayOffset);
        const found = periodContaining(cal, day)!;
        expect(containsDay(found, day)).toBe(true);
        const holders = periods.filter((p) => containsDay(p, day));
        if (holders.length > 0) expect(holders).toEqual([found]);
        expect(periodContaining(cal, addDays(cal.trial.start, -1))).toBeNull();
      }),
      RUNS,
    );
  });

  it('seed 002: assessed months follow each other from the month after certification', () => {
    fc.assert(
      fc.property(monthlyRulesArb, dayArb, fc.integer({ min: 0, max: 900 }), (rules, certifiedOn, dayOffset) => {
        const months = Array.from({ length: 15 }, (_, i) => assessedMonth(certifiedOn, i + 1, rules));
        expectTiling(months);
        expect(months[0]!.start > certifiedOn || rules.firstAssessedMonthOffset === 0).toBe(true);
        const day = addDays(certifiedOn, dayOffset);
        const found = assessedMonthContaining(certifiedOn, day, rules);
        if (day < months[0]!.start) expect(found).toBeNull();
        else expect(containsDay(found!, day)).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('assessment is monotonic', () => {
  const bump = fc.record({ field: fc.constantFrom('newlyBound', 'newlyBoundGmvYuan', 'staffPassedExam', 'lastOrders'), month: fc.nat(), by: fc.integer({ min: 1, max: 5_000 }) });

  it('seed 001: raising a merchant count, a GMV, a staff count or the last order figure never turns a pass into a fail', () => {
    fc.assert(
      fc.property(periodicCase(true), bump, ({ rules, period, figures, asOf }, { field, month, by }) => {
        const before = assess(rules, { period, figures, asOf });
        const window = period.months.indexOf(asOf);
        const i = field === 'lastOrders' ? window : month % (window + 1);
        const key = field === 'lastOrders' ? 'orders' : field;
        const raised = figures.map((f, j) => (j === i && f[key] !== null ? { ...f, [key]: f[key] + by } : f));
        const after = assess(rules, { period, figures: raised, asOf });
        if (before.outcome === 'pass') expect(after.outcome).toBe('pass');
        if (after.outcome === 'fail') expect(before.outcome).toBe('fail');
      }),
      RUNS,
    );
  });

  it('seed 001: lowering a threshold never turns a pass into a fail', () => {
    const key = fc.constantFrom('minNewlyBound', 'minGmvYuan', 'minFirstMonthOrders', 'minMonthlyGrowthPercent', 'minStaffPassedExam' as const);
    fc.assert(
      fc.property(periodicCase(true), key, ({ rules, period, figures, asOf }, k) => {
        const lower = { ...rules, [k]: Math.max(0, Math.floor(rules[k] / 2)) };
        if (assess(rules, { period, figures, asOf }).outcome === 'pass') expect(assess(lower, { period, figures, asOf }).outcome).toBe('pass');
      }),
      RUNS,
    );
  });

  it('seed 002: raising the level or a rate never turns a pass into a fail', () => {
    fc.assert(
      fc.property(monthlyCase(true), fc.constantFrom('merchantLevel', 'pickupRatePercent', 'responseRatePercent' as const), fc.integer({ min: 1, max: 3000 }), ({ rules, period, figures }, key, by) => {
        const f = figures[0];
        if (f[key] === null) return;
        const raised = { ...f, [key]: key === 'merchantLevel' ? Math.min(10, f[key] + 1) : Math.min(10_000, Math.round(f[key] * 100) + by) / 100 };
        if (raised[key]! > 100) return;
        if (assess(rules, { period, figures }).outcome === 'pass') expect(assess(rules, { period, figures: [raised] }).outcome).toBe('pass');
      }),
      RUNS,
    );
  });

  it('but orders of a month that a later month is compared with are not monotonic (pinned so nobody claims it)', () => {
    const cal = periodicCalendar('2026-04-01');
    const f = (b: number) => ['2026-04', '2026-05', '2026-06'].map((month, i) => ({ month, newlyBound: i === 0 ? 10 : 0, newlyBoundGmvYuan: 0, orders: [10_000, b, 12_100][i]!, staffPassedExam: 2 }));
    expect(assess(SEED_001_RULE_SET, { period: cal.trial, figures: f(11_000) }).outcome).toBe('pass');
    expect(assess(SEED_001_RULE_SET, { period: cal.trial, figures: f(11_001) }).outcome).toBe('fail');
  });
});

describe('missing figures never pass', () => {
  /** The same figures with every null filled from `fill` (a completion of the missing data). */
  const complete = <T extends object>(figures: readonly T[], fill: readonly T[]): T[] => figures.map((f, i) => Object.fromEntries(Object.entries(f).map(([k, v]) => [k, v ?? (fill[i] as Record<string, unknown>)[k]])) as T);

  it('seed 001: a pass holds for every completion; a fail has no missing figure; incomplete has one', () => {
    fc.assert(
      fc.property(periodicCase(true).chain((c) => fc.record({ c: fc.constant(c), fill: fc.tuple(...c.period.months.map((m) => periodicMonth(m, false))) })), ({ c, fill }) => {
        const r = assess(c.rules, { period: c.period, figures: c.figures, asOf: c.asOf });
        const filled = assess(c.rules, { period: c.period, figures: complete(c.figures, fill), asOf: c.asOf });
        expect(filled.outcome).not.toBe('incomplete');
        if (r.outcome === 'pass') expect(filled.outcome).toBe('pass');
        if (r.outcome === 'fail') expect(r.missing).toEqual([]);
        if (r.outcome === 'incomplete') expect(r.missing.length).toBeGreaterThan(0);
        if (r.missing.length === 0) expect(filled.outcome).toBe(r.outcome);
      }),
      RUNS,
    );
  });

  it('seed 002: the same, and an incomplete month proposes needsData', () => {
    fc.assert(
      fc.property(monthlyCase(true), monthlyMonth('x', false), fc.constantFrom('formal' as const, 'rectification' as const), ({ rules, period, figures }, fill, status) => {
        const r = assess(rules, { period, figures });
        const filled = assess(rules, { period, figures: complete(figures, [{ ...fill, month: period.months[0]! }]) });
        if (r.outcome === 'pass') expect(filled.outcome).toBe('pass');
        expect(r.outcome === 'incomplete').toBe(r.missing.length > 0);
        const p = proposeAction({ ruleSet: rules, status, result: r, effectiveDate: period.end });
        expect(p.action === 'needsData').toBe(r.outcome === 'incomplete');
      }),
      RUNS,
    );
  });
});

describe('growth is exact at its boundary', () => {
  it('the smallest order count reaching the threshold passes, one less fails; the shown figure is within half a hundredth', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e12 }), fc.integer({ min: 0, max: 100_000 }), (previous, rH) => {
        const minPercent = rH / 100;
        // smallest c with (c − p) / p ≥ rH / 10000: c = p + ceil(p · rH / 10000)
        const need = (BigInt(previous) * BigInt(rH) + 9_999n) / 10_000n;
        const c = previous + Number(need);
        expect(growthAtLeast(previous, c, minPercent)).toBe(true);
        expect(growthAtLeast(previous, c - 1, minPercent)).toBe(false);
        const shown = growthPercent(previous, c)!;
        expect(Math.abs(shown - (Number(need) / previous) * 100)).toBeLessThanOrEqual(0.005 + 1e-9);
      }),
      RUNS,
    );
  });
});

describe('evaluating never mutates its inputs', () => {
  it('assess, proposeAction and replayAssessments on deeply frozen inputs leave them equal to a copy', () => {
    fc.assert(
      fc.property(periodicCase(true), monthlyCase(true), (p, m) => {
        const pIn = deepFreeze({ rules: p.rules, input: { period: p.period, figures: p.figures, asOf: p.asOf, boundBefore: 3 } });
        const mIn = deepFreeze({ rules: m.rules, input: { period: m.period, figures: m.figures } });
        const copies = structuredClone([pIn, mIn]);
        const pr = deepFreeze(assess(pIn.rules, pIn.input));
        const mr = deepFreeze(assess(mIn.rules, mIn.input));
        proposeAction({ ruleSet: pIn.rules, status: p.period.kind === 'trial' ? 'trial' : 'formal', result: pr, effectiveDate: p.period.end });
        replayAssessments(mIn.rules, 'formal', deepFreeze([{ result: mr, effectiveDate: m.period.end }, { result: mr, effectiveDate: m.period.end }]));
        expect([pIn, mIn]).toEqual(copies);
      }),
      { numRuns: 100 },
    );
  });

  it('the built-in rule sets stay as published after use', () => {
    expect(SEED_002_RULE_SET.minPickupRatePercent).toBe(90);
    expect(SEED_001_RULE_SET.minMonthlyGrowthPercent).toBe(10);
  });
});
