// Issue 8, memory: the cached screening shares one object per distinct rule verdict (screening-service.ts
// shareVerdicts). The rows read exactly as computed; equal verdicts are one object, different ones are not
// merged; and the screening served from the cache equals a fresh computation.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { computeScreening, freshScreening, screenRound, shareVerdicts } from '../../../electron/services/rounds/screening-service';

describe('the cached screening shares equal verdicts', () => {
  it('keeps every row as computed and shares only equal verdicts', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou, shenzhen } = await setUpRound(ctx);
    for (let i = 1; i <= 6; i++) await addApplicant(ctx, round.id, i, i <= 3 ? '杭州市' : '深圳市', [hangzhou.id, shenzhen.id], 40_000 + i, i === 2 ? { registeredCapitalWan: 10 } : {});
    const rows = computeScreening(ctx, round.id);
    const shared = shareVerdicts(rows);
    expect(shared).toEqual(rows);
    const all = shared.flatMap((r) => r.results);
    const distinct = new Set(all);
    expect(distinct.size).toBeLessThan(all.length / 2);
    // Objects are shared exactly when their content is equal.
    const byContent = new Map<string, object>();
    for (const v of all) {
      const key = JSON.stringify(v);
      if (byContent.has(key)) expect(v).toBe(byContent.get(key));
      else byContent.set(key, v);
    }
    expect(distinct.size).toBe(byContent.size);
    // The same-city verdicts differ by city pair, and stay apart.
    const sameCity = new Set(all.filter((v) => v.kind === 'sameCity').map((v) => JSON.stringify(v)));
    expect(sameCity.size).toBeGreaterThanOrEqual(4);
    expect(screenRound(ctx, round.id)).toEqual(freshScreening(ctx, round.id));
    await ok(ctx, 'screening.list', { roundId: round.id });
  });
});
