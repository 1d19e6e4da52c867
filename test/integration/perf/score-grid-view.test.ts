// scores.grid (issue 8) is scores.sheet in columns plus the labels the grid shows: for a round with a recusal,
// a withdrawn and a screened-out applicant, two-region applicants, a comment, a person's (masked) number and
// half-filled cells, it must say exactly what scores.sheet and applications.list say.
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { syntheticCreditCode } from '../../support/credit-codes';
import { dossierInput } from '../../support/dossiers';
import { JINGXUAN_ALLIANCE_RULES } from '../../../shared/eligibility/rules';
import { cellKey } from '../../../renderer/features/rounds/scoring/cell-store';

const SHOP = { shopOperating: true, experienceScore: 82, hasPenaltyRecord: false, seriousViolations: false, brandQualificationsComplete: true, classBPoints: 0, violationCount: 0 };

/** scores.grid says what scores.sheet and applications.list say, cell for cell and label for label. */
async function expectSameAsSheet(ctx: TestContext, roundId: string, memberId: string) {
  const full = await ok(ctx, 'scores.sheet', { memberId });
  const grid = await ok(ctx, 'scores.grid', { memberId });
  const { cells, ...header } = full;
  const { values, comments, applicants, applicantRegions, regionIds, ...gridHeader } = grid;
  expect(gridHeader).toEqual(header);
  const fromGrid = new Map<string, number>();
  for (const [criterion, column] of Object.entries(values)) column.forEach((v, i) => v !== null && fromGrid.set(cellKey(grid.applicationIds[i]!, criterion), v));
  const inGrid = new Set(grid.applicationIds);
  expect(fromGrid).toEqual(new Map(cells.filter((c) => inGrid.has(c.applicationId)).map((c) => [cellKey(c.applicationId, c.criterion), c.value])));
  const expectedComments: Record<string, string> = {};
  for (const c of cells) if (c.comment && inGrid.has(c.applicationId) && !expectedComments[c.applicationId]) expectedComments[c.applicationId] = c.comment;
  expect(comments).toEqual(expectedComments);
  const listed = new Map((await ok(ctx, 'applications.list', { roundId })).map((a) => [a.id, a]));
  [...grid.applicationIds, ...grid.recusedApplicationIds].forEach((id, i) => {
    const a = listed.get(id)!;
    expect(applicants[i]).toEqual({ legalName: a.legalName, creditCode: a.creditCode, dossierId: a.dossierId, priceQuoteYuan: a.priceQuoteYuan });
    expect(applicantRegions[i]!.map((r) => regionIds[r])).toEqual(a.regionIds);
  });
}

