// Extra comparisons for cache-consistency.test.ts: members.list progress (aggregate SQL) against the
// cell-by-cell count it replaced, the scoring grid's live counters of filled cells per application against a
// fresh count, and the cached ranking (whole, per region, summary, analysis) against a fresh computation.
import { expect } from 'vitest';
import type { TestContext } from '../../support/service-context';
import { listMembers } from '../../../electron/services/rounds/committee-service';
import { scoredCriteria } from '../../../electron/services/rounds/scoring-service';
import { freshScreening } from '../../../electron/services/rounds/screening-service';
import { freshResults, liveResults, rankingSummary, regionAnalysis, regionRanking, regionSensitivity, roundResults } from '../../../electron/services/rounds/ranking-service';
import { weightSensitivity } from '../../../shared/ranking/sensitivity';
import { getRound } from '../../../electron/services/rounds/round-repo';
import { regionResults, resultsSummary } from '../../../shared/rounds/region-results';
import { analyseRegion } from '../../../shared/ranking/analysis';
import { rankRound } from '../../../shared/ranking/rank-round';
import type { RoundResults } from '../../../shared/rounds/results-view';
import type { RoundInput } from '../../../shared/ranking/types';
import { sheetApplicationCounts } from '../../../electron/services/cache/change-tracker';

const sheetsOf = (ctx: TestContext, roundId: string) => ctx.db.prepare('SELECT id FROM score_sheets WHERE round_id = ? ORDER BY id').pluck().all(roundId) as string[];

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

const timeless = (r: RoundResults) => ({ ...r, computedAt: '' });

/** The scores of submitted sheets, read with ORDER BY as before issue 8, for the analysis reference. */
export function orderedInput(ctx: TestContext, roundId: string, results: RoundResults): RoundInput {
  const round = getRound(ctx.db, roundId);
  const active = new Set(Object.keys(results.labels.applications));
  const scores = (
    ctx.db
      .prepare('SELECT s.application_id AS applicationId, h.member_id AS memberId, s.criterion, s.value FROM scores s JOIN score_sheets h ON h.id = s.sheet_id WHERE h.round_id = ? AND h.submitted_at IS NOT NULL ORDER BY h.member_id, s.application_id, s.criterion')
      .all(roundId) as RoundInput['scores'][number][]
  ).filter((s) => active.has(s.applicationId));
  const recusals = (ctx.db.prepare('SELECT c.application_id AS applicationId, c.member_id AS memberId FROM recusals c JOIN members m ON m.id = c.member_id WHERE m.round_id = ?').all(roundId) as RoundInput['recusals'][number][]).filter((r) => active.has(r.applicationId));
  const screening = freshScreening(ctx, roundId);
  const eligible = new Set(screening.filter((s) => s.eligible).map((s) => `${s.applicationId}|${s.regionId}`));
  const applications = (ctx.db.prepare('SELECT a.id, a.dossier_id, a.price_quote_fen FROM applications a WHERE a.round_id = ? AND a.withdrawn_at IS NULL').all(roundId) as { id: string; dossier_id: number; price_quote_fen: number | null }[]).map((a) => {
    const choices = (ctx.db.prepare('SELECT region_id FROM application_regions WHERE application_id = ? ORDER BY preference').all(a.id) as { region_id: string }[]).map((r, i) => ({ regionId: r.region_id, preference: i + 1 }));
    const ok = choices.filter((c) => eligible.has(`${a.id}|${c.regionId}`));
    return { applicationId: a.id, applicantId: String(a.dossier_id), priceQuote: a.price_quote_fen == null ? null : a.price_quote_fen / 100, eligible: ok.length > 0, regions: ok.length > 0 ? ok : choices };
  });
  return { applications, regions: round.regions.map((r) => ({ regionId: r.id, quota: r.quota, waitlistLength: r.waitlistLength })), scores, recusals };
}

export const extraChecks = {
  fill(ctx: TestContext, roundId: string): void {
    liveResults(ctx, roundId);
    listMembers(ctx, roundId);
    for (const sheetId of sheetsOf(ctx, roundId)) sheetApplicationCounts(ctx.db, sheetId);
  },
  async compare(ctx: TestContext, roundId: string, memberIds: string[]): Promise<void> {
    expect(listMembers(ctx, roundId).map((m) => ({ id: m.id, filled: m.filled, required: m.required }))).toEqual(progressByReadingCells(ctx, roundId));
    for (const sheetId of sheetsOf(ctx, roundId)) {
      const live = sheetApplicationCounts(ctx.db, sheetId); // null on the read-only connection: it keeps none
      if (!live) continue;
      const counted = ctx.db.prepare('SELECT application_id, COUNT(*) FROM scores WHERE sheet_id = ? GROUP BY application_id ORDER BY application_id').raw().all(sheetId) as [string, number][];
      expect([...live].filter(([, n]) => n !== 0).sort(([a], [b]) => (a < b ? -1 : 1))).toEqual(counted);
    }

    const fresh = freshResults(ctx, roundId);
    expect(timeless(liveResults(ctx, roundId))).toEqual(timeless(fresh));
    const round = getRound(ctx.db, roundId);
    // The service streams the scores into the core (shared/ranking/stream.ts): the same ranking as rankRound
    // over the scores read as an array, as before issue 8.
    expect(fresh.ranking).toEqual(rankRound(orderedInput(ctx, roundId, fresh), round.options));
    const viewer = memberIds.find((id) => (ctx.db.prepare('SELECT submitted_at FROM score_sheets WHERE member_id = ?').get(id) as { submitted_at: string | null }).submitted_at);
    if (round.status !== 'finalized' && !viewer) return;
    const shown = round.status === 'finalized' ? roundResults(ctx, roundId, null) : fresh;
    expect(timeless(roundResults(ctx, roundId, viewer ?? null))).toEqual(timeless(shown));
    for (const region of round.regions) {
      const whole = roundResults(ctx, roundId, viewer ?? null);
      const slice = regionRanking(ctx, roundId, region.id, viewer ?? null);
      expect(slice).toEqual(regionResults(whole, region.id));
      // The slice is exactly the region's part of the whole results (a naive cut for reference).
      const ids = new Set([...whole.ranking.regions.find((r) => r.regionId === region.id)!.entries.map((e) => e.applicationId), ...whole.ineligible.filter((x) => x.regionId === region.id).map((x) => x.applicationId)]);
      expect(slice).toMatchObject({
        ranking: whole.ranking.regions.find((r) => r.regionId === region.id),
        allocation: whole.allocation.regions.find((r) => r.regionId === region.id),
        explanations: whole.explanations.filter((x) => x.regionId === region.id),
        ineligible: whole.ineligible.filter((x) => x.regionId === region.id),
        wins: whole.allocation.wins.filter((w) => ids.has(w.applicationId)),
        labels: { applications: Object.fromEntries(Object.entries(whole.labels.applications).filter(([id]) => ids.has(id))), regions: whole.labels.regions, members: whole.labels.members },
      });
      const input = orderedInput(ctx, roundId, fresh);
      expect(regionAnalysis(ctx, roundId, region.id, viewer ?? null)).toEqual(analyseRegion(input, rankRound(input, round.options), region.id));
      // Cached per region with the ranking it describes (the frozen one once finalized).
      expect(regionSensitivity(ctx, roundId, region.id, viewer ?? null)).toEqual(weightSensitivity(shown.ranking, region.id));
    }
    expect(rankingSummary(ctx, roundId, viewer ?? null)).toEqual(resultsSummary(roundResults(ctx, roundId, viewer ?? null)));
  },
};
