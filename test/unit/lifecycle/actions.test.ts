// Proposed actions per rule set and history: 转正 / 提前转正 / 清退 (seed 001), 整改通知 → 清退 (seed 002),
// needsData on missing figures, and the re-admission date of a proposed termination.
import { describe, expect, it } from 'vitest';
import {
  SEED_001_RULE_SET,
  SEED_002_RULE_SET,
  assess,
  assessedMonth,
  canConfirm,
  periodicCalendar,
  proposeAction,
  regularPeriod,
  replayAssessments,
  type AssessmentResult,
  type CooperationStatus,
  type MonthlyWarningRuleSet,
} from '../../../shared/lifecycle';
import { mm, pm } from './support';

const cal = periodicCalendar('2026-11-01'); // trial 2026-11..2027-01
const passing = [pm('2026-11', { newlyBound: 10, newlyBoundGmvYuan: 50_000 }), pm('2026-12', { newlyBound: 0, newlyBoundGmvYuan: 0 }), pm('2027-01', { newlyBound: 0, newlyBoundGmvYuan: 0 })];
const failing = passing.map((f) => ({ ...f, newlyBound: 0 }));
const p001 = (status: CooperationStatus, result: AssessmentResult, effectiveDate = '2027-02-05') => proposeAction({ ruleSet: SEED_001_RULE_SET, status, result, effectiveDate });

describe('seed 001', () => {
  it('trial passed at its end → 转正 (confirm), trial → formal, through the last trial month', () => {
    const p = p001('trial', assess(SEED_001_RULE_SET, { period: cal.trial, figures: passing }));
    expect(p).toMatchObject({ action: 'confirm', event: 'confirm', toStatus: 'formal', confirmedThrough: '2027-01', termination: null, letter: null, requiresOverride: false });
  });

  it('trial passed early → 提前转正 with the month it was proven in; off in the rule set → continue', () => {
    const early = assess(SEED_001_RULE_SET, { period: cal.trial, figures: passing, asOf: '2026-11' });
    expect(p001('trial', early)).toMatchObject({ action: 'confirmEarly', event: 'confirm', toStatus: 'formal', confirmedThrough: '2026-11' });
    expect(p001('trial', early).confirmedThrough).toBe('2026-11');
    const noEarly = { ...SEED_001_RULE_SET, earlyConfirmation: false };
    expect(proposeAction({ ruleSet: noEarly, status: 'trial', result: assess(noEarly, { period: cal.trial, figures: passing, asOf: '2026-11' }), effectiveDate: '2026-12-05' }).action).toBe('continue');
  });

  it('not (yet) met before the trial ends → continue; failed at its end → 清退 with NO waiting period (never certified)', () => {
    expect(p001('trial', assess(SEED_001_RULE_SET, { period: cal.trial, figures: failing, asOf: '2026-12' })).action).toBe('continue');
    const p = p001('trial', assess(SEED_001_RULE_SET, { period: cal.trial, figures: failing }), '2027-02-05');
    expect(p).toMatchObject({ action: 'terminate', event: 'terminate', toStatus: 'terminated', letter: 'terminationNotice' });
    // Seed 001 §五's 180 days are for "被取消产业带服务商身份认证的服务商": a failed trial revokes nothing.
    expect(p.termination).toEqual({ reason: 'failedAssessment', effectiveDate: '2027-02-05', readmission: { kind: 'whenRequirementsMet' } });
    // A program whose rules do set a wait after a failed trial gets it, counted from the day after.
    const strict = { ...SEED_001_RULE_SET, bans: { ...SEED_001_RULE_SET.bans, failedTrial: 90 } };
    const q = proposeAction({ ruleSet: strict, status: 'trial', result: assess(strict, { period: cal.trial, figures: failing }), effectiveDate: '2027-02-05' });
    expect(q.termination?.readmission).toEqual({ kind: 'date', until: '2027-05-07' });
  });

  it('regular period: pass → continue into the next period; fail at its end → 清退; an early look proposes nothing', () => {
    const p1 = regularPeriod(cal, 1); // 2027-02..2027-04
    const figs = (n: number) => [pm('2027-02', { newlyBound: n, newlyBoundGmvYuan: 50_000 }), pm('2027-03', { newlyBound: 0 }), pm('2027-04', { newlyBound: 0 })];
    expect(p001('formal', assess(SEED_001_RULE_SET, { period: p1, figures: figs(10) })).action).toBe('continue');
    expect(p001('formal', assess(SEED_001_RULE_SET, { period: p1, figures: figs(10) }), '2027-04-30').event).toBeNull();
    const fail = p001('formal', assess(SEED_001_RULE_SET, { period: p1, figures: figs(9) }), '2027-04-30');
    // Seed 001 §五 "原则上180天内不接受再次申请": 180 days from the day after 2027-04-30 end on 2027-10-27,
    // so the first day a new application is accepted is 2027-10-28 (民法典 §201).
    expect(fail).toMatchObject({ action: 'terminate', termination: { reason: 'failedAssessment', readmission: { kind: 'date', until: '2027-10-28' } } });
    expect(p001('formal', assess(SEED_001_RULE_SET, { period: p1, figures: figs(10), asOf: '2027-02' })).action).toBe('continue');
    expect(p001('formal', assess(SEED_001_RULE_SET, { period: p1, figures: figs(9), asOf: '2027-03' })).action).toBe('continue');
  });

  it('a rectification (issued by hand) is not resolved by a KPI pass; a fail still terminates', () => {
    const p1 = regularPeriod(cal, 1);
    const ok = [pm('2027-02', { newlyBound: 10, newlyBoundGmvYuan: 50_000 }), pm('2027-03'), pm('2027-04')];
    expect(p001('rectification', assess(SEED_001_RULE_SET, { period: p1, figures: ok })).action).toBe('continue');
    const bad = ok.map((f, i) => ({ ...f, newlyBound: i === 0 ? 9 : 0 }));
    expect(p001('rectification', assess(SEED_001_RULE_SET, { period: p1, figures: bad }))).toMatchObject({ action: 'terminate', toStatus: 'terminated' });
  });

  it('refuses a result that does not fit the status or the rule set', () => {
    const trialResult = assess(SEED_001_RULE_SET, { period: cal.trial, figures: passing });
    expect(() => p001('formal', trialResult)).toThrow(RangeError);
    expect(() => proposeAction({ ruleSet: SEED_002_RULE_SET, status: 'formal', result: trialResult, effectiveDate: '2027-02-01' })).toThrow(RangeError);
  });

  it('nothing to propose for a cooperation that has ended', () => {
    expect(p001('terminated', assess(SEED_001_RULE_SET, { period: cal.trial, figures: failing }))).toMatchObject({ action: 'none', event: null });
  });
});

