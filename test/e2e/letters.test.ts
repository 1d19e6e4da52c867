// Letters end to end (issue 4 "Letters", issue 7 "Rule fidelity"): from a provider's record, a 终止合作通知 is
// issued through the issue dialog — refused while a field is empty, numbered 〔year〕N号 on issue — printed to
// an A4 PDF that pdftotext reads back (the number above the title, Chinese name, credit code, re-admission
// date, page numbers), voided without its number being given out again, and reprinted from the archive with
// identical text. A letter whose long reason pushes the signature onto page 2 takes its last paragraph along:
// 落款 and date never stand alone on a page. The pages are rendered to PNG to be looked at.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { POLL, useAppFixture } from './support/app';
import { SCREENSHOT_DIR, saveScreenshot } from './support/screenshots';
import { saveBothLanguages } from './support/bilingual';
import { dossierInput, REAL_CREDIT_CODES } from '../support/dossiers';
import { lineText } from '../../shared/letters';

const NAME = '杭州西湖直播产业服务有限公司';
const CODE = REAL_CREDIT_CODES[5]!;
const YEAR = 2026;
const OTHER_NAME = '杭州滨江珠宝直播服务有限公司';
const OTHER_CODE = REAL_CREDIT_CODES[4]!;
/** A complete rectification notice (the API call a test sets up with; the UI path is the first test). */
const ISSUED_FIELDS = {
  program: '淘宝特价版品牌认证服务商',
  platform: '淘特',
  reason: '本月 30 天揽收率为 86%，低于 90% 的考核要求',
  clause: '《淘特品牌认证服务商管理规范》第三条',
  deadline: '2025年12月31日',
  letterDate: '2025年12月1日',
  issuerName: '淘特平台',
  issuerDepartment: '品牌认证服务商评审小组',
  issuerContact: '王敏，0571-88886666',
};

/** The issue dialog, by what a user sees in it. */
class IssueDialog {
  constructor(readonly page: Page) {}
  get root() {
    return this.page.getByTestId('issue-letter-dialog');
  }
  field(label: string) {
    return this.root.getByLabel(label, { exact: true });
  }
  get issueButton() {
    return this.root.getByRole('button', { name: '出具', exact: true });
  }
  async missingFields(): Promise<string[]> {
    return this.root.locator('.letter-report-missing .letter-chip').allTextContents();
  }
}

