// The committee's order of a still-tied group (ranking.committeeOrder), stored per region in the round's
// options. An order may only list applications for that region, each once, so it is never longer than the
// region's applications. Before this check any list was stored: a 100k-id order froze every later read
// (an O(n²) duplicate check and ranking loop) across restarts. Orders already stored by an older version are
// cleaned on read (cleanStoredCommitteeOrder), in one pass with Sets, so such a database opens at once.
import type { Db } from '../../db/open';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';

/** regionId → the ids of the round's applications that chose it (withdrawn ones included: they stay listed). */
export function applicationsByRegion(db: Db, roundId: string): Map<string, Set<string>> {
  const rows = db
    .prepare('SELECT ar.region_id AS regionId, ar.application_id AS applicationId FROM application_regions ar JOIN applications a ON a.id = ar.application_id WHERE a.round_id = ?')
    .all(roundId) as { regionId: string; applicationId: string }[];
  const byRegion = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = byRegion.get(r.regionId) ?? new Set<string>();
    set.add(r.applicationId);
    byRegion.set(r.regionId, set);
  }
  return byRegion;
}

/**
 * Refuses an order that lists an application twice, lists something that is not an application for the
 * region, or lists more ids than the region has applications (zh-CN messages).
 */
export function assertCommitteeOrder(byRegion: Map<string, Set<string>>, regionId: string, applicationIds: readonly string[]): void {
  const allowed = byRegion.get(regionId) ?? new Set<string>();
  if (applicationIds.length > allowed.size) {
    throw new AppError('VALIDATION', zh('error.committeeOrderTooLong', { count: applicationIds.length, max: allowed.size }));
  }
  const seen = new Set<string>();
  for (const id of applicationIds) {
    if (seen.has(id)) throw new AppError('VALIDATION', zh('error.rule.duplicateCommitteeOrder'));
    if (!allowed.has(id)) throw new AppError('VALIDATION', zh('error.committeeOrderForeign'));
    seen.add(id);
  }
}

/**
 * A stored order as today's rules would have accepted it: regions of the round only, each id once and only
 * ids of applications for that region, so its length is bounded by the region's applications. Anything
 * else in the stored value (an old version's 100k ids, non-strings, a non-object) is dropped: the ranking then
 * shows the tie as still open, and the committee orders it again. One pass, O(total ids).
 */
export function cleanStoredCommitteeOrder(db: Db, roundId: string, stored: unknown): Record<string, string[]> {
  if (stored === null || typeof stored !== 'object' || Array.isArray(stored)) return {};
  const entries = Object.entries(stored as Record<string, unknown>);
  if (entries.length === 0) return {};
  const byRegion = applicationsByRegion(db, roundId);
  const out: Record<string, string[]> = {};
  for (const [regionId, ids] of entries) {
    const allowed = byRegion.get(regionId);
    if (!allowed || !Array.isArray(ids)) continue;
    const kept = new Set<string>();
    for (const id of ids) {
      if (typeof id === 'string' && allowed.has(id)) kept.add(id);
      // Once every application of the region is listed, nothing further can be kept: stop reading.
      if (kept.size === allowed.size) break;
    }
    if (kept.size > 0) out[regionId] = [...kept];
  }
  return out;
}
