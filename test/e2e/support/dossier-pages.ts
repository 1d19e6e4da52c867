// Page objects for the dossier screens (after Joplin's integration-tests/models/): each class knows how to
// find things on one screen and what a user does there, so the tests read as the user's steps. Elements are
// found by role and visible zh-CN text, as a committee member finds them; the few test ids are on elements
// that have no stable text (the hidden file input, the import summary and issues table).
import type { Locator, Page } from 'playwright-core';

/** First launch: "欢迎使用评审台" asks for the name recorded as the author of every change. */
export class WelcomeDialog {
  readonly dialog: Locator;
  constructor(readonly page: Page) {
    this.dialog = page.getByRole('dialog', { name: '欢迎使用评审台' });
  }

  async enterName(name: string): Promise<void> {
    await this.dialog.waitFor();
    await this.dialog.getByLabel('姓名').fill(name);
    await this.dialog.getByRole('button', { name: '开始使用' }).click();
    await this.dialog.waitFor({ state: 'detached' });
    await this.page.getByText(`当前用户：${name}`).waitFor();
  }
}

export class DossierListPage {
  readonly heading: Locator;
  readonly searchBox: Locator;
  readonly table: Locator;
  readonly empty: Locator;
  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: '申请机构档案' });
    this.searchBox = page.getByRole('searchbox');
    this.table = page.locator('table.dossier-table');
    this.empty = page.locator('p.empty');
  }

  async waitUntilShown(): Promise<void> {
    await this.heading.waitFor();
  }

  /** Waits for the first answer from the backend: either rows or the empty-state message. */
  async waitUntilLoaded(): Promise<void> {
    await this.waitUntilShown();
    await this.table.locator('tbody tr').first().or(this.empty).waitFor();
  }

  /** Names of the rows shown now (first column). Use with expect.poll: the list refreshes after a debounce. */
  async rowNames(): Promise<string[]> {
    return this.table.locator('tbody tr td:first-child a').allInnerTexts();
  }

  row(legalName: string): Locator {
    return this.table.locator('tbody tr').filter({ has: this.page.getByRole('link', { name: legalName, exact: true }) });
  }

  async search(text: string): Promise<void> {
    await this.searchBox.fill(text);
  }

  async showStatus(label: '在册' | '已归档' | '全部'): Promise<void> {
    await this.page.getByRole('radio', { name: label }).click();
  }

  async newDossier(): Promise<DossierFormPage> {
    await this.page.getByRole('button', { name: '新建档案' }).click();
    const form = new DossierFormPage(this.page);
    await form.heading.waitFor();
    return form;
  }

  async openImport(): Promise<ImportPage> {
    await this.page.getByRole('button', { name: '导入', exact: true }).click();
    const importPage = new ImportPage(this.page);
    await importPage.heading.waitFor();
    return importPage;
  }

  async openDossier(legalName: string): Promise<DossierPage> {
    await this.page.getByRole('link', { name: legalName, exact: true }).click();
    const dossier = new DossierPage(this.page, legalName);
    await dossier.heading.waitFor();
    return dossier;
  }
}

/** Clicks a button that leads back to the list (返回, the import's confirm) and waits for the list's heading. */
async function clickToList(button: Locator): Promise<DossierListPage> {
  await button.click();
  const list = new DossierListPage(button.page());
  await list.waitUntilShown();
  return list;
}

export interface DossierFormValues {
  legalName: string;
  creditCode: string;
  legalRepresentative: string;
  province: string;
  city: string;
  /** yyyy-mm-dd, typed into the date input */
  establishedOn: string;
  registeredCapitalWan: string;
  taxpayerType: '一般纳税人' | '小规模纳税人';
  depositPaidYuan: string;
  priceQuoteYuan?: string;
  realNameVerified: boolean;
  isShopAccount: boolean;
  /** The capability checkboxes to tick, by their zh-CN label */
  capabilities: ('BD拓展' | '运营' | '陪跑' | '培训' | '投流' | '货品整合分发')[];
  contact: { name: string; phone?: string; email?: string };
  introduction?: string;
}

