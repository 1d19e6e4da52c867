// The finalization of a round as stored: the frozen snapshot of the results and, since re-admission bans
// are judged as of the reference date (issue 7), the screening as it stood when the chair finalized. A
// finalized round shows exactly these; the reopen preview compares them with a recomputation.
import type { Db } from '../../db/open';
import type { RoundResults } from '../../../shared/rounds/results-view';
import type { ScreeningRow } from '../../../shared/rounds/views';

export interface FinalizationSnapshot {
  results: RoundResults;
  /** Absent in finalizations made before it was stored: the screening is then recomputed. */
  screening?: ScreeningRow[];
}

export interface StoredFinalization {
  id: string;
  finalizedAt: string;
  finalizedBy: string;
  snapshot: FinalizationSnapshot;
}

interface Row {
  id: string;
  finalized_at: string;
  finalized_by: string;
  snapshot: string;
}

/** The finalization in force (not reopened), if any. */
export function currentFinalization(db: Db, roundId: string): StoredFinalization | null {
  const row = db.prepare('SELECT id, finalized_at, finalized_by, snapshot FROM finalizations WHERE round_id = ? AND reopened_at IS NULL ORDER BY finalized_at DESC LIMIT 1').get(roundId) as Row | undefined;
  if (!row) return null;
  return { id: row.id, finalizedAt: row.finalized_at, finalizedBy: row.finalized_by, snapshot: JSON.parse(row.snapshot) as FinalizationSnapshot };
}
