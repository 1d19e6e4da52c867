// Defects the API fuzz found, kept as regression tests with the input that triggered them.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { callError } from '../../support/call';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { contentDigest } from '../../support/fuzz/fuzz-api';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { worksheetName } from '../../../electron/services/rounds/round-export';

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

describe('API fuzz findings: ranking', () => {
  async function rankedRound() {
    const ctx = await createTestContext();
    const setUp = await setUpRound(ctx);
    const a1 = await addApplicant(ctx, setUp.round.id, 1, '杭州市', [setUp.hangzhou.id], 40_000);
    const a2 = await addApplicant(ctx, setUp.round.id, 2, '杭州市', [setUp.hangzhou.id], 41_000);
    const sz = await addApplicant(ctx, setUp.round.id, 3, '深圳市', [setUp.shenzhen.id], 42_000);
    return { ctx, ...setUp, a1, a2, sz };
  }

  it('a committee order with a duplicate or a foreign application is refused before it is stored; the round stays readable', async () => {
    const { ctx, round, hangzhou, a1, a2, sz } = await rankedRound();
    const before = contentDigest(ctx.db);
    expect(await callError(ctx, 'ranking.committeeOrder', { roundId: round.id, regionId: hangzhou.id, applicationIds: [a1.id, a2.id, a1.id], reason: '评审小组合议' })).toMatchObject({ code: 'VALIDATION' });
    expect(await callError(ctx, 'ranking.committeeOrder', { roundId: round.id, regionId: hangzhou.id, applicationIds: [a1.id, sz.id], reason: '评审小组合议' })).toMatchObject({ code: 'VALIDATION' });
    expect(contentDigest(ctx.db)).toBe(before);
    await ok(ctx, 'ranking.committeeOrder', { roundId: round.id, regionId: hangzhou.id, applicationIds: [a2.id, a1.id], reason: '评审小组合议' });
    expect((await ok(ctx, 'rounds.get', { id: round.id })).options.committeeOrder).toEqual({ [hangzhou.id]: [a2.id, a1.id] });
  });

  it('analysis of a region that is not in the round is NOT_FOUND, not INTERNAL', async () => {
    const { ctx, round } = await rankedRound();
    expect(await callError(ctx, 'ranking.analysis', { roundId: round.id, regionId: '7d745338-a7fa-4a0e-8000-000d00000000', viewerMemberId: null })).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('API fuzz findings: XLSX worksheet names', () => {
  it('names Excel accepts, whatever the region is called', () => {
    const taken = new Set(['汇总']);
    expect(worksheetName("'&&Y_!_ap'", taken, '区域1')).toBe('&&Y_!_ap');
    expect(worksheetName('汇总', taken, '区域2')).toBe('汇总 (2)');
    expect(worksheetName("''", taken, '区域3')).toBe('区域3');
    expect(worksheetName('History', taken, '区域4')).toBe('区域4');
    expect(worksheetName('a:b/c\u0000d', taken, '区域5')).toBe('a b c d');
    const long = '诸暨珍珠产业带'.repeat(6);
    const first = worksheetName(long, taken, '区域6');
    const second = worksheetName(long, taken, '区域7');
    expect([first.length, second.length]).toEqual([31, 31]);
    expect(second).not.toBe(first);
  });

  it('the ranking exports as XLSX after a region was renamed with quotes and a clash with the summary sheet', async () => {
    const ctx = await createTestContext();
    const { roundId } = await ok(ctx, 'demo.load', {});
    const regions = ctx.db.prepare('SELECT id, city, quota, waitlist_length, version FROM round_regions WHERE round_id = ? ORDER BY rowid').all(roundId) as { id: string; city: string; quota: number; waitlist_length: number; version: number }[];
    for (const [i, name] of ["'引号区域'", '汇总'].entries()) {
      const r = regions[i]!;
      await ok(ctx, 'regions.update', { roundId, regionId: r.id, version: r.version, data: { name, city: r.city, quota: r.quota, waitlistLength: r.waitlist_length } });
    }
    const members = ctx.db.prepare('SELECT id FROM members WHERE round_id = ?').pluck().all(roundId) as string[];
    const results = await Promise.all(members.map((viewerMemberId) => dispatch(handlers, ctx, 'ranking.export', { roundId, viewerMemberId, format: 'xlsx' })));
    expect(results.some((r) => r.ok)).toBe(true);
    expect(results.filter((r) => !r.ok && r.error.code === 'INTERNAL')).toEqual([]);
  });
});
