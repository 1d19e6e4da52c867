// Page objects for the round screens this suite drives: the scoring grid, the ranking and the printed list
// (after Joplin's integration-tests/models/). Things are found by role, label and visible zh-CN text, as a
// committee member finds them; grid cells by their id (cell-<row>-<col>), which the keyboard moves through.
import type { Download, Locator, Page } from 'playwright-core';

/** Closes the toasts, so a screenshot shows the page rather than the last few confirmations. */
export async function dismissToasts(page: Page): Promise<void> {
  const close = page.locator('.toast-close');
  while ((await close.count()) > 0) await close.first().click().catch(() => undefined); // it may expire on its own meanwhile
}

async function openTab(page: Page, roundId: string, tab: 'scoring' | 'ranking'): Promise<void> {
  await page.evaluate((hash) => void (window.location.hash = hash), `#/rounds/${roundId}/${tab}`);
  await page.getByRole('tab', { name: tab === 'scoring' ? '评分' : '排名与名单', selected: true }).waitFor();
}

export class ScoringPage {
  readonly memberSelect: Locator;
  readonly grid: Locator;
  readonly submitButton: Locator;
  constructor(readonly page: Page) {
    this.memberSelect = page.getByLabel('当前评分委员');
    this.grid = page.locator('table.score-grid');
    this.submitButton = page.getByRole('button', { name: '提交评分表' });
  }

  static async open(page: Page, roundId: string): Promise<ScoringPage> {
    await openTab(page, roundId, 'scoring');
    const scoring = new ScoringPage(page);
    await scoring.memberSelect.waitFor();
    return scoring;
  }

  /** Picks the member at the keyboard and waits for their own sheet, focused on its first empty cell. */
  async chooseMember(name: string): Promise<void> {
    const labels = await this.memberSelect.locator('option').allInnerTexts();
    const label = labels.find((l) => l.startsWith(name));
    if (!label) throw new Error(`no member ${name} among ${labels.join(', ')}`);
    await this.memberSelect.selectOption({ label });
    await this.page.getByRole('heading', { level: 2, name: `${name} 的评分表` }).waitFor();
    await this.grid.waitFor();
  }

  async rowNames(): Promise<string[]> {
    return this.grid.locator('tbody tr .application-name').allInnerTexts();
  }

  async criterionHeaders(): Promise<string[]> {
    return this.grid.locator('thead th.score-col').allInnerTexts();
  }

  cell(row: number, col: number): Locator {
    return this.page.locator(`#cell-${row}-${col}`);
  }

  cellError(row: number, col: number): Locator {
    return this.page.locator(`#cell-${row}-${col}-error`);
  }

  /** The id of the focused element (a grid cell is `cell-<row>-<col>`). */
  async focusedId(): Promise<string> {
    return this.page.evaluate(() => document.activeElement?.id ?? '');
  }

  /** Types into the focused cell and presses a key, as a member does: no clicks. */
  async type(text: string, key: 'Enter' | 'Tab' | 'Shift+Tab' | 'Shift+Enter' | 'ArrowDown' | 'ArrowUp' | 'Escape' = 'Enter'): Promise<void> {
    if (text) await this.page.keyboard.type(text);
    await this.page.keyboard.press(key);
  }

  /** "12/24" on the member's progress line. */
  async progressOf(name: string): Promise<string> {
    return this.page.locator(`.member-progress li[data-member="${name}"] .member-count`).innerText();
  }

  /** 更正 on an application's row of a submitted sheet; returns the dialog. */
  async openAmend(legalName: string): Promise<Locator> {
    await this.grid.getByRole('button', { name: `更正 ${legalName} 的评分` }).click();
    const dialog = this.page.getByRole('dialog', { name: `更正评分：${legalName}` });
    await dialog.waitFor();
    return dialog;
  }

  async submit(): Promise<void> {
    await this.submitButton.click();
    const dialog = this.page.getByRole('dialog', { name: '提交评分表' });
    await dialog.getByRole('button', { name: '确认提交' }).click();
    await this.page.getByText('评分表已锁定').waitFor();
  }
}

export interface RankingRow {
  rank: string;
  name: string;
  total: string;
  result: string;
  explanation: string;
}

export class RankingPage {
  readonly table: Locator;
  constructor(readonly page: Page) {
    this.table = page.locator('table.ranking-table');
  }

  static async open(page: Page, roundId: string): Promise<RankingPage> {
    await openTab(page, roundId, 'ranking');
    return new RankingPage(page);
  }

  async showRegion(name: string): Promise<void> {
    await this.page.getByRole('group', { name: '区域' }).getByRole('button', { name }).click();
    await this.page.getByRole('table', { name: `${name} 排名` }).waitFor();
  }

  /** The rows rendered (a long region renders those in view only, between spacer rows). */
  async rows(): Promise<RankingRow[]> {
    await this.table.locator('tbody tr[data-application]').first().waitFor();
    return this.table.locator('tbody tr[data-application]').evaluateAll((trs) =>
      trs.map((tr) => {
        const cells = [...tr.querySelectorAll('td')].map((td) => (td as HTMLElement).innerText.trim());
        return { rank: cells[0]!, name: tr.querySelector('.application-link')!.textContent!.trim(), total: cells[cells.length - 3]!, result: cells[cells.length - 2]!, explanation: cells[cells.length - 1]! };
      }),
    );
  }

  async exportXlsx(): Promise<Download> {
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: '导出 XLSX' }).click();
    return download;
  }

  async selectApplication(name: string): Promise<void> {
    await this.table.getByRole('button', { name, exact: true }).click();
    await this.page.getByRole('heading', { level: 3, name: `${name}：各委员评分` }).waitFor();
  }

  async finalize(): Promise<void> {
    await this.page.getByRole('button', { name: '定稿', exact: true }).click();
    await this.page.getByRole('dialog', { name: '定稿' }).getByRole('button', { name: '定稿' }).click();
  }

  async openPrint(): Promise<PrintPage> {
    await this.page.getByRole('button', { name: '打印名单' }).click();
    const print = new PrintPage(this.page);
    await print.heading.waitFor();
    return print;
  }
}

export class PrintPage {
  readonly heading: Locator;
  constructor(readonly page: Page) {
    this.heading = page.getByRole('heading', { level: 1, name: /入选名单/ });
  }

  async regionNames(region: string): Promise<string[]> {
    return this.page.locator('.print-region').filter({ has: this.page.getByRole('heading', { name: region }) }).locator('tbody tr td:nth-child(2)').allInnerTexts();
  }
}
