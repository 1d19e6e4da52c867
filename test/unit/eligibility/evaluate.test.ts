// Admission rules of DOMAIN.md §2 (seed 003 defaults, seed 004 shop gates), each with a case that passes
// and one that fails at the threshold.
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, sameCity, type ApplicantFacts, type EligibilityContext } from '../../../shared/eligibility/evaluate';
import { SEED_003_RULES, SEED_004_RULES, ruleSetSchema, shopFactsSchema, type Rule } from '../../../shared/eligibility/rules';
import { addDays, addYears } from '../../../shared/common/dates';
import { readmissionAfter } from '../../../shared/eligibility/readmission';
import { applicantFacts, eligibilityContext } from '../../support/eligibility-facts';

const applicant = (over: Partial<ApplicantFacts> = {}): ApplicantFacts => applicantFacts({ establishedOn: '2025-11-23', ...over });
const context = (over: Partial<EligibilityContext> = {}): EligibilityContext => eligibilityContext({ ...over });
const only = (rule: Rule, a = applicant(), ctx = context()) => evaluateEligibility([rule], a, ctx).results[0]!;

describe('seed 003 defaults', () => {
  it('an applicant exactly at every threshold is eligible', () => {
    const result = evaluateEligibility(SEED_003_RULES, applicant(), context());
    expect(result).toMatchObject({ eligible: true, failed: [] });
    expect(result.results).toHaveLength(10);
  });

  it('real-name verification, general taxpayer and not a shop account are hard gates', () => {
    expect(only({ kind: 'realName' }, applicant({ realNameVerified: false })).outcome).toBe('fail');
    expect(only({ kind: 'generalTaxpayer' }, applicant({ taxpayerType: 'small' })).outcome).toBe('fail');
    expect(only({ kind: 'notShopAccount' }, applicant({ isShopAccount: true })).outcome).toBe('fail');
  });

  it('registered capital ≥ 50万元 and deposit ≥ 10万元 (at the threshold passes, just below fails)', () => {
    expect(only({ kind: 'minRegisteredCapital', minWan: 50 }, applicant({ registeredCapitalWan: 49.9999 }))).toMatchObject({ outcome: 'fail', actualWan: 49.9999, minWan: 50 });
    expect(only({ kind: 'minDeposit', minYuan: 100_000 }, applicant({ depositPaidYuan: 99_999.99 })).outcome).toBe('fail');
    expect(only({ kind: 'minDeposit', minYuan: 100_000 }, applicant({ depositPaidYuan: 100_000 })).outcome).toBe('pass');
  });

  it('registered ≥ 1 year on the reference date; a day short fails unless the committee accepted a statement of strengths', () => {
    const rule: Rule = { kind: 'minYearsRegistered', years: 1, statementSubstitutes: true };
    expect(only(rule, applicant({ establishedOn: '2025-11-23' }))).toMatchObject({ outcome: 'pass', requiredBy: '2026-11-23' });
    expect(only(rule, applicant({ establishedOn: '2025-11-24' }))).toMatchObject({ outcome: 'fail', requiredBy: '2026-11-24', byStatement: false });
    const accepted = { by: '陈组长', at: '2026-11-20T02:00:00.000Z', reason: '核心团队来自国家级质检机构' };
    expect(only(rule, applicant({ establishedOn: '2025-11-24' }), context({ strengthStatement: '行业资源丰富', statementAcceptance: accepted }))).toMatchObject({ outcome: 'pass', byStatement: true, statement: 'accepted', acceptance: accepted });
    expect(only({ ...rule, statementSubstitutes: false }, applicant({ establishedOn: '2025-11-24' }), context({ strengthStatement: '行业资源丰富', statementAcceptance: accepted })).outcome).toBe('fail');
  });

  it('the entity city must be the region city (杭州市 = 杭州)', () => {
    expect(only({ kind: 'sameCity', scope: 'within' }, applicant({ city: '杭州市' }), context({ regionCity: '杭州' })).outcome).toBe('pass');
    expect(only({ kind: 'sameCity', scope: 'within' }, applicant({ city: '绍兴市' }), context({ regionCity: '杭州' }))).toMatchObject({ outcome: 'fail', entityCity: '绍兴市' });
    expect(sameCity('', '')).toBe(false);
  });

  it('all six capabilities are required, and the missing ones are named', () => {
    expect(only({ kind: 'allCapabilities' }, applicant({ capabilities: ['bd', 'operation', 'training', 'sourcing'] }))).toMatchObject({ outcome: 'fail', missing: ['coaching', 'traffic'] });
  });
});

