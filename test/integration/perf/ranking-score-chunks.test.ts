// Issue 8, memory: the ranking reads each submitted sheet's scores in chunks along the primary key
// (ranking-service.ts feedScores) instead of the whole sheet at once. Whatever the chunk size — one row,
// sizes that split an application's criteria across chunks, or larger than a sheet — the ranking is the one
// rankRound computes over the scores read as one array, and the chunk query walks the primary key without
// sorting.
import { afterEach, describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { freshResults, setScoreChunk } from '../../../electron/services/rounds/ranking-service';
import { getRound } from '../../../electron/services/rounds/round-repo';
import { rankRound } from '../../../shared/ranking/rank-round';
import { orderedInput } from './cache-checks';

afterEach(() => setScoreChunk(4_096));

describe('scores fed to the ranking in chunks', () => {
  it('gives the same ranking for every chunk size', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou, shenzhen } = await setUpRound(ctx);
    const apps = [];
    for (let i = 1; i <= 7; i++) apps.push(await addApplicant(ctx, round.id, i, i % 2 ? '杭州市' : '深圳市', i % 2 ? [hangzhou.id] : [shenzhen.id], 30_000 + i * 1_000));
    for (const [m, name] of ['赵组长', '钱委员', '孙委员'].entries()) {
      const member = await ok(ctx, 'members.add', { roundId: round.id, data: { name, role: m === 0 ? 'chair' : 'member' } });
      const sheet = await ok(ctx, 'scores.sheet', { memberId: member.id });
      expect(sheet.applicationIds.length).toBeGreaterThan(3);
      for (const [i, applicationId] of sheet.applicationIds.entries()) for (const [c, criterion] of sheet.criteria.entries()) await ok(ctx, 'scores.set', { memberId: member.id, applicationId, criterion, value: 50 + ((i * 7 + c * 3 + m * 11) % 45) + (i % 2) * 0.5, comment: '' });
      if (m < 2) await ok(ctx, 'scores.submit', { memberId: member.id }); // the third sheet stays a draft: not counted
    }
    const reference = freshResults(ctx, round.id);
    expect(reference.ranking).toEqual(rankRound(orderedInput(ctx, round.id, reference), getRound(ctx.db, round.id).options));
    for (const chunk of [1, 2, 3, 4, 5, 7, 28, 29, 10_000]) {
      setScoreChunk(chunk);
      expect(freshResults(ctx, round.id).ranking, `chunk ${chunk}`).toEqual(reference.ranking);
    }
    const plan = (ctx.db.prepare("EXPLAIN QUERY PLAN SELECT application_id, criterion, value FROM scores WHERE sheet_id = ? AND (application_id, criterion) > (?, ?) ORDER BY application_id, criterion LIMIT ?").all('s', 'a', 'c', 1) as { detail: string }[]).map((r) => r.detail).join('; ');
    expect(plan).toMatch(/USING INDEX sqlite_autoindex_scores_1 \(sheet_id=\? AND \(application_id,criterion\)>\(\?,\?\)\)/);
    expect(plan).not.toMatch(/TEMP B-TREE/);
  });
});
