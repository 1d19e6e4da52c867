// ranking.analysis is cut to its region and cached per region, the last 16 regions only (ranking-service.ts,
// issue 8). Going through more regions than are kept, and back, every analysis still equals analyseRegion over
// the whole round's input, and a changed score shows at once.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { analyseRegion } from '../../../shared/ranking/analysis';
import { rankRound } from '../../../shared/ranking/rank-round';
import type { RoundInput } from '../../../shared/ranking/types';
import { getRound } from '../../../electron/services/rounds/round-repo';
import { liveResults } from '../../../electron/services/rounds/ranking-service';
import type { TestContext } from '../../support/service-context';

const CRITERIA = ['strength', 'technical', 'reputation', 'price'];

/** The whole round's input as the ranking sees it (every application eligible here), read plainly. */
function wholeInput(ctx: TestContext, roundId: string): RoundInput {
  const results = liveResults(ctx, roundId);
  const regionsOf = new Map<string, { regionId: string; preference: number }[]>();
  for (const r of results.ranking.regions) for (const e of r.entries) regionsOf.set(e.applicationId, [...(regionsOf.get(e.applicationId) ?? []), { regionId: r.regionId, preference: e.preference }]);
  const first = results.ranking.regions.flatMap((r) => r.entries);
  return {
    applications: [...regionsOf].map(([applicationId, regions]) => {
      const e = first.find((x) => x.applicationId === applicationId)!;
      return { applicationId, applicantId: e.applicantId, priceQuote: e.priceQuote, eligible: true, regions };
    }),
    regions: getRound(ctx.db, roundId).regions.map((r) => ({ regionId: r.id, quota: r.quota, waitlistLength: r.waitlistLength })),
    scores: ctx.db.prepare('SELECT s.application_id AS applicationId, h.member_id AS memberId, s.criterion, s.value FROM scores s JOIN score_sheets h ON h.id = s.sheet_id WHERE h.submitted_at IS NOT NULL').all() as RoundInput['scores'][number][],
    recusals: [],
  };
}

describe('ranking.analysis cache', () => {
  it('stays equal to the whole-round analysis across more regions than it keeps, and after a change', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou } = await setUpRound(ctx);
    const regions = [hangzhou];
    for (let r = 0; r < 19; r++) regions.push(await ok(ctx, 'regions.add', { roundId: round.id, data: { name: `杭州第${r}产业带`, city: '杭州市', quota: 1, waitlistLength: 1 } }));
    const apps = [];
    for (let i = 0; i < 24; i++) apps.push(await addApplicant(ctx, round.id, i + 1, '杭州市', [regions[i % 20]!.id, regions[(i + 7) % 20]!.id], 30_000 + i * 100));
    const members = [await ok(ctx, 'members.add', { roundId: round.id, data: { name: '赵组长', role: 'chair' } }), await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } })];
    for (const [m, member] of members.entries()) {
      for (const [i, app] of apps.entries()) for (const [c, criterion] of CRITERIA.entries()) await ok(ctx, 'scores.set', { memberId: member.id, applicationId: app.id, criterion, value: 60 + ((i * 7 + m * 5 + c * 3) % 40), comment: '' });
      await ok(ctx, 'scores.submit', { memberId: member.id });
    }
    const viewer = members[0]!.id;
    const check = async () => {
      const input = wholeInput(ctx, round.id);
      const ranking = rankRound(input, getRound(ctx.db, round.id).options);
      // Twice through all 20 regions: the second pass meets evicted and kept entries alike.
      for (let pass = 0; pass < 2; pass++) for (const r of regions) expect(await ok(ctx, 'ranking.analysis', { roundId: round.id, regionId: r.id, viewerMemberId: viewer })).toEqual(analyseRegion(input, ranking, r.id));
    };
    await check();
    await ok(ctx, 'scores.amend', { memberId: members[1]!.id, applicationId: apps[3]!.id, criterion: 'technical', value: 99, comment: '', reason: '复核' });
    await check();
  });
});
