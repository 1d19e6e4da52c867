// Importing dossiers from CSV as committee members have them (UTF-8 with some bad rows; GBK from Excel on
// Chinese Windows), the preview writing nothing until confirmed, and searching the result in Chinese.
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { syntheticCreditCode } from '../support/credit-codes';
import { REAL_CREDIT_CODES } from '../support/dossiers';
import { POLL, useAppFixture } from './support/app';
import { withWrongCheckChar } from './support/wrong-credit-codes';
import { gbkCsv, header, record, utf8Csv } from './support/csv-files';
import { DossierListPage, type ImportPage } from './support/dossier-pages';
import { saveScreenshot } from './support/screenshots';

const code = (i: number) => REAL_CREDIT_CODES[i]!;

// UTF-8 file: Excel rows 2–7; rows 4 and 6 are bad. 杭州 appears in rows 2, 4 (bad) and 7.
const UTF8_FILE = 'committee-2026-11.csv';
const UTF8_ROWS = [
  record({ legalName: '杭州安心珠宝检测技术有限公司', creditCode: code(0) }),
  record({ legalName: '深圳华南鉴定中心有限公司', creditCode: code(1), province: '广东省', city: '深圳市', legalRepresentative: '周强', 'contact.name': '吴敏' }),
  record({ legalName: '杭州西湖电商服务有限公司', creditCode: withWrongCheckChar(code(2)) }),
  record({ legalName: '北京优选运营服务有限公司', creditCode: code(3), province: '北京市', city: '北京市', legalRepresentative: '郑凯', 'contact.name': '何静' }),
  record({ legalName: '上海浦江直播基地有限公司', creditCode: code(4), province: '上海市', city: '上海市', establishedOn: '去年三月', taxpayerType: '大规模纳税人' }),
  record({ legalName: '杭州余杭货品分发有限公司', creditCode: syntheticCreditCode(1) }),
];
const UTF8_GOOD = ['杭州安心珠宝检测技术有限公司', '深圳华南鉴定中心有限公司', '北京优选运营服务有限公司', '杭州余杭货品分发有限公司'];
const UTF8_BAD = ['杭州西湖电商服务有限公司', '上海浦江直播基地有限公司'];

// GBK file (code page 936), with characters outside the commonest few thousand (喆, 珺) to catch a wrong decoder.
const GBK_FILE = '苏杭机构名单.csv';
const GBK_ROWS = [
  record({ legalName: '苏州丝绸检测研究院有限公司', creditCode: code(5), province: '江苏省', city: '苏州市', legalRepresentative: '王喆', 'contact.name': '刘珺' }),
  record({ legalName: '杭州滨江珍珠鉴定有限公司', creditCode: syntheticCreditCode(2), legalRepresentative: '赵磊', 'contact.name': '孙丽' }),
];
const GBK_GOOD = ['苏州丝绸检测研究院有限公司', '杭州滨江珍珠鉴定有限公司'];

const sorted = (names: string[]) => [...names].sort();

