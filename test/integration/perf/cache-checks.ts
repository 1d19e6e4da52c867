// Extra comparisons for cache-consistency.test.ts: members.list progress (aggregate SQL) against the
// cell-by-cell count it replaced; the ranking cache joins here.
import { expect } from 'vitest';
import type { TestContext } from '../../support/service-context';
import { listMembers } from '../../../electron/services/rounds/committee-service';
import { scoredCriteria } from '../../../electron/services/rounds/scoring-service';
import { freshScreening } from '../../../electron/services/rounds/screening-service';

/** The progress as the app counted it before issue 8: every cell read and filtered. */
function progressByReadingCells(ctx: TestContext, roundId: string) {
  const members = ctx.db.prepare('SELECT m.id, s.id AS sheet_id FROM members m JOIN score_sheets s ON s.member_id = m.id WHERE m.round_id = ? ORDER BY m.sort').all(roundId) as { id: string; sheet_id: string }[];
  const criteria = new Set(scoredCriteria(ctx, roundId));
  const scorable = new Set(freshScreening(ctx, roundId).filter((r) => r.eligible).map((r) => r.applicationId));
  return members.map((m) => {
    const recused = new Set((ctx.db.prepare('SELECT application_id FROM recusals WHERE member_id = ?').all(m.id) as { application_id: string }[]).map((x) => x.application_id));
    const cells = ctx.db.prepare('SELECT application_id, criterion FROM scores WHERE sheet_id = ?').all(m.sheet_id) as { application_id: string; criterion: string }[];
    const filled = cells.filter((c) => criteria.has(c.criterion) && scorable.has(c.application_id) && !recused.has(c.application_id)).length;
    return { id: m.id, filled, required: [...scorable].filter((id) => !recused.has(id)).length * criteria.size };
  });
}

export const extraChecks = {
  fill(_ctx: TestContext, _roundId: string): void {},
  async compare(ctx: TestContext, roundId: string, _memberIds: string[]): Promise<void> {
    expect(listMembers(ctx, roundId).map((m) => ({ id: m.id, filled: m.filled, required: m.required }))).toEqual(progressByReadingCells(ctx, roundId));
  },
};
