// Score import (评分导入) through the real dispatch on a real SQLite file: a good file, a file of bad rows
// with their row/column/reason, nothing written before commit, an all-or-nothing commit, XLSX and GBK.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { callError } from '../../support/call';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { syntheticCreditCode } from '../../support/credit-codes';
import { base64, gbk, toCsv, utf8WithBom, xlsx } from '../../support/import-files';

const HEADER = ['委员', '统一社会信用代码', '机构名称', '评分项', '分数', '备注'];

async function scoredRound(options: Parameters<typeof setUpRound>[1] = {}) {
  const ctx = await createTestContext();
  const { round, hangzhou, shenzhen } = await setUpRound(ctx, options);
  const a1 = await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000);
  const a2 = await addApplicant(ctx, round.id, 2, '深圳市', [shenzhen.id], 38_000);
  const small = await addApplicant(ctx, round.id, 3, '杭州市', [hangzhou.id], 30_000, { taxpayerType: 'small' });
  const chair = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '赵组长', role: 'chair' } });
  const qian = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
  return { ctx, round, a1, a2, small, chair, qian };
}

const scoreCount = (ctx: TestContext) => (ctx.db.prepare('SELECT count(*) AS n FROM scores').get() as { n: number }).n;
const logCount = (ctx: TestContext) => (ctx.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number }).n;
const csv = (rows: string[][]) => base64(utf8WithBom(toCsv([HEADER, ...rows])));
const code = (n: number) => syntheticCreditCode(n);

