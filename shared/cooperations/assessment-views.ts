// Assessment runs as the backend returns them (see electron/services/assessments).
import type { Proposal } from '../lifecycle/actions';
import type { AssessmentResult } from '../lifecycle/results';
import type { MonthlyWarningFigures, PeriodicFigures } from '../lifecycle/figures';
import type { YearMonth } from '../lifecycle/months';
import type { CooperationStatus } from '../lifecycle/cooperation';

export type MonthFigures = PeriodicFigures | MonthlyWarningFigures;

export interface RunEntry {
  cooperationId: string;
  legalName: string;
  creditCode: string;
  regionName: string;
  status: CooperationStatus;
  /** null when the cooperation has no assessed period containing the month (e.g. seed 002 before its first). */
  result: AssessmentResult | null;
  proposal: Proposal | null;
}

export interface AssessmentRun {
  id: string;
  programId: string;
  periodLabel: string;
  asOf: YearMonth;
  effectiveDate: string;
  entries: RunEntry[];
  actions: { cooperationId: string; proposed: string; confirmed: string | null; confirmedAt: string | null; confirmedBy: string | null; note: string }[];
  createdAt: string;
  createdBy: string;
}
