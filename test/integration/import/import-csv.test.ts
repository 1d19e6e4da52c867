// Import of CSV files through dispatch: preview writes nothing, commit writes exactly the valid rows,
// rows are matched by 统一社会信用代码, and every reason is in zh-CN with the row and header the user sees.
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { call, callError, countRows } from '../../support/call';
import { REAL_CREDIT_CODES } from '../../support/dossiers';
import { base64, HEADERS, importRecord, toCsv, toRows, utf8, type ImportRecord } from '../../support/import-files';

const [CODE_A, CODE_B, CODE_C, CODE_D] = REAL_CREDIT_CODES as [string, string, string, string];
const csvFile = (records: (ImportRecord | null)[], headers?: readonly string[]) => base64(utf8(toCsv(toRows(records, headers))));

const preview = (ctx: TestContext, dataBase64: string, fileName = '机构名单.csv') => call(ctx, 'dossiers.importPreview', { fileName, dataBase64 });
const commit = (ctx: TestContext, previewId: string) => call(ctx, 'dossiers.importCommit', { previewId });
const dossierByCode = (ctx: TestContext, code: string) => ctx.db.prepare('SELECT * FROM dossiers WHERE credit_code = ?').get(code) as Record<string, unknown> | undefined;

/** Two good rows and five bad ones, one blank line in between (row 8). */
const MIXED = [
  importRecord(), // row 2
  importRecord({ 机构名称: '深圳鉴宝科技有限公司', 统一社会信用代码: CODE_B, 省份: '广东省', 城市: '深圳市', 联系邮箱: '' }), // row 3
  importRecord({ 机构名称: '校验位错误公司', 统一社会信用代码: '91330100716105852E' }), // row 4
  importRecord({ 机构名称: '日期错误公司', 统一社会信用代码: CODE_C, 成立日期: '2023-02-30' }), // row 5
  importRecord({ 机构名称: '负资本公司', 统一社会信用代码: CODE_D, '注册资本（万元）': '-5' }), // row 6
  importRecord({ 机构名称: '重复的安心', 统一社会信用代码: CODE_A.toLowerCase() }), // row 7: same code as row 2 once normalised
  null, // row 8: blank
  importRecord({ 机构名称: '布尔错误公司', 统一社会信用代码: REAL_CREDIT_CODES[4]!, 企业实名认证: '也许' }), // row 9
];

