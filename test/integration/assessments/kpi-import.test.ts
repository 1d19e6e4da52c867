// KPI figures import (考核数据导入) through the real dispatch on a real SQLite file (issue 4): a good file, a
// file of bad rows with their row/column/reason, nothing written before commit, an all-or-nothing commit,
// empty cells keeping stored figures, XLSX with Excel's percentage cells, GBK CSV, the 区域 column for a
// provider with two cooperations, and seed 001's columns.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { callError } from '../../support/call';
import { finalizedRound, ok } from '../../support/round-fixture';
import { syntheticCreditCode } from '../../support/credit-codes';
import { base64, gbk, toCsv, utf8WithBom, xlsx } from '../../support/import-files';
import { SEED_001_RULE_SET, SEED_002_RULE_SET } from '../../../shared/lifecycle/kpi-rules';

const MONTHLY = ['统一社会信用代码', '机构名称', '月份', '商家层级', '发揽率（%）', '客服响应率（%）'];
const code = (n: number) => syntheticCreditCode(n);
const csv = (header: string[], rows: string[][]) => base64(utf8WithBom(toCsv([header, ...rows])));
const logCount = (ctx: TestContext) => (ctx.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
const figureRows = (ctx: TestContext) => (ctx.db.prepare('SELECT count(*) AS n FROM kpi_figures').get() as { n: number }).n;

/** Providers 1 and 2 (杭州) and 4 (深圳) cooperate under seed 002 (or seed 001) from 2026-11-23. */
async function program(kind: 'seed001' | 'seed002' = 'seed002') {
  const ctx = await createTestContext();
  const round = await finalizedRound(ctx);
  await ok(ctx, 'programs.setKpiRules', { programId: round.program.id, rules: kind === 'seed001' ? { ...SEED_001_RULE_SET } : { ...SEED_002_RULE_SET } });
  await ok(ctx, 'cooperations.createFromRound', { roundId: round.round.id, admittedOn: '2026-11-23' });
  const list = await ok(ctx, 'cooperations.list', { programId: round.program.id });
  const id = (n: number) => list.find((c) => c.legalName.includes(`第${n}鉴定`))!.id;
  const figures = async (n: number) => ok(ctx, 'kpi.figures', { cooperationId: id(n) });
  return { ctx, round, programId: round.program.id, id, figures };
}

describe('KPI figures import', () => {
  it('previews without writing, then commits every valid row in one go; the same file again changes nothing', async () => {
    const { ctx, programId, figures } = await program();
    const rows = [
      [code(1), '杭州第1鉴定有限公司', '2026-12', 'L3', '89.99', '90'],
      [code(2).toLowerCase(), '', '2026年12月', '4', '95%', '８８．５'], // lower case, 95%, full-width digits
      [code(4), '深圳第4鉴定有限公司', '2026/12', 'L3', '90', '85'],
    ];
    const logsBefore = logCount(ctx);
    const preview = await ok(ctx, 'kpi.importPreview', { programId, fileName: 'kpi.csv', dataBase64: csv(MONTHLY, rows) });
    expect(preview).toMatchObject({ kind: 'monthlyWarning', totalRows: 3, counts: { new: 3, changed: 0, unchanged: 0, invalid: 0 }, months: ['2026-12'], providers: 3, issues: [], unknownColumns: [] });
    // The preview wrote nothing, not even history.
    expect(figureRows(ctx)).toBe(0);
    expect(logCount(ctx)).toBe(logsBefore);

    expect(await ok(ctx, 'kpi.importCommit', { previewId: preview.previewId })).toEqual({ written: 3, unchanged: 0 });
    expect(await figures(1)).toEqual([{ month: '2026-12', merchantLevel: 3, pickupRatePercent: 89.99, responseRatePercent: 90 }]);
    expect(await figures(2)).toEqual([{ month: '2026-12', merchantLevel: 4, pickupRatePercent: 95, responseRatePercent: 88.5 }]);
    const log = ctx.db.prepare("SELECT actor, after FROM change_log WHERE action = 'import' AND entity_key = ?").get(programId) as { actor: string; after: string };
    expect({ actor: log.actor, after: JSON.parse(log.after) }).toEqual({ actor: '王评审', after: { kpiImport: { file: 'kpi.csv', rows: 3, written: 3, unchanged: 0 } } });

    // The figures decide the assessment exactly as if typed: 89.99% < 90% fails, 90% passes.
    const run = await ok(ctx, 'assessments.run', { programId, asOf: '2026-12', effectiveDate: '2026-12-31' });
    expect(run.entries.map((e) => e.proposal?.action).sort()).toEqual(['continue', 'continue', 'rectificationNotice']);

    const again = await ok(ctx, 'kpi.importPreview', { programId, fileName: 'kpi.csv', dataBase64: csv(MONTHLY, rows) });
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 3, invalid: 0 });
    const logsAfter = logCount(ctx);
    expect(await ok(ctx, 'kpi.importCommit', { previewId: again.previewId })).toEqual({ written: 0, unchanged: 3 });
    expect(logCount(ctx)).toBe(logsAfter + 1); // only the import entry: nothing changed
    // A preview is used once.
    expect(await callError(ctx, 'kpi.importCommit', { previewId: preview.previewId })).toMatchObject({ code: 'EXPIRED' });
  });

  it('reports every bad row with its row number, column and a zh-CN reason, and imports the good ones', async () => {
    const { ctx, programId, figures } = await program();
    const badChecksum = `${code(1).slice(0, 17)}${code(1).endsWith('0') ? '1' : '0'}`;
    const rows = [
      [code(1), '', '2026-12', 'L3', '92', '90'], // row 2: good
      [code(4), '', '2026-12', 'L11', '101', '85.555'], // row 3: three bad cells
      [badChecksum, '', '2026-12', 'L3', '92', '90'], // row 4
      [code(99), '某某鉴定有限公司', '2026-12', 'L3', '92', '90'], // row 5: not a provider of this program
      [code(1), '', '2026-12', 'L3', '93', '90'], // row 6: same provider and month as row 2
      [code(2), '', '13月', 'L3', '92', '90'], // row 7
      [code(2), '', '2026-12', '', '', ''], // row 8: no figure at all
      ['', '', '', 'L3', '92', '90'], // row 9
      [code(2), '', '2026-12', 'abc', '92', '90'], // row 10
    ];
    const header = [...MONTHLY, '新增绑定商家数', '备注'];
    const preview = await ok(ctx, 'kpi.importPreview', { programId, fileName: 'bad.csv', dataBase64: csv(header, rows.map((r) => [...r, '5', ''])) });
    expect(preview.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 8 });
    expect(preview.unknownColumns).toEqual(['备注']);
    expect(preview.issues).toEqual([
      { row: 1, column: '新增绑定商家数', reason: '本项目采用淘特品牌认证汰换考核（月度），不使用“新增绑定商家数”，该列已忽略' },
      { row: 3, column: '商家层级', reason: '商家层级应为 L0 到 L10，如 L3 或 3' },
      { row: 3, column: '发揽率（%）', reason: '应在 0 到 100 之间' },
      { row: 3, column: '客服响应率（%）', reason: '最多两位小数' },
      { row: 4, column: '统一社会信用代码', reason: '统一社会信用代码校验位不正确，请核对营业执照' },
      { row: 5, column: '统一社会信用代码', reason: `本项目没有统一社会信用代码为 ${code(99)} 的合作` },
      { row: 6, column: '月份', reason: '与第 2 行重复：同一机构同一月份只能有一行' },
      { row: 7, column: '月份', reason: '月份应写作 2027-01 或 2027年1月' },
      { row: 8, column: '', reason: '该行没有任何考核数据' },
      { row: 9, column: '统一社会信用代码', reason: '必填' },
      { row: 9, column: '月份', reason: '必填' },
      { row: 10, column: '商家层级', reason: '商家层级应为 L0 到 L10，如 L3 或 3' },
    ]);
    expect(await ok(ctx, 'kpi.importCommit', { previewId: preview.previewId })).toEqual({ written: 1, unchanged: 0 });
    expect(await figures(1)).toEqual([{ month: '2026-12', merchantLevel: 3, pickupRatePercent: 92, responseRatePercent: 90 }]);
    expect(await figures(4)).toEqual([]);

    // A file without the required columns is refused as a whole, naming them.
    const missing = await ok(ctx, 'kpi.importPreview', { programId, fileName: 'x.csv', dataBase64: csv(['机构名称', '备注'], [['杭州第1鉴定有限公司', '']]) });
    expect(missing.counts.invalid).toBe(1);
    expect(missing.issues.map((i) => i.reason)).toEqual(['缺少必需的列“统一社会信用代码”', '缺少必需的列“月份”', '至少需要以下一列考核数据：商家层级、发揽率（%）、客服响应率（%）']);
  });

  it('keeps stored figures where a cell is empty or a column absent', async () => {
    const { ctx, programId, id, figures } = await program();
    await ok(ctx, 'kpi.setFigures', { cooperationId: id(1), figures: { month: '2027-01', merchantLevel: 3, pickupRatePercent: 91, responseRatePercent: 86 } });
    const preview = await ok(ctx, 'kpi.importPreview', { programId, fileName: 'pickup.csv', dataBase64: csv(['统一社会信用代码', '月份', '发揽率'], [[code(1), '2027-01', '88'], [code(2), '2027-01', '']]) });
    expect(preview.counts).toEqual({ new: 0, changed: 1, unchanged: 0, invalid: 1 }); // row 3 has no figure
    await ok(ctx, 'kpi.importCommit', { previewId: preview.previewId });
    expect(await figures(1)).toEqual([{ month: '2027-01', merchantLevel: 3, pickupRatePercent: 88, responseRatePercent: 86 }]);
  });

  it('writes nothing when a row is refused at commit (the cooperation ended after the preview)', async () => {
    const { ctx, programId, id, figures } = await program();
    const rows = [
      [code(1), '', '2026-12', 'L3', '95', '90'],
      [code(2), '', '2026-12', 'L3', '95', '90'],
      [code(4), '', '2026-12', 'L3', '95', '90'],
    ];
    const preview = await ok(ctx, 'kpi.importPreview', { programId, fileName: 'kpi.csv', dataBase64: csv(MONTHLY, rows) });
    expect(preview.counts.new).toBe(3);
    await ok(ctx, 'cooperations.applyEvent', { cooperationId: id(2), event: 'terminate', effectiveOn: '2026-12-15', reason: '违法经营', banReason: 'illegal' });
    const logsBefore = logCount(ctx);
    const error = await callError(ctx, 'kpi.importCommit', { previewId: preview.previewId });
    expect(error).toMatchObject({ code: 'CONFLICT', message: '第 3 行：“杭州第2鉴定有限公司”的合作已结束（未导入任何数据，请重新预览）' });
    // Row 2 came first and was written inside the transaction: rolled back with the rest.
    expect(await figures(1)).toEqual([]);
    expect(figureRows(ctx)).toBe(0);
    expect(logCount(ctx)).toBe(logsBefore);

    // A new preview says why that provider's row is out, and imports the others.
    const fresh = await ok(ctx, 'kpi.importPreview', { programId, fileName: 'kpi.csv', dataBase64: csv(MONTHLY, rows) });
    expect(fresh.issues).toEqual([{ row: 3, column: '统一社会信用代码', reason: '“杭州第2鉴定有限公司”的合作已结束（已清退），不再录入考核数据' }]);
    expect(await ok(ctx, 'kpi.importCommit', { previewId: fresh.previewId })).toEqual({ written: 2, unchanged: 0 });
  });

  it('reads XLSX (Excel dates and percentage cells) and GBK CSV', async () => {
    const { ctx, programId, figures } = await program();
    const file = await xlsx([
      MONTHLY,
      [code(1), '杭州第1鉴定有限公司', new Date(Date.UTC(2027, 0, 1)), 3, 89.99, 90],
      [code(2), '杭州第2鉴定有限公司', '2027-01', 'L3', 0.9, 0.85], // cells formatted as %: 90% is stored as 0.9
    ]);
    const preview = await ok(ctx, 'kpi.importPreview', { programId, fileName: 'kpi.xlsx', dataBase64: base64(file) });
    expect(preview.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 1 });
    expect(preview.issues.map((i) => [i.row, i.column])).toEqual([[3, '发揽率（%）'], [3, '客服响应率（%）']]);
    expect(preview.issues[0]!.reason).toBe('请写作百分数，如 90 或 90%（单元格中的 0.9 是 Excel 的百分比格式）');
    await ok(ctx, 'kpi.importCommit', { previewId: preview.previewId });
    expect(await figures(1)).toEqual([{ month: '2027-01', merchantLevel: 3, pickupRatePercent: 89.99, responseRatePercent: 90 }]);

    const text = toCsv([['信用代码', '服务商名称', '考核月份', '店铺层级', '近30天发揽率', '近30天客服响应率'], [code(4), '深圳第4鉴定有限公司', '2027年1月', 'L5', '99.5%', '97']]);
    const fromGbk = await ok(ctx, 'kpi.importPreview', { programId, fileName: 'kpi-gbk.csv', dataBase64: base64(gbk(text)) });
    expect(fromGbk).toMatchObject({ counts: { new: 1, invalid: 0 }, issues: [] });
    await ok(ctx, 'kpi.importCommit', { previewId: fromGbk.previewId });
    expect(await figures(4)).toEqual([{ month: '2027-01', merchantLevel: 5, pickupRatePercent: 99.5, responseRatePercent: 97 }]);
  });

  it('needs the 区域 column when a provider has two cooperations in the program', async () => {
    const { ctx, round, programId, id } = await program();
    // Provider 1 is admitted again, to a second 杭州 region, by a later round of the same program.
    const later = await ok(ctx, 'rounds.create', { programId, name: '2027年第一季度评审', referenceDate: '2027-01-05', options: {} });
    const region = await ok(ctx, 'regions.add', { roundId: later.id, data: { name: '杭州萧山产业带', city: '杭州市', quota: 1, waitlistLength: 0 } });
    const application = await ok(ctx, 'applications.add', { roundId: later.id, data: { dossierId: round.apps[0]!.dossierId, priceQuoteYuan: 40_000, strengthStatement: '', regionIds: [region.id] } });
    const chair = await ok(ctx, 'members.add', { roundId: later.id, data: { name: '赵组长', role: 'chair' } });
    const sheet = await ok(ctx, 'scores.sheet', { memberId: chair.id });
    for (const criterion of sheet.criteria) await ok(ctx, 'scores.set', { memberId: chair.id, applicationId: application.id, criterion, value: 90, comment: '' });
    await ok(ctx, 'scores.submit', { memberId: chair.id });
    await ok(ctx, 'rounds.finalize', { roundId: later.id });
    await ok(ctx, 'cooperations.createFromRound', { roundId: later.id, admittedOn: '2027-01-05' });
    const xiaoshan = (await ok(ctx, 'cooperations.list', { programId })).find((c) => c.regionName === '杭州萧山产业带')!;

    const header = ['统一社会信用代码', '区域', '月份', '商家层级', '发揽率（%）', '客服响应率（%）'];
    const rows = [
      [code(1), '', '2027-02', 'L3', '95', '90'],
      [code(1), '杭州萧山产业带', '2027-02', 'L3', '80', '90'],
      [code(1), '杭州珠宝产业带', '2027-02', 'L4', '95', '90'],
      [code(1), '宁波产业带', '2027-02', 'L3', '95', '90'],
    ];
    const preview = await ok(ctx, 'kpi.importPreview', { programId, fileName: 'regions.csv', dataBase64: csv(header, rows) });
    expect(preview.issues).toEqual([
      { row: 2, column: '区域', reason: '“杭州第1鉴定有限公司”在本项目有 2 个合作（杭州珠宝产业带、杭州萧山产业带），请在“区域”列注明' },
      { row: 5, column: '区域', reason: '“杭州第1鉴定有限公司”在本项目没有“宁波产业带”的合作，应为：杭州珠宝产业带、杭州萧山产业带' },
    ]);
    await ok(ctx, 'kpi.importCommit', { previewId: preview.previewId });
    expect(await ok(ctx, 'kpi.figures', { cooperationId: xiaoshan.id })).toEqual([{ month: '2027-02', merchantLevel: 3, pickupRatePercent: 80, responseRatePercent: 90 }]);
    expect(await ok(ctx, 'kpi.figures', { cooperationId: id(1) })).toEqual([{ month: '2027-02', merchantLevel: 4, pickupRatePercent: 95, responseRatePercent: 90 }]);
  });

  it("reads seed 001's columns: counts, GMV with thousands separators, orders", async () => {
    const { ctx, programId, figures } = await program('seed001');
    const header = ['统一社会信用代码', '月份', '新增绑定商家数', '新增商家GMV（元）', '有效订单量', '通过考试人数', '发揽率（%）'];
    const rows = [
      [code(1), '2026-12', '4', '¥58,000.00', '10,000', '2', ''],
      [code(2), '2026-12', '3.5', '58,0', '1e4', '2', ''],
    ];
    const preview = await ok(ctx, 'kpi.importPreview', { programId, fileName: 'douyin.csv', dataBase64: csv(header, rows) });
    expect(preview.issues).toEqual([
      { row: 1, column: '发揽率（%）', reason: '本项目采用抖音古董艺术品产业带服务商考核规则（季度），不使用“发揽率（%）”，该列已忽略' },
      { row: 3, column: '新增绑定商家数', reason: '应为整数' },
      { row: 3, column: '新增商家GMV（元）', reason: '应为数字' },
      { row: 3, column: '有效订单量', reason: '应为数字' },
    ]);
    await ok(ctx, 'kpi.importCommit', { previewId: preview.previewId });
    expect(await figures(1)).toEqual([{ month: '2026-12', newlyBound: 4, newlyBoundGmvYuan: 58_000, orders: 10_000, staffPassedExam: 2 }]);
  });

  it('reads the example files of docs/kpi-import.md (their providers are not in this program)', async () => {
    for (const [kind, file, rows] of [['seed002', 'kpi-monthly-example.csv', 4], ['seed001', 'kpi-periodic-example.csv', 3]] as const) {
      const { ctx, programId } = await program(kind);
      const preview = await ok(ctx, 'kpi.importPreview', { programId, fileName: file, dataBase64: base64(fs.readFileSync(`docs/examples/${file}`)) });
      expect(preview.totalRows).toBe(rows);
      expect(preview.unknownColumns).toEqual([]);
      expect(preview.issues.map((i) => i.reason).every((r) => r.startsWith('本项目没有统一社会信用代码为'))).toBe(true);
    }
  });

  it('refuses a program without a KPI rule set', async () => {
    const ctx = await createTestContext();
    const round = await finalizedRound(ctx);
    const error = await callError(ctx, 'kpi.importPreview', { programId: round.program.id, fileName: 'kpi.csv', dataBase64: csv(MONTHLY, []) });
    expect(error).toMatchObject({ code: 'CONFLICT', message: '该项目尚未选择考核规则，请先在“合作管理”中选择（抖音古董艺术品产业带服务商考核规则、淘特品牌认证汰换考核，或无考核（安心鉴））' });
  });
});
