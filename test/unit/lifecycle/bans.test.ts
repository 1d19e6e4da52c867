// Golden cases for the waiting period after each kind of ending, per program (shared/lifecycle/bans.ts):
// each platform rule's own reading is the default, no ban is invented where a rule states none, and
// "180天后方可再申请" counts from the day after the effective date (民法典 §201).
import { describe, expect, it } from 'vitest';
import { firstDayAfterWaiting, readmissionAfterDays } from '../../../shared/eligibility/readmission';
import {
  SEED_000_RULE_SET,
  SEED_001_RULE_SET,
  SEED_002_RULE_SET,
  banKindOf,
  exitConditionsFor,
  exitDecision,
  kpiRuleSetSchema,
  programReadmission,
  terminationUnder,
} from '../../../shared/lifecycle';

describe('day counting (民法典 §201: the first day is not counted)', () => {
  it.each([
    ['2027-01-31', 180, '2027-07-31'], // the seed 002 example month's check date
    ['2027-04-30', 180, '2027-10-28'], // a seed 001 regular period ending in April
    ['2026-12-31', 180, '2027-06-30'], // across the year end
    ['2028-02-29', 180, '2028-08-28'], // a leap day
    ['2027-03-01', 0, '2027-03-02'],
  ] as const)('%s + %i days → may apply again from %s', (effective, days, first) => {
    expect(firstDayAfterWaiting(effective, days)).toBe(first);
    expect(readmissionAfterDays(days, effective)).toEqual({ kind: 'date', until: first });
  });

  it('no waiting period reads as "at once, screening decides"; a broken number is refused', () => {
    expect(readmissionAfterDays(null, '2027-01-31')).toEqual({ kind: 'whenRequirementsMet' });
    expect(() => firstDayAfterWaiting('2027-01-31', -1)).toThrow(RangeError);
    expect(() => firstDayAfterWaiting('2027-01-31', 1.5)).toThrow(RangeError);
  });
});

describe('each platform rule as its default', () => {
  it('抖音 (seed 001 §五): 180 days only after a failed REGULAR period; a failed trial and an exit wait none', () => {
    expect(SEED_001_RULE_SET.bans).toEqual({ failedTrial: null, failedAssessment: 180, voluntaryExit: null });
    expect(programReadmission(SEED_001_RULE_SET, 'failedAssessment', 'trial', '2027-01-31')).toEqual({ kind: 'whenRequirementsMet' });
    expect(programReadmission(SEED_001_RULE_SET, 'failedAssessment', 'formal', '2027-04-30')).toEqual({ kind: 'date', until: '2027-10-28' });
    expect(programReadmission(SEED_001_RULE_SET, 'failedAssessment', 'rectification', '2027-04-30')).toEqual({ kind: 'date', until: '2027-10-28' });
    expect(programReadmission(SEED_001_RULE_SET, 'voluntaryExit', 'formal', '2027-04-30')).toEqual({ kind: 'whenRequirementsMet' });
  });

  it('淘特 (seed 002): "二次清退" states no waiting period', () => {
    expect(SEED_002_RULE_SET.bans).toEqual({ failedTrial: null, failedAssessment: null, voluntaryExit: null });
    expect(terminationUnder(SEED_002_RULE_SET, 'rectification', 'failedAssessment', '2027-01-31').readmission).toEqual({ kind: 'whenRequirementsMet' });
  });

  it('安心鉴 (seed 000): no KPI regime, no waiting period; terminations cite its service rules and tell its partner', () => {
    expect(SEED_000_RULE_SET).toEqual({
      kind: 'noAssessment',
      bans: { failedTrial: null, failedAssessment: null, voluntaryExit: null },
      ruleBasis: '《淘宝网“安心鉴”服务规范》',
      partnerToNotify: '安心鉴服务商',
    });
    expect(programReadmission(SEED_000_RULE_SET, 'voluntaryExit', 'formal', '2027-01-31')).toEqual({ kind: 'whenRequirementsMet' });
    expect(exitConditionsFor(SEED_000_RULE_SET)).toEqual(['serviceRulesConditionsMet']);
    expect(exitDecision('formal', { serviceRulesConditionsMet: true }, '2027-01-31', SEED_000_RULE_SET)).toMatchObject({ allowed: true, unmet: [] });
    expect(exitDecision('formal', { merchantFeesSettled: true, tradeObligationsFulfilled: true }, '2027-01-31', SEED_000_RULE_SET)).toMatchObject({ allowed: false, unmet: ['serviceRulesConditionsMet'] });
  });

  it('a program under seed 003 (第一条(三)3, 5) sets 180 days for a failed assessment and for an exit', () => {
    const seed003 = kpiRuleSetSchema.parse({ kind: 'periodic', bans: { failedAssessment: 180, voluntaryExit: 180 } });
    expect(seed003.bans).toEqual({ failedTrial: null, failedAssessment: 180, voluntaryExit: 180 });
    expect(exitDecision('formal', { merchantFeesSettled: true, tradeObligationsFulfilled: true }, '2027-01-31', seed003).readmission).toEqual({ kind: 'date', until: '2027-07-31' });
  });

  it("the other reason categories keep seed 003's table in every program", () => {
    expect(banKindOf(SEED_001_RULE_SET, 'illegal', 'formal')).toBeNull();
    expect(programReadmission(SEED_002_RULE_SET, 'illegal', 'formal', '2027-01-31')).toEqual({ kind: 'never' });
    expect(programReadmission(SEED_000_RULE_SET, 'requirementsNotMet', 'formal', '2027-01-31')).toEqual({ kind: 'whenRequirementsMet' });
    expect(programReadmission(SEED_000_RULE_SET, 'agencyRules', 'formal', '2027-01-31')).toEqual({ kind: 'chairSets' });
  });

  it('refuses a negative or fractional waiting period', () => {
    expect(kpiRuleSetSchema.safeParse({ kind: 'monthlyWarning', bans: { failedAssessment: -1 } }).success).toBe(false);
    expect(kpiRuleSetSchema.safeParse({ kind: 'noAssessment', bans: { voluntaryExit: 1.5 } }).success).toBe(false);
  });
});
