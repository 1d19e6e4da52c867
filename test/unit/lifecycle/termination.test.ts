// Termination reasons and their re-admission dates (DOMAIN.md §5, seed 003 第一条(三)), voluntary exit.
import { describe, expect, it } from 'vitest';
import { BAN_REASONS, readmissionAfter } from '../../../shared/eligibility/readmission';
import { EXIT_CONDITIONS, TERMINATION_REASONS, exitDecision, readmissionDate, terminationOf } from '../../../shared/lifecycle';

describe('termination reasons (被清退) and re-admission (再准入)', () => {
  it('are the eligibility reasons without voluntary exit', () => {
    expect(TERMINATION_REASONS).toEqual(['agencyRules', 'requirementsNotMet', 'failedAssessment', 'illegal']);
    expect([...TERMINATION_REASONS, 'voluntaryExit'].sort()).toEqual([...BAN_REASONS].sort());
  });

  // Was day 180 (2027-06-29): "180天后方可再申请" counts 180 days from the day AFTER the effective date
  // (民法典 §201), so the first allowed day is effective + 181.
  it('failed assessment under seed 003: 180 days from the day after (2026-12-31 → may apply from 2027-06-30)', () => {
    const t = terminationOf('failedAssessment', '2026-12-31');
    expect(t).toEqual({ reason: 'failedAssessment', effectiveDate: '2026-12-31', readmission: { kind: 'date', until: '2027-06-30' } });
    expect(t.readmission).toEqual(readmissionAfter('failedAssessment', '2026-12-31'));
    expect(readmissionDate(t.readmission)).toBe('2027-06-30');
  });

  it('illegal or a serious incident: never (永久不允许再入驻)', () => {
    expect(terminationOf('illegal', '2026-12-31').readmission).toEqual({ kind: 'never' });
    expect(readmissionDate({ kind: 'never' })).toBeNull();
  });

  it('no longer meets the requirements: as soon as it meets them again (no date)', () => {
    expect(terminationOf('requirementsNotMet', '2026-12-31').readmission).toEqual({ kind: 'whenRequirementsMet' });
  });

  it('agency rules: the chair sets the date (on or after the effective date); until then none', () => {
    expect(terminationOf('agencyRules', '2026-12-31').readmission).toEqual({ kind: 'chairSets' });
    expect(terminationOf('agencyRules', '2026-12-31', '2027-12-31').readmission).toEqual({ kind: 'date', until: '2027-12-31' });
    expect(() => terminationOf('agencyRules', '2026-12-31', '2026-12-30')).toThrow(RangeError);
    expect(() => terminationOf('failedAssessment', '2026-12-31', '2027-12-31')).toThrow(RangeError);
  });
});

describe('voluntary exit (主动退出)', () => {
  const both = { merchantFeesSettled: true, tradeObligationsFulfilled: true };

  it("may be confirmed once both conditions are verified; seed 003's 180 days run from the day after", () => {
    const d = exitDecision('formal', both, '2027-01-31');
    expect(d).toEqual({ allowed: true, unmet: [], open: true, effectiveDate: '2027-01-31', readmission: { kind: 'date', until: '2027-07-31' } });
    expect(d.readmission).toEqual(readmissionAfter('voluntaryExit', '2027-01-31'));
  });

  it('an unchecked or unmet condition blocks it (unchecked is never a yes)', () => {
    expect(exitDecision('trial', { ...both, merchantFeesSettled: null }, '2027-01-31')).toMatchObject({ allowed: false, unmet: ['merchantFeesSettled'] });
    expect(exitDecision('rectification', { merchantFeesSettled: false, tradeObligationsFulfilled: null }, '2027-01-31')).toMatchObject({ allowed: false, unmet: [...EXIT_CONDITIONS] });
  });

  it('is not possible from a cooperation that has already ended', () => {
    expect(exitDecision('terminated', both, '2027-01-31')).toMatchObject({ allowed: false, open: false, unmet: [] });
    expect(exitDecision('exited', both, '2027-01-31').allowed).toBe(false);
  });
});
