// The reasons an assessment letter states: only the failures the outcome rests on, worded as an official
// writes them. Golden cases from the seeds: seed 001's growth example (10,000 → 11,000 → 12,100 passes), a
// decline stated as 环比下降, seed 002's 发揽率 89.99% against 90%.
import { describe, expect, it } from 'vitest';
import { assess, assessedMonth, trialPeriod, SEED_001_RULE_SET, SEED_002_RULE_SET } from '../../../shared/lifecycle';
import { decisiveFailures } from '../../../shared/letters';
import { amount, failuresText } from '../../../renderer/features/assessments/letter-batch';

const trial = trialPeriod('2026-11-23'); // 2026-12 … 2027-02
type Month = { newlyBound: number; gmv: number; orders: number; staff: number };
const periodic = (months: [Month, Month, Month]) =>
  assess(SEED_001_RULE_SET, { period: trial, figures: trial.months.map((month, i) => ({ month, newlyBound: months[i]!.newlyBound, newlyBoundGmvYuan: months[i]!.gmv, orders: months[i]!.orders, staffPassedExam: months[i]!.staff })) });
const m = (orders: number, over: Partial<Month> = {}): Month => ({ newlyBound: 4, gmv: 10_000, orders, staff: 2, ...over });

describe('decisive failures (seed 001: either route, and the staff exam)', () => {
  it('states both routes when neither passed: the GMV shortfall and the month whose orders declined', () => {
    // GMV 30,000 < 50,000 fails route 1; 11,000 → 9,778 is a decline of 11.11% and fails route 2.
    const result = periodic([m(10_000), m(11_000), m(9_778)]);
    expect(result.outcome).toBe('fail');
    expect(decisiveFailures(result).map((k) => k.kpi)).toEqual(['gmv', 'orderGrowth']);
    expect(failuresText(result)).toEqual({
      period: '2026年12月至2027年2月考核期',
      failures: '新增绑定商家考核期内GMV为3万元，低于5万元的要求；2027年2月订单量环比下降11.11%，未达到环比增长10%的要求',
    });
  });

  it('leaves out the other route\'s misses when one route passed and only the staff exam failed', () => {
    // Route 2 passes on seed 001's own example (10,000 → 11,000 → 12,100); GMV misses but decides nothing.
    const result = periodic([m(10_000), m(11_000), m(12_100, { staff: 1 })]);
    expect(result.outcome).toBe('fail');
    expect(result.kpis.filter((k) => k.outcome === 'fail').map((k) => k.kpi)).toEqual(['gmv', 'staffPassedExam']);
    expect(decisiveFailures(result).map((k) => k.kpi)).toEqual(['staffPassedExam']);
    expect(failuresText(result)?.failures).toBe('通过平台规则考试的人数为1人，少于2人的要求');
  });

  it('says 环比增长 only for growth, and 持平 for none', () => {
    expect(failuresText(periodic([m(10_000), m(10_500), m(11_550)]))?.failures).toContain('2027年1月订单量环比增长5%，低于10%的要求');
    expect(failuresText(periodic([m(10_000), m(10_000), m(11_000)]))?.failures).toContain('2027年1月订单量与上月持平，未达到环比增长10%的要求');
    expect(failuresText(periodic([m(10_000), m(11_000), m(9_778)]))?.failures).not.toMatch(/增长-/);
  });
});

describe('decisive failures (seed 002: every item required)', () => {
  const january = assessedMonth('2026-11-23', 2);
  it('states each failed item, with the figure as the platform reports it: 近30天发揽率为89.99%，低于90%的要求', () => {
    const result = assess(SEED_002_RULE_SET, { period: january, figures: [{ month: '2027-01', merchantLevel: 2, pickupRatePercent: 89.99, responseRatePercent: 90 }] });
    expect(failuresText(result)).toEqual({ period: '2027年1月', failures: '商家层级为L2，低于L3的要求；近30天发揽率为89.99%，低于90%的要求' });
  });
});

describe('amounts as a notice writes them', () => {
  it.each([
    [50_000, '5万'],
    [10_000, '1万'],
    [12_000, '1.2万'],
    [12_345, '12345'],
    [9_800, '9800'],
    [30_000.5, '30000.5'],
    [0, '0'],
  ])('%d → %s', (n, text) => expect(amount(n)).toBe(text));
});
