// Issue 3 end to end, in Chromium against browser mode: a round set up through the API; three members take
// turns on one laptop and score every cell of their sheet by keyboard only (number + Enter), an out-of-scale
// value is refused inline and never sent; then the ranking (order, results, explanations, analysis), the
// chair's finalize refused while sheets are outstanding, the XLSX export read back, and the printed list as
// an A4 PDF read back with pdftotext.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { POLL, REPO_ROOT, useAppFixture } from './support/app';
import { APPLICANTS, HANGZHOU, MEMBERS, ROUND_NAME, SHENZHEN, scoreOf, setUpRound, type SetUpRound } from './support/round-data';
import { RankingPage, ScoringPage, dismissToasts } from './support/round-pages';
import { saveScreenshot } from './support/screenshots';
import { saveBothLanguages } from './support/bilingual';

const [ANXIN, XIHU, QIANTANG, LINPING, SHUIBEI, LUOHU] = APPLICANTS.map((a) => a.legalName) as [string, string, string, string, string, string];

describe('rounds: keyboard scoring, ranking, export, print', () => {
  const fixture = useAppFixture();
  let round: SetUpRound;

  beforeAll(async () => {
    await fixture.server.call('session.setUser', { name: '赵立新' });
    round = await setUpRound(fixture.server);
  });

  it('three members score by keyboard, then rank, export XLSX and print the list', async () => {
    const { page } = await fixture.open();
    // Every API call the page makes, to prove what it sent (and what it never asked for).
    const calls: { name: string; body: Record<string, unknown> }[] = [];
    page.on('request', (request) => {
      const match = /\/api\/([\w.]+)$/.exec(new URL(request.url()).pathname);
      if (match) calls.push({ name: match[1]!, body: JSON.parse(request.postData() ?? '{}') as Record<string, unknown> });
    });
    // Nobody at the keyboard yet: the chair views as chair (issue 11), but has not submitted their own sheet
    // (members score independently): the ranking says why it is not shown and leads to the scoring step.
    await RankingPage.open(page, round.roundId);
    await page.getByText('组长赵立新尚未提交自己的评分表。委员独立评分：组长提交自己的评分表后，才能以组长身份查看排名和其他委员的评分。').waitFor();
    await page.getByRole('button', { name: '前往评分' }).click();
    const scoring = new ScoringPage(page);
    await scoring.memberSelect.waitFor();
    expect(await page.getByText('请先在上方选择当前评分委员').isVisible()).toBe(true);
    expect(calls.filter((c) => c.name.startsWith('ranking.') || c.name === 'scores.reveal')).toEqual([]);

    for (const [m, member] of MEMBERS.entries()) {
      const since = calls.length;
      await scoring.chooseMember(member.name);
      if (m === 1) {
        // The chair has submitted, this member has not: the ranking stays closed to them.
        await RankingPage.open(page, round.roundId);
        await page.getByText('钱雅琴尚未提交评分表。提交自己的评分表后，才能查看排名和其他委员的评分。').waitFor();
        await ScoringPage.open(page, round.roundId);
        await scoring.grid.waitFor();
      }
      // A fresh sheet opens on its first cell; the grid shows this member's criteria with their zh-CN names.
      await expect.poll(() => scoring.focusedId(), POLL).toBe('cell-0-0');
      expect(await scoring.criterionHeaders()).toEqual(['公司实力', '技术水平', '业内口碑', '服务报价']);
      const rows = await scoring.rowNames();
      expect([...rows].sort()).toEqual([...APPLICANTS.map((a) => a.legalName)].sort());

      for (const [r, name] of rows.entries()) {
        if (m === 0 && r === 2) {
          // Out of scale: refused in the cell, focus stays, nothing sent. Then Esc reverts the cell.
          await scoring.type('120');
          await expect.poll(() => scoring.cellError(2, 0).innerText(), POLL).toBe('分数应在 0 到 100 之间');
          expect(await scoring.cell(2, 0).getAttribute('aria-invalid')).toBe('true');
          expect(await scoring.focusedId()).toBe('cell-2-0');
          await saveScreenshot(page, 'rounds-scoring-grid');
          await page.keyboard.press('Control+A');
          await scoring.type('abc');
          expect(await scoring.cellError(2, 0).innerText()).toBe('应为数字');
          await scoring.type('', 'Escape');
          expect(await scoring.cell(2, 0).inputValue()).toBe('');
          expect(await scoring.cellError(2, 0).count()).toBe(0);
          expect(calls.filter((c) => c.name === 'scores.set' && (c.body.value === 120 || typeof c.body.value !== 'number'))).toEqual([]);
        }
        for (let c = 0; c < 4; c++) {
          if (m === 0 && r === 1 && c === 2) {
            // A comment without the mouse: Alt+C, type, Enter; focus comes back to the cell.
            await page.keyboard.press('Alt+C');
            const dialog = page.getByRole('dialog', { name: `评语：${name}` });
            await dialog.waitFor();
            await page.keyboard.type('检测设备齐全，人员资质完备');
            await page.keyboard.press('Enter');
            await dialog.waitFor({ state: 'detached' });
            expect(await scoring.focusedId()).toBe('cell-1-2');
          }
          if (m === 1 && r === 0) {
            // Tab works like Enter; Shift+Tab goes back and ↓ stays in the column.
            await scoring.type(String(scoreOf(m, name, c)), 'Tab');
            continue;
          }
          await scoring.type(String(scoreOf(m, name, c)));
        }
        if (m === 1 && r === 0) {
          expect(await scoring.focusedId()).toBe('cell-1-0');
          await scoring.type('', 'Shift+Tab');
          expect(await scoring.focusedId()).toBe('cell-0-3');
          await scoring.type('', 'ArrowDown');
          expect(await scoring.focusedId()).toBe('cell-1-3');
          for (let back = 0; back < 3; back++) await scoring.type('', 'Shift+Enter');
          expect(await scoring.focusedId()).toBe('cell-1-0');
        }
      }
      // After the last cell, Enter lands on the submit button.
      await expect.poll(() => page.evaluate(() => document.activeElement?.textContent), POLL).toBe('提交评分表');
      await expect.poll(() => scoring.progressOf(member.name), POLL).toBe('24/24');
      await expect.poll(async () => (await fixture.server.call('scores.sheet', { memberId: round.memberIds[m]! })).cells.length, POLL).toBe(24);
      // While this member had not submitted, the page asked for nobody else's scores.
      expect(calls.slice(since).filter((c) => c.name.startsWith('ranking.') || c.name === 'scores.reveal')).toEqual([]);
      // The grid reads the sheet in pages (scores.gridOutline, gridRows, gridMissing; issue 8); either way, only this member's own.
      expect([...new Set(calls.slice(since).filter((c) => c.name === 'scores.sheet' || c.name.startsWith('scores.grid')).map((c) => c.body.memberId))]).toEqual([round.memberIds[m]]);
      expect(calls.slice(since).some((c) => c.name === 'scores.gridOutline')).toBe(true);
      await scoring.submit();
      await expect.poll(() => page.locator(`.member-progress li[data-member="${member.name}"]`).innerText(), POLL).toContain('已提交');
      expect(await scoring.grid.locator('input').count()).toBe(0);

      if (m === 2) {
        // After submitting, a change is an amendment (更正) and needs a reason: 78 → 81 for 罗湖's reputation.
        const dialog = await scoring.openAmend(LUOHU);
        await dialog.getByLabel('业内口碑').fill('81');
        await dialog.getByRole('button', { name: '保存更正' }).click();
        await dialog.getByText('请填写更正理由').waitFor();
        await dialog.getByLabel('更正理由（必填）').fill('录入时看错了材料，口碑证明应为 81 分档');
        await dialog.getByRole('button', { name: '保存更正' }).click();
        await dialog.waitFor({ state: 'detached' });
        expect(await scoring.grid.getByLabel(`${LUOHU} · 业内口碑`).innerText()).toBe('81');
      }

      if (m === 0) {
        const sheet = await fixture.server.call('scores.sheet', { memberId: round.memberIds[0]! });
        expect(sheet.cells.filter((c) => c.applicationId === sheet.cells.find((x) => x.comment)?.applicationId).map((c) => c.comment)).toEqual(Array(4).fill('检测设备齐全，人员资质完备'));
        // The chair looks at the ranking before the others submit: it says whose sheets are missing, and
        // 定稿 is refused before any confirmation is offered (check first, then confirm).
        const ranking = await RankingPage.open(page, round.roundId);
        await ranking.showRegion(HANGZHOU);
        await page.getByText('已提交评分表：1/3 位委员（未提交：钱雅琴、孙志远）').waitFor();
        await page.getByRole('button', { name: '定稿', exact: true }).click();
        const refused = page.getByRole('dialog', { name: '暂不能定稿' });
        expect(await refused.getByRole('alert').innerText()).toBe('还有 2 位委员未提交评分表，不能定稿（未提交：钱雅琴、孙志远）。');
        expect(await refused.getByRole('button', { name: '定稿' }).count()).toBe(0);
        await saveBothLanguages(page, 'ranking-finalize-refused');
        await page.keyboard.press('Escape');
        await refused.waitFor({ state: 'detached' });
        await ScoringPage.open(page, round.roundId);
      }
    }

    // The ranking, as the last member to submit sees it.
    const ranking = await RankingPage.open(page, round.roundId);
    await ranking.showRegion(HANGZHOU);
    const hz = await ranking.rows();
    expect(hz.map((r) => [r.rank, r.name, r.total, r.result])).toEqual([
      ['1', ANXIN, '86.40', '入选'],
      ['2', XIHU, '81.10', '入选'],
      ['3', QIANTANG, '80.00', '候补 1'],
      ['4', LINPING, '80.00', '未入选'],
    ]);
    expect(hz[0]!.explanation).toContain('第 1 名（共 4 名），综合得分 86.40；名额 2，入选');
    expect(hz[2]!.explanation).toContain('第 3 名（共 4 名），综合得分 80.00；名额 2，分数线 81.10，候补第 1 位');
    expect(hz[2]!.explanation).toContain(`与 ${LINPING} 总分相同，报价较低，排在其前`);
    expect(hz[3]!.explanation).toContain(`与 ${QIANTANG} 总分相同，报价较高，排在其后`);
    // Analysis: the members agree, and 孙志远's 64 on 西湖's technical level is flagged.
    await ranking.selectApplication(XIHU);
    const detail = page.getByTestId('application-detail');
    expect(await detail.locator('td.outlier').allInnerTexts()).toEqual(['64 ⚠']);
    expect(await page.getByTestId('concordance').innerText()).toMatch(/W = 0\.\d\d/);
    await page.getByTestId('sensitivity').waitFor();
    await dismissToasts(page);
    await saveScreenshot(page, 'rounds-ranking');
    await page.locator('section.analysis').evaluate((el) => window.scrollTo(0, el.getBoundingClientRect().top + window.scrollY - 56));
    await saveScreenshot(page, 'rounds-ranking-analysis');

    await ranking.showRegion(SHENZHEN);
    expect((await ranking.rows()).map((r) => [r.rank, r.name, r.total, r.result])).toEqual([
      ['1', SHUIBEI, '84.20', '入选'],
      ['2', LUOHU, '84.00', '候补 1'], // 83.80 before 孙志远's amendment
    ]);

    // Export XLSX through the UI and read it back: one sheet per region, in ranking order.
    const download = await ranking.exportXlsx();
    expect(download.suggestedFilename()).toMatch(/入选名单.*\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(fs.readFileSync((await download.path())!) as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet(HANGZHOU)!;
    expect([2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(3).value)).toEqual([ANXIN, XIHU, QIANTANG, LINPING]);
    expect([2, 3, 4, 5].map((r) => sheet.getRow(r).getCell(6).value)).toEqual(['入选', '入选', '候补', '未入选']);

    // Finalize (its second step words what freezes, focus on 取消), then print: the A4 list with the
    // committee and signature lines, read back from the PDF.
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    const finalizeStep = page.getByRole('dialog', { name: '定稿' });
    await finalizeStep.getByText('排名、入选名单和候补顺序将冻结', { exact: false }).waitFor();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('取消');
    await saveBothLanguages(page, 'ranking-finalize-confirm');
    // The chair is preselected as the member who confirms, and recorded by name (issue 11).
    expect(await finalizeStep.getByLabel('确认定稿的委员').locator('option:checked').innerText()).toBe('赵立新（组长）');
    await finalizeStep.getByRole('button', { name: '定稿' }).click();
    await page.getByText(/定稿，结果已冻结/).waitFor();
    expect(await page.locator('.finalized-banner').innerText()).toContain('由 赵立新（组长） 定稿');
    const print = await ranking.openPrint();
    expect(await print.regionNames(HANGZHOU)).toEqual([ANXIN, XIHU, QIANTANG, LINPING]);
    await dismissToasts(page);
    await saveScreenshot(page, 'rounds-print');
    await page.evaluate(() => document.fonts.ready);
    const pdfFile = path.join(REPO_ROOT, 'test-results', 'screenshots', 'rounds-print.pdf');
    await page.pdf({ path: pdfFile, format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    for (const expected of [`${ROUND_NAME} 入选名单`, ...APPLICANTS.map((a) => a.legalName), '评审小组组长签字', ...MEMBERS.map((m) => m.name)]) expect(text).toContain(expected);
    // The app's chrome and the page's own buttons are not printed.
    expect(text).not.toContain('服务商 / 鉴定机构评审');
    expect(text).not.toContain('另存为 PDF');
  });
});
