// An individual applicant (个人, 《精选联盟资质认证》) through the dossier form: the kind switch hides what does not
// apply to a person (法定代表人, 注册资本, 纳税人类型), a wrong check digit is refused inline before anything is
// written, and the saved dossier is listed with its 身份证号 masked (110105********002X) while its own page
// shows it in full. Screenshots of the form and the list in zh-CN and English.
import { describe, expect, it } from 'vitest';
import { POLL, useAppFixture } from './support/app';
import { DossierListPage, DossierPage, WelcomeDialog } from './support/dossier-pages';
import { saveBothLanguages } from './support/bilingual';

const PERSON_ID = '11010519491231002X'; // GB 11643's example
const MASKED = '110105********002X';

describe('individual applicant', () => {
  const fixture = useAppFixture();

  it('creates a person through the form and sees the ID number masked in the list', async () => {
    const app = await fixture.open();
    const { page } = app;
    await new WelcomeDialog(page).enterName('王评审');
    const list = new DossierListPage(page);
    await list.waitUntilLoaded();
    const form = await list.newDossier();

    await page.getByRole('radio', { name: '个人' }).click();
    // What does not apply to a person is gone; the number is asked for as 身份证号.
    await expect.poll(() => form.field('法定代表人').count(), POLL).toBe(0);
    expect(await form.field('注册资本（万元）').count()).toBe(0);
    expect(await form.field('纳税人类型').count()).toBe(0);
    expect(await form.field('统一社会信用代码').count()).toBe(0);

    await form.input('申请人姓名').fill('王小丽');
    await form.input('身份证号').fill('110105194912310021'); // wrong check digit
    await form.input('省份').fill('浙江省');
    await form.input('城市').fill('义乌市');
    await form.input('开始经营日期').fill('2021-04-01');
    await form.input('已缴保证金（元）').fill('0');
    await page.getByRole('checkbox', { name: '已完成实名认证', exact: true }).check();
    await form.input('姓名').fill('王小丽');
    await form.input('电话').fill('13800138000');
    await form.save();
    await form.error('身份证号').getByText('身份证号校验位不正确').waitFor();
    expect((await fixture.server.call('dossiers.list', {})).total).toBe(0);

    await form.input('身份证号').fill(PERSON_ID.toLowerCase());
    await form.input('身份证号').blur();
    await expect.poll(() => form.error('身份证号').count(), POLL).toBe(0);
    await saveBothLanguages(page, 'individual-form');

    app.dialogAnswer = 'accept';
    const dossier = await form.saveAndOpen('王小丽');
    const stored = (await fixture.server.call('dossiers.get', { id: dossier.id() })).dossier;
    expect(stored).toMatchObject({ identityKind: 'individual', creditCode: PERSON_ID, legalRepresentative: '', registeredCapitalWan: 0, taxpayerType: 'small' });
    // The dossier page shows the number in full.
    await page.getByTestId('dossier-facts').getByText(PERSON_ID).waitFor();

    await fixture.server.call('dossiers.create', {
      legalName: '杭州安心珠宝检测技术有限公司', creditCode: '91330100716105852F', legalRepresentative: '陈明', province: '浙江省', city: '杭州市', registeredCapitalWan: 500,
      establishedOn: '2018-06-01', taxpayerType: 'general', realNameVerified: true, isShopAccount: false, depositPaidYuan: 100000, capabilities: [], priceQuoteYuan: null,
      contacts: [{ name: '李娜', phone: '13800138000', email: '' }], introduction: '', notes: '',
    });
    const back = await new DossierPage(page, '王小丽').back();
    await back.waitUntilLoaded();
    const row = back.row('王小丽');
    await row.getByText(MASKED).waitFor();
    expect(await row.innerText()).not.toContain(PERSON_ID);
    expect(await row.innerText()).toContain('个人');
    await back.row('杭州安心珠宝检测技术有限公司').getByText('91330100716105852F').waitFor();
    expect(await page.locator('table.dossier-table thead').innerText()).toContain('统一社会信用代码 / 身份证号');
    expect(await page.content()).not.toContain(PERSON_ID);

    // Searching by the full number finds the person, still masked.
    await back.search(PERSON_ID);
    await expect.poll(() => back.rowNames(), POLL).toEqual(['王小丽']);
    await back.search('');
    await expect.poll(() => back.rowNames(), POLL).toHaveLength(2);
    await saveBothLanguages(page, 'individual-list');
  });
});
