// A package round on the member's laptop is read-only set-up (every set-up write refused in zh-CN; scoring
// the own sheet still works), and the chair's 结果包 after finalizing is verified on the member's laptop:
// the pinned chair key, the same round, and the member's own sheet compared cell by cell with what was sent.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import type { CallName } from '../../../shared/api/call-names';
import type { CallInput } from '../../../shared/api/contract';
import { createTestContext, type TestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { dossierInput } from '../../support/dossiers';
import { syntheticCreditCode } from '../../support/credit-codes';
import { loadOrCreateIdentity } from '../../../electron/services/exchange/identity';
import { signEnvelope } from '../../../electron/services/exchange/signing';

async function laptops() {
  const chair = await createTestContext({ user: '赵组长' });
  const { round, hangzhou } = await setUpRound(chair, { priceMode: 'lowestPrice' });
  const apps = [await addApplicant(chair, round.id, 1, '杭州市', [hangzhou.id], 40_000), await addApplicant(chair, round.id, 2, '杭州市', [hangzhou.id], 38_000)];
  const zhao = await ok(chair, 'members.add', { roundId: round.id, data: { name: '赵组长', role: 'chair' } });
  const qian = await ok(chair, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
  const member = await createTestContext({ user: '钱委员' });
  const card = await ok(member, 'exchange.identityCard', { name: '钱委员' });
  const { fingerprint } = await ok(member, 'exchange.identity', {});
  await ok(chair, 'exchange.registerMemberKey', { memberId: qian.id, cardBase64: card.dataBase64, confirmedFingerprint: fingerprint });
  const pkg = await ok(chair, 'exchange.exportPackage', { roundId: round.id, memberId: qian.id, includeAttachments: false });
  await ok(member, 'exchange.importPackage', { dataBase64: pkg.dataBase64, trustChair: true });
  return { chair, member, round, hangzhou, apps, zhao, qian };
}

async function fill(ctx: TestContext, memberId: string, value: (i: number, criterion: string) => number) {
  const sheet = await ok(ctx, 'scores.sheet', { memberId });
  for (const [i, applicationId] of sheet.applicationIds.entries()) for (const criterion of sheet.criteria) await ok(ctx, 'scores.set', { memberId, applicationId, criterion, value: value(i, criterion), comment: '' });
  await ok(ctx, 'scores.submit', { memberId });
  return sheet;
}

const refusedHere = async <K extends CallName>(ctx: TestContext, name: K, input: CallInput<K>) => expect(await dispatch(handlers, ctx, name, input)).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('评审包') } });