/** 新建申请机构档案: the dossier form on its own page. */
export class DossierFormPage {
  readonly heading: Locator;
  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: '新建申请机构档案' });
  }

  /**
   * The <label class="field"> wrapping a field's caption, input and inline error. Matched on the caption
   * span alone, because once an error is shown the label's text (and the input's accessible name) also
   * contains the message.
   */
  field(caption: string): Locator {
    return this.page.locator('label.field').filter({ has: this.page.locator('span:first-child').getByText(caption, { exact: true }) });
  }

  input(caption: string): Locator {
    return this.field(caption).locator('input, select, textarea');
  }

  /** The inline error under a field (role="alert"). */
  error(caption: string): Locator {
    return this.field(caption).getByRole('alert');
  }

  async fill(values: DossierFormValues): Promise<void> {
    await this.input('机构名称（法定名称）').fill(values.legalName);
    await this.input('统一社会信用代码').fill(values.creditCode);
    await this.input('法定代表人').fill(values.legalRepresentative);
    await this.input('省份').fill(values.province);
    await this.input('城市').fill(values.city);
    await this.input('成立日期').fill(values.establishedOn);
    await this.input('注册资本（万元）').fill(values.registeredCapitalWan);
    await this.input('纳税人类型').selectOption({ label: values.taxpayerType });
    await this.input('已缴保证金（元）').fill(values.depositPaidYuan);
    if (values.priceQuoteYuan !== undefined) await this.input('服务报价（元）').fill(values.priceQuoteYuan);
    await this.page.getByRole('checkbox', { name: '已完成企业实名认证' }).setChecked(values.realNameVerified);
    await this.page.getByRole('checkbox', { name: '为店铺账号' }).setChecked(values.isShopAccount);
    for (const capability of values.capabilities) await this.page.getByRole('checkbox', { name: capability, exact: true }).check();
    await this.input('姓名').fill(values.contact.name);
    if (values.contact.phone !== undefined) await this.input('电话').fill(values.contact.phone);
    if (values.contact.email !== undefined) await this.input('邮箱').fill(values.contact.email);
    if (values.introduction !== undefined) await this.input('机构简介').fill(values.introduction);
  }

  async save(): Promise<void> {
    await this.page.getByRole('button', { name: '保存', exact: true }).click();
  }

  /** Saves and waits for the new dossier's own page (its name as the heading). */
  async saveAndOpen(legalName: string): Promise<DossierPage> {
    await this.save();
    const dossier = new DossierPage(this.page, legalName);
    await dossier.heading.waitFor();
    return dossier;
  }

  async back(): Promise<DossierListPage> {
    return clickToList(this.page.getByRole('button', { name: '返回' }));
  }
}

/** One dossier: the editable form, attachments and 修改历史. */
export class DossierPage {
  readonly heading: Locator;
  readonly history: Locator;
  constructor(
    readonly page: Page,
    readonly legalName: string,
  ) {
    this.heading = page.getByRole('heading', { level: 1, name: legalName, exact: true });
    this.history = page.locator('section.panel').filter({ has: page.getByRole('heading', { name: '修改历史' }) });
  }

  /** The id in the address bar (#/dossiers/ID). */
  id(): number {
    const match = /#\/dossiers\/(\d+)$/.exec(this.page.url());
    if (!match) throw new Error(`not on a dossier page: ${this.page.url()}`);
    return Number(match[1]);
  }

  /** History entries whose action (the bold word) is `action`, e.g. '创建'. */
  historyEntries(action: string): Locator {
    return this.history.locator('ol.history > li').filter({ has: this.page.locator('.history-head strong').getByText(action, { exact: true }) });
  }

  async back(): Promise<DossierListPage> {
    return clickToList(this.page.getByRole('button', { name: '返回' }));
  }
}

export interface ImportIssueRow {
  row: number;
  column: string;
  reason: string;
}

/** 导入申请机构档案: choose a file, read the preview, confirm. */
export class ImportPage {
  readonly heading: Locator;
  readonly fileInput: Locator;
  readonly summary: Locator;
  readonly issuesTable: Locator;
  readonly previewTable: Locator;
  readonly confirmButton: Locator;
  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: '导入申请机构档案' });
    this.fileInput = page.getByTestId('import-file');
    this.summary = page.getByTestId('import-summary');
    this.issuesTable = page.getByTestId('import-issues');
    this.previewTable = page.locator('.import-preview > table:not(.issues-table)');
    // The confirm button's label states the count: "确认导入 N 条" or "导入 N 条有效记录（跳过 M 条错误）".
    this.confirmButton = page.locator('.import-preview .form-actions').getByRole('button');
  }

  /** Chooses a file as the file dialog would, and waits for the preview of exactly that file. */
  async choose(fileName: string, bytes: Buffer, mimeType = 'text/csv'): Promise<void> {
    await this.fileInput.setInputFiles({ name: fileName, mimeType, buffer: bytes });
    await this.page.locator('.import-preview').getByRole('heading', { level: 2, name: fileName, exact: true }).waitFor();
  }

  async summaryText(): Promise<string> {
    return (await this.summary.innerText()).trim();
  }

  async issues(): Promise<ImportIssueRow[]> {
    const rows = await this.issuesTable.locator('tbody tr').all();
    return Promise.all(
      rows.map(async (tr) => {
        // Row, column, [the cell as written,] reason.
        const cells = await tr.locator('td').allInnerTexts();
        return { row: Number(cells[0]), column: cells[1]!.trim(), reason: cells.at(-1)!.trim() };
      }),
    );
  }

  /** The offending cells as written, one per issue row (issue 11). */
  async issueValues(): Promise<string[]> {
    return this.issuesTable.locator('tbody tr td.issue-value').allInnerTexts();
  }

  /** Legal names in the preview of rows that would be written. */
  async previewNames(): Promise<string[]> {
    return this.previewTable.locator('tbody tr td:nth-child(2)').allInnerTexts();
  }

  /** Confirms and waits for the list, where the import lands. */
  async confirm(): Promise<DossierListPage> {
    return clickToList(this.confirmButton);
  }
}
