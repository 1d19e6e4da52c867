// Seed 001 assessment (抖音古董艺术品产业带服务商 §3.2–§3.4): golden numbers from the seed, each rule at its
// threshold, missing figures, the cumulative count and the edited thresholds.
import { describe, expect, it } from 'vitest';
import { SEED_001_RULE_SET, assess, growthAtLeast, growthPercent, periodicCalendar, periodicRuleSetSchema, regularPeriod, sumNewlyBound, type KpiResult, type PeriodicFigures } from '../../../shared/lifecycle';
import { pm } from './support';

const rules = SEED_001_RULE_SET;
const cal = periodicCalendar('2026-04-01'); // the seed's example: trial April–June
const trial = cal.trial;
const kpi = <K extends KpiResult['kpi']>(kpis: readonly KpiResult[], k: K) => kpis.filter((x): x is Extract<KpiResult, { kpi: K }> => x.kpi === k);

/** The order route alone: 10 newly bound, GMV far below 5万 so 指标1 fails. */
const ordersOnly = (a: number, b: number, c: number): PeriodicFigures[] => [
  pm('2026-04', { newlyBound: 4, newlyBoundGmvYuan: 100, orders: a }),
  pm('2026-05', { newlyBound: 3, newlyBoundGmvYuan: 100, orders: b }),
  pm('2026-06', { newlyBound: 3, newlyBoundGmvYuan: 100, orders: c }),
];

describe('指标2: first-month orders and month-over-month growth ((当月 − 上月) / 上月)', () => {
  it('seed example 10,000 → 11,000 → 12,100 passes; the growth is exactly 10% each month', () => {
    const r = assess(rules, { period: trial, figures: ordersOnly(10_000, 11_000, 12_100) });
    expect(r.outcome).toBe('pass');
    expect(r.routes).toEqual([
      { route: 'gmv', outcome: 'fail' },
      { route: 'orderGrowth', outcome: 'pass' },
    ]);
    expect(kpi(r.kpis, 'orderGrowth').map((g) => [g.month, g.growthPercent, g.outcome])).toEqual([
      ['2026-05', 10, 'pass'],
      ['2026-06', 10, 'pass'],
    ]);
  });

  it('10,000 → 11,000 → 12,099 fails; June shows 9.99%', () => {
    const r = assess(rules, { period: trial, figures: ordersOnly(10_000, 11_000, 12_099) });
    expect(r.outcome).toBe('fail');
    expect(kpi(r.kpis, 'orderGrowth')[1]).toMatchObject({ month: '2026-06', previousMonth: '2026-05', orders: 12_099, previousOrders: 11_000, growthPercent: 9.99, minPercent: 10, outcome: 'fail' });
  });

  it('compares exactly, not through the rounded or float figure', () => {
    // 100,000 → 109,999: 9.999% shows as 10.00 (rounded) but fails; a float quotient would say 0.09999 too.
    expect(growthPercent(100_000, 109_999)).toBe(10);
    const r = assess(rules, { period: trial, figures: ordersOnly(100_000, 109_999, 130_000) });
    expect(kpi(r.kpis, 'orderGrowth')[0]).toMatchObject({ growthPercent: 10, outcome: 'fail' });
    expect(growthPercent(11_000, 12_100)).toBe(10);
    // Exactly at the threshold passes where a float quotient would not: 1,000 → 1,011 is exactly 1.1%.
    expect((1_011 - 1_000) / 1_000 >= 1.1 / 100).toBe(false); // the float trap
    expect(growthAtLeast(1_000, 1_011, 1.1)).toBe(true);
    expect(growthAtLeast(1_000, 1_010, 1.1)).toBe(false);
    expect(23 / 20 - 1 >= 0.15).toBe(false); // the other way of writing it fails at 15%
    expect(growthAtLeast(20, 23, 15)).toBe(true);
    expect(growthPercent(3, 2)).toBe(-33.33);
    expect(growthPercent(3, 1)).toBe(-66.67); // half away from zero
  });

  it('first-month orders must reach 10,000 (9,999 fails even with 10% growth)', () => {
    const r = assess(rules, { period: trial, figures: ordersOnly(9_999, 10_999, 12_099) });
    expect(kpi(r.kpis, 'firstMonthOrders')[0]).toMatchObject({ month: '2026-04', actual: 9_999, min: 10_000, outcome: 'fail' });
    expect(r.outcome).toBe('fail');
  });

  it('growth is checked inside the period: the first month is not compared with the month before it', () => {
    const figures = [pm('2026-03', { orders: 50_000 }), ...ordersOnly(10_000, 11_000, 12_100)];
    expect(assess(rules, { period: trial, figures }).outcome).toBe('pass');
  });
});

