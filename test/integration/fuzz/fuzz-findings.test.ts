// Defects the API fuzz found, kept as regression tests with the input that triggered them.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { callError } from '../../support/call';
import { addApplicant, setUpRound } from '../../support/round-fixture';
import { contentDigest } from '../../support/fuzz/fuzz-api';

describe('API fuzz findings', () => {
  it('a price quote below one 分 is a validation error, not INTERNAL, and nothing changes', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou } = await setUpRound(ctx);
    const app = await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000);
    const before = contentDigest(ctx.db);
    const error = await callError(ctx, 'applications.update', { id: app.id, data: { priceQuoteYuan: 1.4701012726046416e-45, strengthStatement: '', regionIds: [hangzhou.id] } });
    expect(error).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'data.priceQuoteYuan' }] });
    expect(contentDigest(ctx.db)).toBe(before);
  });
});