describe('letters: issue, print, void, reprint', () => {
  const fixture = useAppFixture();
  let dossierId: number;

  beforeAll(async () => {
    await fixture.server.call('session.setUser', { name: '赵立新' });
    dossierId = (await fixture.server.call('dossiers.create', dossierInput({ legalName: NAME, creditCode: CODE }))).id;
  });

  it('issues a termination notice from the provider record, refusing it while a field is empty', async () => {
    const { page } = await fixture.open();
    await page.goto(`${fixture.server.origin}/#/dossiers/${dossierId}`);
    const panel = page.getByTestId('letters-panel');
    await panel.getByText('尚未向此机构出具函件。').waitFor();
    await panel.getByLabel('函件类别').selectOption({ label: '终止合作通知' });
    await panel.getByRole('button', { name: '为此机构出具函件' }).click();

    const dialog = new IssueDialog(page);
    await dialog.root.waitFor();
    // Prefilled from the dossier: the name and the credit code.
    expect(await dialog.field('收件单位').inputValue()).toBe(NAME);
    expect(await dialog.field('统一社会信用代码/身份证号').inputValue()).toBe(CODE);
    // No cooperation on record: the rest is for the chair, and issuing is refused until it is there.
    await expect.poll(() => dialog.missingFields(), POLL).toContain('事由');
    expect(await dialog.issueButton.isDisabled()).toBe(true);

    await dialog.root.getByLabel('清退原因（填入建议的事由、依据条款和再准入）').selectOption({ label: '不符合考核要求' });
    await dialog.field('合作项目').fill('淘宝直播区域产业服务商');
    await dialog.field('服务区域').fill('杭州');
    await dialog.field('平台').fill('淘宝直播');
    // The reason category fills the reason and clause, and the agreement, consequence and deposit texts.
    expect(await dialog.field('保证金处理').inputValue()).toBe('贵司已缴纳的保证金按《淘宝直播机构保证金管理规则》及双方协议约定处理');
    await dialog.field('生效日期').fill('2026-11-23');
    // The readmission clause from a date: 180 days after 2026-11-23 is 2027-05-22.
    await dialog.root.getByLabel('再准入日期').fill('2027-05-22');
    expect(await dialog.field('再准入').inputValue()).toBe('自2027年5月22日起方可再次提交准入申请');
    await dialog.field('发文日期').fill('2026-11-23');
    await dialog.field('署名').fill('淘宝直播平台');
    await dialog.field('承办部门').fill('区域产业服务商评审小组');
    // One field still empty: listed, and 出具 stays disabled.
    await expect.poll(() => dialog.missingFields(), POLL).toEqual(['联系方式']);
    expect(await dialog.issueButton.isDisabled()).toBe(true);
    await saveScreenshot(page, 'letters-issue-dialog-missing');

    await dialog.field('联系方式').fill('王敏，0571-88886666，fws@example.com');
    await expect.poll(() => dialog.missingFields(), POLL).toEqual([]);
    expect(await dialog.field('编号年度').inputValue()).toBe(String(YEAR));
    await saveScreenshot(page, 'letters-issue-dialog');
    await dialog.issueButton.click();
    // Issuing takes a number for good: a second step says so, focus on 取消, then 确认出具.
    const issueStep = page.getByRole('dialog', { name: '确认出具终止合作通知' });
    await issueStep.getByText(`将占用文号 评审终字〔${YEAR}〕?号`, { exact: false }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    await saveBothLanguages(page, 'letters-issue-confirm');
    await issueStep.getByRole('button', { name: '确认出具' }).click();
    await dialog.root.getByText(`已出具，文号：评审终字〔${YEAR}〕1号。`, { exact: false }).waitFor();
    await panel.locator('.letters-panel-list').getByText(`评审终字〔${YEAR}〕1号`, { exact: true }).waitFor();

    // 打印 / 另存为 PDF: the print page with the archived letter, one A4 page, read back with pdftotext.
    await dialog.root.getByRole('button', { name: '打印 / 另存为 PDF' }).click();
    await page.locator('.letter-page').waitFor();
    expect(page.url()).toMatch(/#\/letters\/print\/[0-9a-f-]{36}$/);
    await saveScreenshot(page, 'letters-print-page');
    const text = await printToPdf(page, 'letters-print');
    for (const expected of [NAME, CODE, '2027年5月22日', `评审终字〔${YEAR}〕1号`, '终止合作通知', '2026年11月23日', '双方签署的相关合作协议同日解除']) expect(text.flat).toContain(expected);
    // GB/T 9704: the 发文字号 above the title, no 第 and no padding; "— 1 —" at the foot of every page.
    expect(text.byPage[0]!.indexOf(`评审终字〔${YEAR}〕1号终止合作通知`)).toBeGreaterThanOrEqual(0);
    text.byPage.forEach((p, i) => expect(p).toContain(`—${i + 1}—`));
    // The last body paragraph and the signature block on one page.
    expect(closingPage(text, '淘宝直播平台2026年11月23日')).toBe(text.pages - 1);
    // The page's own buttons and the app's chrome are not printed.
    for (const absent of ['打印', '返回', '另存为', '评审台']) expect(text.flat).not.toContain(absent);
    // The glyphs come from the bundled serif font, embedded in the PDF.
    expect(execFileSync('pdffonts', [text.file], { encoding: 'utf8' })).toMatch(/NotoSerifSC/);
    execFileSync('pdftoppm', ['-png', '-r', '70', text.file, path.join(SCREENSHOT_DIR, 'letters-print-page')]);
  });

  it('voids a letter without reusing its number, reprints it identically, and prints several one per page', async () => {
    const other = await fixture.server.call('dossiers.create', dossierInput({ legalName: OTHER_NAME, creditCode: OTHER_CODE }));
    const fields = { ...ISSUED_FIELDS, addressee: OTHER_NAME, creditCode: OTHER_CODE };
    const first = await fixture.server.call('letters.issue', { kind: 'rectificationNotice', dossierId: other.id, fields, year: 2025 });
    expect(first.number).toBe('评审整字〔2025〕1号');
    const { page } = await fixture.open();

    // The original print, for comparison after voiding and after the template changed.
    await page.goto(`${fixture.server.origin}/#/letters/print/${first.id}`);
    await page.locator('.letter-page').waitFor();
    const original = await printToPdf(page, 'letters-rectification-original');
    expect(original.flat).toContain(OTHER_NAME);

    // The archive: find the letter by the provider's name (through the dossier search), void it.
    await page.goto(`${fixture.server.origin}/#/letters`);
    const archive = page.locator('.letter-archive');
    await archive.locator('tbody tr').first().waitFor();
    await archive.getByLabel('按机构名称、统一社会信用代码或文号查找').fill('滨江');
    await expect.poll(() => archive.locator('tbody tr').count(), POLL).toBe(1);
    const row = archive.locator(`tr[data-letter-number="${first.number}"]`);
    await row.getByRole('button', { name: '作废' }).click();
    const voidDialog = page.getByRole('dialog', { name: `作废 ${first.number}` });
    const confirm = voidDialog.getByRole('button', { name: '作废', exact: true });
    expect(await confirm.isDisabled()).toBe(true);
    await voidDialog.getByLabel('作废原因（必填）').fill('整改期限有误，重新出具');
    await saveBothLanguages(page, 'letters-void-confirm');
    await confirm.click();
    await row.getByText('已作废').waitFor();
    expect(await row.getByRole('button', { name: '作废' }).count()).toBe(0);

    // The number stays used: the next rectification notice of 2025 is 2号.
    const second = await fixture.server.call('letters.issue', { kind: 'rectificationNotice', dossierId: other.id, fields: { ...fields, deadline: '2026年1月31日' }, year: 2025 });
    expect(second.number).toBe('评审整字〔2025〕2号');

    // The chair changes the template: letters already issued keep their text.
    await page.getByRole('tab', { name: '函件模板' }).click();
    await page.getByRole('tab', { name: '整改通知' }).click();
    const source = page.locator('#letter-template-text');
    await expect.poll(() => source.inputValue(), POLL).toMatch(/^# 整改通知$/m);
    await source.fill((await source.inputValue()).replace('特此通知。', '特此函告。'));
    await page.getByText('有未保存的修改').waitFor();
    await saveScreenshot(page, 'letters-templates');
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/已保存“整改通知”模板/).waitFor();
    expect((await fixture.server.call('letters.templates', {})).find((x) => x.kind === 'rectificationNotice')!.text).toContain('特此函告。');

    await page.getByRole('tab', { name: '已出具函件' }).click();
    await page.reload();
    await archive.locator(`tr[data-letter-number="${second.number}"]`).waitFor();
    await saveScreenshot(page, 'letters-archive');
    await archive.locator(`tr[data-letter-number="${first.number}"]`).getByRole('button', { name: '重新打印' }).click();
    await page.locator('.letter-page').waitFor();
    await page.getByText(`${first.number} 已作废（整改期限有误，重新出具）`, { exact: false }).waitFor();
    await saveScreenshot(page, 'letters-reprint-voided');
    const reprint = await printToPdf(page, 'letters-rectification-reprint');
    // Identical text plus the watermark, whose two big characters pdftotext reads in among the lines it
    // crosses: without them the texts are equal, and the reprint has exactly one 作 and one 废 more.
    const count = (s: string, c: string) => s.split(c).length - 1;
    const strip = (s: string) => s.replace(/[作废]/g, '');
    expect(strip(reprint.flat)).toBe(strip(original.flat));
    expect([count(reprint.flat, '作') - count(original.flat, '作'), count(reprint.flat, '废') - count(original.flat, '废')]).toEqual([1, 1]);
    // On screen too, the sheet's text (watermark aside) is the archived letter's.
    // The history fingerprint archived with the letter (issue 9) closes the sheet.
    expect(first.content.chainFingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
    const archived = first.content.blocks.flatMap((b) => ('spans' in b ? [b.spans] : 'lines' in b ? b.lines : [])).map(lineText).join('') + `修改记录核验码：${first.content.chainFingerprint}`;
    expect(await page.locator('.letter-page').evaluate((el) => [...el.children].filter((c) => !c.classList.contains('letter-watermark')).map((c) => c.textContent).join(''))).toBe(archived);
    expect(reprint.flat).toContain('特此通知。');
    expect(reprint.flat).not.toContain('特此函告');
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', '-singlefile', reprint.file, path.join(SCREENSHOT_DIR, 'letters-reprint-voided-page1')]);

    // Both selected, printed together: one letter per page.
    await page.goto(`${fixture.server.origin}/#/letters`);
    await archive.getByLabel(`选择 ${first.number}`).check();
    await archive.getByLabel(`选择 ${second.number}`).check();
    await archive.getByRole('button', { name: '打印所选（2 份）' }).click();
    await expect.poll(() => page.locator('.letter-page').count(), POLL).toBe(2);
    const both = await printToPdf(page, 'letters-batch');
    expect(both.pages).toBe(2);
    expect(both.byPage[0]).toContain('〔2025〕1号');
    expect(both.byPage[1]).toContain('〔2025〕2号');
    // Each letter numbers its own pages from 1.
    expect([both.byPage[0], both.byPage[1]].map((p) => p!.includes('—1—'))).toEqual([true, true]);

    // On the provider's record: both letters, the voided one marked, each with 重新打印.
    await page.goto(`${fixture.server.origin}/#/dossiers/${other.id}`);
    const panel = page.getByTestId('letters-panel');
    await panel.getByText(second.number, { exact: true }).waitFor();
    const voidedItem = panel.locator('li', { hasText: first.number });
    await voidedItem.getByText('已作废').waitFor();
    expect(await panel.getByRole('button', { name: '重新打印' }).count()).toBe(2);
    await panel.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'letters-dossier-panel');
  });

  it('keeps the last paragraph with the signature when a long reason pushes the signature onto page 2', async () => {
    // The rectification notice as built in (test 2 changed its closing): one A4 page with a short reason.
    const rect = (await fixture.server.call('letters.templates', {})).find((x) => x.kind === 'rectificationNotice')!;
    const builtinText = rect.text.replace('特此函告。', '特此通知。');
    await fixture.server.call('letters.saveTemplate', { kind: 'rectificationNotice', version: rect.version, name: rect.name, prefix: rect.prefix, text: builtinText });
    const fields = { ...ISSUED_FIELDS, addressee: NAME, creditCode: CODE, letterDate: '2026年11月24日' };
    const SIGNED = '淘特平台2026年11月24日';
    // A reason listing the failed items month by month: the longer it is, the further the letter runs.
    const items = Array.from({ length: 12 }, (_, i) => [`2026年${i + 1}月近30天发揽率为${(85 + i / 10).toFixed(1)}%，低于90%的要求`, `近30天客服响应率为${(80 + i / 10).toFixed(1)}%，低于85%的要求`]).flat();
    const reasonOf = (n: number) => items.slice(0, n).join('；');
    let n = items.length;
    while (reasonOf(n).length > 500) n -= 1;
    const issue = (reason: string, copyTo = '') => fixture.server.call('letters.issue', { kind: 'rectificationNotice', dossierId, year: YEAR, fields: { ...fields, reason, copyTo } });
    const { page } = await fixture.open();
    // A fresh load each time: a hash change alone would keep the sheet on screen until the new one loads
    // (and keep styles the test injected).
    const open = async (letter: { id: string; number: string }) => {
      await page.goto(`${fixture.server.origin}/#/letters/print/${letter.id}`);
      await page.reload();
      await page.locator('.letter-number-head', { hasText: letter.number }).waitFor();
    };
    const NO_RULE = '.letter-closing, .letter-signature { break-inside: auto !important; break-before: auto !important; }';
    const isolated = (pdf: PdfText) => pdf.pages === 2 && pdf.byPage[0]!.includes('特此通知。') && !pdf.byPage[0]!.includes(SIGNED) && pdf.byPage[1]!.includes(SIGNED);

    // A short reason: everything on one sheet.
    const short = await issue(reasonOf(1));
    await open(short);
    expect((await printToPdf(page, 'letters-short')).pages).toBe(1);

    // Find how long a reason must be for the signature to fall alone onto page 2 were the rule not there:
    // the probe's reason is cut item by item on screen, printed each time with the rule switched off.
    const probe = await issue(reasonOf(n), '淘特品牌认证运营部');
    await open(probe);
    const style = await page.addStyleTag({ content: NO_RULE });
    const reasonSpan = page.locator('.letter-value[data-field="reason"]');
    let critical: number | null = null;
    for (; n > 1 && critical === null; n -= 1) {
      await reasonSpan.evaluate((el, text) => void (el.textContent = text), reasonOf(n));
      if (isolated(await printToPdf(page, 'letters-long-probe'))) critical = n;
    }
    await style.evaluate((el) => void el.parentNode?.removeChild(el));
    expect(critical, 'a reason length that leaves the signature alone on page 2 without the rule').not.toBeNull();

    // That letter, issued for real and printed as issued: 特此通知 goes over with the signature and the date.
    const letter = await issue(reasonOf(critical!), '淘特品牌认证运营部');
    expect(reasonOf(critical!).length).toBeGreaterThan(100);
    await open(letter);
    const kept = await printToPdf(page, 'letters-long');
    expect(kept.pages).toBe(2);
    expect(kept.byPage[0]).not.toContain('特此通知');
    expect(kept.byPage[1]).toContain(`特此通知。${SIGNED}`);
    expect(closingPage(kept, SIGNED)).toBe(1);
    expect(kept.byPage[0]!.startsWith(`评审整字〔${YEAR}〕${letter.number.match(/〕(\d+)号/)![1]}号整改通知`)).toBe(true);
    expect([kept.byPage[0]!.includes('—1—'), kept.byPage[1]!.includes('—2—')]).toEqual([true, true]);
    expect(kept.byPage[1]).toContain('抄送：淘特品牌认证运营部');
    // …and the same letter without the rule really would have left the signature alone.
    const off = await page.addStyleTag({ content: NO_RULE });
    expect(isolated(await printToPdf(page, 'letters-long-without-rule'))).toBe(true);
    await off.evaluate((el) => void el.parentNode?.removeChild(el));
    execFileSync('pdftoppm', ['-png', '-r', '70', kept.file, path.join(SCREENSHOT_DIR, 'letters-long-page')]);

    // The red 版头: letterhead and separator line switched on in the template editor.
    await page.goto(`${fixture.server.origin}/#/letters`);
    await page.getByRole('tab', { name: '函件模板' }).click();
    await page.getByRole('tab', { name: '整改通知' }).click();
    await page.getByLabel('发文机关标志（红色版头）').check();
    await page.getByLabel('红色分隔线').check();
    await expect.poll(() => page.locator('#letter-template-text').inputValue(), POLL).toMatch(/^! \{\{署名\}\}\n> \{\{文号\}\}\n---\n# 整改通知/);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText(/已保存“整改通知”模板/).waitFor();
    const red = await issue(reasonOf(2));
    await open(red);
    const head = await printToPdf(page, 'letters-letterhead');
    expect(head.byPage[0]!.startsWith(`淘特平台${red.number}整改通知`)).toBe(true);
    expect(closingPage(head, SIGNED)).toBe(head.pages - 1);
    expect(await page.locator('.letter-rule-red').evaluate((el) => getComputedStyle(el).borderTopColor)).toBe('rgb(212, 0, 0)');
    execFileSync('pdftoppm', ['-png', '-r', '70', head.file, path.join(SCREENSHOT_DIR, 'letters-letterhead-page')]);
  });

  it('edits a program\'s letter settings, defaulting to its platform\'s rules, and shows a back-dated letter\'s reason', async () => {
    await fixture.server.call('programs.create', { platform: '抖音电商', name: '古董艺术品产业带服务商', rules: [] });
    const { page } = await fixture.open();
    await page.goto(`${fixture.server.origin}/#/letters`);
    await page.getByRole('tab', { name: '项目函件设置' }).click();
    const tab = page.getByTestId('letter-program-settings');
    await tab.getByText('默认依据：抖音电商产业带服务商考核规则').waitFor();
    const clause = tab.getByLabel('不符合考核要求 依据条款');
    expect(await clause.inputValue()).toBe('《抖音电商产业带服务商考核规则》（自2023年4月26日起执行）3.3“常规考核结果判定”');
    expect(await tab.getByLabel('其他后果').inputValue()).toBe('平台同时取消贵司已认证的产业带服务商认证资质');
    const deposit = tab.getByLabel('保证金处理（不写金额，除非规则写明）');
    await deposit.fill('');
    await tab.getByText('每一项都须填写，且不能换行。').waitFor();
    expect(await tab.getByRole('button', { name: '保存', exact: true }).isDisabled()).toBe(true);
    await deposit.fill('贵司已缴纳的保证金按《抖店服务市场服务商退出退保流程说明》办理');
    await tab.getByRole('button', { name: '保存', exact: true }).click();
    await tab.getByText(/已由 赵立新 于 .* 修改。/).waitFor();
    const programId = (await fixture.server.call('programs.list', {})).find((p) => p.platform === '抖音电商')!.id;
    expect((await fixture.server.call('letters.programSettings', { programId })).settings.deposit).toBe('贵司已缴纳的保证金按《抖店服务市场服务商退出退保流程说明》办理');
    await saveScreenshot(page, 'letters-program-settings');

    // A letter whose effective date precedes its date: issued only with the chair's reason, shown in the archive.
    const fields = { ...ISSUED_FIELDS, addressee: NAME, creditCode: CODE, reason: '近30天发揽率为86%，低于90%的要求', deadline: '2026年12月31日', letterDate: '2026年12月2日' };
    const refused = await fixture.server.send('letters.issue', { kind: 'rectificationNotice', dossierId, year: YEAR, fields: { ...fields, effectiveDate: '2026年12月1日' } });
    expect(refused.ok).toBe(false);
    await page.getByRole('tab', { name: '已出具函件' }).click();
    const backdated = await fixture.server.call('letters.issue', { kind: 'terminationNotice', dossierId, year: YEAR, backdateReason: '考核期末已决定，函件补发', fields: {
      ...fields, region: '杭州', clause: '《淘宝直播区域产业服务商管理规则》第一条（二）2（2）', agreement: '双方签署的相关合作协议', consequence: '贵司的认证角色一并取消', deposit: '贵司已缴纳的保证金按协议约定处理',
      effectiveDate: '2026年12月1日', readmissionDate: '自2027年5月30日起方可再次提交准入申请',
    } });
    await page.reload();
    const row = page.locator(`tr[data-letter-number="${backdated.number}"]`);
    await row.getByText('生效日期早于发文日期，理由：考核期末已决定，函件补发').waitFor();
  });
});

/** The page (0-based) holding the last body paragraph; -1 when the signature block is not on that page. */
function closingPage(pdf: PdfText, signed: string): number {
  const at = pdf.byPage.findIndex((p) => p.includes('特此通知。'));
  return at !== -1 && pdf.byPage[at]!.includes(`特此通知。${signed}`) ? at : -1;
}

interface PdfText {
  file: string;
  pages: number;
  /** Every page's text with all white space removed (line breaks fall anywhere in justified CJK text). */
  flat: string;
  byPage: string[];
}

/** Prints the page to an A4 PDF (as 另存为 PDF does) once the letter font is in, and reads it back. */
async function printToPdf(page: Page, name: string): Promise<PdfText> {
  await page.evaluate(() => document.fonts.ready);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  // pdfinfo names the size A4 within its tolerance (Chromium rounds the named page box to whole pixels).
  expect(info).toMatch(/Page size:\s+59[4-6]\.\d+ x 84[1-3]\.\d+ pts \(A4\)/);
  const pages = Number(/Pages:\s+(\d+)/.exec(info)![1]);
  const byPage = Array.from({ length: pages }, (_, i) => execFileSync('pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ''));
  return { file, pages, flat: byPage.join(''), byPage };
}
