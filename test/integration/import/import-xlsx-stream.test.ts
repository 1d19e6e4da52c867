// Issue 8: the XLSX import is streamed and the export is written by exceljs's streaming writer. The same
// dossiers imported from CSV and from XLSX must give the same preview and the same stored rows, and the
// streamed export must re-import (into a fresh database and into the same one) to exactly those rows, with
// the Chinese intact and progress reported.
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { call } from '../../support/call';
import { syntheticCreditCode } from '../../support/credit-codes';
import { base64, importRecord, toCsv, toRows, utf8, xlsx, type ImportRecord } from '../../support/import-files';
import { setExportStyleMemo } from '../../../electron/services/dossiers/dossier-export';
import { entryStream, zipEntries } from '../../../electron/services/spreadsheet/zip-entries';

const NAMES = ['重庆银行股份有限公司', '长沙银行股份有限公司', '重庆市长江珠宝有限公司', '长沙市长安重工有限公司', '银行街3号ABC珠宝行', 'ＡＢＣ珠宝（杭州）有限公司', '乐山市乐行文化传媒有限公司', '厦门市朝阳供应链管理有限公司'];
const CITIES = [['重庆市', '重庆市'], ['湖南省', '长沙市'], ['浙江省', '杭州市'], ['四川省', '乐山市'], ['福建省', '厦门市']] as const;

function records(n: number): ImportRecord[] {
  return Array.from({ length: n }, (_, i) => {
    const [province, city] = CITIES[i % CITIES.length]!;
    return importRecord({
      机构名称: `${NAMES[i % NAMES.length]!.replace('有限公司', '')}${i}号有限公司`,
      统一社会信用代码: syntheticCreditCode(i + 1),
      法定代表人: ['陈明', '曾小银', '单雄', '解放'][i % 4]!,
      省份: province,
      城市: city,
      '注册资本（万元）': String(100 + (i % 7) * 12.5),
      纳税人类型: i % 3 === 0 ? '小规模纳税人' : '一般纳税人',
      店铺账号: ['是', '否', ''][i % 3]!,
      '服务报价（元）': i % 5 === 0 ? '' : String(30000 + i),
      联系人: i % 11 === 0 ? '' : '李娜',
      联系电话: i % 11 === 0 ? '' : `0571-8888${String(i % 10_000).padStart(4, '0')}`,
      联系邮箱: i % 11 === 0 ? '' : `li${i}@example.com`,
    });
  });
}

/** Every stored column but the row id, keyed by credit code (a re-import in export order numbers rows anew). */
function stored(ctx: TestContext): Record<string, unknown> {
  const rows = ctx.db.prepare('SELECT * FROM dossiers ORDER BY credit_code').all() as Record<string, unknown>[];
  return Object.fromEntries(rows.map(({ id: _id, ...rest }) => [rest.credit_code as string, rest]));
}

const withoutId = <T extends { previewId: string; fileName: string }>({ previewId: _p, fileName: _f, ...rest }: T) => rest;

describe('streamed XLSX import and export', () => {
  it('imports an XLSX exactly as the same rows in CSV, and the streamed export round-trips to the same rows', async () => {
    const rows = toRows(records(700));
    const viaCsv = await createTestContext();
    const viaXlsx = await createTestContext();
    const csvPreview = await call(viaCsv, 'dossiers.importPreview', { fileName: 'a.csv', dataBase64: base64(utf8(toCsv(rows))) });
    const xlsxPreview = await call(viaXlsx, 'dossiers.importPreview', { fileName: 'a.xlsx', dataBase64: base64(await xlsx(rows)), jobId: 'read-xlsx' });
    expect(csvPreview.counts).toEqual({ create: 700, update: 0, unchanged: 0, invalid: 0 });
    expect(withoutId(xlsxPreview)).toEqual(withoutId(csvPreview));
    expect(viaXlsx.progressLog.filter((p) => p.jobId === 'read-xlsx').length).toBeGreaterThan(1);
    await call(viaCsv, 'dossiers.importCommit', { previewId: csvPreview.previewId });
    await call(viaXlsx, 'dossiers.importCommit', { previewId: xlsxPreview.previewId });
    const expected = stored(viaCsv);
    expect(stored(viaXlsx)).toEqual(expected);
    expect(Object.values(expected).some((d) => (d as { legal_name: string }).legal_name.startsWith('重庆银行股份'))).toBe(true);

    // The streamed export, with progress in rows.
    const exported = await call(viaCsv, 'dossiers.exportXlsx', { status: 'all', jobId: 'export-all' });
    const progress = viaCsv.progressLog.filter((p) => p.jobId === 'export-all');
    expect(progress[0]).toEqual({ jobId: 'export-all', done: 0, total: 700 });
    expect(progress.at(-1)).toEqual({ jobId: 'export-all', done: 700, total: 700 });
    for (let i = 1; i < progress.length; i++) expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done);

    // Into a fresh database: the same rows as the CSV gave (pinyin keys, search text, money, contacts).
    const fresh = await createTestContext();
    const again = await call(fresh, 'dossiers.importPreview', { fileName: exported.fileName, dataBase64: exported.dataBase64 });
    expect(again.issues).toEqual([]);
    expect(again.counts).toEqual({ create: 700, update: 0, unchanged: 0, invalid: 0 });
    await call(fresh, 'dossiers.importCommit', { previewId: again.previewId });
    expect(stored(fresh)).toEqual(expected);

    // Into the same database: nothing changes.
    const same = await call(viaCsv, 'dossiers.importPreview', { fileName: exported.fileName, dataBase64: exported.dataBase64 });
    expect(same.counts).toEqual({ create: 0, update: 0, unchanged: 700, invalid: 0 });
  });

  it('writes the same workbook with the style-id memo as without it (every part of the zip)', async () => {
    const ctx = await createTestContext();
    const preview = await call(ctx, 'dossiers.importPreview', { fileName: 'a.csv', dataBase64: base64(utf8(toCsv(toRows(records(60))))) });
    await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId });
    const parts = async (dataBase64: string) => {
      const bytes = Buffer.from(dataBase64, 'base64');
      const out: Record<string, string> = {};
      for (const entry of zipEntries(bytes)!) {
        let text = '';
        for await (const chunk of entryStream(bytes, entry)) text += chunk as string;
        out[entry.name] = text;
      }
      return out;
    };
    const memo = await parts((await call(ctx, 'dossiers.exportXlsx', { status: 'all' })).dataBase64);
    setExportStyleMemo(false);
    try {
      const plain = await parts((await call(ctx, 'dossiers.exportXlsx', { status: 'all' })).dataBase64);
      expect(memo).toEqual(plain);
      // Both stamps from the context's clock: two exports a second apart are still the same workbook.
      expect(memo['docProps/core.xml']).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2026-11-23T09:00:00Z</dcterms:modified>');
      expect(memo['xl/styles.xml']).toContain('numFmtId'); // the text format of the code and phone columns is there
      expect(memo['xl/worksheets/sheet1.xml']).toContain('重庆银行股份');
    } finally {
      setExportStyleMemo(true);
    }
  });
});
