// A natural person (个人) as an applicant, through the real services (dispatch → services → SQLite): created
// and found by the 居民身份证号, shown masked in the list, refused with zh-CN words for a wrong check digit or a
// birth date after today, imported with and without a 主体类型 column, exported and re-imported unchanged, and
// screened: admitted by 《精选联盟资质认证》's entity gate, refused in words by 《淘宝直播区域产业服务商准入标准》.
// Also: the applications list carries the committee's acceptance of a 主体优势说明 (who, when).
import fs from 'node:fs';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { call, callError, countRows } from '../../support/call';
import { ok } from '../../support/round-fixture';
import { dossierInput, REAL_CREDIT_CODES } from '../../support/dossiers';
import { base64, HEADERS, importRecord, readXlsxValues, toCsv, toRows, utf8 } from '../../support/import-files';
import { JINGXUAN_ALLIANCE_RULES, TAOBAO_LIVE_REGIONAL_RULES } from '../../../shared/eligibility/rules';
import type { DossierInput } from '../../../shared/dossiers/schema';

/** MOD 11-2 written out (GB 11643): weights 2^(17−i) mod 11, check (12 − Σ mod 11) mod 11, 10 → X. */
const withCheck = (first17: string) => {
  const sum = [...first17].reduce((s, c, i) => s + Number(c) * (2 ** (17 - i) % 11), 0);
  const c = (12 - (sum % 11)) % 11;
  return first17 + (c === 10 ? 'X' : String(c));
};
const PERSON_ID = '11010519491231002X'; // GB 11643's example
const PERSON_ID_2 = withCheck('33010219800101123');
const person = (over: Partial<DossierInput> = {}): DossierInput =>
  dossierInput({ identityKind: 'individual', legalName: '王小丽', creditCode: PERSON_ID, legalRepresentative: '', registeredCapitalWan: 0, taxpayerType: 'small', province: '浙江省', city: '义乌市', ...over });

describe('an individual dossier', () => {
  it('is created by its ID number, masked in the list, found by the full number, and shown in full on its page', async () => {
    const ctx = await createTestContext();
    const created = await call(ctx, 'dossiers.create', person({ creditCode: '110105 19491231 002x' }));
    expect(created).toMatchObject({ identityKind: 'individual', creditCode: PERSON_ID, legalRepresentative: '' });
    await call(ctx, 'dossiers.create', dossierInput());

    const list = await call(ctx, 'dossiers.list', { search: '', status: 'active', offset: 0, limit: 50 });
    const row = list.items.find((d) => d.id === created.id)!;
    expect(row).toMatchObject({ identityKind: 'individual', creditCode: '110105********002X' });
    expect(list.items.find((d) => d.id !== created.id)).toMatchObject({ identityKind: 'organization', creditCode: REAL_CREDIT_CODES[0] });
    expect(JSON.stringify(list)).not.toContain(PERSON_ID);

    const found = await call(ctx, 'dossiers.list', { search: PERSON_ID.toLowerCase(), status: 'active', offset: 0, limit: 50 });
    expect(found.items.map((d) => [d.id, d.creditCode])).toEqual([[created.id, '110105********002X']]);
    expect((await call(ctx, 'dossiers.get', { id: created.id })).dossier.creditCode).toBe(PERSON_ID);
  });

  it('refuses a wrong check digit, an impossible date and a birth after today, in zh-CN', async () => {
    const ctx = await createTestContext({ start: '2026-12-06T02:00:00.000Z' });
    expect(await callError(ctx, 'dossiers.create', person({ creditCode: '110105194912310021' }))).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'creditCode', key: 'error.residentId.checksum' }] });
    const err = await callError(ctx, 'dossiers.create', person({ creditCode: '110105194912310021' }));
    expect(err.message).toContain('身份证号校验位不正确');
    expect(await callError(ctx, 'dossiers.create', person({ creditCode: '110105199902301238' }))).toMatchObject({ issues: [{ key: 'error.residentId.birthDate' }] });
    const future = withCheck('11010520270101123'); // born 2027-01-01, after the clock's 2026-12-06
    const refused = await callError(ctx, 'dossiers.create', person({ creditCode: future }));
    expect(refused).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'creditCode', key: 'error.residentId.birthInFuture' }] });
    expect(refused.message).toBe('身份证号中的出生日期晚于今天，请核对');
    // A credit code in a person's dossier, or an ID number in an organisation's, is refused too.
    expect(await callError(ctx, 'dossiers.create', person({ creditCode: REAL_CREDIT_CODES[0] }))).toMatchObject({ issues: [{ key: 'error.residentId.charset' }] });
    expect(await callError(ctx, 'dossiers.create', dossierInput({ creditCode: PERSON_ID }))).toMatchObject({ issues: [{ key: 'error.creditCode.checksum' }] });
    expect(countRows(ctx, 'dossiers')).toBe(0);
  });
});

