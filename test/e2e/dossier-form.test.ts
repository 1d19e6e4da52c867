// Creating a dossier through the form, as a committee member does on first launch, and the form refusing a
// credit code whose check character is wrong (GB 32100-2015) before anything is written.
import { describe, expect, it } from 'vitest';
import { REAL_CREDIT_CODES } from '../support/dossiers';
import { POLL, useAppFixture } from './support/app';
import { withWrongCheckChar } from './support/wrong-credit-codes';
import { DossierListPage, WelcomeDialog, type DossierFormValues } from './support/dossier-pages';
import { saveScreenshot } from './support/screenshots';

const ANXIN: DossierFormValues = {
  legalName: '杭州安心珠宝检测技术有限公司',
  creditCode: REAL_CREDIT_CODES[0]!,
  legalRepresentative: '陈明',
  province: '浙江省',
  city: '杭州市',
  establishedOn: '2018-06-01',
  registeredCapitalWan: '500',
  taxpayerType: '一般纳税人',
  depositPaidYuan: '100000',
  priceQuoteYuan: '38000',
  realNameVerified: true,
  isShopAccount: false,
  capabilities: ['BD拓展', '运营', '培训', '货品整合分发'],
  contact: { name: '李娜', phone: '13800138000', email: 'lina@example.com' },
  introduction: '专注珠宝玉石检测十余年',
};

describe('dossier form', () => {
  const fixture = useAppFixture();

  it('on first launch asks for the name, then creates a dossier from the form and records 创建 by that name', async () => {
    // Precondition: a fresh data directory has no user yet, so the welcome dialog must appear.
    expect((await fixture.server.call('session.get', {})).userName).toBeNull();
    const app = await fixture.open();
    const { page } = app;

    await new WelcomeDialog(page).enterName('王评审');
    const list = new DossierListPage(page);
    await list.waitUntilLoaded();
    await list.empty.getByText('还没有档案').waitFor();

    const form = await list.newDossier();
    await form.fill(ANXIN);
    // A saved form has nothing to discard, so saving must go straight to the dossier without asking. Should
    // the app ask anyway, answer 确定 as most people would, go on checking the rest, and fail at the end.
    app.dialogAnswer = 'accept';
    const dossier = await form.saveAndOpen(ANXIN.legalName);

    // 修改历史 has the creation, by the person named in the welcome dialog.
    const created = dossier.historyEntries('创建');
    await created.waitFor();
    expect(await created.count()).toBe(1);
    expect(await created.innerText()).toContain('王评审');
    await saveScreenshot(page, 'dossier-page');

    // What was typed is what was stored (the form maps labels to fields correctly).
    const stored = (await fixture.server.call('dossiers.get', { id: dossier.id() })).dossier;
    expect(stored).toMatchObject({
      legalName: ANXIN.legalName,
      creditCode: ANXIN.creditCode,
      legalRepresentative: '陈明',
      province: '浙江省',
      city: '杭州市',
      establishedOn: '2018-06-01',
      registeredCapitalWan: 500,
      taxpayerType: 'general',
      depositPaidYuan: 100000,
      priceQuoteYuan: 38000,
      realNameVerified: true,
      isShopAccount: false,
      capabilities: ['bd', 'operation', 'training', 'sourcing'],
      contacts: [{ name: '李娜', phone: '13800138000', email: 'lina@example.com' }],
      introduction: '专注珠宝玉石检测十余年',
    });

    const back = await dossier.back();
    await expect.poll(() => back.rowNames(), POLL).toEqual([ANXIN.legalName]);
    const row = await back.row(ANXIN.legalName).innerText();
    expect(row).toContain(ANXIN.creditCode);
    expect(row).toContain('浙江省 杭州市');
    expect(row).toContain('4/6'); // four of the six capabilities were ticked

    expect(app.dialogs, 'no dialog between saving the new dossier and coming back to the list').toEqual([]);
  });

  it('shows an inline zh-CN error for a credit code with a wrong check character, and creates nothing', async () => {
    // Independent of the first test: the user is set through the API, so no welcome dialog.
    await fixture.server.call('session.setUser', { name: '王评审' });
    const before = await fixture.server.dossierTotal();
    const app = await fixture.open();
    const { page } = app;

    const list = new DossierListPage(page);
    await list.waitUntilLoaded();
    const form = await list.newDossier();
    const badCode = withWrongCheckChar(REAL_CREDIT_CODES[1]!);
    const legalName = '深圳华南鉴定中心有限公司';
    await form.fill({ ...ANXIN, legalName, creditCode: badCode });
    await form.save();

    const error = form.error('统一社会信用代码');
    await error.waitFor();
    expect(await error.innerText()).toContain('校验位');
    expect(await form.input('统一社会信用代码').getAttribute('aria-invalid')).toBe('true');
    // Only this field is wrong: every other field the fill() touched was accepted.
    expect(await page.locator('.dossier-form').getByRole('alert').allInnerTexts()).toEqual([await error.innerText()]);
    await form.heading.waitFor(); // still on the form
    await saveScreenshot(page, 'dossier-form-credit-code-error');

    expect(await fixture.server.dossierTotal()).toBe(before);
    // The list agrees: leaving the unsaved form (confirming the discard) shows no such dossier.
    app.dialogAnswer = 'accept';
    const back = await form.back();
    expect(app.dialogs).toEqual(['有未保存的修改，确定离开吗？']);
    await back.search(legalName);
    await back.empty.getByText(`没有符合“${legalName}”的档案。`).waitFor();
  });
});
