// What a sequence of assessments would lead to if the chair confirmed every proposal: the preview of a
// cooperation's course (seed 002: fail → 整改通知, fail → 清退) and the harness of the history tests.
import { isTerminal, nextStatus, type CooperationStatus } from './cooperation';
import { proposeAction, type Proposal } from './actions';
import type { AssessedRuleSet } from './kpi-rules';
import type { IsoDay } from './months';
import type { AssessmentResult } from './results';

export interface ReplayStep {
  readonly result: AssessmentResult;
  readonly effectiveDate: IsoDay;
}

export interface ReplayedStep {
  readonly result: AssessmentResult;
  readonly statusBefore: CooperationStatus;
  readonly proposal: Proposal;
  /** The status once the proposal is confirmed (unchanged for continue, needsData and none). */
  readonly statusAfter: CooperationStatus;
}

/** Replays the steps in order from `initial`, confirming each proposal; after an ending, proposals are 'none'. */
export function replayAssessments(ruleSet: AssessedRuleSet, initial: CooperationStatus, steps: readonly ReplayStep[]): ReplayedStep[] {
  let status = initial;
  let notices = 0;
  return steps.map(({ result, effectiveDate }) => {
    const statusBefore = status;
    const proposal = proposeAction({ ruleSet, status, result, effectiveDate, noticesBefore: notices });
    if (proposal.event !== null) status = nextStatus(status, proposal.event) ?? status;
    if (proposal.action === 'rectificationNotice') notices += 1;
    return { result, statusBefore, proposal, statusAfter: isTerminal(statusBefore) ? statusBefore : status };
  });
}
