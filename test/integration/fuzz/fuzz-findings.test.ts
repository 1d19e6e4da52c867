// Defects the API fuzz found, kept as regression tests with the input that triggered them.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { callError } from '../../support/call';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
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

describe('API fuzz findings: exchange', () => {
  it('the same review package exported twice in the same millisecond is handed out again, recorded once', async () => {
    const ctx = await createTestContext({ user: '赵组长' });
    const { round } = await setUpRound(ctx);
    const member = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
    const first = await ok(ctx, 'exchange.exportPackage', { roundId: round.id, memberId: member.id });
    const again = await ok(ctx, 'exchange.exportPackage', { roundId: round.id, memberId: member.id });
    expect(again.sha256).toBe(first.sha256);
    expect(ctx.db.prepare('SELECT count(*) FROM round_packages').pluck().get()).toBe(1);
    expect(ctx.db.prepare("SELECT count(*) FROM change_log WHERE after LIKE '%\"package\"%'").pluck().get()).toBe(1);
    // A moment later it is a new package (a new export time), recorded as such.
    ctx.tick();
    expect((await ok(ctx, 'exchange.exportPackage', { roundId: round.id, memberId: member.id })).sha256).not.toBe(first.sha256);
    expect(ctx.db.prepare('SELECT count(*) FROM round_packages').pluck().get()).toBe(2);
  });
});
