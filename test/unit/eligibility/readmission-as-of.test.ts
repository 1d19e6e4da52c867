// Re-admission bans judged as of the round's reference date (issue 7): a ban counts from its start date
// (the termination's or exit's effective date) up to, not including, `until` — the first day the provider
// may apply again (seed 003: "180天后方可再申请") — and stops counting from the day it is lifted.
import { describe, expect, it } from 'vitest';
import { banInForce, evaluateEligibility, type ApplicantFacts, type EligibilityContext, type ReadmissionBan } from '../../../shared/eligibility/evaluate';
import { shopFactsSchema } from '../../../shared/eligibility/rules';
import { readmissionAfter } from '../../../shared/eligibility/readmission';

const CODE = '91330100716105852F';
const applicant: ApplicantFacts = {
  creditCode: CODE,
  realNameVerified: true,
  taxpayerType: 'general',
  registeredCapitalWan: 50,
  establishedOn: '2020-01-01',
  depositPaidYuan: 100_000,
  isShopAccount: false,
  city: '杭州市',
  capabilities: ['bd', 'operation', 'coaching', 'training', 'traffic', 'sourcing'],
};
const context = (referenceDate: string, bans: ReadmissionBan[]): EligibilityContext => ({ referenceDate, regionCity: '杭州', strengthStatement: '', shopFacts: shopFactsSchema.parse({}), bans });
const cooldown = (referenceDate: string, bans: ReadmissionBan[]) => evaluateEligibility([{ kind: 'noCooldown' }], applicant, context(referenceDate, bans)).results[0]!;

// A provider that failed its assessment, terminated effective 2026-11-23: seed 003 gives 180 days, counted
// from the day after (民法典 §201), so the first allowed day is effective + 181 = 2027-05-23.
const TERMINATED_ON = '2026-11-23';
const until = (readmissionAfter('failedAssessment', TERMINATED_ON) as { until: string }).until;
const ban: ReadmissionBan = { creditCode: CODE, startsOn: TERMINATED_ON, until, reason: 'failedAssessment' };

describe('a ban as of the reference date', () => {
  it('180 days after 2026-11-23 end on 2027-05-22; the first allowed day is 2027-05-23', () => {
    expect(until).toBe('2027-05-23');
  });
  it('does not apply to a round whose reference date is the day before the ban starts', () => {
    expect(cooldown('2026-11-22', [ban])).toMatchObject({ outcome: 'pass', until: null, reason: null });
  });
  it('applies on the day it starts, with its date and reason', () => {
    expect(cooldown('2026-11-23', [ban])).toMatchObject({ outcome: 'fail', until: '2027-05-23', reason: 'failedAssessment' });
  });
  it('applies on the last day before `until`, and no longer on `until` itself', () => {
    expect(cooldown('2027-05-22', [ban]).outcome).toBe('fail');
    expect(cooldown('2027-05-23', [ban]).outcome).toBe('pass');
  });
  it('a permanent ban applies from its start and forever after, never before', () => {
    const never: ReadmissionBan = { creditCode: CODE, startsOn: '2027-01-10', until: null, reason: 'illegal' };
    expect(cooldown('2027-01-09', [never]).outcome).toBe('pass');
    expect(cooldown('2027-01-10', [never])).toMatchObject({ outcome: 'fail', until: null, reason: 'illegal' });
    expect(cooldown('2099-12-31', [never]).outcome).toBe('fail');
  });
  it('a ban lifted later still applies to a round whose reference date precedes the lift', () => {
    const lifted: ReadmissionBan = { ...ban, liftedOn: '2027-02-01' };
    expect(cooldown('2027-01-31', [lifted]).outcome).toBe('fail');
    expect(cooldown('2027-02-01', [lifted]).outcome).toBe('pass');
  });
  it('a ban lifted from its start day (recorded in error) never applied', () => {
    expect(cooldown('2026-11-23', [{ ...ban, liftedOn: TERMINATED_ON }]).outcome).toBe('pass');
  });
  it('of two bans, only those in force on the reference date count', () => {
    const later: ReadmissionBan = { creditCode: CODE, startsOn: '2027-03-01', until: null, reason: 'illegal' };
    // On 2027-02-01 only the dated ban is in force: its date is the one shown.
    expect(cooldown('2027-02-01', [ban, later])).toMatchObject({ outcome: 'fail', until: '2027-05-23', reason: 'failedAssessment' });
    expect(cooldown('2027-03-01', [ban, later])).toMatchObject({ outcome: 'fail', until: null, reason: 'illegal' });
  });
  it('a fact without a start date (legacy callers) is in force from the start', () => {
    expect(banInForce({ creditCode: CODE, until: '2027-01-01', reason: 'voluntaryExit' }, '2000-01-01')).toBe(true);
  });
});
