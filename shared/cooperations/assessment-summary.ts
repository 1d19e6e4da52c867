// The list of a program's assessment runs (考核记录), newest first, as the assessments page shows it.
import type { YearMonth } from '../lifecycle/months';

export interface AssessmentRunSummary {
  id: string;
  asOf: YearMonth;
  effectiveDate: string;
  createdAt: string;
  createdBy: string;
  /** Providers in the run, and how many of their actions the chair has confirmed. */
  entries: number;
  confirmed: number;
  /** Proposals a later run of the same month replaced (they can no longer be confirmed here). */
  superseded: number;
  /** The figures, rules or a status changed after the run (see assessment-views EntryStaleness). */
  stale: boolean;
}