describe('package rounds are read-only set-up', () => {
  it('refuses every set-up write on the member laptop and shows the origin', async () => {
    const { member, round, hangzhou, apps, zhao, qian } = await laptops();
    const here = await ok(member, 'rounds.get', { id: round.id });
    expect(here.origin).toBe('package');
    expect((await ok(member, 'rounds.list', {})).map((r) => r.origin)).toEqual(['package']);
    const changesBefore = (member.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;

    await refusedHere(member, 'rounds.update', { id: round.id, version: here.version, name: '改名', referenceDate: here.referenceDate, options: {} });
    await refusedHere(member, 'regions.add', { roundId: round.id, data: { name: '新区域', city: '杭州市', quota: 1, waitlistLength: 0 } });
    await refusedHere(member, 'regions.update', { roundId: round.id, regionId: hangzhou.id, version: 1, data: { name: '杭州', city: '杭州市', quota: 9, waitlistLength: 0 } });
    await refusedHere(member, 'regions.remove', { roundId: round.id, regionId: hangzhou.id });
    const dossier = await ok(member, 'dossiers.create', dossierInput({ legalName: '本地新增有限公司', creditCode: syntheticCreditCode(9), city: '杭州市' }));
    await refusedHere(member, 'applications.add', { roundId: round.id, data: { dossierId: dossier.id, priceQuoteYuan: null, strengthStatement: '', regionIds: [hangzhou.id] } });
    await refusedHere(member, 'applications.setWithdrawn', { id: apps[0]!.id, withdrawn: true });
    await refusedHere(member, 'members.add', { roundId: round.id, data: { name: '冒名委员', role: 'member' } });
    await refusedHere(member, 'members.update', { id: zhao.id, data: { name: '赵', role: 'member' } });
    await refusedHere(member, 'members.remove', { id: zhao.id });
    await refusedHere(member, 'recusals.declare', { applicationId: apps[0]!.id, memberId: qian.id, reason: '亲属' });
    await refusedHere(member, 'screening.override', { applicationId: apps[0]!.id, regionId: hangzhou.id, eligible: false, reason: '不合格' });
    // Only the dossier creation above was written; the round is as the chair sent it.
    expect((member.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n).toBe(changesBefore + 1);
    expect((await ok(member, 'rounds.get', { id: round.id })).regions).toEqual(here.regions);
    // Scoring the own sheet is not set-up: it works.
    await fill(member, qian.id, () => 80);
  });
});

describe('card reading and package preview', () => {
  it('reads a card without writing and previews a package from a pinned chair without importing', async () => {
    const { chair, member, round, qian } = await laptops();
    const card = await ok(member, 'exchange.identityCard', { name: '钱委员' });
    expect(await ok(chair, 'exchange.readCard', { cardBase64: card.dataBase64 })).toEqual({ name: '钱委员', fingerprint: (await ok(member, 'exchange.identity', {})).fingerprint });
    const broken = Buffer.from(card.dataBase64, 'base64');
    broken[20] = broken[20]! ^ 2;
    expect(await dispatch(handlers, chair, 'exchange.readCard', { cardBase64: broken.toString('base64') })).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    // A second package to the same (pinned) chair's member: previewOnly shows it and writes nothing.
    await ok(chair, 'regions.add', { roundId: round.id, data: { name: '义乌产业带', city: '金华市', quota: 1, waitlistLength: 0 } });
    const pkg = await ok(chair, 'exchange.exportPackage', { roundId: round.id, memberId: qian.id, includeAttachments: false });
    const before = (member.db.prepare('SELECT count(*) AS n FROM round_regions').get() as { n: number }).n;
    expect(await ok(member, 'exchange.importPackage', { dataBase64: pkg.dataBase64, trustChair: false, previewOnly: true })).toMatchObject({ imported: false, preview: { chairTrusted: true, replaces: true, regions: 3 } });
    expect((member.db.prepare('SELECT count(*) AS n FROM round_regions').get() as { n: number }).n).toBe(before);
    expect(await ok(member, 'exchange.importPackage', { dataBase64: pkg.dataBase64, trustChair: false, previewOnly: false })).toMatchObject({ imported: true });
    expect((member.db.prepare('SELECT count(*) AS n FROM round_regions').get() as { n: number }).n).toBe(before + 1);
  });
});

describe('结果包', () => {
  it('verifies the chair result on the member laptop and finds the own sheet counted exactly as sent', async () => {
    const { chair, member, round, zhao, qian } = await laptops();
    await fill(member, qian.id, (i, c) => (c === 'strength' ? 91.5 : 70 + i));
    const v1 = await ok(member, 'exchange.exportSheet', { roundId: round.id, reason: null });
    await ok(chair, 'exchange.importSheet', { dataBase64: v1.dataBase64 });
    await fill(chair, zhao.id, () => 75);
    expect(await dispatch(handlers, chair, 'exchange.exportResult', { roundId: round.id })).toMatchObject({ ok: false, error: { message: expect.stringContaining('定稿后') } });
    await ok(chair, 'rounds.finalize', { roundId: round.id });
    const result = await ok(chair, 'exchange.exportResult', { roundId: round.id });
    // The member's own local scores change after sending (not sent): the comparison is with what was SENT.
    const sheet = await ok(member, 'scores.sheet', { memberId: qian.id });
    await ok(member, 'scores.amend', { memberId: qian.id, applicationId: sheet.applicationIds[0]!, criterion: 'strength', value: 10, comment: '', reason: '试改' });

    const check = await ok(member, 'exchange.checkResult', { dataBase64: result.dataBase64 });
    expect(check).toMatchObject({ roundId: round.id, memberName: '钱委员', countedSequence: 1, comparedSequence: 1, sameFile: true, differences: [], newerSent: null });
    expect(check.cells).toBe(sheet.applicationIds.length * sheet.criteria.length);
    expect(check.chairFingerprint).toBe((await ok(chair, 'exchange.identity', {})).fingerprint);
    expect(check.selection.filter((r) => r.status === 'admitted')).toHaveLength(2);
    // Members do not see quotes, not even in the result.
    expect(Buffer.from(JSON.parse(Buffer.from(result.dataBase64, 'base64').toString()).payload, 'base64').toString()).not.toContain('40000');
  });

  it('lists a cell the chair counted differently, and refuses a foreign signer or a round not here', async () => {
    const { chair, member, round, zhao, qian } = await laptops();
    const sheet = await fill(member, qian.id, () => 80);
    await ok(chair, 'exchange.importSheet', { dataBase64: (await ok(member, 'exchange.exportSheet', { roundId: round.id, reason: null })).dataBase64 });
    await fill(chair, zhao.id, () => 75);
    // The chair's database is altered behind the app's back before finalizing.
    chair.db.prepare("UPDATE scores SET value = 60 WHERE application_id = ? AND criterion = 'strength' AND sheet_id = (SELECT id FROM score_sheets WHERE member_id = ?)").run(sheet.applicationIds[1], qian.id);
    await ok(chair, 'rounds.finalize', { roundId: round.id });
    const result = await ok(chair, 'exchange.exportResult', { roundId: round.id });
    const check = await ok(member, 'exchange.checkResult', { dataBase64: result.dataBase64 });
    expect(check.differences).toEqual([{ applicationId: sheet.applicationIds[1], legalName: expect.stringContaining('第2鉴定'), criterion: 'strength', sent: 80, counted: 60 }]);

    // The same payload re-signed by another key (a valid signature, the wrong person) is refused; so is a
    // result for a round this laptop never received.
    const payload = Buffer.from((JSON.parse(Buffer.from(result.dataBase64, 'base64').toString('utf8')) as { payload: string }).payload, 'base64');
    const stranger = loadOrCreateIdentity({ read: () => null, write: () => undefined });
    const forged = Buffer.from(signEnvelope('result-package', payload, stranger.privateKey)).toString('base64');
    expect(await dispatch(handlers, member, 'exchange.checkResult', { dataBase64: forged })).toMatchObject({ ok: false, error: { message: expect.stringContaining('不是为此批次发评审包的组长') } });
    const elsewhere = await createTestContext({ user: '周委员' });
    expect(await dispatch(handlers, elsewhere, 'exchange.checkResult', { dataBase64: result.dataBase64 })).toMatchObject({ ok: false, error: { message: expect.stringContaining('没有这个批次') } });
    const tampered = Buffer.from(result.dataBase64, 'base64');
    tampered[40] = tampered[40]! ^ 4;
    expect(await dispatch(handlers, member, 'exchange.checkResult', { dataBase64: tampered.toString('base64') })).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
  });
});