describe('指标1: newly bound merchants and their GMV over the period', () => {
  const gmvRoute = (counts: [number, number, number], gmv: [number, number, number]) =>
    counts.map((n, i) => pm(`2026-0${4 + i}`, { newlyBound: n, newlyBoundGmvYuan: gmv[i]!, orders: 100 })); // orders route fails

  it('10 merchants and GMV exactly 50,000.00 (summed in 分) pass; 49,999.99 fails', () => {
    const pass = assess(rules, { period: trial, figures: gmvRoute([4, 3, 3], [10_000.1, 19_999.95, 19_999.95]) });
    expect(pass.outcome).toBe('pass');
    expect(kpi(pass.kpis, 'gmv')[0]).toMatchObject({ actualYuan: 50_000, minYuan: 50_000, outcome: 'pass' });
    const fail = assess(rules, { period: trial, figures: gmvRoute([4, 3, 3], [10_000.1, 19_999.95, 19_999.94]) });
    expect(fail.outcome).toBe('fail');
    expect(kpi(fail.kpis, 'gmv')[0]?.actualYuan).toBe(49_999.99);
  });

  it('9 merchants fail both routes, whatever the GMV and orders', () => {
    const figures = [pm('2026-04', { newlyBound: 3, newlyBoundGmvYuan: 90_000, orders: 10_000 }), pm('2026-05', { newlyBound: 3, orders: 11_000 }), pm('2026-06', { newlyBound: 3, orders: 12_100 })];
    const r = assess(rules, { period: trial, figures });
    expect(kpi(r.kpis, 'newlyBound')[0]).toMatchObject({ actual: 9, min: 10, outcome: 'fail' });
    expect(r.routes!.map((x) => x.outcome)).toEqual(['fail', 'fail']);
  });

  // Was: boundBefore passed in by the caller — and no caller ever passed it, so the run page never showed the
  // cumulative figure. It is now computed from the figures since the trial's first month (`since`).
  it('"新增" is per period and net: 10 in the trial, 10 more in period 1 — the seed\'s "商家总计20家", computed', () => {
    const p1 = regularPeriod(cal, 1); // 2026-07..09
    const trialFigures = gmvRoute([4, 3, 3], [50_000, 0, 0]);
    expect(sumNewlyBound(trialFigures, trial.months)).toBe(10);
    const ten = [pm('2026-07', { newlyBound: 10, newlyBoundGmvYuan: 50_000 }), pm('2026-08', { newlyBound: 0 }), pm('2026-09', { newlyBound: 0 })];
    const r = assess(rules, { period: p1, figures: [...trialFigures, ...ten], since: '2026-04' });
    expect(kpi(r.kpis, 'newlyBound')[0]).toMatchObject({ actual: 10, boundBefore: 10, cumulative: 20, outcome: 'pass' });
    // The trial itself starts from nothing: its cumulative is its own count, without `since`.
    expect(kpi(assess(rules, { period: trial, figures: trialFigures }).kpis, 'newlyBound')[0]).toMatchObject({ actual: 10, boundBefore: 0, cumulative: 10 });
  });

  it("decision: the trial's surplus does not carry over — 15 then 5 (20 in all) fails period 1", () => {
    const p1 = regularPeriod(cal, 1);
    const trialFigures = gmvRoute([15, 0, 0], [50_000, 0, 0]);
    const five = [pm('2026-07', { newlyBound: 5, newlyBoundGmvYuan: 50_000 }), pm('2026-08', { newlyBound: 0 }), pm('2026-09', { newlyBound: 0 })];
    const short = assess(rules, { period: p1, figures: [...trialFigures, ...five], since: '2026-04' });
    expect(kpi(short.kpis, 'newlyBound')[0]).toMatchObject({ actual: 5, boundBefore: 15, cumulative: 20, outcome: 'fail' });
    expect(short.outcome).toBe('fail');
  });

  it('net: merchants lost in the period are made up inside it (12 bound, 3 lost → 9 < 10 fails)', () => {
    const p1 = regularPeriod(cal, 1);
    const trialFigures = gmvRoute([4, 3, 3], [50_000, 0, 0]);
    const lost = [pm('2026-07', { newlyBound: 12, newlyBoundGmvYuan: 50_000 }), pm('2026-08', { newlyBound: -3 }), pm('2026-09', { newlyBound: 0 })];
    const r = assess(rules, { period: p1, figures: [...trialFigures, ...lost], since: '2026-04' });
    expect(kpi(r.kpis, 'newlyBound')[0]).toMatchObject({ actual: 9, boundBefore: 10, cumulative: 19, outcome: 'fail' });
    expect(r.outcome).toBe('fail');
  });

  it('an earlier month missing leaves the cumulative unknown, never guessed; the verdict does not depend on it', () => {
    const p1 = regularPeriod(cal, 1);
    const trialFigures = gmvRoute([4, 3, 3], [50_000, 0, 0]).filter((f) => f.month !== '2026-05');
    const ten = [pm('2026-07', { newlyBound: 10, newlyBoundGmvYuan: 50_000 }), pm('2026-08', { newlyBound: 0 }), pm('2026-09', { newlyBound: 0 })];
    const r = assess(rules, { period: p1, figures: [...trialFigures, ...ten], since: '2026-04' });
    expect(kpi(r.kpis, 'newlyBound')[0]).toMatchObject({ actual: 10, boundBefore: null, cumulative: null, outcome: 'pass' });
    expect(r.outcome).toBe('pass');
    // Without the cooperation's first month a regular period cannot know what came before.
    expect(kpi(assess(rules, { period: p1, figures: ten }).kpis, 'newlyBound')[0]).toMatchObject({ boundBefore: null, cumulative: null });
    expect(() => assess(rules, { period: p1, figures: ten, since: '2026-08' })).toThrow(RangeError);
  });
});

