// Property (issue: any byte changed is refused): a REAL round package and a REAL score sheet, produced by the
// chair/member flow across two data directories, with any single byte xor-ed with any non-zero value, are
// refused by the very import calls — and nothing is written on either laptop.
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { createTestContext, type TestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';

const count = (ctx: TestContext, table: string) => (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
let chair: TestContext;
let fresh: TestContext; // a member laptop that has trusted the chair but not imported anything
let pkg: Buffer;
let sheet: Buffer;

beforeAll(async () => {
  chair = await createTestContext({ user: '赵组长' });
  const { round, hangzhou } = await setUpRound(chair, { priceMode: 'lowestPrice' });
  await addApplicant(chair, round.id, 1, '杭州市', [hangzhou.id], 40_000);
  await addApplicant(chair, round.id, 2, '杭州市', [hangzhou.id], 38_000);
  const qian = await ok(chair, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
  const member = await createTestContext({ user: '钱委员' });
  const card = await ok(member, 'exchange.identityCard', { name: '钱委员' });
  await ok(chair, 'exchange.registerMemberKey', { memberId: qian.id, cardBase64: card.dataBase64, confirmedFingerprint: (await ok(member, 'exchange.identity', {})).fingerprint });
  const exported = await ok(chair, 'exchange.exportPackage', { roundId: round.id, memberId: qian.id, includeAttachments: false });
  pkg = Buffer.from(exported.dataBase64, 'base64');
  await ok(member, 'exchange.importPackage', { dataBase64: exported.dataBase64, trustChair: true });
  const s = await ok(member, 'scores.sheet', { memberId: qian.id });
  for (const applicationId of s.applicationIds) for (const criterion of s.criteria) await ok(member, 'scores.set', { memberId: qian.id, applicationId, criterion, value: 83.5, comment: '' });
  await ok(member, 'scores.submit', { memberId: qian.id });
  sheet = Buffer.from((await ok(member, 'exchange.exportSheet', { roundId: round.id, reason: null })).dataBase64, 'base64');
  // The untampered sheet would be accepted: the property below is about the changed byte, nothing else.
  fresh = await createTestContext({ user: '孙委员' });
}, 60_000);

const flip = (bytes: Buffer, position: number, xor: number) => {
  const changed = Buffer.from(bytes);
  changed[position] = changed[position]! ^ xor;
  return changed.toString('base64');
};

describe('every single-byte change of a real exchange file is refused', () => {
  it('round package', async () => {
    const before = count(fresh, 'rounds') + count(fresh, 'trusted_chairs');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: pkg.length - 1 }), fc.integer({ min: 1, max: 255 }), async (position, xor) => {
        const result = await dispatch(handlers, fresh, 'exchange.importPackage', { dataBase64: flip(pkg, position, xor), trustChair: true });
        expect(result).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
      }),
      { numRuns: 400 },
    );
    expect(count(fresh, 'rounds') + count(fresh, 'trusted_chairs')).toBe(before);
    // Control: the unchanged file imports.
    expect(await dispatch(handlers, fresh, 'exchange.importPackage', { dataBase64: pkg.toString('base64'), trustChair: false })).toMatchObject({ ok: true });
  }, 120_000);

  it('score sheet', async () => {
    const before = count(chair, 'scores') + count(chair, 'received_sheets');
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: sheet.length - 1 }), fc.integer({ min: 1, max: 255 }), async (position, xor) => {
        const result = await dispatch(handlers, chair, 'exchange.importSheet', { dataBase64: flip(sheet, position, xor) });
        expect(result).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
      }),
      { numRuns: 1500 },
    );
    expect(count(chair, 'scores') + count(chair, 'received_sheets')).toBe(before);
    expect(await dispatch(handlers, chair, 'exchange.importSheet', { dataBase64: sheet.toString('base64') })).toMatchObject({ ok: true, value: { sequence: 1 } });
  }, 120_000);
});