describe('import and export of individuals', () => {
  it('infers the kind from the number without a 主体类型 column, and reads the column when there is one', async () => {
    const ctx = await createTestContext();
    const noKind = toCsv(toRows([
      importRecord(),
      importRecord({ 机构名称: '王小丽', 统一社会信用代码: PERSON_ID, 法定代表人: '王小丽', '注册资本（万元）': '', 纳税人类型: '' }),
    ]));
    const preview = await call(ctx, 'dossiers.importPreview', { fileName: 'a.csv', dataBase64: base64(utf8(noKind)) });
    expect(preview.issues).toEqual([]);
    expect(preview.counts).toMatchObject({ create: 2, invalid: 0 });
    await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId });
    expect(ctx.db.prepare('SELECT identity_kind, credit_code, legal_representative, registered_capital_yuan, taxpayer_type FROM dossiers ORDER BY id').all()).toEqual([
      { identity_kind: 'organization', credit_code: REAL_CREDIT_CODES[0], legal_representative: '陈明', registered_capital_yuan: 5_000_000, taxpayer_type: 'general' },
      { identity_kind: 'individual', credit_code: PERSON_ID, legal_representative: '', registered_capital_yuan: 0, taxpayer_type: 'small' },
    ]);

    const headers = [...HEADERS, '主体类型'];
    const withKind = toCsv([headers, [...HEADERS.map((h) => importRecord({ 机构名称: '李四', 统一社会信用代码: '110105194912310021', 法定代表人: '', '注册资本（万元）': '', 纳税人类型: '' })[h]), '个人'], [...HEADERS.map((h) => importRecord({ 统一社会信用代码: REAL_CREDIT_CODES[1]! })[h]), '法人']]);
    const checked = await call(ctx, 'dossiers.importPreview', { fileName: 'b.csv', dataBase64: base64(utf8(withKind)) });
    expect(checked.issues).toEqual([
      { row: 2, column: '统一社会信用代码', reason: '身份证号校验位不正确，请核对身份证', value: '110105194912310021' },
      { row: 3, column: '主体类型', reason: '主体类型应为 机构 或 个人', value: '法人' },
    ]);
  });

  it('exports an individual with its kind and full number, and the export re-imports unchanged', async () => {
    const ctx = await createTestContext();
    await call(ctx, 'dossiers.create', person({ establishedOn: '2021-04-01', contacts: [{ name: '王小丽', phone: '13800138000', email: '' }] }));
    await call(ctx, 'dossiers.create', person({ legalName: '赵大勇', creditCode: PERSON_ID_2, registeredCapitalWan: 3, depositPaidYuan: 2000 }));
    await call(ctx, 'dossiers.create', dossierInput());
    ctx.tick();
    const exported = await call(ctx, 'dossiers.exportXlsx', {});
    const values = await readXlsxValues(Buffer.from(exported.dataBase64, 'base64'));
    expect(values[0]!.slice(0, 3)).toEqual(['机构名称', '统一社会信用代码/身份证号', '主体类型']);
    const wang = values.find((v) => v[0] === '王小丽')!;
    expect(wang.slice(0, 3)).toEqual(['王小丽', PERSON_ID, '个人']);
    expect(wang[3] ?? '').toBe(''); // no representative: an empty cell (the streamed export writes none at all)
    const before = ctx.db.prepare('SELECT * FROM dossiers ORDER BY id').all();

    const reimport = await call(ctx, 'dossiers.importPreview', { fileName: exported.fileName, dataBase64: exported.dataBase64 });
    expect(reimport.issues).toEqual([]);
    expect(reimport.counts).toEqual({ create: 0, update: 0, unchanged: 3, invalid: 0 });
    await call(ctx, 'dossiers.importCommit', { previewId: reimport.previewId });
    expect(ctx.db.prepare('SELECT * FROM dossiers ORDER BY id').all()).toEqual(before);

    // Into an empty database: the individuals come back as they were, field by field.
    const fresh = await createTestContext();
    const again = await call(fresh, 'dossiers.importPreview', { fileName: exported.fileName, dataBase64: exported.dataBase64 });
    expect(again.counts).toMatchObject({ create: 3, invalid: 0 });
    await call(fresh, 'dossiers.importCommit', { previewId: again.previewId });
    const fields = 'identity_kind, credit_code, legal_name, legal_representative, registered_capital_yuan, taxpayer_type, established_on, deposit_paid_fen, contacts';
    expect(fresh.db.prepare(`SELECT ${fields} FROM dossiers ORDER BY credit_code`).all()).toEqual(ctx.db.prepare(`SELECT ${fields} FROM dossiers ORDER BY credit_code`).all());
  });
});

