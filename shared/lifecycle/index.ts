// Public surface of the lifecycle core: life after selection (issue 4, DOMAIN.md §3–§5). Typical use
// (services layer):
//
//   const ruleSet = kpiRuleSetSchema.parse(program.kpiRules);            // or SEED_001_RULE_SET
//   if (!isAssessed(ruleSet)) return;                                      // 无考核（安心鉴）: ended by hand only
//   if (rerunDecision(priors, later).kind === 'judged') return;            // a month is judged once (runs.ts)
//   const cal = periodicCalendar(admittedOn, ruleSet);                    // seed 001 dates
//   const result = assess(ruleSet, { period: cal.trial, figures, since }); // per-KPI verdicts, exact
//   const proposal = proposeAction({ ruleSet, status, result, effectiveDate: today });
//   if (canConfirm(proposal, override)) record(proposal.event, proposal.termination);
//   // an ending by hand: programReadmission(ruleSet, reason, status, effectiveDate)  (bans.ts)
//
// Pure: no I/O, no clock (`effectiveDate`, `asOf` are arguments), inputs never mutated.
export * from './constants';
export * from './months';
export * from './cooperation';
export * from './kpi-rules';
export * from './figures';
export * from './periods';
export * from './results';
export { assess, type AssessmentInput } from './assess';
export { assessPeriodic, sumNewlyBound, type PeriodicAssessmentInput } from './assess-periodic';
export { assessMonthly, type MonthlyAssessmentInput } from './assess-monthly';
export { growthAtLeast, growthPercent } from './exact';
export * from './actions';
export * from './replay';
export * from './termination';
export * from './bans';
export * from './exit';
export type { BanReason, Readmission } from '../eligibility/readmission';
export * from './runs';
