// XLSX import as Excel users fill sheets in (typed cells: numbers, dates, booleans), and the export round
// trip: an exported workbook re-imports with every row unchanged.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { call, countRows } from '../../support/call';
import { dossierInput, REAL_CREDIT_CODES } from '../../support/dossiers';
import { base64, HEADERS, importRecord, readXlsxValues, toCsv, toRows, utf8, xlsx, type XlsxCell } from '../../support/import-files';

const excelDate = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d)); // how Excel date cells arrive
const GOOD: XlsxCell[] = ['杭州安心珠宝检测技术有限公司', REAL_CREDIT_CODES[0]!, '陈明', '浙江省', '杭州市', 500, excelDate(2018, 6, 1), '一般纳税人', true, false, 100000, 38000, '李娜', 13800138000, 'lina@example.com'];
const row = (overrides: Record<number, XlsxCell>) => GOOD.map((cell, i) => (i in overrides ? overrides[i]! : cell));

describe('XLSX import', () => {
  it('reads typed cells and reports bad rows by Excel row number and the header as written', async () => {
    const ctx = await createTestContext();
    const headers = HEADERS.map((h) => (h === '统一社会信用代码' ? 'Credit Code' : h === '注册资本（万元）' ? '注册资本(万元)' : h));
    const file = await xlsx([
      headers, // row 1
      GOOD, // row 2
      row({ 0: '深圳鉴宝科技有限公司', 1: REAL_CREDIT_CODES[1]!, 5: 1234.5678, 6: '2019年3月5日', 9: '否' }), // row 3
      null, // row 4: left empty in Excel
      row({ 0: '资本小数过多', 1: REAL_CREDIT_CODES[2]!, 5: 1.23456 }), // row 5
      row({ 0: '代码错误', 1: '91330100716105852I' }), // row 6
      row({ 0: '', 1: REAL_CREDIT_CODES[3]!, 10: 'abc' }), // row 7: two problems
    ]);
    const preview = await call(ctx, 'dossiers.importPreview', { fileName: '机构.xlsx', dataBase64: base64(file) });
    expect(preview.counts).toEqual({ create: 2, update: 0, unchanged: 0, invalid: 3 });
    expect(preview.issues).toEqual([
      { row: 5, column: '注册资本(万元)', reason: '最多四位小数', value: '1.23456' },
      { row: 6, column: 'Credit Code', reason: '统一社会信用代码含有无效字符（不使用 I、O、S、V、Z）', value: '91330100716105852I' },
      { row: 7, column: '已缴保证金（元）', reason: '应为数字', value: 'abc' },
      { row: 7, column: '机构名称', reason: '必填', value: '' },
    ]);
    expect(countRows(ctx, 'dossiers')).toBe(0);

    await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId });
    const stored = ctx.db.prepare('SELECT credit_code, established_on, registered_capital_yuan, is_shop_account, contacts FROM dossiers ORDER BY id').all();
    expect(stored).toEqual([
      { credit_code: REAL_CREDIT_CODES[0], established_on: '2018-06-01', registered_capital_yuan: 5_000_000, is_shop_account: 0, contacts: '[{"name":"李娜","phone":"13800138000","email":"lina@example.com"}]' },
      { credit_code: REAL_CREDIT_CODES[1], established_on: '2019-03-05', registered_capital_yuan: 12_345_678, is_shop_account: 0, contacts: expect.any(String) },
    ]);
  });

  it('exports what the import reads: the exported workbook re-imports with every row unchanged', async () => {
    const ctx = await createTestContext();
    const csv = toCsv(toRows([
      importRecord({ '注册资本（万元）': '500.1234', '已缴保证金（元）': '100000.5', '服务报价（元）': '' }),
      importRecord({ 统一社会信用代码: REAL_CREDIT_CODES[1]!, 机构名称: '深圳鉴宝科技有限公司', 纳税人类型: '小规模纳税人', 联系人: '', 联系电话: '', 联系邮箱: '' }),
    ]));
    await call(ctx, 'dossiers.importCommit', { previewId: (await call(ctx, 'dossiers.importPreview', { fileName: 'a.csv', dataBase64: base64(utf8(csv)) })).previewId });
    // One created in the form: two contacts, some capabilities, multi-line notes, a phone with spaces.
    await call(ctx, 'dossiers.create', dossierInput({
      creditCode: REAL_CREDIT_CODES[2],
      legalName: '北京多联系人公司',
      capabilities: ['training', 'bd'],
      notes: '第一行\n第二行',
      contacts: [{ name: '王五', phone: '138 0013 8000', email: '' }, { name: '赵六', phone: '', email: 'zhao@example.com' }],
    }));
    ctx.tick();

    const exported = await call(ctx, 'dossiers.exportXlsx', {});
    expect(exported).toMatchObject({ fileName: '申请机构档案-2026-11-23.xlsx', mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
    const values = await readXlsxValues(Buffer.from(exported.dataBase64, 'base64'));
    expect(values).toHaveLength(4);
    expect(values[0]!.slice(0, 4)).toEqual(['机构名称', '统一社会信用代码/身份证号', '主体类型', '法定代表人']); // the number column holds either kind
    const beijing = values.find((v) => v[0] === '北京多联系人公司')!;
    expect(beijing).toEqual(expect.arrayContaining([REAL_CREDIT_CODES[2], '是', '否', '王五', '138 0013 8000', '第一行\n第二行']));

    const reimport = await call(ctx, 'dossiers.importPreview', { fileName: exported.fileName, dataBase64: exported.dataBase64 });
    expect(reimport.issues).toEqual([]);
    expect(reimport.unknownColumns).toEqual([]);
    expect(reimport.counts).toEqual({ create: 0, update: 0, unchanged: 3, invalid: 0 });
    const logBefore = countRows(ctx, 'change_log');
    expect(await call(ctx, 'dossiers.importCommit', { previewId: reimport.previewId })).toEqual({ created: 0, updated: 0, unchanged: 3 });
    expect(countRows(ctx, 'change_log')).toBe(logBefore);
  });

  it('keeps the second and later contacts when an edited export updates the first contact', async () => {
    // The sheet carries one contact (docs/dossier-import.md: more are added on the dossier page), so an
    // import must not silently delete the others.
    const ctx = await createTestContext();
    const created = await call(ctx, 'dossiers.create', dossierInput({
      contacts: [{ name: '王五', phone: '13800138000', email: '' }, { name: '赵六', phone: '', email: 'zhao@example.com' }],
    }));
    const file = base64(utf8(toCsv(toRows([importRecord({ 联系人: '王五', 联系电话: '13900139000', 联系邮箱: '' })]))));
    const preview = await call(ctx, 'dossiers.importPreview', { fileName: 'a.csv', dataBase64: file });
    expect(preview.counts).toMatchObject({ update: 1 });
    await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId });
    const { dossier } = await call(ctx, 'dossiers.get', { id: created.id });
    expect(dossier.contacts).toEqual([{ name: '王五', phone: '13900139000', email: '' }, { name: '赵六', phone: '', email: 'zhao@example.com' }]);
  });
});