describe('staff who passed the rules exam (至少2人)', () => {
  it('reads the count of the last month assessed; 1 fails even when both routes pass', () => {
    const figures = ordersOnly(10_000, 11_000, 12_100).map((f, i) => ({ ...f, staffPassedExam: [3, 3, 1][i]! }));
    const r = assess(rules, { period: trial, figures });
    expect(kpi(r.kpis, 'staffPassedExam')[0]).toMatchObject({ actual: 1, min: 2, month: '2026-06', outcome: 'fail' });
    expect(r.outcome).toBe('fail');
    expect(kpi(assess(rules, { period: trial, figures, asOf: '2026-05' }).kpis, 'staffPassedExam')[0]).toMatchObject({ actual: 3, month: '2026-05', outcome: 'pass' });
  });

  it('is a trial requirement (§3.2 only): a regular period passes with 0 or no exam figure, unless the program asks every period', () => {
    const p1 = regularPeriod(cal, 1);
    const figures = [pm('2026-07', { newlyBound: 10, newlyBoundGmvYuan: 50_000, staffPassedExam: 0 }), pm('2026-08', { newlyBound: 0 }), pm('2026-09', { newlyBound: 0, staffPassedExam: null })];
    const r = assess(rules, { period: p1, figures });
    expect(r.outcome).toBe('pass');
    expect(kpi(r.kpis, 'staffPassedExam')).toEqual([]);
    const every = { ...rules, staffExamEveryPeriod: true };
    expect(assess(every, { period: p1, figures }).outcome).toBe('incomplete');
    const zero = figures.map((f) => ({ ...f, staffPassedExam: 0 }));
    expect(assess(every, { period: p1, figures: zero }).outcome).toBe('fail');
    expect(assess(rules, { period: p1, figures: zero }).outcome).toBe('pass');
  });

  it("an earlier month's count is not carried into a missing last month", () => {
    const figures = ordersOnly(10_000, 11_000, 12_100).map((f, i) => ({ ...f, staffPassedExam: i === 2 ? null : 2 }));
    const r = assess(rules, { period: trial, figures });
    expect(kpi(r.kpis, 'staffPassedExam')[0]).toMatchObject({ actual: null, month: '2026-06', outcome: 'missing' });
    expect(r.outcome).toBe('incomplete');
  });
});

