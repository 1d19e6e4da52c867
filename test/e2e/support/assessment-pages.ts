// Page objects for the assessment screens (after Joplin's integration-tests/models/): the KPI figures grid,
// the run form, a run's results with the chair's confirmations, and the letter batch. Found by role, label
// and visible zh-CN text as a committee member finds them; grid cells by id (kpi-cell-<row>-<col>), which
// the keyboard moves through.
import type { Locator, Page } from 'playwright-core';

export class FiguresPage {
  readonly grid: Locator;
  readonly monthInput: Locator;
  constructor(readonly page: Page) {
    this.grid = page.getByRole('table', { name: '考核数据录入表' });
    this.monthInput = page.getByLabel('数据月份', { exact: true });
  }

  static async open(page: Page): Promise<FiguresPage> {
    await page.evaluate(() => void (window.location.hash = '#/assessments'));
    await page.getByRole('heading', { level: 1, name: '考核' }).waitFor();
    return new FiguresPage(page);
  }

  /** Shows a month in the grid (the month input, as a date picker fills it). */
  async showMonth(month: string): Promise<void> {
    await this.monthInput.fill(month);
    await this.page.getByRole('heading', { level: 2, name: new RegExp(`${Number(month.slice(0, 4))}年${Number(month.slice(5))}月 考核数据`) }).waitFor();
  }

  async rowNames(): Promise<string[]> {
    return this.grid.locator('tbody tr .provider-name').evaluateAll((els) => els.map((el) => el.firstChild?.textContent?.trim() ?? ''));
  }

  async headers(): Promise<string[]> {
    return this.grid.locator('thead th.figure-col').allInnerTexts();
  }

  cell(row: number, col: number): Locator {
    return this.page.locator(`#kpi-cell-${row}-${col}`);
  }

  cellError(row: number, col: number): Locator {
    return this.page.locator(`#kpi-cell-${row}-${col}-error`);
  }

  async focusedId(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.id ?? '');
  }

  /** Types into the focused cell and presses a key, as a member does: no clicks. */
  async type(text: string, key: 'Enter' | 'Tab' | 'Shift+Tab' | 'Escape' | 'ArrowDown' = 'Enter'): Promise<void> {
    if (text) await this.page.keyboard.type(text);
    await this.page.keyboard.press(key);
  }

  /** Waits until no cell is saving any more. */
  async settled(): Promise<void> {
    await this.page.waitForFunction(() => document.querySelectorAll('.figure-cell.status-saving').length === 0);
  }

  runButton(month: string): Locator {
    return this.page.getByRole('button', { name: `运行 ${month} 考核` });
  }
}

export class RunPage {
  constructor(readonly page: Page) {}

  static async waitFor(page: Page, month: string): Promise<RunPage> {
    await page.getByRole('heading', { level: 1, name: `${month} 考核结果` }).waitFor();
    await page.locator('[data-testid="run-entry"]').first().waitFor();
    return new RunPage(page);
  }

  entry(legalName: string): Locator {
    return this.page.getByRole('article', { name: legalName });
  }

  async proposal(legalName: string): Promise<string> {
    return this.entry(legalName).getByTestId('proposal').innerText();
  }

  /** The KPI lines of a provider as shown: "近30天发揽率 | 89.99% < 90% | 未达标". */
  async kpiRows(legalName: string): Promise<string[]> {
    return this.entry(legalName).locator('.kpi-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim().replace(/\s+/g, ' ')).join(' | ')));
  }

  async outcome(legalName: string): Promise<string> {
    return this.entry(legalName).locator('.run-entry-verdict .outcome-tag').innerText();
  }

  /** 确认全部建议处理 and the dialog's confirmation. */
  async confirmAll(count: number): Promise<void> {
    await this.page.getByRole('button', { name: `确认全部建议处理（${count} 项）` }).click();
    const dialog = this.page.getByRole('dialog', { name: '确认全部建议处理' });
    await dialog.getByRole('button', { name: `确认 ${count} 项` }).click();
    await dialog.waitFor({ state: 'detached' });
  }

  confirmButton(legalName: string): Locator {
    return this.entry(legalName).getByRole('button', { name: `确认“${legalName}”的处理` });
  }

  async confirmedText(legalName: string): Promise<string> {
    return this.entry(legalName).getByTestId('confirmed').innerText();
  }

  /** 出具本次考核的全部函件; returns the dialog. */
  async openLetterBatch(): Promise<Locator> {
    await this.page.getByRole('button', { name: '出具本次考核的全部函件' }).click();
    const dialog = this.page.getByRole('dialog', { name: '出具本次考核的函件' });
    await dialog.waitFor();
    return dialog;
  }
}
