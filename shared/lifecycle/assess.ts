// One entry point for an assessment run: the rule set's kind picks the evaluation. Typed so a seed 001
// rule set takes seed 001 figures and a seed 002 rule set takes seed 002 figures. A 'noAssessment' rule
// set (seed 000) is never assessed: callers check isAssessed first.
import { assessMonthly, type MonthlyAssessmentInput } from './assess-monthly';
import { assessPeriodic, type PeriodicAssessmentInput } from './assess-periodic';
import type { AssessedRuleSet, MonthlyWarningRuleSet, PeriodicRuleSet } from './kpi-rules';
import type { AssessmentResult } from './results';

export type AssessmentInput = PeriodicAssessmentInput | MonthlyAssessmentInput;

/** Evaluates one provider's figures for one period. Never mutates its arguments. */
export function assess(ruleSet: PeriodicRuleSet, input: PeriodicAssessmentInput): AssessmentResult;
export function assess(ruleSet: MonthlyWarningRuleSet, input: MonthlyAssessmentInput): AssessmentResult;
export function assess(ruleSet: AssessedRuleSet, input: AssessmentInput): AssessmentResult;
export function assess(ruleSet: AssessedRuleSet, input: AssessmentInput): AssessmentResult {
  return ruleSet.kind === 'periodic' ? assessPeriodic(ruleSet, input as PeriodicAssessmentInput) : assessMonthly(ruleSet, input as MonthlyAssessmentInput);
}