describe('score import', () => {
  it('previews without writing, then commits every row in one go and records it', async () => {
    const { ctx, round, chair, a1 } = await scoredRound();
    const rows = [
      ['赵组长', code(1), '杭州第1鉴定有限公司', '公司实力', '85', ''],
      ['赵组长', code(1), '', '技术水平', '88.5', '设备齐全'],
      ['赵组长', code(1), '', 'reputation', '80', ''],
      ['赵组长', code(1), '', '服务报价', '90', ''],
      ['赵组长', code(2).toLowerCase(), '', '公司实力', '70', ''],
    ];
    const logsBefore = logCount(ctx);
    const preview = await ok(ctx, 'scores.importPreview', { roundId: round.id, fileName: 'scores.csv', dataBase64: csv(rows) });
    expect(preview).toMatchObject({ totalRows: 5, counts: { new: 5, changed: 0, unchanged: 0, invalid: 0 }, issues: [], unknownColumns: [], members: [{ name: '赵组长', rows: 5 }] });
    expect(scoreCount(ctx)).toBe(0);
    expect(logCount(ctx)).toBe(logsBefore);

    expect(await ok(ctx, 'scores.importCommit', { previewId: preview.previewId })).toEqual({ written: 5, unchanged: 0 });
    const sheet = await ok(ctx, 'scores.sheet', { memberId: chair.id });
    expect(sheet.cells.filter((c) => c.applicationId === a1.id)).toEqual(
      expect.arrayContaining([
        { applicationId: a1.id, criterion: 'technical', value: 88.5, comment: '设备齐全' },
        { applicationId: a1.id, criterion: 'reputation', value: 80, comment: '' },
      ]),
    );
    const history = await ok(ctx, 'rounds.history', { id: round.id });
    // One entry for the member sheet the file fills (not one per cell), listed without its cells.
    expect(history.filter((h) => h.action === 'score')).toHaveLength(0);
    const imports = history.filter((h) => h.action === 'import');
    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ actor: '王评审', after: { scoreImport: { file: 'scores.csv', rows: 5, written: 5, unchanged: 0, memberId: chair.id, memberName: '赵组长', sheetId: chair.sheetId } } });
    expect((imports[0]!.after as { scoreImport: object }).scoreImport).not.toHaveProperty('cells');

    // The same file again changes nothing; a preview is used once.
    const again = await ok(ctx, 'scores.importPreview', { roundId: round.id, fileName: 'scores.csv', dataBase64: csv(rows) });
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 5, invalid: 0 });
    expect(await callError(ctx, 'scores.importCommit', { previewId: preview.previewId })).toMatchObject({ code: 'EXPIRED' });
  });

  it('reports every bad row with its row, column and reason, and keeps the good ones', async () => {
    const { ctx, round, a1, a2, qian } = await scoredRound({ priceMode: 'lowestPrice' });
    await ok(ctx, 'recusals.declare', { applicationId: a2.id, memberId: qian.id, reason: '曾为该机构提供咨询' });
    const rows = [
      ['赵组长', code(1), '', '公司实力', '85', ''], // 2 ok
      ['孙委员', code(1), '', '公司实力', '85', ''], // 3 unknown member
      ['赵组长', code(99), '', '公司实力', '85', ''], // 4 not in this round
      ['赵组长', '91330100000000001X', '', '公司实力', '85', ''], // 5 bad check character
      ['钱委员', code(2), '', '公司实力', '85', ''], // 6 recused
      ['赵组长', code(1), '', '技术水平', '101', ''], // 7 out of scale
      ['赵组长', code(1), '', '业内口碑', '80.555', ''], // 8 three decimals
      ['赵组长', code(2), '', '业内口碑', '八十', ''], // 9 not a number
      ['赵组长', code(2), '', '颜值', '80', ''], // 10 unknown criterion
      ['赵组长', code(2), '', '服务报价', '80', ''], // 11 price is computed
      ['赵组长', code(1), '', 'strength', '86', ''], // 12 duplicate of row 2
      ['赵组长', code(3), '', '公司实力', '60', ''], // 13 failed screening: not scored
      ['赵组长', code(2), '', '技术水平', '', ''], // 14 empty score
      ['钱委员', code(1), '', '技术水平', '75', ''], // 15 ok
    ];
    const preview = await ok(ctx, 'scores.importPreview', { roundId: round.id, fileName: 'bad.csv', dataBase64: csv(rows) });
    const reasons = Object.fromEntries(preview.issues.map((i) => [i.row, `${i.column}｜${i.reason}`]));
    expect(reasons).toEqual({
      3: '委员｜本批次没有名为“孙委员”的委员',
      4: `统一社会信用代码｜本批次没有统一社会信用代码为 ${code(99)} 的申请`,
      5: '统一社会信用代码｜统一社会信用代码校验位不正确，请核对营业执照',
      6: '委员｜委员“钱委员”已对“深圳第2鉴定有限公司”声明回避，不能为其评分',
      7: '分数｜分数应在 0 到 100 之间',
      8: '分数｜最多两位小数',
      9: '分数｜应为数字',
      10: '评分项｜未知的评分项“颜值”，应为：公司实力、技术水平、业内口碑、服务报价',
      11: '评分项｜“服务报价”由报价自动计算（低价优先法），无需委员打分',
      12: '评分项｜与第 2 行重复：同一委员、同一机构、同一评分项只能有一个分数',
      13: '｜该申请未通过资格审查，无需评分',
      14: '分数｜必填',
    });
    expect(preview.counts).toEqual({ new: 2, changed: 0, unchanged: 0, invalid: 12 });
    expect(scoreCount(ctx)).toBe(0);

    expect(await ok(ctx, 'scores.importCommit', { previewId: preview.previewId })).toEqual({ written: 2, unchanged: 0 });
    const sheet = await ok(ctx, 'scores.sheet', { memberId: qian.id });
    expect(sheet.cells).toEqual([{ applicationId: a1.id, criterion: 'technical', value: 75, comment: '' }]);
  });

  it('refuses a submitted sheet and a file without the required columns', async () => {
    const { ctx, round, chair, a1, a2 } = await scoredRound({ priceMode: 'lowestPrice' });
    for (const applicationId of [a1.id, a2.id]) {
      for (const criterion of ['strength', 'technical', 'reputation']) await ok(ctx, 'scores.set', { memberId: chair.id, applicationId, criterion, value: 70, comment: '' });
    }
    await ok(ctx, 'scores.submit', { memberId: chair.id });
    const submitted = await ok(ctx, 'scores.importPreview', { roundId: round.id, fileName: 's.csv', dataBase64: csv([['赵组长', code(1), '', '公司实力', '85', '']]) });
    expect(submitted.issues).toEqual([{ row: 2, column: '委员', reason: expect.stringContaining('评分表已提交') }]);

    const noScore = base64(utf8WithBom(toCsv([['委员', '统一社会信用代码', '评分项', '得分率'], ['钱委员', code(1), '公司实力', '85']])));
    const preview = await ok(ctx, 'scores.importPreview', { roundId: round.id, fileName: 'x.csv', dataBase64: noScore });
    expect(preview).toMatchObject({ counts: { invalid: 1 }, issues: [{ row: 1, column: '分数', reason: '缺少必需的列“分数”' }], unknownColumns: ['得分率'] });
  });

  it('writes nothing when a row became invalid after the preview (one transaction)', async () => {
    const { ctx, round, qian, a2 } = await scoredRound();
    const rows = [
      ['钱委员', code(1), '', '公司实力', '85', ''],
      ['钱委员', code(2), '', '公司实力', '70', ''],
      ['赵组长', code(2), '', '公司实力', '72', ''],
    ];
    const preview = await ok(ctx, 'scores.importPreview', { roundId: round.id, fileName: 's.csv', dataBase64: csv(rows) });
    expect(preview.counts.new).toBe(3);
    await ok(ctx, 'recusals.declare', { applicationId: a2.id, memberId: qian.id, reason: '近期与该机构有业务往来' });
    const logsBefore = logCount(ctx);
    expect(await callError(ctx, 'scores.importCommit', { previewId: preview.previewId })).toMatchObject({ code: 'CONFLICT', message: expect.stringMatching(/^第 3 行：.*未导入任何分数/) });
    expect(scoreCount(ctx)).toBe(0);
    expect(logCount(ctx)).toBe(logsBefore);
  });

  it('reads XLSX with English headers and GBK CSV from Excel on Chinese Windows', async () => {
    const { ctx, round } = await scoredRound();
    const book = await xlsx([
      ['Member', 'Credit code', 'Criterion', 'Score', 'Comment'],
      ['钱委员', code(1), 'technical', 91, '优秀'],
    ]);
    const fromXlsx = await ok(ctx, 'scores.importPreview', { roundId: round.id, fileName: 'scores.xlsx', dataBase64: base64(book) });
    expect(fromXlsx.counts).toMatchObject({ new: 1, invalid: 0 });
    const fromGbk = await ok(ctx, 'scores.importPreview', { roundId: round.id, fileName: 'scores.csv', dataBase64: base64(gbk(toCsv([HEADER, ['钱委员', code(2), '', '业内口碑', '66', '口碑一般']]))) });
    expect(fromGbk).toMatchObject({ counts: { new: 1, invalid: 0 }, issues: [] });
  });

  it('accepts the documented example file (docs/examples) against the documented round', async () => {
    const ctx = await createTestContext();
    const dossiers = await ok(ctx, 'dossiers.importPreview', { fileName: 'dossiers-example.csv', dataBase64: base64(fs.readFileSync('docs/examples/dossiers-example.csv')) });
    await ok(ctx, 'dossiers.importCommit', { previewId: dossiers.previewId });
    const { round, hangzhou, shenzhen } = await setUpRound(ctx);
    const list = await ok(ctx, 'dossiers.list', { search: '' });
    const idOf = (name: string) => list.items.find((d) => d.legalName === name)!.id;
    await ok(ctx, 'applications.add', { roundId: round.id, data: { dossierId: idOf('杭州安心珠宝检测技术有限公司'), priceQuoteYuan: 38_000, strengthStatement: '', regionIds: [hangzhou.id] } });
    const sz = await ok(ctx, 'applications.add', { roundId: round.id, data: { dossierId: idOf('深圳市鉴宝检测服务有限公司'), priceQuoteYuan: 42_000, strengthStatement: '', regionIds: [shenzhen.id] } });
    // It lacks 投流 (seed 003 wants all six capabilities); the chair admits it to scoring with a reason.
    await ok(ctx, 'screening.override', { applicationId: sz.id, regionId: shenzhen.id, eligible: true, reason: '投流由其合作方提供，评审小组认可' });
    for (const [name, role] of [['赵组长', 'chair'], ['钱委员', 'member']] as const) await ok(ctx, 'members.add', { roundId: round.id, data: { name, role } });
    const preview = await ok(ctx, 'scores.importPreview', { roundId: round.id, fileName: 'scores-example.csv', dataBase64: base64(fs.readFileSync('docs/examples/scores-example.csv')) });
    expect(preview).toMatchObject({ totalRows: 12, counts: { new: 12, invalid: 0 }, issues: [], unknownColumns: [] });
  });

  it('refuses a finalized round, an unreadable file, and an expired preview', async () => {
    const { ctx, round } = await scoredRound();
    const preview = await ok(ctx, 'scores.importPreview', { roundId: round.id, fileName: 's.csv', dataBase64: csv([['钱委员', code(1), '', '公司实力', '85', '']]) });
    ctx.tick(31 * 60 * 1000);
    expect(await callError(ctx, 'scores.importCommit', { previewId: preview.previewId })).toMatchObject({ code: 'EXPIRED' });
    expect(await callError(ctx, 'scores.importPreview', { roundId: round.id, fileName: 'old.xls', dataBase64: base64(Buffer.from([0xd0, 0xcf, 0x11, 0xe0])) })).toMatchObject({ code: 'BAD_FILE' });
    ctx.db.prepare("UPDATE rounds SET status = 'finalized' WHERE id = ?").run(round.id);
    expect(await callError(ctx, 'scores.importPreview', { roundId: round.id, fileName: 's.csv', dataBase64: csv([]) })).toMatchObject({ code: 'CONFLICT', message: expect.stringContaining('定稿') });
  });
});
