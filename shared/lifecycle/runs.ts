// Assessment runs over time: a month is judged ONCE per cooperation. Running the same month again must not
// stack a second judgement on the first (issue 7: 2026-12 run 1 → 整改 confirmed; run 2 of 2026-12, now
// seeing the status 整改中, proposed 清退 for the very same failure). Rules:
// - a cooperation whose action for the month was confirmed in an earlier run is already judged for it: a
//   rerun shows that judgement and proposes nothing (a confirmed action is never proposed again);
// - nor is a month assessed once a LATER month was judged for the cooperation: its status already carries
//   that later judgement (run 2027-01 → 整改, then 2026-12 would see 整改中 and propose 清退);
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

/** A confirmed action of the same cooperation for a later month. */
export interface LaterJudgement {
  readonly runId: string;
  readonly month: YearMonth;
  readonly action: string;
}

export type RerunDecision =
  /** Assess and propose; the listed runs' open proposals for this cooperation are superseded. */
  | { readonly kind: 'assess'; readonly supersedes: readonly string[] }
  /** Already judged in `runId` (confirmed as `action`) — for this month, or for the later `month`: propose nothing. */
  | { readonly kind: 'judged'; readonly runId: string; readonly action: string; readonly month?: YearMonth };

export function rerunDecision(priors: readonly PriorAction[], later: readonly LaterJudgement[] = []): RerunDecision {
  const judged = priors.find((p) => p.confirmed !== null);
  if (judged) return { kind: 'judged', runId: judged.runId, action: judged.confirmed! };
  const latest = [...later].sort((a, b) => b.month.localeCompare(a.month))[0];
  if (latest) return { kind: 'judged', runId: latest.runId, action: latest.action, month: latest.month };
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