describe('re-admission cooldown (DOMAIN §5)', () => {
  const rule: Rule = { kind: 'noCooldown' };
  it('a ban ending after the reference date makes the applicant ineligible, with its date', () => {
    const bans = [{ creditCode: '91330100716105852F', until: '2027-03-01', reason: 'failedAssessment' }];
    expect(only(rule, applicant(), context({ bans }))).toMatchObject({ outcome: 'fail', until: '2027-03-01', reason: 'failedAssessment' });
  });
  it('on the day the ban ends the applicant may apply again', () => {
    const bans = [{ creditCode: '91330100716105852F', until: '2026-11-23', reason: 'voluntaryExit' }];
    expect(only(rule, applicant(), context({ bans })).outcome).toBe('pass');
  });
  it('a permanent ban outranks a dated one; other companies are not affected', () => {
    const bans = [
      { creditCode: '91330100716105852F', until: '2030-01-01', reason: 'failedAssessment' },
      { creditCode: '91330100716105852F', until: null, reason: 'illegal' },
      { creditCode: '9144030071526726XG', until: null, reason: 'illegal' },
    ];
    expect(only(rule, applicant(), context({ bans }))).toMatchObject({ outcome: 'fail', until: null, reason: 'illegal' });
    expect(only(rule, applicant({ creditCode: '914403001922038216' }), context({ bans })).outcome).toBe('pass');
  });
});

describe('seed 004 shop-level gates', () => {
  it('unknown facts are missing, never passed', () => {
    const result = evaluateEligibility(SEED_004_RULES, applicant(), context());
    expect(result.eligible).toBe(false);
    expect(result.failed).toEqual(['shopOperating', 'minExperienceScore', 'noRecentPenalties', 'noSeriousViolations', 'brandQualifications', 'classBViolationPoints', 'maxViolations']);
    expect(result.results.filter((r) => r.outcome === 'missing')).toHaveLength(7);
  });
  it('experience score must be above 70 (70 itself fails)', () => {
    const rule: Rule = { kind: 'minExperienceScore', above: 70 };
    expect(only(rule, applicant(), context({ shopFacts: shopFactsSchema.parse({ experienceScore: 70 }) })).outcome).toBe('fail');
    expect(only(rule, applicant(), context({ shopFacts: shopFactsSchema.parse({ experienceScore: 70.5 }) })).outcome).toBe('pass');
  });
  it('no penalty in the last 365 days', () => {
    const rule: Rule = { kind: 'noRecentPenalties', days: 365 };
    const facts = (lastPenaltyOn: string | null, hasPenaltyRecord: boolean | null) => context({ shopFacts: shopFactsSchema.parse({ lastPenaltyOn, hasPenaltyRecord }) });
    expect(only(rule, applicant(), facts(null, false)).outcome).toBe('pass');
    expect(only(rule, applicant(), facts('2025-11-22', true))).toMatchObject({ outcome: 'pass', since: '2025-11-23' });
    expect(only(rule, applicant(), facts('2025-11-23', true)).outcome).toBe('fail');
    expect(only(rule, applicant(), facts(null, null)).outcome).toBe('missing');
  });
  it('serious violations and brand qualifications are declared facts', () => {
    expect(only({ kind: 'noSeriousViolations' }, applicant(), context({ shopFacts: shopFactsSchema.parse({ seriousViolations: true }) })).outcome).toBe('fail');
    expect(only({ kind: 'brandQualifications' }, applicant(), context({ shopFacts: shopFactsSchema.parse({ brandQualificationsComplete: true }) })).outcome).toBe('pass');
  });
});

describe('rule sets and dates', () => {
  it('a rule set may not hold the same rule twice', () => {
    expect(ruleSetSchema.safeParse(SEED_003_RULES).success).toBe(true);
    expect(ruleSetSchema.safeParse([...SEED_003_RULES, { kind: 'notShopAccount' }]).success).toBe(false);
  });
  it('years and days are counted on the calendar, across leap days and year ends', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2024-02-29', 4)).toBe('2028-02-29');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2026-11-23', -365)).toBe('2025-11-23');
  });
});

describe('re-admission after leaving (DOMAIN §5, seed 003 第一条(三))', () => {
  it.each([
    // "180天后方可再申请": 180 days counted from the day after (民法典 §201), so the first allowed day is day 181.
    ['failedAssessment', '2026-01-15', { kind: 'date', until: '2026-07-15' }],
    ['voluntaryExit', '2026-12-20', { kind: 'date', until: '2027-06-19' }], // across the year end
    ['illegal', '2026-01-15', { kind: 'never' }],
    ['requirementsNotMet', '2026-01-15', { kind: 'whenRequirementsMet' }],
    ['agencyRules', '2026-01-15', { kind: 'chairSets' }],
  ] as const)('%s from %s → %j', (reason, effective, expected) => {
    expect(readmissionAfter(reason, effective)).toEqual(expected);
  });
});
