// What changed since finalizing (issue 7): before the chair reopens a finalized round, the frozen screening
// and selection are compared with what a recomputation would give now — who would become ineligible or
// eligible and why (the rules that fail), and whose place in the selection list would move. Pure: the
// backend passes both sides; nothing here touches the round.
import type { RuleResult } from '../eligibility/evaluate';
import type { PlacementStatus } from '../ranking/results';
import type { RoundResults } from './results-view';
import type { ScreeningRow } from './views';

export interface ScreeningChange {
  applicationId: string;
  regionId: string;
  /** null: the pair was not screened then / is not now (application added, withdrawn, regions changed). */
  before: boolean | null;
  after: boolean | null;
  /** The rules that failed then and fail now (the reasons, in words, in the renderer). */
  failedBefore: RuleResult[];
  failedAfter: RuleResult[];
  overrideBefore: ScreeningRow['override'];
  overrideAfter: ScreeningRow['override'];
}

export interface Placed {
  /** 'absent': not in that region's list at all. */
  status: PlacementStatus | 'absent';
  waitlistPosition: number | null;
}

export interface SelectionChange {
  applicationId: string;
  regionId: string;
  before: Placed;
  after: Placed;
}

export interface ReopenPreview {
  roundId: string;
  programId: string;
  referenceDate: string;
  finalizedAt: string;
  finalizedBy: string;
  /** false for finalizations made before the screening was stored: "before" is read from the results. */
  screeningStored: boolean;
  screening: ScreeningChange[];
  selection: SelectionChange[];
  /** Names of the applications and regions on both sides. */
  labels: Pick<RoundResults['labels'], 'applications' | 'regions'>;
}

export interface DiffInput {
  finalized: RoundResults;
  /** The screening frozen at finalization; null for older finalizations. */
  finalizedScreening: ScreeningRow[] | null;
  screening: ScreeningRow[];
  recomputed: RoundResults;
}

const key = (applicationId: string, regionId: string) => `${applicationId}|${regionId}`;
const failing = (row: ScreeningRow | undefined) => (row ? row.results.filter((r) => r.outcome !== 'pass') : []);

/** Where every (application, region) pair stands in a result: its placement, or 'ineligible' when screened out there. */
export function placements(results: RoundResults): Map<string, Placed> {
  const map = new Map<string, Placed>();
  for (const region of results.allocation.regions) for (const p of region.placements) map.set(key(p.applicationId, p.regionId), { status: p.status, waitlistPosition: p.waitlistPosition });
  for (const i of results.ineligible) map.set(key(i.applicationId, i.regionId), { status: 'ineligible', waitlistPosition: null });
  return map;
}

/** Older finalizations kept no screening: a pair placed as ineligible failed it, any other placed pair passed. */
function eligibilityFromResults(results: RoundResults): Map<string, boolean> {
  return new Map([...placements(results)].map(([k, p]) => [k, p.status !== 'ineligible']));
}

export function diffSinceFinalizing(input: DiffInput): Omit<ReopenPreview, 'roundId' | 'programId' | 'referenceDate' | 'finalizedAt' | 'finalizedBy'> {
  const { finalized, recomputed } = input;
  const beforeRows = new Map((input.finalizedScreening ?? []).map((r) => [key(r.applicationId, r.regionId), r]));
  const afterRows = new Map(input.screening.map((r) => [key(r.applicationId, r.regionId), r]));
  const beforeEligible = input.finalizedScreening ? new Map([...beforeRows].map(([k, r]) => [k, r.eligible])) : eligibilityFromResults(finalized);
  const regionOrder = [...new Set([...recomputed.regionOrder, ...finalized.regionOrder])];
  const labels = {
    applications: { ...finalized.labels.applications, ...recomputed.labels.applications },
    regions: { ...finalized.labels.regions, ...recomputed.labels.regions },
  };
  const order = (a: { applicationId: string; regionId: string }, b: { applicationId: string; regionId: string }) =>
    regionOrder.indexOf(a.regionId) - regionOrder.indexOf(b.regionId) ||
    (labels.applications[a.applicationId]?.legalName ?? '').localeCompare(labels.applications[b.applicationId]?.legalName ?? '', 'zh-CN') ||
    a.applicationId.localeCompare(b.applicationId);
  const split = (k: string) => {
    const [applicationId, regionId] = k.split('|') as [string, string];
    return { applicationId, regionId };
  };

  const screening: ScreeningChange[] = [];
  for (const k of new Set([...beforeEligible.keys(), ...afterRows.keys()])) {
    const before = beforeEligible.get(k) ?? null;
    const afterRow = afterRows.get(k);
    const after = afterRow ? afterRow.eligible : null;
    if (before === after) continue;
    const beforeRow = beforeRows.get(k);
    screening.push({ ...split(k), before, after, failedBefore: failing(beforeRow), failedAfter: failing(afterRow), overrideBefore: beforeRow?.override ?? null, overrideAfter: afterRow?.override ?? null });
  }

  const then = placements(finalized);
  const now = placements(recomputed);
  const absent: Placed = { status: 'absent', waitlistPosition: null };
  const selection: SelectionChange[] = [];
  for (const k of new Set([...then.keys(), ...now.keys()])) {
    const before = then.get(k) ?? absent;
    const after = now.get(k) ?? absent;
    if (before.status === after.status && before.waitlistPosition === after.waitlistPosition) continue;
    selection.push({ ...split(k), before, after });
  }

  return { screeningStored: input.finalizedScreening !== null, screening: screening.sort(order), selection: selection.sort(order), labels };
}