async function roundWith(ctx: TestContext, rules: readonly unknown[], platform: string) {
  const program = await ok(ctx, 'programs.create', { platform, name: '金华产业带', rules: rules as never });
  const r = await ok(ctx, 'rounds.create', { programId: program.id, name: '2026年金华评审', referenceDate: '2026-11-23', options: {} });
  const jinhua = await ok(ctx, 'regions.add', { roundId: r.id, data: { name: '金华小商品产业带', city: '金华', quota: 2, waitlistLength: 1 } });
  return { round: r, jinhua };
}

describe('screening an individual', () => {
  const facts = { shopOperating: true, experienceScore: 82, hasPenaltyRecord: false, seriousViolations: false, brandQualificationsComplete: true, classBPoints: 0, violationCount: 0 };

  it('《精选联盟资质认证》 admits the person; 《淘宝直播区域产业服务商准入标准》 refuses at the entity gate, in words', async () => {
    const ctx = await createTestContext();
    const d = await call(ctx, 'dossiers.create', person());
    for (const [rules, platform, eligible] of [[JINGXUAN_ALLIANCE_RULES, '抖音电商', true], [TAOBAO_LIVE_REGIONAL_RULES, '淘宝直播', false]] as const) {
      const { round: r, jinhua } = await roundWith(ctx, rules, platform);
      const app = await ok(ctx, 'applications.add', { roundId: r.id, data: { dossierId: d.id, priceQuoteYuan: 30_000, strengthStatement: '', shopFacts: facts as never, regionIds: [jinhua.id] } });
      const row = (await ok(ctx, 'screening.list', { roundId: r.id })).find((x) => x.applicationId === app.id)!;
      expect(row.eligible, platform).toBe(eligible);
      expect(row.results.find((x) => x.kind === 'entityType'), platform).toMatchObject({ outcome: eligible ? 'pass' : 'fail', entity: 'person' });
      const listed = (await ok(ctx, 'applications.list', { roundId: r.id }))[0]!;
      expect(listed).toMatchObject({ identityKind: 'individual', creditCode: PERSON_ID });
    }
  });

  it('a re-admission ban names a person by the 居民身份证号 and holds them out; a wrong check digit is refused in words', async () => {
    const ctx = await createTestContext();
    const d = await call(ctx, 'dossiers.create', person());
    const { round: r, jinhua } = await roundWith(ctx, JINGXUAN_ALLIANCE_RULES, '抖音电商');
    const app = await ok(ctx, 'applications.add', { roundId: r.id, data: { dossierId: d.id, priceQuoteYuan: 30_000, strengthStatement: '', shopFacts: facts as never, regionIds: [jinhua.id] } });
    const ban = { creditCode: PERSON_ID.toLowerCase(), programId: r.programId, startsOn: '2026-09-01', until: '2027-03-01', reason: 'failedAssessment' as const, note: '', regionNames: [] };
    const wrong = `${PERSON_ID.slice(0, 17)}1`;
    expect(await callError(ctx, 'bans.add', { ...ban, creditCode: wrong })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'creditCode' }] });
    expect(await ok(ctx, 'bans.add', ban)).toMatchObject({ creditCode: PERSON_ID });
    const row = (await ok(ctx, 'screening.list', { roundId: r.id })).find((x) => x.applicationId === app.id)!;
    expect(row.eligible).toBe(false);
    expect(row.results.find((x) => x.kind === 'noCooldown')).toMatchObject({ outcome: 'fail' });
  });

  it('the selection list heads the number column 统一社会信用代码/身份证号 when it holds a person, and keeps the full number', async () => {
    const ctx = await createTestContext();
    const d = await call(ctx, 'dossiers.create', person());
    const { round: r, jinhua } = await roundWith(ctx, JINGXUAN_ALLIANCE_RULES, '抖音电商');
    await ok(ctx, 'applications.add', { roundId: r.id, data: { dossierId: d.id, priceQuoteYuan: 30_000, strengthStatement: '', shopFacts: facts as never, regionIds: [jinhua.id] } });
    const chair = await ok(ctx, 'members.add', { roundId: r.id, data: { name: '赵组长', role: 'chair' } });
    const sheet = await ok(ctx, 'scores.sheet', { memberId: chair.id });
    for (const applicationId of sheet.applicationIds) for (const criterion of sheet.criteria) await ok(ctx, 'scores.set', { memberId: chair.id, applicationId, criterion, value: 80, comment: '' });
    await ok(ctx, 'scores.submit', { memberId: chair.id });
    const csv = Buffer.from((await ok(ctx, 'ranking.export', { roundId: r.id, viewerMemberId: chair.id, format: 'csv' })).dataBase64, 'base64').toString('utf8');
    const [header, first] = csv.replace(/^\uFEFF/, '').split('\r\n');
    expect(header).toBe('区域,名次,机构名称,统一社会信用代码/身份证号,综合得分,结果,候补顺位,志愿顺序,服务报价（元）,是否待定');
    expect(first).toContain(`,${PERSON_ID},`);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from((await ok(ctx, 'ranking.export', { roundId: r.id, viewerMemberId: chair.id, format: 'xlsx' })).dataBase64, 'base64') as unknown as ArrayBuffer);
    for (const sheet of workbook.worksheets.slice(1)) expect(sheet.getRow(1).getCell(4).value, sheet.name).toBe('统一社会信用代码/身份证号'); // each region's and the breakdown
  });

  it('the applications list says whether the committee accepted the 主体优势说明, by whom and when', async () => {
    const ctx = await createTestContext();
    const { round: r, jinhua } = await roundWith(ctx, TAOBAO_LIVE_REGIONAL_RULES, '淘宝直播');
    const d = await call(ctx, 'dossiers.create', dossierInput({ establishedOn: '2026-03-01' }));
    const app = await ok(ctx, 'applications.add', { roundId: r.id, data: { dossierId: d.id, priceQuoteYuan: 30_000, strengthStatement: '核心团队来自国家级质检机构', regionIds: [jinhua.id] } });
    expect((await ok(ctx, 'applications.list', { roundId: r.id }))[0]!.statementAcceptance).toBeNull();
    await ok(ctx, 'applications.acceptStatement', { id: app.id, accepted: true, reason: '团队资质经核实' });
    expect((await ok(ctx, 'applications.list', { roundId: r.id }))[0]!.statementAcceptance).toEqual({ by: '王评审', at: expect.any(String), reason: '团队资质经核实' });
    await ok(ctx, 'applications.update', { id: app.id, data: { priceQuoteYuan: 30_000, strengthStatement: '另有 CMA 资质', regionIds: [jinhua.id] } });
    expect((await ok(ctx, 'applications.list', { roundId: r.id }))[0]!.statementAcceptance).toBeNull(); // an edited statement awaits again
  });
});

describe('the documented example files (docs/examples)', () => {
  it.each(['dossiers-example.csv', 'dossiers-example.xlsx'])('%s imports three organisations and one individual', async (name) => {
    const ctx = await createTestContext();
    const preview = await call(ctx, 'dossiers.importPreview', { fileName: name, dataBase64: fs.readFileSync(`docs/examples/${name}`).toString('base64') });
    expect(preview.issues).toEqual([]);
    expect(preview.counts).toEqual({ create: 4, update: 0, unchanged: 0, invalid: 0 });
    await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId });
    expect(ctx.db.prepare("SELECT legal_name, credit_code FROM dossiers WHERE identity_kind = 'individual'").all()).toEqual([{ legal_name: '王小丽', credit_code: PERSON_ID }]);
  });
});