describe('missing figures → needsData (never a pass)', () => {
  it('at the trial end: needsData, not confirmable without an override; the alternatives are exposed', () => {
    const result = assess(SEED_001_RULE_SET, { period: cal.trial, figures: passing.slice(0, 2) });
    expect(result.outcome).toBe('incomplete');
    const p = p001('trial', result);
    expect(p).toMatchObject({ action: 'needsData', event: null, toStatus: null, requiresOverride: true });
    expect(p.alternatives?.ifPassed.action).toBe('confirm');
    expect(p.alternatives?.ifFailed).toMatchObject({ action: 'terminate', termination: { reason: 'failedAssessment' } });
    expect(canConfirm(p)).toBe(false);
    expect(canConfirm(p, true)).toBe(true);
    expect(canConfirm(p.alternatives!.ifFailed)).toBe(true);
  });

  it('when the missing figures cannot change the action, no data is needed (early look at a regular period)', () => {
    const p1 = regularPeriod(cal, 1);
    const p = p001('formal', assess(SEED_001_RULE_SET, { period: p1, figures: [], asOf: '2027-02' }));
    expect(p).toMatchObject({ action: 'continue', requiresOverride: false, alternatives: null });
  });

  it('seed 002: a month with a missing rate asks for data', () => {
    const result = assess(SEED_002_RULE_SET, { period: assessedMonth('2026-11-15', 1), figures: [mm('2026-12', { pickupRatePercent: null })] });
    const p = proposeAction({ ruleSet: SEED_002_RULE_SET, status: 'formal', result, effectiveDate: '2026-12-31' });
    expect(p.action).toBe('needsData');
    expect(p.alternatives).toMatchObject({ ifPassed: { action: 'continue' }, ifFailed: { action: 'rectificationNotice' } });
  });
});

