// Issue 11: an import that updates by 统一社会信用代码 shows what it changes, field by field; a change of
// identity (企业名称, 法定代表人) is flagged and the commit is refused without the acknowledgement; an empty
// cell keeps the stored value unless the user chose "空单元格清空字段"; the template re-imports cleanly.
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { call, callError } from '../../support/call';
import { REAL_CREDIT_CODES } from '../../support/dossiers';
import { base64, importRecord, toCsv, toRows, utf8, type ImportRecord } from '../../support/import-files';

const CODE = REAL_CREDIT_CODES[0]!;
const csv = (records: ImportRecord[]) => base64(utf8(toCsv(toRows(records))));
const stored = (ctx: TestContext) => ctx.db.prepare('SELECT legal_name, legal_representative, city, contacts FROM dossiers WHERE credit_code = ?').get(CODE) as Record<string, string>;

async function withOriginal(): Promise<TestContext> {
  const ctx = await createTestContext();
  const first = await call(ctx, 'dossiers.importPreview', { fileName: '首次.csv', dataBase64: csv([importRecord()]) });
  await call(ctx, 'dossiers.importCommit', { previewId: first.previewId });
  return ctx;
}

describe('dossier import: diffs, identity changes, empty cells', () => {
  it('lists every changed field of an updated row and flags a renamed institution and a new legal representative', async () => {
    const ctx = await withOriginal();
    const preview = await call(ctx, 'dossiers.importPreview', {
      fileName: '更新.csv',
      dataBase64: csv([importRecord({ 机构名称: '杭州安心珠宝鉴定有限公司', 法定代表人: '王强', '服务报价（元）': '36000', 城市: '' })]),
    });
    expect(preview.counts).toMatchObject({ update: 1, invalid: 0 });
    expect(preview.identityChanges).toBe(1);
    expect(preview.emptyCells).toBe('keep');
    const [change] = preview.changes;
    expect(change).toMatchObject({ row: 2, legalName: '杭州安心珠宝鉴定有限公司', creditCode: CODE, identity: true });
    // The empty 城市 cell kept 杭州市, so it is not among the changes.
    expect(change!.fields.map((f) => [f.header, f.before, f.after, f.identity])).toEqual(
      expect.arrayContaining([
        ['机构名称', '杭州安心珠宝检测技术有限公司', '杭州安心珠宝鉴定有限公司', true],
        ['法定代表人', '陈明', '王强', true],
        ['服务报价（元）', '38000', '36000', false],
      ]),
    );
    expect(change!.fields.map((f) => f.field)).not.toContain('city');

    // Refused without the tick, and nothing is written; with it, the update goes through.
    const refused = await callError(ctx, 'dossiers.importCommit', { previewId: preview.previewId });
    expect(refused).toMatchObject({ code: 'VALIDATION', message: '有 1 行会更改企业名称或法定代表人，请核对后勾选确认再导入' });
    expect(stored(ctx)).toMatchObject({ legal_name: '杭州安心珠宝检测技术有限公司', legal_representative: '陈明' });
    expect(await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId, acknowledgeIdentityChanges: true })).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(stored(ctx)).toMatchObject({ legal_name: '杭州安心珠宝鉴定有限公司', legal_representative: '王强', city: '杭州市' });
  });

  it('needs no acknowledgement for an update that keeps the identity', async () => {
    const ctx = await withOriginal();
    const preview = await call(ctx, 'dossiers.importPreview', { fileName: '报价.csv', dataBase64: csv([importRecord({ '服务报价（元）': '36000' })]) });
    expect(preview.identityChanges).toBe(0);
    expect(preview.changes[0]!.fields.map((f) => f.field)).toEqual(['priceQuoteYuan']);
    expect(await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId })).toMatchObject({ updated: 1 });
  });

  it('an empty cell keeps the stored value unless "empty cells clear fields" is chosen', async () => {
    const ctx = await withOriginal();
    const blankEmail = csv([importRecord({ 联系邮箱: '' })]);
    const kept = await call(ctx, 'dossiers.importPreview', { fileName: 'a.csv', dataBase64: blankEmail });
    expect(kept.counts).toMatchObject({ update: 0, unchanged: 1 });
    const cleared = await call(ctx, 'dossiers.importPreview', { fileName: 'a.csv', dataBase64: blankEmail, emptyCells: 'clear' });
    expect(cleared.counts).toMatchObject({ update: 1 });
    expect(cleared.emptyCells).toBe('clear');
    await call(ctx, 'dossiers.importCommit', { previewId: cleared.previewId });
    expect(JSON.parse(stored(ctx).contacts!)).toEqual([{ name: '李娜', phone: '13800138000', email: '' }]);
  });

  it('offers a template whose example row imports as one new dossier', async () => {
    const ctx = await createTestContext();
    const template = await call(ctx, 'dossiers.importTemplate', {});
    expect(template.fileName).toBe('申请机构档案-导入模板.xlsx');
    const preview = await call(ctx, 'dossiers.importPreview', { fileName: template.fileName, dataBase64: template.dataBase64 });
    expect(preview).toMatchObject({ totalRows: 1, counts: { create: 1, update: 0, unchanged: 0, invalid: 0 }, unknownColumns: [] });
  });
});
