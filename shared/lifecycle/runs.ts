// Assessment runs over time: a month is judged ONCE per cooperation. Running the same month again must not
// stack a second judgement on the first (issue 7: 2026-12 run 1 → 整改 confirmed; run 2 of 2026-12, now
// seeing the status 整改中, proposed 清退 for the very same failure). Rules:
// - a cooperation whose action for the month was confirmed in an earlier run is already judged for it: a
//   rerun shows that judgement and proposes nothing (a confirmed action is never proposed again);
// - otherwise the rerun assesses it afresh and REPLACES the earlier runs' unconfirmed proposals for it (they
//   are marked superseded and can no longer be confirmed), so at most one open proposal exists per
//   cooperation and month;
// - a run is stale for a cooperation once the figures it read change afterwards (or the program's rule set
//   does): its proposals stay visible, flagged, and cannot be confirmed until the month is run again.
import type { YearMonth } from './months';

/** An earlier run's action for the same cooperation and month. */
export interface PriorAction {
  readonly runId: string;
  readonly confirmed: string | null;
  readonly supersededBy: string | null;
}

export type RerunDecision =
  /** Assess and propose; the listed runs' open proposals for this cooperation are superseded. */
  | { readonly kind: 'assess'; readonly supersedes: readonly string[] }
  /** Already judged in `runId` (confirmed as `action`): show it, propose nothing. */
  | { readonly kind: 'judged'; readonly runId: string; readonly action: string };

export function rerunDecision(priors: readonly PriorAction[]): RerunDecision {
  const judged = priors.find((p) => p.confirmed !== null);
  if (judged) return { kind: 'judged', runId: judged.runId, action: judged.confirmed! };
  return { kind: 'assess', supersedes: priors.filter((p) => p.supersededBy === null).map((p) => p.runId) };
}

/** A month's figures as a run read them (any figures record: it carries its month). */
export type FiguresRecord = { readonly month: YearMonth } & Readonly<Record<string, unknown>>;

/** Same values; a month with no record equals a record whose figures are all empty (null). */
const same = (a: FiguresRecord | undefined, b: FiguresRecord | undefined): boolean => {
  const keys = new Set([...Object.keys(a ?? {}), ...Object.keys(b ?? {})].filter((k) => k !== 'month'));
  return [...keys].every((k) => (a?.[k] ?? null) === (b?.[k] ?? null));
};

/**
 * The months among `months` whose figures differ between what a run read (`used`) and what is stored now
 * (`current`), ascending. A month entered, cleared or changed counts; re-saving the same values does not.
 */
export function changedMonths(months: readonly YearMonth[], used: readonly FiguresRecord[], current: readonly FiguresRecord[]): YearMonth[] {
  const at = (list: readonly FiguresRecord[], m: YearMonth) => list.find((r) => r.month === m);
  return [...months].sort().filter((m) => !same(at(used, m), at(current, m)));
}