describe('seed 002: 一次通知整改,二次清退', () => {
  const certified = '2026-11-15';
  const month = (n: number) => assessedMonth(certified, n);
  const step = (n: number, over: Parameters<typeof mm>[1] = {}) => {
    const p = month(n);
    return { result: assess(SEED_002_RULE_SET, { period: p, figures: [mm(p.months[0]!, over)] }), effectiveDate: p.end };
  };
  const FAIL = { pickupRatePercent: 80 };
  const run = (ruleSet: MonthlyWarningRuleSet, steps: ReturnType<typeof step>[]) => replayAssessments(ruleSet, 'formal', steps).map((s) => `${s.proposal.action}:${s.statusAfter}`);

  it('warning then termination over two months (December notice, January 清退 — no waiting period: seed 002 states none)', () => {
    const replay = replayAssessments(SEED_002_RULE_SET, 'formal', [step(1, FAIL), step(2, FAIL)]);
    expect(replay.map((s) => [s.result.period.end, s.statusBefore, s.proposal.action, s.statusAfter])).toEqual([
      ['2026-12-31', 'formal', 'rectificationNotice', 'rectification'],
      ['2027-01-31', 'rectification', 'terminate', 'terminated'],
    ]);
    expect(replay[0]!.proposal).toMatchObject({ event: 'rectify', letter: 'rectificationNotice', termination: null });
    expect(replay[1]!.proposal.termination).toEqual({ reason: 'failedAssessment', effectiveDate: '2027-01-31', readmission: { kind: 'whenRequirementsMet' } });
    // A program that adopts seed 003's 180 days: may apply again from 2027-07-31 (181 days after 2027-01-31).
    const seed003 = { ...SEED_002_RULE_SET, bans: { ...SEED_002_RULE_SET.bans, failedAssessment: 180 } };
    expect(replayAssessments(seed003, 'formal', [step(1, FAIL), step(2, FAIL)])[1]!.proposal.termination?.readmission).toEqual({ kind: 'date', until: '2027-07-31' });
  });

  it('a passed month resolves the rectification (back to 正式); a later failure is a first one again', () => {
    expect(run(SEED_002_RULE_SET, [step(1, FAIL), step(2), step(3, FAIL), step(4)])).toEqual([
      'rectificationNotice:rectification',
      'resolveRectification:formal',
      'rectificationNotice:rectification',
      'resolveRectification:formal',
    ]);
  });

  it("with secondFailure 'any', a failure after an earlier notice terminates even after a passed month", () => {
    const strict = { ...SEED_002_RULE_SET, secondFailure: 'any' as const };
    expect(run(strict, [step(1, FAIL), step(2), step(3, FAIL)])).toEqual(['rectificationNotice:rectification', 'resolveRectification:formal', 'terminate:terminated']);
  });

  it('passing months change nothing; after the termination nothing more is proposed', () => {
    expect(run(SEED_002_RULE_SET, [step(1), step(2), step(3, FAIL), step(4, FAIL), step(5)])).toEqual([
      'continue:formal',
      'continue:formal',
      'rectificationNotice:rectification',
      'terminate:terminated',
      'none:terminated',
    ]);
  });

  it('a month with missing data holds the status (needsData) and is not counted as a failure', () => {
    expect(run(SEED_002_RULE_SET, [step(1, FAIL), step(2, { merchantLevel: null }), step(3)])).toEqual(['rectificationNotice:rectification', 'needsData:rectification', 'resolveRectification:formal']);
  });

  it('seed 002 has no trial', () => {
    expect(() => proposeAction({ ruleSet: SEED_002_RULE_SET, status: 'trial', result: step(1).result, effectiveDate: '2026-12-31' })).toThrow(RangeError);
  });
});

describe('seed 001 course over the trial and two periods (replayed)', () => {
  it('提前转正 on November–December figures, period 1 from January; 9 new merchants there → 清退', () => {
    const early = periodicCalendar('2026-11-01', SEED_001_RULE_SET, '2026-12');
    const p1 = regularPeriod(early, 1);
    expect(p1.start).toBe('2027-01-01');
    const figures = [...passing.slice(0, 2), pm('2027-01', { newlyBound: 5, newlyBoundGmvYuan: 50_000 }), pm('2027-02', { newlyBound: 2 }), pm('2027-03', { newlyBound: 2 })];
    const steps = [
      { result: assess(SEED_001_RULE_SET, { period: early.trial, figures }), effectiveDate: '2027-01-03' },
      { result: assess(SEED_001_RULE_SET, { period: p1, figures }), effectiveDate: '2027-04-02' },
    ];
    expect(replayAssessments(SEED_001_RULE_SET, 'trial', steps).map((s) => `${s.proposal.action}:${s.statusAfter}`)).toEqual(['confirm:formal', 'terminate:terminated']);
  });
});