describe('dossier import and search', () => {
  const fixture = useAppFixture();

  beforeAll(async () => {
    await fixture.server.call('session.setUser', { name: '王评审' });
  });

  async function openImport(): Promise<ImportPage> {
    const { page } = await fixture.open();
    const list = new DossierListPage(page);
    await list.waitUntilLoaded();
    return list.openImport();
  }

  it('previews a CSV with good and bad rows (row, column, reason), writes nothing until confirmed, then only the good rows', async () => {
    expect(await fixture.server.dossierTotal()).toBe(0); // a fresh data directory
    const importPage = await openImport();
    await importPage.choose(UTF8_FILE, utf8Csv(UTF8_ROWS));

    expect(await importPage.summaryText()).toBe('共 6 行：新建 4，更新 0，无变化 0，有错误 2');
    expect(await importPage.issues()).toEqual([
      { row: 4, column: header('creditCode'), reason: expect.stringContaining('校验位') },
      { row: 6, column: header('establishedOn'), reason: expect.stringContaining('日期无效') },
      { row: 6, column: header('taxpayerType'), reason: expect.stringContaining('一般纳税人 或 小规模纳税人') },
    ]);
    expect(sorted(await importPage.previewNames())).toEqual(sorted(UTF8_GOOD));
    expect(await importPage.confirmButton.innerText()).toBe('导入 4 条有效记录（跳过 2 条错误）');
    await saveScreenshot(importPage.page, 'import-preview');

    // The preview wrote nothing.
    expect(await fixture.server.dossierTotal()).toBe(0);

    const list = await importPage.confirm();
    await expect.poll(async () => sorted(await list.rowNames()), POLL).toEqual(sorted(UTF8_GOOD));
    await saveScreenshot(list.page, 'dossier-list');
    expect(await fixture.server.dossierTotal()).toBe(4);
    for (const bad of UTF8_BAD) expect((await fixture.server.call('dossiers.list', { search: bad, status: 'all' })).total, bad).toBe(0);
  });

  it('imports a GBK-encoded CSV with the Chinese intact', async () => {
    const bytes = gbkCsv(GBK_ROWS);
    // The file really is GBK: read as UTF-8 it is garbage, so a decoder that assumed UTF-8 would fail here.
    expect(bytes.toString('utf8')).toContain('\uFFFD');
    const before = await fixture.server.dossierTotal();

    const importPage = await openImport();
    await importPage.choose(GBK_FILE, bytes);
    expect(await importPage.summaryText()).toBe('共 2 行：新建 2，更新 0，无变化 0，有错误 0');
    expect(await importPage.issuesTable.count()).toBe(0);
    expect(sorted(await importPage.previewNames())).toEqual(sorted(GBK_GOOD));
    expect(await importPage.confirmButton.innerText()).toBe('确认导入 2 条');

    const list = await importPage.confirm();
    for (const name of GBK_GOOD) await list.row(name).waitFor();
    expect(await fixture.server.dossierTotal()).toBe(before + 2);
    // Every text field came through, not only the names shown in the list.
    const suzhou = (await fixture.server.call('dossiers.list', { search: '苏州丝绸', status: 'all' })).items;
    expect(suzhou).toHaveLength(1);
    const stored = (await fixture.server.call('dossiers.get', { id: suzhou[0]!.id })).dossier;
    expect(stored).toMatchObject({ legalName: '苏州丝绸检测研究院有限公司', legalRepresentative: '王喆', province: '江苏省', city: '苏州市', contacts: [{ name: '刘珺' }] });
  });

  it('searches in Chinese: a city or part of a name shows exactly the matching dossiers', async () => {
    // The data of the two imports above, written through the API so this test also runs on its own.
    // Import matches rows by credit code, so after the tests above this changes nothing.
    for (const [fileName, bytes] of [[UTF8_FILE, utf8Csv(UTF8_ROWS)], [GBK_FILE, gbkCsv(GBK_ROWS)]] as const) {
      const preview = await fixture.server.call('dossiers.importPreview', { fileName, dataBase64: bytes.toString('base64') });
      await fixture.server.call('dossiers.importCommit', { previewId: preview.previewId });
    }
    expect(await fixture.server.dossierTotal()).toBe(UTF8_GOOD.length + GBK_GOOD.length);

    const { page } = await fixture.open();
    const list = new DossierListPage(page);
    await list.waitUntilLoaded();
    await expect.poll(async () => sorted(await list.rowNames()), POLL).toEqual(sorted([...UTF8_GOOD, ...GBK_GOOD]));

    // City: the two 杭州 rows of the UTF-8 file and the one from the GBK file; not the rejected 杭州西湖 row.
    await list.search('杭州');
    await expect.poll(async () => sorted(await list.rowNames()), POLL).toEqual(sorted(['杭州安心珠宝检测技术有限公司', '杭州余杭货品分发有限公司', '杭州滨江珍珠鉴定有限公司']));
    await saveScreenshot(page, 'dossier-list-search');

    // Part of a name, in the middle of it.
    await list.search('鉴定');
    await expect.poll(async () => sorted(await list.rowNames()), POLL).toEqual(sorted(['深圳华南鉴定中心有限公司', '杭州滨江珍珠鉴定有限公司']));

    // A legal representative's name from the GBK file.
    await list.search('王喆');
    await expect.poll(() => list.rowNames(), POLL).toEqual(['苏州丝绸检测研究院有限公司']);

    // Pinyin initials and full pinyin, shown in pinyin order (安 < 滨 < 余), as is the whole list.
    await list.search('hz');
    await expect.poll(() => list.rowNames(), POLL).toEqual(['杭州安心珠宝检测技术有限公司', '杭州滨江珍珠鉴定有限公司', '杭州余杭货品分发有限公司']);
    await list.search('binjiang');
    await expect.poll(() => list.rowNames(), POLL).toEqual(['杭州滨江珍珠鉴定有限公司']);
    await list.search('');
    await expect.poll(() => list.rowNames(), POLL).toEqual(['北京优选运营服务有限公司', '杭州安心珠宝检测技术有限公司', '杭州滨江珍珠鉴定有限公司', '杭州余杭货品分发有限公司', '深圳华南鉴定中心有限公司', '苏州丝绸检测研究院有限公司']);

    // Nothing matches: the empty state says so.
    await list.search('广州');
    await list.empty.getByText('没有符合“广州”的档案。').waitFor();
    expect(await list.rowNames()).toEqual([]);
  });

  it('exports the list as XLSX (streamed) with the Chinese intact and in pinyin order; the button is back afterwards', async () => {
    // The data of the imports above, through the API so this test also runs on its own (nothing changes after them).
    for (const [fileName, bytes] of [[UTF8_FILE, utf8Csv(UTF8_ROWS)], [GBK_FILE, gbkCsv(GBK_ROWS)]] as const) {
      const preview = await fixture.server.call('dossiers.importPreview', { fileName, dataBase64: bytes.toString('base64') });
      await fixture.server.call('dossiers.importCommit', { previewId: preview.previewId });
    }
    const { page } = await fixture.open();
    const list = new DossierListPage(page);
    await list.waitUntilLoaded();
    await expect.poll(async () => (await list.rowNames()).length, POLL).toBe(6);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出 XLSX' }).click();
    const file = await (await download).path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const names: string[] = [];
    workbook.worksheets[0]!.eachRow((row, n) => void (n > 1 && names.push(String(row.getCell(1).value))));
    expect(names).toEqual(['北京优选运营服务有限公司', '杭州安心珠宝检测技术有限公司', '杭州滨江珍珠鉴定有限公司', '杭州余杭货品分发有限公司', '深圳华南鉴定中心有限公司', '苏州丝绸检测研究院有限公司']);
    await expect.poll(() => page.getByRole('button', { name: '导出 XLSX' }).isEnabled(), POLL).toBe(true); // the bar is gone, the button back
  });
});
