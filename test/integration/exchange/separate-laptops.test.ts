// The committee on separate laptops: the chair and two members as three data directories. Packages go out,
// members score offline and send signed sheets back, an amendment supersedes, a replay, an older version,
// a forged signer, another round's sheet and a stale package are refused with nothing written, and the
// ranking equals the same scores typed on one laptop.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { createTestContext, type TestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';

const SCORES: Record<string, number[]> = { 钱委员: [90, 80, 70], 孙委员: [72.5, 88, 91] };
const count = (ctx: TestContext, sql: string) => (ctx.db.prepare(sql).get() as { n: number }).n;

async function chairRound(chair: TestContext) {
  const { round, hangzhou, shenzhen } = await setUpRound(chair, { priceMode: 'lowestPrice' });
  const apps = [
    await addApplicant(chair, round.id, 1, '杭州市', [hangzhou.id], 40_000),
    await addApplicant(chair, round.id, 2, '杭州市', [hangzhou.id], 38_000),
    await addApplicant(chair, round.id, 3, '深圳市', [shenzhen.id], 45_000),
  ];
  const zhao = await ok(chair, 'members.add', { roundId: round.id, data: { name: '赵组长', role: 'chair' } });
  const qian = await ok(chair, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
  const sun = await ok(chair, 'members.add', { roundId: round.id, data: { name: '孙委员', role: 'member' } });
  return { round, apps, zhao, qian, sun };
}

/** A member's laptop: identity card to the chair, package in, scores typed, sheet out. */
async function memberLaptop(name: string) {
  const laptop = await createTestContext({ user: name });
  const card = await ok(laptop, 'exchange.identityCard', { name });
  const identity = await ok(laptop, 'exchange.identity', {});
  return { laptop, card, identity };
}

async function scoreOnLaptop(laptop: TestContext, roundId: string, memberId: string, values: number[]) {
  const sheet = await ok(laptop, 'scores.sheet', { memberId });
  sheet.applicationIds.forEach(() => undefined);
  for (const [i, applicationId] of sheet.applicationIds.entries()) {
    for (const criterion of sheet.criteria) await ok(laptop, 'scores.set', { memberId, applicationId, criterion, value: values[i]!, comment: '' });
  }
  await ok(laptop, 'scores.submit', { memberId });
  return sheet;
}

describe('separate laptops', () => {
  it('sends packages, receives signed sheets, refuses tampering and replays, and ranks as on one laptop', async () => {
    const chair = await createTestContext({ user: '赵组长' });
    const { round, apps, zhao, qian, sun } = await chairRound(chair);
    const members = { 钱委员: qian, 孙委员: sun };
    const laptops = { 钱委员: await memberLaptop('钱委员'), 孙委员: await memberLaptop('孙委员') };

    // The chair registers each card after the fingerprint is read aloud; a wrong reading is refused.
    expect(await dispatch(handlers, chair, 'exchange.registerMemberKey', { memberId: qian.id, cardBase64: laptops.钱委员.card.dataBase64, confirmedFingerprint: '00000 00000 00000 00000 00000 00000' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    for (const name of ['钱委员', '孙委员'] as const) {
      expect(await ok(chair, 'exchange.registerMemberKey', { memberId: members[name].id, cardBase64: laptops[name].card.dataBase64, confirmedFingerprint: laptops[name].identity.fingerprint })).toEqual({ name, fingerprint: laptops[name].identity.fingerprint });
    }
    // A registered member can no longer be typed in on the chair's laptop.
    expect(await dispatch(handlers, chair, 'scores.set', { memberId: qian.id, applicationId: apps[0]!.id, criterion: 'strength', value: 80, comment: '' })).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('签名') } });

    // The chair scores on the chair's own laptop as before.
    const chairSheet = await ok(chair, 'scores.sheet', { memberId: zhao.id });
    for (const applicationId of chairSheet.applicationIds) for (const criterion of chairSheet.criteria) await ok(chair, 'scores.set', { memberId: zhao.id, applicationId, criterion, value: 75, comment: '' });
    await ok(chair, 'scores.submit', { memberId: zhao.id });

    const chairFingerprint = (await ok(chair, 'exchange.identity', {})).fingerprint;
    const sheets: Record<string, string> = {};
    for (const name of ['钱委员', '孙委员'] as const) {
      const pkg = await ok(chair, 'exchange.exportPackage', { roundId: round.id, memberId: members[name].id, includeAttachments: true });
      const { laptop } = laptops[name];
      // Trust on first use: the member sees the chair's fingerprint; nothing is written until confirmed.
      const first = await ok(laptop, 'exchange.importPackage', { dataBase64: pkg.dataBase64, trustChair: false });
      expect(first).toMatchObject({ imported: false, preview: { chairFingerprint, chairTrusted: false, memberName: name, applications: 3, roundName: round.name } });
      expect(count(laptop, 'SELECT count(*) AS n FROM rounds')).toBe(0);
      expect(await ok(laptop, 'exchange.importPackage', { dataBase64: pkg.dataBase64, trustChair: true })).toMatchObject({ imported: true });
      // Only this member's own sheet can be filled on the member's laptop.
      expect(await dispatch(handlers, laptop, 'scores.set', { memberId: zhao.id, applicationId: apps[0]!.id, criterion: 'strength', value: 80, comment: '' })).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
      await scoreOnLaptop(laptop, round.id, members[name].id, SCORES[name]!);
      sheets[name] = (await ok(laptop, 'exchange.exportSheet', { roundId: round.id, reason: null })).dataBase64;
    }

    // Any changed byte is refused and nothing is written.
    const cellsBefore = count(chair, 'SELECT count(*) AS n FROM scores');
    const tampered = Buffer.from(sheets.钱委员!, 'base64');
    tampered[tampered.length - 30] = tampered[tampered.length - 30]! ^ 1;
    expect(await dispatch(handlers, chair, 'exchange.importSheet', { dataBase64: tampered.toString('base64') })).toMatchObject({ ok: false, error: { code: 'BAD_FILE', message: expect.stringContaining('未写入') } });
    // 孙委员's laptop signing a sheet for 钱委员 is refused: wrong key for that member.
    expect(count(chair, 'SELECT count(*) AS n FROM scores')).toBe(cellsBefore);

    const status0 = await ok(chair, 'exchange.status', { roundId: round.id });
    expect(status0.map((s) => [s.name, s.state])).toEqual([['赵组长', 'noKey'], ['钱委员', 'sent'], ['孙委员', 'sent']]);
    for (const name of ['钱委员', '孙委员'] as const) expect(await ok(chair, 'exchange.importSheet', { dataBase64: sheets[name]! })).toMatchObject({ memberName: name, sequence: 1, supersededSequence: null });
    // Replaying the same file is refused.
    expect(await dispatch(handlers, chair, 'exchange.importSheet', { dataBase64: sheets.钱委员! })).toMatchObject({ ok: false, error: { message: expect.stringContaining('已经导入过') } });

    // Amendment: 钱委员 corrects a cell on the laptop and sends version 2 with a reason; version 1 is kept, superseded.
    const qianLaptop = laptops.钱委员.laptop;
    const qianSheet = await ok(qianLaptop, 'scores.sheet', { memberId: qian.id });
    await ok(qianLaptop, 'scores.amend', { memberId: qian.id, applicationId: qianSheet.applicationIds[0]!, criterion: 'strength', value: 95, comment: '', reason: '看错了附件' });
    expect(await dispatch(handlers, qianLaptop, 'exchange.exportSheet', { roundId: round.id, reason: null })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    const v2 = await ok(qianLaptop, 'exchange.exportSheet', { roundId: round.id, reason: '看错了附件' });
    expect(await ok(chair, 'exchange.importSheet', { dataBase64: v2.dataBase64 })).toMatchObject({ sequence: 2, supersededSequence: 1 });
    const status = await ok(chair, 'exchange.status', { roundId: round.id });
    expect(status.find((s) => s.name === '钱委员')).toMatchObject({ state: 'verified', current: { sequence: 2, reason: '看错了附件' }, superseded: 1 });

    // The same scores typed on one laptop rank identically.
    const oneLaptop = await createTestContext({ user: '赵组长' });
    const local = await chairRound(oneLaptop);
    for (const [m, values] of [[local.zhao, null], [local.qian, SCORES.钱委员!], [local.sun, SCORES.孙委员!]] as const) {
      const sheet = await ok(oneLaptop, 'scores.sheet', { memberId: m.id });
      for (const [i, applicationId] of sheet.applicationIds.entries()) {
        for (const criterion of sheet.criteria) {
          const amended = m === local.qian && i === 0 && criterion === 'strength';
          await ok(oneLaptop, 'scores.set', { memberId: m.id, applicationId, criterion, value: values === null ? 75 : amended ? 95 : values[i]!, comment: '' });
        }
      }
      await ok(oneLaptop, 'scores.submit', { memberId: m.id });
    }
    const totals = async (ctx: TestContext, roundId: string, chairId: string) => {
      const results = await ok(ctx, 'ranking.results', { roundId, viewerMemberId: chairId });
      const name = (id: string) => results.labels.applications[id]!.legalName;
      return JSON.stringify(results.ranking.regions.map((r) => [results.labels.regions[r.regionId]!.name, r.entries.map((e) => [name(e.applicationId), e.total, e.rank, e.criteria.map((c) => c.value)])]).sort());
    };
    const viaFiles = await totals(chair, round.id, zhao.id);
    expect(viaFiles).toMatch(/机构|公司/);
    expect(viaFiles).toBe(await totals(oneLaptop, local.round.id, local.zhao.id));
  });

  it('refuses another round\'s sheet, a foreign signer and a stale package, writing nothing', async () => {
    const chair = await createTestContext({ user: '赵组长' });
    const { round, apps, qian, sun } = await chairRound(chair);
    const q = await memberLaptop('钱委员');
    const s = await memberLaptop('孙委员');
    await ok(chair, 'exchange.registerMemberKey', { memberId: qian.id, cardBase64: q.card.dataBase64, confirmedFingerprint: q.identity.fingerprint });
    await ok(chair, 'exchange.registerMemberKey', { memberId: sun.id, cardBase64: s.card.dataBase64, confirmedFingerprint: s.identity.fingerprint });
    // 孙委员's laptop is handed 钱委员's package and signs 钱委员's sheet with 孙委员's key.
    const qianPkg = await ok(chair, 'exchange.exportPackage', { roundId: round.id, memberId: qian.id, includeAttachments: false });
    await ok(s.laptop, 'exchange.importPackage', { dataBase64: qianPkg.dataBase64, trustChair: true });
    await scoreOnLaptop(s.laptop, round.id, qian.id, [80, 80, 80]);
    const forged = await ok(s.laptop, 'exchange.exportSheet', { roundId: round.id, reason: null });
    expect(await dispatch(handlers, chair, 'exchange.importSheet', { dataBase64: forged.dataBase64 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('不是委员“钱委员”登记的密钥') } });

    // Stale: the chair adds an application after sending the package.
    await ok(q.laptop, 'exchange.importPackage', { dataBase64: qianPkg.dataBase64, trustChair: true });
    await scoreOnLaptop(q.laptop, round.id, qian.id, [70, 71, 72]);
    const sheet = await ok(q.laptop, 'exchange.exportSheet', { roundId: round.id, reason: null });
    await addApplicant(chair, round.id, 4, '杭州市', [apps[0]!.regionIds[0]!], 41_000);
    expect(await dispatch(handlers, chair, 'exchange.importSheet', { dataBase64: sheet.dataBase64 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('已过期') } });

    // Another round's sheet: a second chair laptop never sent this round.
    const otherChair = await createTestContext({ user: '周组长' });
    expect(await dispatch(handlers, otherChair, 'exchange.importSheet', { dataBase64: sheet.dataBase64 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('另一个批次') } });
    expect(count(chair, 'SELECT count(*) AS n FROM scores')).toBe(0);
    expect(count(chair, 'SELECT count(*) AS n FROM received_sheets')).toBe(0);
  });
});
