// Locale keys for what the assessments pages name: figure fields, statuses, outcomes, actions, refusals.
// Maps rather than built strings, so the compiler checks every value has a text in both languages.
import type { FigureField, FigureProblem } from '../../../shared/cooperations/figure-text';
import type { CooperationStatus } from '../../../shared/lifecycle/cooperation';
import type { ProposedAction } from '../../../shared/lifecycle/actions';
import type { AssessmentOutcome, KpiOutcome } from '../../../shared/lifecycle/results';
import type { Readmission } from '../../../shared/eligibility/readmission';
import type { MessageKey } from '../../i18n/i18n';

export const FIELD_LABEL: Record<FigureField, MessageKey> = {
  newlyBound: 'kpi.field.newlyBound',
  newlyBoundGmvYuan: 'kpi.field.newlyBoundGmvYuan',
  orders: 'kpi.field.orders',
  staffPassedExam: 'kpi.field.staffPassedExam',
  merchantLevel: 'kpi.field.merchantLevel',
  pickupRatePercent: 'kpi.field.pickupRatePercent',
  responseRatePercent: 'kpi.field.responseRatePercent',
};

export const REFUSAL: Record<FigureProblem, MessageKey> = {
  number: 'kpi.refusal.number',
  integer: 'kpi.refusal.integer',
  negative: 'kpi.refusal.negative',
  tooLarge: 'kpi.refusal.tooLarge',
  decimals2: 'kpi.refusal.decimals2',
  percentRange: 'kpi.refusal.percentRange',
  level: 'kpi.refusal.level',
  fractionPercent: 'kpi.refusal.fractionPercent',
};

export const STATUS_LABEL: Record<CooperationStatus, MessageKey> = {
  trial: 'assessments.status.trial',
  formal: 'assessments.status.formal',
  rectification: 'assessments.status.rectification',
  terminated: 'assessments.status.terminated',
  exited: 'assessments.status.exited',
};

export const OUTCOME_LABEL: Record<AssessmentOutcome, MessageKey> = {
  pass: 'run.outcome.pass',
  fail: 'run.outcome.fail',
  incomplete: 'run.outcome.incomplete',
};

export const KPI_OUTCOME_LABEL: Record<KpiOutcome, MessageKey> = {
  pass: 'run.kpiOutcome.pass',
  fail: 'run.kpiOutcome.fail',
  missing: 'run.kpiOutcome.missing',
};

export const ACTION_LABEL: Record<ProposedAction, MessageKey> = {
  continue: 'run.action.continue',
  confirm: 'run.action.confirm',
  confirmEarly: 'run.action.confirmEarly',
  rectificationNotice: 'run.action.rectificationNotice',
  resolveRectification: 'run.action.resolveRectification',
  terminate: 'run.action.terminate',
  needsData: 'run.action.needsData',
  none: 'run.action.none',
};

export const READMISSION_LABEL: Record<Readmission['kind'], MessageKey> = {
  date: 'run.readmission.date',
  never: 'run.readmission.never',
  whenRequirementsMet: 'run.readmission.whenRequirementsMet',
  chairSets: 'run.readmission.chairSets',
};
