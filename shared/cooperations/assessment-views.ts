// Assessment runs as the backend returns them (see electron/services/assessments).
import type { Proposal } from '../lifecycle/actions';
import type { AssessmentResult } from '../lifecycle/results';
import type { MonthlyWarningFigures, PeriodicFigures } from '../lifecycle/figures';
import type { YearMonth } from '../lifecycle/months';
import type { CooperationStatus } from '../lifecycle/cooperation';

export type MonthFigures = PeriodicFigures | MonthlyWarningFigures;

/** Why a run's entry no longer matches the data (computed on every read, never stored). */
export interface EntryStaleness {
  /** Months whose figures changed after the run read them. */
  changedMonths: string[];
  /** The program's rule set differs from the one the run used. */
  rulesChanged: boolean;
  /** The cooperation's status changed since the run while its proposal was still open. */
  statusChanged: boolean;
}

export interface RunEntry {
  cooperationId: string;
  legalName: string;
  creditCode: string;
  regionName: string;
  status: CooperationStatus;
  /** null when the cooperation has no assessed period containing the month (e.g. seed 002 before its first). */
  result: AssessmentResult | null;
  proposal: Proposal | null;
  /** The figures the run read (every month from the cooperation's first up to the month assessed); absent in runs made before reruns were tracked. */
  figuresUsed?: MonthFigures[];
  /**
   * The month was already judged for this cooperation — or a later `month` was, whose judgement its status
   * already carries: the run and the action confirmed there (no proposal now).
   */
  judgedIn?: { runId: string; action: string; month?: string } | null;
  /** Computed on read: null when the entry still matches the data. */
  stale?: EntryStaleness | null;
}

export interface AssessmentRun {
  id: string;
  programId: string;
  periodLabel: string;
  asOf: YearMonth;
  effectiveDate: string;
  entries: RunEntry[];
  actions: { cooperationId: string; proposed: string; confirmed: string | null; confirmedAt: string | null; confirmedBy: string | null; note: string; supersededBy: string | null; supersededAt: string | null }[];
  createdAt: string;
  createdBy: string;
  /** Some entry is stale (see EntryStaleness): the figures, rules or a status changed after the run. */
  stale: boolean;
}