describe('missing figures are flagged, never passed', () => {
  it('a missing growth month makes the order route missing and the outcome incomplete', () => {
    const figures = ordersOnly(10_000, 11_000, 12_100).map((f) => (f.month === '2026-06' ? { ...f, orders: null } : f));
    const r = assess(rules, { period: trial, figures });
    expect(r.outcome).toBe('incomplete');
    expect(r.missing).toEqual(['orderGrowth']);
    expect(kpi(r.kpis, 'orderGrowth')[1]).toMatchObject({ outcome: 'missing', orders: null, growthPercent: null });
  });

  it('a month without any record is missing', () => {
    const r = assess(rules, { period: trial, figures: ordersOnly(10_000, 11_000, 12_100).slice(0, 2) });
    expect(r.outcome).toBe('incomplete');
    expect(kpi(r.kpis, 'newlyBound')[0]).toMatchObject({ actual: null, missingMonths: ['2026-06'], outcome: 'missing' });
  });

  it('all figures missing is incomplete, not a pass and not a fail', () => {
    const r = assess(rules, { period: trial, figures: [] });
    expect(r.outcome).toBe('incomplete');
    expect(r.missing).toEqual(['newlyBound', 'gmv', 'firstMonthOrders', 'orderGrowth', 'staffPassedExam']);
  });

  it('missing staff figure blocks a pass even when a route passes', () => {
    const figures = ordersOnly(10_000, 11_000, 12_100).map((f) => ({ ...f, staffPassedExam: null }));
    expect(assess(rules, { period: trial, figures }).outcome).toBe('incomplete');
  });

  it('a route proven on complete figures passes although the other route lacks figures (which stay flagged)', () => {
    const figures = [pm('2026-04', { newlyBound: 10, newlyBoundGmvYuan: 50_000, orders: null }), pm('2026-05', { newlyBound: 0, newlyBoundGmvYuan: 0, orders: null }), pm('2026-06', { newlyBound: 0, newlyBoundGmvYuan: 0, orders: null })];
    const r = assess(rules, { period: trial, figures });
    expect(r.outcome).toBe('pass');
    expect(r.missing).toEqual(['firstMonthOrders', 'orderGrowth']);
  });

  it('a failure is only reported on complete figures: staff 0 with GMV missing is incomplete', () => {
    const figures = ordersOnly(100, 100, 100).map((f) => ({ ...f, staffPassedExam: 0, newlyBoundGmvYuan: f.month === '2026-05' ? null : f.newlyBoundGmvYuan }));
    expect(assess(rules, { period: trial, figures }).outcome).toBe('incomplete');
  });
});

describe('early look during the trial (提前完成考核指标,可提前申请转正)', () => {
  it('count and GMV reached in the first two months pass early; the order route stays open', () => {
    const figures = [pm('2026-04', { newlyBound: 6, newlyBoundGmvYuan: 30_000, orders: 10_000 }), pm('2026-05', { newlyBound: 4, newlyBoundGmvYuan: 20_000, orders: 11_000 })];
    const r = assess(rules, { period: trial, figures, asOf: '2026-05' });
    expect(r).toMatchObject({ outcome: 'pass', final: false, asOf: '2026-05', months: ['2026-04', '2026-05'] });
    expect(r.routes).toEqual([
      { route: 'gmv', outcome: 'pass' },
      { route: 'orderGrowth', outcome: 'open' },
    ]);
  });

  it('the order route alone cannot pass early, but can fail early', () => {
    const figures = ordersOnly(10_000, 11_000, 12_100).map((f) => ({ ...f, newlyBound: 5 }));
    expect(assess(rules, { period: trial, figures, asOf: '2026-05' })).toMatchObject({ outcome: 'fail', final: false });
    const early = assess(rules, { period: trial, figures: ordersOnly(10_000, 10_500, 12_100), asOf: '2026-05' });
    expect(early.routes![1]).toEqual({ route: 'orderGrowth', outcome: 'fail' });
  });

  it('refuses a month outside the period', () => {
    expect(() => assess(rules, { period: trial, figures: [], asOf: '2026-07' })).toThrow(RangeError);
  });
});

describe('edited thresholds change outcomes', () => {
  const figures = ordersOnly(10_000, 11_000, 12_099);

  it('growth 9.99% passes a 9.99% threshold, fails the seed 10%', () => {
    expect(assess(rules, { period: trial, figures }).outcome).toBe('fail');
    expect(assess(periodicRuleSetSchema.parse({ kind: 'periodic', minMonthlyGrowthPercent: 9.99 }), { period: trial, figures }).outcome).toBe('pass');
  });

  it('more merchants, more GMV, more staff each tighten the rule', () => {
    const good = ordersOnly(10_000, 11_000, 12_100);
    expect(assess({ ...rules, minNewlyBound: 11 }, { period: trial, figures: good }).outcome).toBe('fail');
    expect(assess({ ...rules, minStaffPassedExam: 3 }, { period: trial, figures: good }).outcome).toBe('fail');
    expect(assess({ ...rules, minFirstMonthOrders: 10_001 }, { period: trial, figures: good }).outcome).toBe('fail');
    const gmvOnly = good.map((f) => ({ ...f, orders: 1, newlyBoundGmvYuan: 20_000 })); // 60,000 in all
    expect(assess(rules, { period: trial, figures: gmvOnly }).outcome).toBe('pass');
    expect(assess({ ...rules, minGmvYuan: 60_000.01 }, { period: trial, figures: gmvOnly }).outcome).toBe('fail');
  });
});