describe('CSV import', () => {
  it('previews good and bad rows with Excel row numbers, headers as written and zh-CN reasons, writing nothing', async () => {
    const ctx = await createTestContext();
    const result = await preview(ctx, csvFile(MIXED));

    expect(result).toMatchObject({ fileName: '机构名单.csv', totalRows: 7, counts: { create: 2, update: 0, unchanged: 0, invalid: 5 }, unknownColumns: [] });
    expect(result.sample).toEqual([
      { row: 2, action: 'create', legalName: '杭州安心珠宝检测技术有限公司', creditCode: CODE_A },
      { row: 3, action: 'create', legalName: '深圳鉴宝科技有限公司', creditCode: CODE_B },
    ]);
    expect(result.issues).toEqual([
      { row: 4, column: '统一社会信用代码', reason: '统一社会信用代码校验位不正确，请核对营业执照', value: '91330100716105852E' },
      { row: 5, column: '成立日期', reason: '日期无效，应为 年-月-日，如 2020-03-15', value: '2023-02-30' },
      { row: 6, column: '注册资本（万元）', reason: '不能为负数', value: '-5' },
      { row: 7, column: '统一社会信用代码', reason: '与第 2 行的统一社会信用代码重复' },
      { row: 9, column: '企业实名认证', reason: '应为 是 或 否', value: '也许' },
    ]);
    expect(countRows(ctx, 'dossiers')).toBe(0);
    expect(countRows(ctx, 'change_log')).toBe(0);
  });

  it('commits exactly the valid rows, each with an import entry in its history', async () => {
    const ctx = await createTestContext();
    const { previewId } = await preview(ctx, csvFile(MIXED));
    expect(await commit(ctx, previewId)).toEqual({ created: 2, updated: 0, unchanged: 0 });

    expect(ctx.db.prepare('SELECT credit_code FROM dossiers ORDER BY credit_code').pluck().all()).toEqual([CODE_A, CODE_B].sort());
    expect(dossierByCode(ctx, CODE_B)).toMatchObject({ legal_name: '深圳鉴宝科技有限公司', city: '深圳市', registered_capital_yuan: 5_000_000, deposit_paid_fen: 10_000_000 });
    const log = ctx.db.prepare('SELECT action, actor, entity_id FROM change_log ORDER BY seq').all();
    expect(log).toEqual([
      { action: 'import', actor: '王评审', entity_id: expect.any(Number) },
      { action: 'import', actor: '王评审', entity_id: expect.any(Number) },
    ]);
  });

  it('re-importing the same file changes nothing; a modified file updates by credit code without duplicates', async () => {
    const ctx = await createTestContext();
    const original = csvFile([importRecord(), importRecord({ 机构名称: '深圳鉴宝科技有限公司', 统一社会信用代码: CODE_B })]);
    await commit(ctx, (await preview(ctx, original)).previewId);
    const logBefore = countRows(ctx, 'change_log');

    const again = await preview(ctx, original);
    expect(again.counts).toEqual({ create: 0, update: 0, unchanged: 2, invalid: 0 });
    expect(again.sample.map((s) => s.action)).toEqual(['unchanged', 'unchanged']);
    expect(await commit(ctx, again.previewId)).toEqual({ created: 0, updated: 0, unchanged: 2 });
    expect(countRows(ctx, 'change_log')).toBe(logBefore);

    ctx.tick();
    const modified = csvFile([
      importRecord({ '注册资本（万元）': '800', 城市: '义乌市' }),
      importRecord({ 机构名称: '深圳鉴宝科技有限公司', 统一社会信用代码: CODE_B }),
      importRecord({ 机构名称: '北京新公司', 统一社会信用代码: ` ${CODE_C.toLowerCase()} ` }),
    ]);
    const changed = await preview(ctx, modified, '机构名单-修订.csv');
    expect(changed.counts).toEqual({ create: 1, update: 1, unchanged: 1, invalid: 0 });
    expect(await commit(ctx, changed.previewId)).toEqual({ created: 1, updated: 1, unchanged: 1 });

    expect(countRows(ctx, 'dossiers')).toBe(3);
    const id = dossierByCode(ctx, CODE_A)!.id as number;
    const history = await call(ctx, 'dossiers.history', { id });
    expect(history.map((c) => c.action)).toEqual(['import', 'import']);
    expect(history[0]).toMatchObject({
      actor: '王评审',
      before: { registeredCapitalWan: 500, city: '杭州市' },
      after: { registeredCapitalWan: 800, city: '义乌市', file: '机构名单-修订.csv' },
    });
    expect(Object.keys(history[0]!.before as object).sort()).toEqual(['city', 'registeredCapitalWan']); // only what changed
    expect(await call(ctx, 'dossiers.get', { id })).toMatchObject({ dossier: { version: 2, registeredCapitalWan: 800 } });
  });

  it('reports a missing required column on the header row and imports nothing', async () => {
    const ctx = await createTestContext();
    const headers = HEADERS.filter((h) => h !== '成立日期' && h !== '纳税人类型');
    const rows = [headers, headers.map((h) => importRecord()[h])];
    const result = await preview(ctx, base64(utf8(toCsv(rows))));
    expect(result.counts).toEqual({ create: 0, update: 0, unchanged: 0, invalid: 1 });
    expect(result.issues).toEqual([
      { row: 1, column: '成立日期', reason: '缺少必需的列“成立日期”' },
      { row: 1, column: '纳税人类型', reason: '缺少必需的列“纳税人类型”' },
    ]);
    expect(await commit(ctx, result.previewId)).toEqual({ created: 0, updated: 0, unchanged: 0 });
    expect(countRows(ctx, 'dossiers')).toBe(0);
  });

  it('reads a blank 店铺账号 cell (or 未知, or no such column) as not known, never as 否', async () => {
    const ctx = await createTestContext();
    const records = [
      importRecord({ 统一社会信用代码: CODE_A, 店铺账号: '' }),
      importRecord({ 统一社会信用代码: CODE_B, 机构名称: '深圳鉴宝科技有限公司', 店铺账号: '否' }),
      importRecord({ 统一社会信用代码: CODE_C, 机构名称: '未知店铺公司', 店铺账号: '未知' }),
      importRecord({ 统一社会信用代码: CODE_D, 机构名称: '店铺账号公司', 店铺账号: '是' }),
    ];
    const { previewId, counts } = await preview(ctx, csvFile(records));
    expect(counts).toMatchObject({ create: 4, invalid: 0 });
    await commit(ctx, previewId);
    const shop = async (code: string) => (await call(ctx, 'dossiers.get', { id: dossierByCode(ctx, code)!.id as number })).dossier.isShopAccount;
    expect([await shop(CODE_A), await shop(CODE_B), await shop(CODE_C), await shop(CODE_D)]).toEqual([null, false, null, true]);

    const other = await createTestContext();
    const headers = HEADERS.filter((h) => h !== '店铺账号');
    const withoutColumn = await preview(other, base64(utf8(toCsv([headers, headers.map((h) => importRecord()[h])]))));
    expect(withoutColumn.issues).toEqual([]);
    await commit(other, withoutColumn.previewId);
    expect((await call(other, 'dossiers.get', { id: 1 })).dossier.isShopAccount).toBeNull();
    // Re-imported without the column, an existing dossier keeps what it holds.
    const { id: _id, version, archivedAt: _a, createdAt: _c, updatedAt: _u, ...data } = (await call(other, 'dossiers.get', { id: 1 })).dossier;
    await call(other, 'dossiers.update', { id: 1, version, data: { ...data, isShopAccount: false } });
    const again = await preview(other, base64(utf8(toCsv([headers, headers.map((h) => importRecord()[h])]))));
    expect(again.counts).toMatchObject({ unchanged: 1, update: 0 });
  });

  it('accepts English aliases and odd spacing in headers, names unknown columns, and reports by the header as written', async () => {
    const ctx = await createTestContext();
    const english = ['Legal Name', ' Credit Code ', 'Legal Representative', 'Province', 'City', 'Registered Capital', 'Established', 'Taxpayer Type', 'Verified', 'Shop Account', 'Deposit', 'Price', 'Contact', 'Phone', 'E-mail', '微信号'];
    const rows = [english, ...[importRecord(), importRecord({ 统一社会信用代码: CODE_B, 联系电话: '12345' })].map((r) => [...HEADERS.map((h) => r[h]), 'wx_123'])];
    const result = await preview(ctx, base64(utf8(toCsv(rows))));
    expect(result.counts).toMatchObject({ create: 1, invalid: 1 });
    expect(result.unknownColumns).toEqual(['微信号']);
    expect(result.issues).toEqual([{ row: 3, column: 'Phone', reason: '电话号码格式不正确', value: '12345' }]);
  });

  it('reports a contact without phone or e-mail, and an unknown taxpayer word, in zh-CN', async () => {
    const ctx = await createTestContext();
    const result = await preview(ctx, csvFile([importRecord({ 联系电话: '', 联系邮箱: '' }), importRecord({ 统一社会信用代码: CODE_B, 纳税人类型: '个体户' })]));
    expect(result.issues).toEqual([
      { row: 2, column: '联系电话', reason: '电话和邮箱至少填写一项', value: '' },
      { row: 3, column: '纳税人类型', reason: '应为 一般纳税人 或 小规模纳税人', value: '个体户' },
    ]);
  });

  it('refuses an unknown, a used and an expired preview with EXPIRED', async () => {
    const ctx = await createTestContext();
    expect(await callError(ctx, 'dossiers.importCommit', { previewId: 'no-such-preview' })).toMatchObject({ code: 'EXPIRED', message: '导入预览已过期，请重新选择文件' });

    const used = await preview(ctx, csvFile([importRecord()]));
    await commit(ctx, used.previewId);
    expect(await callError(ctx, 'dossiers.importCommit', { previewId: used.previewId })).toMatchObject({ code: 'EXPIRED' });

    const stale = await preview(ctx, csvFile([importRecord({ 统一社会信用代码: CODE_B })]));
    ctx.tick(30 * 60 * 1000 + 1); // previews live 30 minutes
    expect(await callError(ctx, 'dossiers.importCommit', { previewId: stale.previewId })).toMatchObject({ code: 'EXPIRED' });
    expect(dossierByCode(ctx, CODE_B)).toBeUndefined();
  });

  it('needs the local user name to commit, but not to preview', async () => {
    const ctx = await createTestContext({ user: null });
    const { previewId } = await preview(ctx, csvFile([importRecord()]));
    expect(await callError(ctx, 'dossiers.importCommit', { previewId })).toMatchObject({ code: 'NO_USER' });
    expect(countRows(ctx, 'dossiers')).toBe(0);
  });

  it('refuses a legacy .xls file and bad base64 with a reason', async () => {
    const ctx = await createTestContext();
    const xls = await callError(ctx, 'dossiers.importPreview', { fileName: '名单.xls', dataBase64: base64(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) });
    expect(xls).toMatchObject({ code: 'BAD_FILE' });
    expect(xls.message).toContain('.xlsx');
    const broken = await callError(ctx, 'dossiers.importPreview', { fileName: '名单.xlsx', dataBase64: base64(Buffer.from('PK\u0003\u0004 not really a zip')) });
    expect(broken).toMatchObject({ code: 'BAD_FILE', message: '无法读取该文件：文件不是有效的 XLSX 工作簿' });
    expect(await callError(ctx, 'dossiers.importPreview', { fileName: 'a.csv', dataBase64: '%%%' })).toMatchObject({ code: 'VALIDATION', issues: [{ path: 'dataBase64', key: 'error.base64' }] });
  });
});
