// Issue 9 "Trust" end to end: the chair finalizes a round and prints the selection list; the PDF's footer
// carries the history fingerprint (修改记录核验码), read back with pdftotext and found in the history by
// 核验修改记录 on the backup page. A letter issued afterwards prints the same kind of fingerprint; once its
// archived content is altered behind the app's back, the print page shows a red warning instead of the
// letter. A template save based on a replaced version is refused with the version-conflict message. The
// pages are rendered to PNG to be looked at.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { POLL, useAppFixture } from './support/app';
import { SCREENSHOT_DIR, saveScreenshot } from './support/screenshots';
import { APPLICANTS, CRITERIA, MEMBERS, scoreOf, setUpRound, type SetUpRound } from './support/round-data';
import { dismissToasts, RankingPage, ScoringPage } from './support/round-pages';
import { dossierInput, REAL_CREDIT_CODES } from '../support/dossiers';

const FINGERPRINT = /修改记录核验码：\s*([0-9a-f]{4})\s*([0-9a-f]{4})\s*([0-9a-f]{4})\s*([0-9a-f]{4})/;

/** Prints the page to an A4 PDF (as 另存为 PDF does), renders it to PNG, and returns its text. */
async function printToPdf(page: Page, name: string): Promise<string> {
  await page.evaluate(() => document.fonts.ready);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.pdf`);
  await page.pdf({ path: file, format: 'A4', preferCSSPageSize: true, printBackground: true });
  execFileSync('pdftoppm', ['-png', '-r', '70', file, path.join(SCREENSHOT_DIR, name)]);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
}

const printedFingerprint = (text: string): string | null => {
  const m = FINGERPRINT.exec(text);
  return m ? m.slice(1, 5).join(' ') : null;
};

describe('trust: the history fingerprint on paper', () => {
  const fixture = useAppFixture();
  let round: SetUpRound;

  beforeAll(async () => {
    await fixture.server.call('session.setUser', { name: '赵立新' });
    round = await setUpRound(fixture.server);
    // Every member's sheet scored and submitted through the API (the scoring UI has its own tests).
    for (const [m, memberId] of round.memberIds.entries()) {
      const sheet = await fixture.server.call('scores.sheet', { memberId });
      const names = new Map((await fixture.server.call('applications.list', { roundId: round.roundId })).map((a) => [a.id, a.legalName]));
      for (const applicationId of sheet.applicationIds) {
        for (const criterion of sheet.criteria) {
          const value = scoreOf(m, names.get(applicationId)!, CRITERIA.indexOf(criterion as (typeof CRITERIA)[number]));
          await fixture.server.call('scores.set', { memberId, applicationId, criterion, value, comment: '' });
        }
      }
      await fixture.server.call('scores.submit', { memberId });
    }
    expect(MEMBERS).toHaveLength(round.memberIds.length);
  });

  it('finalizes, prints the list with the fingerprint in its footer, and finds it in the history', async () => {
    const { page } = await fixture.open();
    const scoring = await ScoringPage.open(page, round.roundId);
    await scoring.chooseMember('赵立新');
    const ranking = await RankingPage.open(page, round.roundId);
    await ranking.finalize();
    await page.getByText(/定稿，结果已冻结/).waitFor();
    await ranking.openPrint();
    const footer = page.locator('footer.print-fingerprint');
    await footer.waitFor();
    const expected = (await fixture.server.call('ranking.results', { roundId: round.roundId, viewerMemberId: null })).finalized!.fingerprint!;
    expect(await footer.getAttribute('data-fingerprint')).toBe(expected);
    await dismissToasts(page);
    const text = await printToPdf(page, 'trust-selection-list');
    for (const a of APPLICANTS) expect(text).toContain(a.legalName);
    const onPaper = printedFingerprint(text);
    expect(onPaper).toBe(expected);

    // 核验修改记录 on the backup page: the chain is intact; the fingerprint typed from the paper names the finalization.
    await page.evaluate(() => void (window.location.hash = '#/backup'));
    const panel = page.getByTestId('history-verify');
    await panel.getByRole('button', { name: '核验修改记录' }).click();
    await expect.poll(() => panel.locator('[data-verdict]').getAttribute('data-verdict'), POLL).toBe('intact');
    expect(await panel.locator('[data-verdict]').innerText()).toMatch(/修改记录完整：共 \d+ 条/);
    await panel.getByTestId('fingerprint-input').fill(onPaper!.toUpperCase());
    await panel.getByRole('button', { name: '核对' }).click();
    await expect.poll(() => panel.locator('[data-match]').getAttribute('data-match'), POLL).toBe('intact');
    expect(await panel.locator('[data-match]').innerText()).toContain(`核验码 ${onPaper} 与修改记录相符`);
    await panel.scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'trust-verify-panel');
    // A fingerprint from somewhere else is not in this history.
    await panel.getByTestId('fingerprint-input').fill('0123 4567 89ab cdef');
    await panel.getByRole('button', { name: '核对' }).click();
    await expect.poll(() => panel.locator('[data-match]').getAttribute('data-match'), POLL).toBe('none');
  });

  it('prints a letter with the same kind of fingerprint, and refuses to print it once its archive is altered', async () => {
    const dossier = await fixture.server.call('dossiers.create', dossierInput({ legalName: '杭州西湖直播产业服务有限公司', creditCode: REAL_CREDIT_CODES[5]! }));
    const letter = await fixture.server.call('letters.issue', {
      kind: 'rectificationNotice',
      dossierId: dossier.id,
      year: 2026,
      fields: {
        addressee: '杭州西湖直播产业服务有限公司',
        creditCode: REAL_CREDIT_CODES[5]!,
        program: '淘宝特价版品牌认证服务商',
        platform: '淘特',
        reason: '本月 30 天揽收率为 86%，低于 90% 的考核要求',
        clause: '《淘特品牌认证服务商管理规范》第三条',
        deadline: '2026年12月31日',
        letterDate: '2026年12月1日',
        issuerName: '淘特平台',
        issuerDepartment: '品牌认证服务商评审小组',
        issuerContact: '王敏，0571-88886666',
      },
    });
    expect(letter.content.chainFingerprint).toMatch(/^[0-9a-f]{4}( [0-9a-f]{4}){3}$/);
    const { page } = await fixture.open();
    await page.evaluate((id) => void (window.location.hash = `#/letters/print/${id}`), letter.id);
    await page.locator('.letter-fingerprint').waitFor();
    const text = await printToPdf(page, 'trust-letter');
    expect(text).toContain(letter.number);
    expect(printedFingerprint(text)).toBe(letter.content.chainFingerprint);
    expect(await fixture.server.call('history.findHead', { fingerprint: letter.content.chainFingerprint! })).toMatchObject({ match: 'intact' });

    // Someone edits the archived letter in the database file: the print page names it in red and prints nothing.
    const db = new Database(path.join(fixture.server.dataDir, 'review-desk.sqlite'));
    db.prepare("UPDATE letters SET content = replace(content, '86%', '96%') WHERE id = ?").run(letter.id);
    db.close();
    // Away and back: the print page reads the letter again (letters.get re-checks its hash).
    await page.evaluate(() => void (window.location.hash = '#/letters'));
    await page.getByRole('heading', { name: '函件' }).first().waitFor();
    await page.evaluate((id) => void (window.location.hash = `#/letters/print/${id}`), letter.id);
    const warning = page.locator('[data-integrity="mismatch"]');
    await warning.waitFor({ timeout: POLL.timeout });
    expect(await warning.innerText()).toContain(`函件 ${letter.number} 的存档内容与出具时的校验值（sha256）不符`);
    expect(await page.locator('.letter-page').count()).toBe(0);
    expect(await page.getByRole('button', { name: /打印/ }).first().isDisabled()).toBe(true);
    await saveScreenshot(page, 'trust-letter-altered');
  });

  it('refuses a template save based on a version someone else has since replaced, keeping their text', async () => {
    const { page } = await fixture.open();
    await page.goto(`${fixture.server.origin}/#/letters`);
    await page.getByRole('tab', { name: '函件模板' }).click();
    await page.getByRole('tab', { name: '入选通知', exact: true }).click();
    const source = page.locator('#letter-template-text');
    await expect.poll(() => source.inputValue(), POLL).toMatch(/^# 入选通知$/m);
    // Meanwhile another window (here: the API) saves the same kind first.
    const loaded = (await fixture.server.call('letters.templates', {})).find((x) => x.kind === 'selectionNotice')!;
    expect(loaded.version).toBe(0);
    await fixture.server.call('letters.saveTemplate', { kind: 'selectionNotice', version: 0, name: loaded.name, text: `${loaded.text}\n另一位组长的补充。`, prefix: loaded.prefix });
    await source.fill(`${await source.inputValue()}\n我的补充。`);
    await page.getByRole('button', { name: '保存', exact: true }).click();
    await page.getByText('该函件模板已被他人修改，您的修改未保存。请载入最新模板后重新修改。').first().waitFor();
    const now = (await fixture.server.call('letters.templates', {})).find((x) => x.kind === 'selectionNotice')!;
    expect(now.version).toBe(1);
    expect(now.text).toContain('另一位组长的补充。');
    expect(now.text).not.toContain('我的补充。');
    // The draft is kept, so the chair can compare and decide.
    expect(await source.inputValue()).toContain('我的补充。');
  });
});