describe('scores.grid', () => {
  it('equals scores.sheet cell for cell and applications.list label for label', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou, shenzhen } = await setUpRound(ctx);
    const apps = [
      await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id, shenzhen.id], 40_000),
      await addApplicant(ctx, round.id, 2, '杭州市', [hangzhou.id], 38_000),
      await addApplicant(ctx, round.id, 3, '深圳市', [shenzhen.id, hangzhou.id], null),
      await addApplicant(ctx, round.id, 4, '深圳市', [shenzhen.id], 45_000),
      await addApplicant(ctx, round.id, 5, '杭州市', [hangzhou.id], 41_000),
      await addApplicant(ctx, round.id, 6, '杭州市', [hangzhou.id], 42_000, { creditCode: syntheticCreditCode(9_006) }),
    ];
    const member = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
    await ok(ctx, 'recusals.declare', { applicationId: apps[1]!.id, memberId: member.id, reason: '亲属在该机构任职' });
    await ok(ctx, 'applications.setWithdrawn', { id: apps[4]!.id, withdrawn: true });
    await ok(ctx, 'screening.override', { applicationId: apps[5]!.id, regionId: hangzhou.id, eligible: false, reason: '评审小组复核不合格' });
    const sheet = await ok(ctx, 'scores.sheet', { memberId: member.id });
    for (const [i, applicationId] of sheet.applicationIds.entries()) {
      for (const [c, criterion] of sheet.criteria.entries()) if ((i + c) % 2 === 0) await ok(ctx, 'scores.set', { memberId: member.id, applicationId, criterion, value: 70 + i + c / 2, comment: i === 0 ? '资质齐全' : '' });
    }

    await expectSameAsSheet(ctx, round.id, member.id);
    const full = await ok(ctx, 'scores.sheet', { memberId: member.id });
    expect(full.recusedApplicationIds).toEqual([apps[1]!.id]);
    expect(full.applicationIds).not.toContain(apps[4]!.id);
    expect(full.applicationIds).not.toContain(apps[5]!.id);
    expect(full.cells.length).toBeGreaterThan(0);

    // The labels are cached per round: each write below must show in the next load.
    const dossier = await ok(ctx, 'dossiers.get', { id: apps[0]!.dossierId });
    const input = dossierInput({ legalName: '阿拉丁（更名）鉴定有限公司', creditCode: syntheticCreditCode(1), city: '杭州市' }); // applicant 1's, renamed
    await ok(ctx, 'dossiers.update', { id: dossier.dossier.id, version: dossier.dossier.version, data: input });
    await expectSameAsSheet(ctx, round.id, member.id);
    await ok(ctx, 'applications.update', { id: apps[2]!.id, data: { priceQuoteYuan: 33_000, strengthStatement: '', regionIds: [hangzhou.id] } });
    await expectSameAsSheet(ctx, round.id, member.id);
    await ok(ctx, 'applications.setWithdrawn', { id: apps[3]!.id, withdrawn: true });
    await expectSameAsSheet(ctx, round.id, member.id);
    await ok(ctx, 'recusals.declare', { applicationId: apps[0]!.id, memberId: member.id, reason: '曾为该机构提供咨询' });
    await expectSameAsSheet(ctx, round.id, member.id);
    await ok(ctx, 'screening.override', { applicationId: apps[5]!.id, regionId: hangzhou.id, eligible: null, reason: '撤销复核结论' });
    await expectSameAsSheet(ctx, round.id, member.id);
    expect((await ok(ctx, 'scores.grid', { memberId: member.id })).applicationIds).toContain(apps[5]!.id);
  });

  it('sends a person’s number masked, as the lists show it', async () => {
    const ctx = await createTestContext();
    // 《精选联盟资质认证》 admits individuals (the 淘宝直播 rules of setUpRound would screen them out).
    const program = await ok(ctx, 'programs.create', { platform: '抖音电商', name: '精选联盟', rules: [...JINGXUAN_ALLIANCE_RULES] });
    const round = await ok(ctx, 'rounds.create', { programId: program.id, name: '2026年精选联盟评审', referenceDate: '2026-11-23', options: {} });
    const hangzhou = await ok(ctx, 'regions.add', { roundId: round.id, data: { name: '杭州珠宝产业带', city: '杭州市', quota: 2, waitlistLength: 1 } });
    const person = await ok(ctx, 'dossiers.create', dossierInput({ identityKind: 'individual', legalName: '王小丽', creditCode: '11010519491231002X', legalRepresentative: '', registeredCapitalWan: 0, taxpayerType: 'small', city: '杭州市' }));
    await ok(ctx, 'applications.add', { roundId: round.id, data: { dossierId: person.id, priceQuoteYuan: 30_000, strengthStatement: '', shopFacts: SHOP as never, regionIds: [hangzhou.id] } });
    const member = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
    const grid = await ok(ctx, 'scores.grid', { memberId: member.id });
    const listed = (await ok(ctx, 'applications.list', { roundId: round.id }))[0]!;
    expect(grid.applicationIds).toHaveLength(1);
    // applications.list carries the full number and its screens mask it; the grid never needs it whole.
    expect(listed.creditCode).toBe('11010519491231002X');
    expect(grid.applicants[0]!.creditCode).toBe('110105********002X');
  });
});
