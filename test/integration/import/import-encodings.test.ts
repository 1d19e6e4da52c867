// CSV files in the encodings Chinese offices actually produce must import with Chinese text intact.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { call } from '../../support/call';
import { REAL_CREDIT_CODES } from '../../support/dossiers';
import { base64, gbk, importRecord, toCsv, toRows, utf16leWithBom, utf8WithBom } from '../../support/import-files';

const RECORDS = [
  importRecord({ 机构名称: '杭州翡翠珏宝鉴定有限公司', 法定代表人: '欧阳淼', 城市: '杭州市' }),
  importRecord({ 机构名称: '义乌“鑫源”供应链管理有限公司', 统一社会信用代码: REAL_CREDIT_CODES[1]!, 城市: '义乌市', 联系人: '张三' }),
];

async function importBytes(bytes: Buffer, fileName: string) {
  const ctx = await createTestContext();
  const preview = await call(ctx, 'dossiers.importPreview', { fileName, dataBase64: base64(bytes) });
  expect(preview.issues).toEqual([]);
  expect(await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId })).toEqual({ created: 2, updated: 0, unchanged: 0 });
  return ctx.db.prepare('SELECT legal_name, legal_representative, city, contacts FROM dossiers ORDER BY id').all() as Record<string, string>[];
}

function expectChineseIntact(rows: Record<string, string>[]) {
  expect(rows.map((r) => r.legal_name)).toEqual(['杭州翡翠珏宝鉴定有限公司', '义乌“鑫源”供应链管理有限公司']);
  expect(rows[0]).toMatchObject({ legal_representative: '欧阳淼', city: '杭州市' });
  expect(JSON.parse(rows[1]!.contacts!)).toEqual([{ name: '张三', phone: '13800138000', email: 'lina@example.com' }]);
}

describe('CSV encodings', () => {
  it('imports GBK, as Excel on Chinese Windows saves it', async () => {
    const bytes = gbk(toCsv(toRows(RECORDS)));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // really not UTF-8
    expectChineseIntact(await importBytes(bytes, '机构名单.csv'));
  });

  it('imports UTF-8 with a BOM (the BOM must not stick to the first header 机构名称)', async () => {
    expectChineseIntact(await importBytes(utf8WithBom(toCsv(toRows(RECORDS))), '机构名单.csv'));
  });

  it('imports Excel "Unicode 文本": UTF-16LE with a BOM, tab-separated, saved as .txt', async () => {
    expectChineseIntact(await importBytes(utf16leWithBom(toCsv(toRows(RECORDS), '\t')), '机构名单.txt'));
  });
});
