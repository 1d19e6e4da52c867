// The action an assessment proposes (建议处理), per rule set and the cooperation's history. The chair
// confirms it (individually or in bulk) and the confirmation becomes a dated status change; this module
// only proposes, it records nothing.
//
// seed 001 (periodic):  trial  pass → 转正 (confirm), or 提前转正 (confirmEarly) before the trial's last month
//                              fail at the trial's end → 清退 (failedAssessment); earlier → continue
//                       formal pass → continue (into the next period, §3.3 "进入下一考核周期")
//                              fail at the period's end → 清退, "取消…认证资质,解除相关合作协议"
// The waiting period a termination starts is the program's (bans.ts): seed 001 §五 gives 180 days to a
// failed regular period only — a failed trial and seed 002's 清退 wait none unless the program says so.
// seed 002 (monthly):   formal pass → continue;  fail → 整改通知 (rectificationNotice)
//                       rectification pass → resolveRectification (back to 正式);  fail → 清退
// A seed 001 cooperation in rectification (a notice for conduct, issued by hand) is assessed like a formal
// one: a pass does not resolve a notice the KPIs did not cause; the chair resolves it.
// Any outcome 'incomplete' → 'needsData', unless the missing figures could not change the action.
import { isTerminal, nextStatus, type CooperationEvent, type CooperationStatus } from './cooperation';
import type { AssessedRuleSet } from './kpi-rules';
import type { IsoDay, YearMonth } from './months';
import type { AssessmentResult } from './results';
import { terminationUnder, type Termination } from './termination';

export type ProposedAction =
  | 'continue' // nothing to record
  | 'confirm' // 转正 at the trial's end
  | 'confirmEarly' // 提前转正
  | 'rectificationNotice' // 整改通知
  | 'resolveRectification' // rectification passed: back to 正式
  | 'terminate' // 清退
  | 'needsData' // figures missing: enter them, or override explicitly with one of the alternatives
  | 'none'; // the cooperation has already ended

/** The letter a confirmed action issues (the letters module words it). */
export type ActionLetter = 'rectificationNotice' | 'terminationNotice';

export interface Proposal {
  readonly action: ProposedAction;
  /** The status event confirming it records; null when nothing changes (continue, needsData, none). */
  readonly event: CooperationEvent | null;
  readonly toStatus: CooperationStatus | null;
  /** For 'terminate': reason 'failedAssessment' with the program's re-admission (bans.ts). */
  readonly termination: Termination | null;
  readonly letter: ActionLetter | null;
  /** For confirm/confirmEarly: the trial's last month, for periodicCalendar(…, confirmedThrough). */
  readonly confirmedThrough: YearMonth | null;
  /**
   * True for 'needsData': the chair cannot confirm it as is. With an explicit, recorded override the chair
   * may confirm one of the alternatives — what the figures would propose had they passed or failed.
   */
  readonly requiresOverride: boolean;
  readonly alternatives: { readonly ifPassed: Proposal; readonly ifFailed: Proposal } | null;
}

export interface ProposeInput {
  readonly ruleSet: AssessedRuleSet;
  /** The cooperation's status when the assessed period ended. */
  readonly status: CooperationStatus;
  readonly result: AssessmentResult;
  /** The day a termination would take effect (normally the decision date); it sets the re-admission date. */
  readonly effectiveDate: IsoDay;
  /** Rectification notices issued to this cooperation before (used by seed 002 with secondFailure 'any'). */
  readonly noticesBefore?: number;
}

const plain = (action: ProposedAction, event: CooperationEvent | null, status: CooperationStatus, extra: Partial<Proposal> = {}): Proposal => ({
  action,
  event,
  toStatus: event === null ? null : nextStatus(status, event),
  termination: null,
  letter: null,
  confirmedThrough: null,
  requiresOverride: false,
  alternatives: null,
  ...extra,
});

function decide(input: ProposeInput, passed: boolean): Proposal {
  const { ruleSet, status, result } = input;
  const terminate = () => plain('terminate', 'terminate', status, { termination: terminationUnder(ruleSet, status, 'failedAssessment', input.effectiveDate), letter: 'terminationNotice' });
  const carryOn = () => plain('continue', null, status);

  if (ruleSet.kind === 'periodic') {
    const expected = status === 'trial' ? 'trial' : 'regular';
    if (result.period.kind !== expected) throw new RangeError(`a ${status} cooperation is assessed on a ${expected} period, got ${result.period.kind}`);
    if (!result.final) {
      // Seed 001 §3.2 "提前完成考核指标,可提前申请转正": only the trial can end early; a regular period is
      // judged at its end ("至当期考核周期结束"), so an early look at it proposes nothing.
      const early = passed && status === 'trial' && ruleSet.earlyConfirmation;
      return early ? plain('confirmEarly', 'confirm', status, { confirmedThrough: result.asOf }) : carryOn();
    }
    if (!passed) return terminate();
    return status === 'trial' ? plain('confirm', 'confirm', status, { confirmedThrough: result.asOf }) : carryOn();
  }

  if (status === 'trial') throw new RangeError('seed 002 has no trial: a certified provider starts as formal');
  if (passed) return status === 'rectification' ? plain('resolveRectification', 'resolveRectification', status) : carryOn();
  // Seed 002 "一次通知整改,二次清退": the failure after an open notice terminates; see SECOND_FAILURE_MODES.
  const second = status === 'rectification' || (ruleSet.secondFailure === 'any' && (input.noticesBefore ?? 0) > 0);
  return second ? terminate() : plain('rectificationNotice', 'rectify', status, { letter: 'rectificationNotice' });
}

const sameAction = (a: Proposal, b: Proposal) => a.action === b.action && a.event === b.event;

/** The proposed action for one assessment result. Throws RangeError on a result that does not fit the status. */
export function proposeAction(input: ProposeInput): Proposal {
  if (input.result.kind !== input.ruleSet.kind) throw new RangeError(`a ${input.result.kind} result under a ${input.ruleSet.kind} rule set`);
  if (isTerminal(input.status)) return plain('none', null, input.status);
  if (input.result.outcome !== 'incomplete') return decide(input, input.result.outcome === 'pass');
  const ifPassed = decide(input, true);
  const ifFailed = decide(input, false);
  // Missing figures that cannot change the action (e.g. an early look at a regular period) need no data.
  if (sameAction(ifPassed, ifFailed)) return ifPassed;
  return { ...plain('needsData', null, input.status), requiresOverride: true, alternatives: { ifPassed, ifFailed } };
}

/** Whether the chair may confirm the proposal: always, except 'needsData' without an explicit override. */
export function canConfirm(proposal: Proposal, override = false): boolean {
  return !proposal.requiresOverride || override;
}
