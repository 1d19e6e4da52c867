// What an assessment returns: one verdict per KPI with the figures that decided it (so the UI can show
// "增长 9.99% < 10%" and never has to recompute), the routes of seed 001, and the overall outcome.
// Plain JSON-safe data (no BigInt, no Date): it crosses IPC and is stored with the assessment run.
import type { KpiRuleSetKind } from './kpi-rules';
import type { YearMonth } from './months';
import type { Period } from './periods';

/** One KPI: 'missing' when a figure it needs was not entered — never counted as a pass. */
export type KpiOutcome = 'pass' | 'fail' | 'missing';

export type KpiResult =
  /**
   * Seed 001: net merchants newly bound in the assessed months (sum), on top of earlier periods (§3.4);
   * boundBefore = net bindings since the trial began up to the period, cumulative = boundBefore + actual.
   */
  | { readonly kpi: 'newlyBound'; readonly outcome: KpiOutcome; readonly actual: number | null; readonly min: number; readonly boundBefore: number | null; readonly cumulative: number | null; readonly missingMonths: readonly YearMonth[] }
  /** Seed 001 指标1: GMV (元) of the newly bound merchants over the assessed months. */
  | { readonly kpi: 'gmv'; readonly outcome: KpiOutcome; readonly actualYuan: number | null; readonly minYuan: number; readonly missingMonths: readonly YearMonth[] }
  /** Seed 001 指标2: orders in the period's first month. */
  | { readonly kpi: 'firstMonthOrders'; readonly outcome: KpiOutcome; readonly month: YearMonth; readonly actual: number | null; readonly min: number }
  /** Seed 001 指标2: one later month's growth over the month before; growthPercent is rounded for display. */
  | {
      readonly kpi: 'orderGrowth';
      readonly outcome: KpiOutcome;
      readonly month: YearMonth;
      readonly previousMonth: YearMonth;
      readonly orders: number | null;
      readonly previousOrders: number | null;
      /** (orders − previousOrders) / previousOrders in %, PERCENT_DECIMALS decimals; null = unknown or unlimited. */
      readonly growthPercent: number | null;
      readonly minPercent: number;
    }
  /** Seed 001 §3.2 (trial only, unless the program says every period): staff who passed the rules exam, as entered for `month`. */
  | { readonly kpi: 'staffPassedExam'; readonly outcome: KpiOutcome; readonly actual: number | null; readonly min: number; readonly month: YearMonth }
  /** Seed 002 ①: merchant level number (L3 → 3). */
  | { readonly kpi: 'merchantLevel'; readonly outcome: KpiOutcome; readonly actual: number | null; readonly min: number }
  /** Seed 002 ②: 近30天发揽率 (%). */
  | { readonly kpi: 'pickupRate'; readonly outcome: KpiOutcome; readonly actualPercent: number | null; readonly minPercent: number }
  /** Seed 002 ③: 近30天客服响应率 (%). */
  | { readonly kpi: 'responseRate'; readonly outcome: KpiOutcome; readonly actualPercent: number | null; readonly minPercent: number };
export type KpiKey = KpiResult['kpi'];

/**
 * Seed 001's two alternative KPI sets (满足其一即可). 'open' = cannot be met before the period ends: the
 * order route asks for growth in EVERY month of the period, so it is never met early (see assess-periodic).
 */
export type RouteKey = 'gmv' | 'orderGrowth';
export interface RouteResult {
  readonly route: RouteKey;
  readonly outcome: KpiOutcome | 'open';
}

/**
 * - pass: the figures prove the rule is met (a figure missing only on a route that is not needed does not
 *   hold a pass back: the other route passed on complete figures);
 * - fail: not met, decided on complete figures only;
 * - incomplete: not proven met and at least one figure missing — the proposed action is 'needsData'.
 */
export type AssessmentOutcome = 'pass' | 'fail' | 'incomplete';

export interface AssessmentResult {
  readonly kind: KpiRuleSetKind;
  readonly period: Period;
  /** The last month whose figures were read; earlier than the period's last month for an early look. */
  readonly asOf: YearMonth;
  /** The months read: the period's months up to asOf. */
  readonly months: readonly YearMonth[];
  /** Whether asOf is the period's last month, i.e. the verdict is the period's final one. */
  readonly final: boolean;
  readonly outcome: AssessmentOutcome;
  readonly kpis: readonly KpiResult[];
  /** The KPIs with a missing figure, once each, in kpis order — listed even when the outcome is a pass. */
  readonly missing: readonly KpiKey[];
  /** Seed 001 only (null for seed 002). */
  readonly routes: readonly RouteResult[] | null;
}

// ------------------------------------------------------------------------- three-valued logic helpers

type Tri = KpiOutcome;

/** Every part must pass: a fail decides, else a missing part leaves it missing. */
export function allOf(parts: readonly Tri[]): Tri {
  return parts.includes('fail') ? 'fail' : parts.includes('missing') ? 'missing' : 'pass';
}

/** One alternative must pass: a pass decides, else a missing one leaves it missing. */
export function anyOf(parts: readonly Tri[]): Tri {
  return parts.includes('pass') ? 'pass' : parts.includes('missing') ? 'missing' : 'fail';
}

export const verdict = (ok: boolean | null): KpiOutcome => (ok === null ? 'missing' : ok ? 'pass' : 'fail');

/** The overall outcome: a proven pass is a pass; otherwise any missing figure makes it incomplete. */
export function overallOutcome(rule: Tri, kpis: readonly KpiResult[]): AssessmentOutcome {
  if (rule === 'pass') return 'pass';
  return kpis.some((k) => k.outcome === 'missing') ? 'incomplete' : 'fail';
}

export function missingKpis(kpis: readonly KpiResult[]): KpiKey[] {
  return [...new Set(kpis.filter((k) => k.outcome === 'missing').map((k) => k.kpi))];
}
