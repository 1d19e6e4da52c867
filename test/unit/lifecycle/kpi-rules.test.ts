// Rule sets: built-in seed values, editable thresholds, validation with the project's locale keys.
import { describe, expect, it } from 'vitest';
import {
  BUILT_IN_RULE_SETS,
  MIN_FIRST_MONTH_ORDERS,
  MIN_GMV_YUAN,
  SEED_001_RULE_SET,
  SEED_002_RULE_SET,
  exitChecklistSchema,
  kpiRuleSetSchema,
  monthlyWarningFiguresSchema,
  periodicFiguresSchema,
} from '../../../shared/lifecycle';

const messages = (r: { error?: { issues: { message: string; path: PropertyKey[] }[] } }) => r.error?.issues.map((i) => `${i.path.join('.')}:${i.message}`) ?? [];

describe('built-in rule sets', () => {
  it('seed 001: 3-month trial and periods, 10 merchants, 5万 GMV, 1万 first-month orders, 10% growth, 2 staff', () => {
    expect(SEED_001_RULE_SET).toEqual({
      kind: 'periodic',
      trialMonths: 3,
      periodMonths: 3,
      minNewlyBound: 10,
      minGmvYuan: 50_000,
      minFirstMonthOrders: 10_000,
      minMonthlyGrowthPercent: 10,
      minStaffPassedExam: 2,
      earlyConfirmation: true,
      staffExamEveryPeriod: false, // §3.2 lists the exam for the trial only
      bans: { failedTrial: null, failedAssessment: 180, voluntaryExit: null }, // §五: only a revoked certification waits
      ruleBasis: '',
      partnerToNotify: '',
    });
    expect(MIN_GMV_YUAN).toBe(50_000);
    expect(MIN_FIRST_MONTH_ORDERS).toBe(10_000);
  });

  it('seed 002: next month after certification, L3, 90%, 85%, second failure while a notice is open', () => {
    expect(SEED_002_RULE_SET).toEqual({
      kind: 'monthlyWarning',
      firstAssessedMonthOffset: 1,
      minMerchantLevel: 3,
      minPickupRatePercent: 90,
      minResponseRatePercent: 85,
      secondFailure: 'whileInRectification',
      bans: { failedTrial: null, failedAssessment: null, voluntaryExit: null }, // the seed states no waiting period
      ruleBasis: '',
      partnerToNotify: '',
    });
  });

  it('are frozen and offered by key', () => {
    expect(Object.isFrozen(SEED_001_RULE_SET) && Object.isFrozen(SEED_002_RULE_SET)).toBe(true);
    expect(BUILT_IN_RULE_SETS.douyinQuarterly).toBe(SEED_001_RULE_SET);
    expect(BUILT_IN_RULE_SETS.taoteMonthly).toBe(SEED_002_RULE_SET);
    expect(BUILT_IN_RULE_SETS.anxinjian.kind).toBe('noAssessment');
  });
});

describe('rule set schema', () => {
  it('fills defaults and keeps edited thresholds', () => {
    expect(kpiRuleSetSchema.parse({ kind: 'periodic', minGmvYuan: 80_000.5 })).toEqual({ ...SEED_001_RULE_SET, minGmvYuan: 80_000.5 });
    expect(kpiRuleSetSchema.parse({ kind: 'monthlyWarning', secondFailure: 'any' })).toEqual({ ...SEED_002_RULE_SET, secondFailure: 'any' });
  });

  it('refuses invalid thresholds with locale keys', () => {
    expect(messages(kpiRuleSetSchema.safeParse({ kind: 'periodic', minNewlyBound: 9.5, minGmvYuan: -1, minMonthlyGrowthPercent: 10.001, trialMonths: 0 }))).toEqual([
      'trialMonths:error.positive',
      'minNewlyBound:error.integer',
      'minGmvYuan:error.negative',
      'minMonthlyGrowthPercent:error.decimals2',
    ]);
    expect(messages(kpiRuleSetSchema.safeParse({ kind: 'monthlyWarning', minPickupRatePercent: 100.5, secondFailure: 'third' }))).toEqual(['minPickupRatePercent:error.tooLarge', 'secondFailure:error.choose']);
    expect(kpiRuleSetSchema.safeParse({ kind: 'weekly' }).success).toBe(false);
  });
});

describe('figure schemas', () => {
  it('default every figure to null (missing), never to 0', () => {
    // The net change of bound merchants may be negative (more unbound than bound in a month).
    expect(periodicFiguresSchema.parse({ month: '2026-11', newlyBound: -2 }).newlyBound).toBe(-2);
    expect(periodicFiguresSchema.parse({ month: '2026-11' })).toEqual({ month: '2026-11', newlyBound: null, newlyBoundGmvYuan: null, orders: null, staffPassedExam: null });
    expect(monthlyWarningFiguresSchema.parse({ month: '2026-12' })).toEqual({ month: '2026-12', merchantLevel: null, pickupRatePercent: null, responseRatePercent: null });
    expect(exitChecklistSchema.parse({})).toEqual({ merchantFeesSettled: null, tradeObligationsFulfilled: null, serviceRulesConditionsMet: null });
  });

  it('refuses impossible figures', () => {
    expect(messages(periodicFiguresSchema.safeParse({ month: '2026-13', orders: -1, newlyBoundGmvYuan: 1.005, newlyBound: 1.5 }))).toEqual([
      'month:error.date',
      'newlyBound:error.integer',
      'newlyBoundGmvYuan:error.decimals2',
      'orders:error.negative',
    ]);
    expect(messages(monthlyWarningFiguresSchema.safeParse({ month: '2026-12', pickupRatePercent: 101, merchantLevel: 11 }))).toEqual(['merchantLevel:error.tooLarge', 'pickupRatePercent:error.tooLarge']);
  });
});
