// A finalized round keeps the screening it was finalized with (issue 7): later bans do not change it, and
// before reopening, the chair sees what a recomputation would change — nothing moves until they confirm.
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { finalizedRound, ok } from '../../support/round-fixture';
import { callError } from '../../support/call';
import { syntheticCreditCode } from '../../support/credit-codes';

// The fixture: reference date 2026-11-23; 杭州 (quota 2, waitlist 1) admits applicants 1 and 2, applicant 3 waits.
async function setUp() {
  const ctx = await createTestContext();
  const f = await finalizedRound(ctx);
  const [first, second, third] = f.apps;
  const hangzhouAdmitted = async () => (await ok(ctx, 'ranking.results', { roundId: f.round.id, viewerMemberId: null })).allocation.regions.find((r) => r.regionId === f.hangzhou.id)!;
  const banFirst = (startsOn: string) => ok(ctx, 'bans.add', { creditCode: syntheticCreditCode(1), programId: f.program.id, startsOn, until: null, reason: 'illegal', note: '' });
  const eligibleOfFirst = async (c: TestContext = ctx) => (await ok(c, 'screening.list', { roundId: f.round.id })).find((r) => r.applicationId === first!.id)!.eligible;
  return { ctx, ...f, first: first!, second: second!, third: third!, hangzhouAdmitted, banFirst, eligibleOfFirst };
}

describe('finalized rounds and later bans', () => {
  it('a ban starting after the reference date changes nothing, not even after reopening', async () => {
    const s = await setUp();
    await s.banFirst('2026-11-24');
    const preview = await ok(s.ctx, 'rounds.reopenPreview', { roundId: s.round.id });
    expect(preview).toMatchObject({ screening: [], selection: [], screeningStored: true, finalizedBy: '王评审' });
    await ok(s.ctx, 'rounds.reopen', { roundId: s.round.id, reason: '复核' });
    expect(await s.eligibleOfFirst()).toBe(true);
  });

  it('a backdated ban leaves the finalized screening and selection as they were; the preview lists the change and why', async () => {
    const s = await setUp();
    expect((await s.hangzhouAdmitted()).admitted).toEqual([s.first.id, s.second.id]);
    await s.banFirst('2026-11-01');
    // Frozen: the screening and the list the committee signed.
    expect(await s.eligibleOfFirst()).toBe(true);
    expect((await s.hangzhouAdmitted()).admitted).toEqual([s.first.id, s.second.id]);

    const preview = await ok(s.ctx, 'rounds.reopenPreview', { roundId: s.round.id });
    expect(preview.screening).toEqual([
      expect.objectContaining({ applicationId: s.first.id, regionId: s.hangzhou.id, before: true, after: false, failedBefore: [], failedAfter: [{ kind: 'noCooldown', outcome: 'fail', until: null, reason: 'illegal' }] }),
    ]);
    expect(preview.selection).toEqual([
      { applicationId: s.first.id, regionId: s.hangzhou.id, before: { status: 'admitted', waitlistPosition: null }, after: { status: 'ineligible', waitlistPosition: null } },
      { applicationId: s.third.id, regionId: s.hangzhou.id, before: { status: 'waitlist', waitlistPosition: 1 }, after: { status: 'admitted', waitlistPosition: null } },
    ]);
    expect(preview.labels.applications[s.first.id]!.legalName).toBe('杭州第1鉴定有限公司');
    // The preview moved nothing.
    expect((await ok(s.ctx, 'rounds.get', { id: s.round.id })).status).toBe('finalized');
    expect((await s.hangzhouAdmitted()).admitted).toEqual([s.first.id, s.second.id]);

    // Once the chair confirms, the round is screened as of today's records.
    await ok(s.ctx, 'rounds.reopen', { roundId: s.round.id, reason: '发现再准入限制' });
    expect(await s.eligibleOfFirst()).toBe(false);
    expect(await callError(s.ctx, 'rounds.reopenPreview', { roundId: s.round.id })).toMatchObject({ code: 'CONFLICT' });
  });

  it('a finalization made before the screening was stored is compared through its selection list', async () => {
    const s = await setUp();
    s.ctx.db.prepare("UPDATE finalizations SET snapshot = json_remove(snapshot, '$.screening') WHERE round_id = ?").run(s.round.id);
    await s.banFirst('2026-11-01');
    // Without a stored screening the finalized round falls back to screening it now; its selection stays frozen.
    expect((await s.hangzhouAdmitted()).admitted).toEqual([s.first.id, s.second.id]);
    const preview = await ok(s.ctx, 'rounds.reopenPreview', { roundId: s.round.id });
    expect(preview.screeningStored).toBe(false);
    expect(preview.screening).toMatchObject([{ applicationId: s.first.id, before: true, after: false }]);
    expect(preview.selection.map((c) => [c.applicationId, c.before.status, c.after.status])).toEqual([
      [s.first.id, 'admitted', 'ineligible'],
      [s.third.id, 'waitlist', 'admitted'],
    ]);
  });
});
