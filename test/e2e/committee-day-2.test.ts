// Issue 11, the committee's day (second part), end to end in Chromium against browser mode: the chair
// confirms 定稿 and is recorded by name (not the app user's); the round list says whose sheets are in; the
// printed list numbers its pages (第 1 页 共 N 页, read back from the PDF) and moves second-preference
// screening failures to an appendix; date fields read 2026-12-06 in an English-language Chromium; the KPI grid
// opens on the latest month with figures, shows money as money and keeps a provider terminated in a month.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { POLL, REPO_ROOT, VIEWPORT, useAppFixture } from './support/app';
import { APPLICANTS, CRITERIA, HANGZHOU, MEMBERS, scoreOf, setUpRound, type SetUpRound } from './support/round-data';
import { RankingPage, ScoringPage } from './support/round-pages';
import { FiguresPage } from './support/assessment-pages';
import { saveBothLanguages } from './support/bilingual';
import { saveScreenshot } from './support/screenshots';
import { syntheticCreditCode } from '../support/credit-codes';
import { dossierInput } from '../support/dossiers';
import { SEED_001_RULE_SET } from '../../shared/lifecycle/kpi-rules';

const OUTSIDER = '深圳福田珠宝检测有限公司';

describe('the committee day, part 2: the chair finalizes, page numbers, appendix, dates, KPI months', () => {
  const fixture = useAppFixture();
  let round: SetUpRound;

  beforeAll(async () => {
    // The app runs under the secretary's name; the chair is 赵立新.
    await fixture.server.call('session.setUser', { name: '王秘书' });
    round = await setUpRound(fixture.server);
    // A 深圳 institution that also asked for 杭州 (second preference): the same-city rule screens it out there.
    const outsider = await fixture.server.call('dossiers.create', dossierInput({ legalName: OUTSIDER, creditCode: syntheticCreditCode(8800), province: '广东省', city: '深圳市', priceQuoteYuan: 41_000 }));
    await fixture.server.call('applications.add', { roundId: round.roundId, data: { dossierId: outsider.id, priceQuoteYuan: 41_000, strengthStatement: '', regionIds: [round.regionIds.shenzhen, round.regionIds.hangzhou] } });
    // Forty more 杭州 applicants, so the printed list runs over several pages.
    for (let i = 0; i < 40; i++) {
      const dossier = await fixture.server.call('dossiers.create', dossierInput({ legalName: `杭州第${i + 1}珠宝检测服务有限公司`, creditCode: syntheticCreditCode(8900 + i), priceQuoteYuan: 30_000 + i * 100 }));
      await fixture.server.call('applications.add', { roundId: round.roundId, data: { dossierId: dossier.id, priceQuoteYuan: 30_000 + i * 100, strengthStatement: '', regionIds: [round.regionIds.hangzhou] } });
    }
    const apps = await fixture.server.call('applications.list', { roundId: round.roundId });
    for (const [m, memberId] of round.memberIds.entries()) {
      const sheet = await fixture.server.call('scores.sheet', { memberId });
      for (const a of apps.filter((x) => sheet.applicationIds.includes(x.id))) {
        for (const [c, criterion] of CRITERIA.entries()) {
          const known = APPLICANTS.some((y) => y.legalName === a.legalName);
          await fixture.server.call('scores.set', { memberId, applicationId: a.id, criterion, value: known ? scoreOf(m, a.legalName, c) : 60 + (a.legalName.length % 7) + m, comment: '' });
        }
      }
    }
    // Two of three sheets submitted for now.
    for (const memberId of round.memberIds.slice(0, 2)) await fixture.server.call('scores.submit', { memberId });
  });

  it('shows on the round list whose score sheets are submitted', async () => {
    const { page } = await fixture.open();
    await page.evaluate(() => void (window.location.hash = '#/rounds'));
    const cell = page.getByTestId('sheets-submitted').first();
    await expect.poll(() => cell.locator('summary').innerText(), POLL).toBe('2/3 已提交');
    await cell.locator('summary').click();
    expect((await cell.locator('li').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim())).toEqual([`✓ ${MEMBERS[0]!.name} 组长 已提交`, `✓ ${MEMBERS[1]!.name} 已提交`, `— ${MEMBERS[2]!.name} 未提交`]);
    await saveBothLanguages(page, 'rounds-list-sheets');
  });

  it('has the chair confirm 定稿, records the chair by name, and prints numbered pages with the appendix', async () => {
    await fixture.server.call('scores.submit', { memberId: round.memberIds[2]! });
    const { page } = await fixture.open();
    // The person at the keyboard is the chair for this session (the ranking is shown to a member who submitted).
    await (await ScoringPage.open(page, round.roundId)).chooseMember(MEMBERS[0]!.name);
    const ranking = await RankingPage.open(page, round.roundId);
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    const step = page.getByRole('dialog', { name: '定稿' });
    const picker = step.getByLabel('确认定稿的委员');
    // The chair is preselected; the other members are listed but cannot be chosen.
    expect(await picker.inputValue()).toBe(round.memberIds[0]);
    expect(await picker.locator('option').evaluateAll((os) => os.map((o) => [(o as HTMLOptionElement).textContent, (o as HTMLOptionElement).disabled]))).toEqual([
      ['赵立新（组长）', false],
      ['钱雅琴（委员，不能确认）', true],
      ['孙志远（委员，不能确认）', true],
    ]);
    await saveBothLanguages(page, 'finalize-chair-confirm');
    await step.getByRole('button', { name: '定稿' }).click();
    await page.getByText('由 赵立新（组长） 定稿', { exact: false }).waitFor();
    const results = await fixture.server.call('ranking.results', { roundId: round.roundId, viewerMemberId: null });
    expect(results.finalized).toMatchObject({ by: '赵立新', memberId: round.memberIds[0], role: 'chair' });
    await saveBothLanguages(page, 'ranking-finalized-by-chair');

    const print = await ranking.openPrint();
    await page.getByText('定稿：赵立新（组长）', { exact: false }).waitFor();
    // The outsider is not in 杭州's table but in the appendix.
    expect(await print.regionNames(HANGZHOU)).not.toContain(OUTSIDER);
    const appendix = page.getByTestId('print-appendix');
    await appendix.getByRole('heading', { name: '附录：第二志愿不合格' }).waitFor();
    expect((await appendix.locator('tbody tr').allInnerTexts()).map((s) => s.replace(/\s+/g, ' ').trim())).toEqual([`${HANGZHOU} ${OUTSIDER} ${syntheticCreditCode(8800)} 第 2 志愿`]);
    await saveBothLanguages(page, 'print-appendix');
    await page.evaluate(() => document.fonts.ready);
    const pdfFile = path.join(REPO_ROOT, 'test-results', 'screenshots', 'print-page-numbers.pdf');
    await page.pdf({ path: pdfFile, format: 'A4', preferCSSPageSize: true, printBackground: true });
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(2);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    // Every page carries its number and the total (pdftotext ends each page with a form feed, and drops the
    // thin spaces Chromium sets around the digits: 第1页共3页).
    const perPage = text.split('\f').slice(0, pages);
    perPage.forEach((pageText, i) => expect(pageText.replace(/\s+/g, '')).toContain(`第${i + 1}页共${pages}页`));
    expect(text).toContain('附录：第二志愿不合格');
    expect(text.indexOf('附录：第二志愿不合格')).toBeGreaterThan(text.indexOf('评审小组组长签字'));
    expect(text).toContain('定稿：赵立新（组长）');

    // A finalized round's submitted sheet offers no 更正 that would only be refused; it says what to do instead.
    await ScoringPage.open(page, round.roundId);
    await page.getByText('本批次已定稿，不能更正', { exact: false }).waitFor();
    expect(await page.getByRole('button', { name: /^更正/ }).count()).toBe(0);
  });

  it('shows dates as 2026-12-06 in an English-language Chromium', async () => {
    const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--lang=en-US'] });
    try {
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'en-US', timezoneId: 'Asia/Shanghai' });
      const page = await context.newPage();
      await page.goto(fixture.server.url);
      expect(await page.evaluate(() => navigator.language)).toBe('en-US');
      await page.evaluate(() => void (window.location.hash = '#/rounds'));
      await page.getByRole('button', { name: '新建评审批次' }).click();
      const field = page.getByRole('dialog').getByLabel('基准日期');
      expect(await field.getAttribute('type')).toBe('text');
      expect(await field.getAttribute('placeholder')).toBe('年-月-日');
      await field.fill('');
      await field.pressSequentially('20261206');
      expect(await field.inputValue()).toBe('2026-12-06');
      // ↑ on the day moves to the 7th; a pasted Chinese date is read as ISO.
      await field.press('ArrowUp');
      expect(await field.inputValue()).toBe('2026-12-07');
      await field.fill('2026年3月5日');
      expect(await field.inputValue()).toBe('2026-03-05');
      await saveScreenshot(page, 'date-input-en-us-browser');
      await context.close();
    } finally {
      await browser.close();
    }
  });

  it('opens the KPI grid on the latest month with figures, shows money as ¥, and keeps a provider ended that month', async () => {
    const { programId } = await fixture.server.call('rounds.get', { id: round.roundId });
    await fixture.server.call('programs.setKpiRules', { programId, rules: SEED_001_RULE_SET });
    await fixture.server.call('cooperations.createFromRound', { roundId: round.roundId, admittedOn: '2026-08-01' });
    const cooperations = await fixture.server.call('cooperations.list', { programId });
    const [first, second] = cooperations;
    await fixture.server.call('kpi.setFigures', { cooperationId: first!.id, figures: { month: '2026-09', newlyBound: 4, newlyBoundGmvYuan: 60_000, orders: 1200, staffPassedExam: 2 } });
    await fixture.server.call('cooperations.applyEvent', { cooperationId: second!.id, event: 'terminate', effectiveOn: '2026-09-15', reason: '违反机构管理规范', banReason: 'illegal' });

    const { page } = await fixture.open();
    const figures = await FiguresPage.open(page);
    // Last month is 2026-11 (today 2026-12-06), but the latest figures are September's.
    await page.getByRole('heading', { level: 2, name: /2026年9月 考核数据/ }).waitFor();
    expect(await figures.monthInput.inputValue()).toBe('2026-09');
    expect(await figures.rowNames()).toContain(second!.legalName);
    // Money reads as money until the cell is edited.
    const gmv = figures.grid.locator('tbody tr', { hasText: first!.legalName }).locator('input').nth(1);
    expect(await gmv.inputValue()).toBe('¥60,000.00');
    await gmv.focus();
    await expect.poll(() => gmv.inputValue(), POLL).toBe('60000');
    await gmv.blur();
    await expect.poll(() => gmv.inputValue(), POLL).toBe('¥60,000.00');
    await saveBothLanguages(page, 'kpi-grid-latest-month');
    // The terminated provider is gone from October on.
    await figures.showMonth('2026-10');
    expect(await figures.rowNames()).not.toContain(second!.legalName);
  });
});
