// Issue 11 end to end, in Chromium against browser mode: the committee's day without traps. A sheet with
// empty cells is refused before any confirmation is offered (the reason, the empty cells, a jump to the
// first); the scoring aids (grouped by region, only-unscored filter, the sticky header above the inputs);
// the printed per-member score sheet read back with pdftotext.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { POLL, REPO_ROOT, useAppFixture } from './support/app';
import { APPLICANTS, CRITERIA, MEMBERS, scoreOf, setUpRound, type SetUpRound } from './support/round-data';
import { ScoringPage } from './support/round-pages';
import { saveBothLanguages } from './support/bilingual';
import { DossierListPage } from './support/dossier-pages';
import { record, utf8Csv } from './support/csv-files';
import { syntheticCreditCode } from '../support/credit-codes';
import { dossierInput } from '../support/dossiers';

describe('the committee day: check first, scoring aids, printouts', () => {
  const fixture = useAppFixture();
  let round: SetUpRound;

  beforeAll(async () => {
    await fixture.server.call('session.setUser', { name: '赵立新' });
    round = await setUpRound(fixture.server);
    // Fourteen more applicants for 杭州, so the sheet is long enough to scroll under its header.
    for (let i = 0; i < 14; i++) {
      const dossier = await fixture.server.call('dossiers.create', dossierInput({ legalName: `杭州第${i + 1}珠宝检测服务有限公司`, creditCode: syntheticCreditCode(9200 + i), priceQuoteYuan: 30_000 + i * 1000 }));
      await fixture.server.call('applications.add', { roundId: round.roundId, data: { dossierId: dossier.id, priceQuoteYuan: 30_000 + i * 1000, strengthStatement: '', regionIds: [round.regionIds.hangzhou] } });
    }
    // 赵立新 has scored the first three applicants (12 of 80 cells).
    const apps = await fixture.server.call('applications.list', { roundId: round.roundId });
    for (const a of apps.filter((x) => APPLICANTS.slice(0, 3).some((y) => y.legalName === x.legalName))) {
      for (const [c, criterion] of CRITERIA.entries()) await fixture.server.call('scores.set', { memberId: round.memberIds[0]!, applicationId: a.id, criterion, value: scoreOf(0, a.legalName, c), comment: '' });
    }
  });

  it('refuses to submit a sheet with empty cells before any confirmation, and jumps to the first empty cell', async () => {
    const { page } = await fixture.open();
    const scoring = await ScoringPage.open(page, round.roundId);
    await scoring.chooseMember(MEMBERS[0]!.name);
    await scoring.submitButton.click();
    const refused = page.getByRole('dialog', { name: '评分表未填完，不能提交' });
    await refused.waitFor();
    expect(await refused.getByRole('alert').innerText()).toBe('还有 68 项未评分（已评 12/80 项），评完后才能提交。');
    // No confirmation is offered at all: only 关闭 and the jump.
    expect(await refused.getByRole('button', { name: '确认提交' }).count()).toBe(0);
    expect(await refused.getByRole('listitem').count()).toBe(8 + 1);
    await saveBothLanguages(page, 'scoring-submit-refused');
    await refused.getByRole('button', { name: '跳到第一个未评分项' }).click();
    await refused.waitFor({ state: 'detached' });
    const focused = await scoring.focusedId();
    // The first empty cell in the grid's order (grouped by region): empty, and no empty input before it.
    expect(focused).toMatch(/^cell-\d+-0$/);
    expect(await page.evaluate(() => [...document.querySelectorAll<HTMLInputElement>('.score-grid input')].find((i) => i.value === '')?.id)).toBe(focused);
    expect((await fixture.server.call('scores.sheet', { memberId: round.memberIds[0]! })).submittedAt).toBeNull();
    await expect.poll(() => scoring.focusedId(), POLL).toBe(focused);
  });

  it('shows an import that renames an institution field by field and refuses it until the identity change is ticked', async () => {
    const code = syntheticCreditCode(9101);
    const original = utf8Csv([record({ legalName: '宁波甬江珠宝检测有限公司', creditCode: code, legalRepresentative: '周敏', province: '浙江省', city: '宁波市' })]);
    const first = await fixture.server.call('dossiers.importPreview', { fileName: '首次.csv', dataBase64: original.toString('base64') });
    await fixture.server.call('dossiers.importCommit', { previewId: first.previewId });

    const { page } = await fixture.open();
    const list = new DossierListPage(page);
    await list.waitUntilLoaded();
    // An old search that would hide the imported row afterwards.
    await list.search('深圳');
    const importPage = await list.openImport();
    // The renamed institution with a new legal representative; its city cell left empty (kept as stored).
    await importPage.choose('更名.csv', utf8Csv([record({ legalName: '宁波甬江珠宝鉴定中心有限公司', creditCode: code, legalRepresentative: '陆海', province: '浙江省', city: '' })]));
    expect(await importPage.summaryText()).toBe('共 1 行：新建 0，更新 1，无变化 0，有错误 0');
    const changes = page.getByTestId('import-changes');
    const rows = await changes.locator('tbody tr').allInnerTexts();
    expect(rows.map((r) => r.replace(/\s+/g, ' ').trim())).toEqual(['机构名称身份变更 宁波甬江珠宝检测有限公司 宁波甬江珠宝鉴定中心有限公司', '法定代表人身份变更 周敏 陆海']);
    await changes.getByText('有 1 家档案的企业名称或法定代表人将被更改。', { exact: false }).waitFor();
    // Refused without the tick: the import button stays disabled and nothing is written.
    expect(await importPage.confirmButton.isDisabled()).toBe(true);
    expect(await importPage.confirmButton.getAttribute('title')).toBe('请先勾选确认身份变更');
    await saveBothLanguages(page, 'import-identity-diff');
    expect((await fixture.server.call('dossiers.list', { search: code, status: 'all' })).items[0]!.legalName).toBe('宁波甬江珠宝检测有限公司');
    await changes.getByLabel('我已核对上述企业名称 / 法定代表人的变更，确认导入').check();
    const after = await importPage.confirm();
    // The list starts without the old search, so the imported row shows.
    expect(await after.searchBox.inputValue()).toBe('');
    await after.row('宁波甬江珠宝鉴定中心有限公司').waitFor();
    const stored = (await fixture.server.call('dossiers.list', { search: code, status: 'all' })).items[0]!;
    expect(stored).toMatchObject({ legalName: '宁波甬江珠宝鉴定中心有限公司', city: '宁波市' });
  });

  it('groups the sheet by region with quotes and dossier links, filters to unscored rows, keeps the header above the inputs, and prints the sheet', async () => {
    const { page } = await fixture.open();
    const scoring = await ScoringPage.open(page, round.roundId);
    await scoring.chooseMember(MEMBERS[0]!.name);
    // Grouped by region, with the quote (price is scored by hand here) and a link to the dossier.
    expect(await scoring.grid.locator('tr.region-row').allInnerTexts()).toEqual(['杭州珠宝产业带 18 家', '深圳水贝产业带 2 家']);
    const anxin = scoring.grid.locator('tbody tr', { hasText: '杭州安心珠宝检测技术有限公司' });
    expect(await anxin.locator('td.quote-col').innerText()).toBe('¥38,000.00');
    expect(await anxin.getByRole('link', { name: '档案与附件' }).getAttribute('href')).toMatch(/^#\/dossiers\/\d+$/);
    // The list of empty cells, and the filter to unscored rows (the three complete rows go).
    await page.getByTestId('missing-cells').getByText('未评分的项（68）').waitFor();
    // The rows it keeps are the backend's answer (the sheet is read in pages, issue 8): polled.
    await page.getByLabel('只看未评分').check();
    await expect.poll(async () => (await scoring.rowNames()).length, POLL).toBe(17);
    expect(await scoring.rowNames()).not.toContain('杭州安心珠宝检测技术有限公司');
    await page.getByLabel('只看未评分').uncheck();
    await expect.poll(async () => (await scoring.rowNames()).length, POLL).toBe(20);

    // Scrolled down, the column labels stay above the inputs: at the header's point is the header.
    await page.evaluate(() => window.scrollTo(0, document.querySelector('.score-grid')!.getBoundingClientRect().top + window.scrollY + 300));
    const header = scoring.grid.locator('thead th.score-col').first();
    const box = (await header.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(47);
    expect(box.y).toBeLessThan(60);
    const atPoint = await page.evaluate(([x, y]) => {
      const el = document.elementFromPoint(x!, y!);
      return el?.closest('th')?.textContent ?? el?.tagName ?? null;
    }, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(atPoint).toBe('公司实力');
    // An input really is under it (the header covers it rather than there being nothing to cover).
    const inputsUnder = await page.evaluate(([y]) => [...document.querySelectorAll('.score-grid tbody input')].some((i) => { const r = i.getBoundingClientRect(); return r.top <= y! && r.bottom >= y!; }), [box.y + box.height / 2]);
    expect(inputsUnder).toBe(true);
    await saveBothLanguages(page, 'scoring-grid-scrolled');

    // The printed sheet: A4, the member's name, the scores, the signature line.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.getByRole('button', { name: '打印我的评分表' }).click();
    await page.getByRole('heading', { level: 1, name: '2026年安心鉴第四季度评审 评分表' }).waitFor();
    await saveBothLanguages(page, 'score-sheet-print');
    const pdfFile = path.join(REPO_ROOT, 'test-results', 'screenshots', 'score-sheet.pdf');
    await page.pdf({ path: pdfFile, format: 'A4', preferCSSPageSize: true, printBackground: true });
    expect(execFileSync('pdfinfo', [pdfFile], { encoding: 'utf8' })).toMatch(/Page size:\s+59[45]\.\d+ x 841\.\d+ pts \(A4\)/);
    const text = execFileSync('pdftotext', ['-layout', pdfFile, '-'], { encoding: 'utf8' });
    expect(text).toContain('评审委员：赵立新（组长）');
    expect(text).toMatch(/杭州安心珠宝检测技术有限公司\s+¥38,000\.00\s+90\s+88\s+85\s+80/);
    expect(text).toMatch(/委员（赵立新）签字：\s+_*\s*日期：/);
    expect(text).toContain('尚未提交（草稿）');

    // The committee summary sheet: every member with a line to sign.
    await page.getByRole('button', { name: '返回' }).click();
    await page.getByRole('button', { name: '打印评审小组签字表' }).click();
    await page.getByRole('heading', { level: 1, name: '2026年安心鉴第四季度评审 评审小组评分确认表' }).waitFor();
    expect(await page.locator('.committee-sign-table tbody tr td:first-child').allInnerTexts()).toEqual(['赵立新', '钱雅琴', '孙志远']);
    await saveBothLanguages(page, 'committee-sheet-print');
  });

  it('keeps the English top bar on one line at 1280 px, and the template editor shows placeholders by name', async () => {
    const { page } = await fixture.open();
    const list = new DossierListPage(page);
    await list.waitUntilLoaded();
    for (const lang of ['en', 'zh-CN']) {
      await page.evaluate((l) => document.querySelector<HTMLButtonElement>(`header button[lang="${l}"]`)?.click(), lang);
      await page.waitForFunction((l) => document.documentElement.lang === l, lang);
      // Every item's text lies on one line and inside the bar's 48 px.
      const wrapped = await page.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('header.topbar .brand, header.topbar .nav-item, header.topbar .topbar-right > *')]
          .filter((el) => el.getClientRects().length > 0)
          .filter((el) => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const rects = [...range.getClientRects()].filter((r) => r.width > 0);
            // Two pieces of text one below the other (not merely different font sizes on one line).
            return rects.some((a) => rects.some((b) => b.top >= a.bottom - 1)) || rects.some((r) => r.bottom > 48);
          })
          .map((el) => el.textContent),
      );
      expect(wrapped, lang).toEqual([]);
    }
    // The template editor: {{承办部门}} in the text box, the stored template keeps {{issuerDepartment}}.
    await page.goto(`${fixture.server.origin}/#/letters`);
    await page.getByRole('tab', { name: '函件模板' }).click();
    await page.getByRole('tab', { name: '整改通知' }).click();
    const source = page.locator('#letter-template-text');
    await expect.poll(() => source.inputValue(), POLL).toMatch(/^# 整改通知$/m);
    expect(await source.inputValue()).not.toMatch(/\{\{[a-zA-Z]+\}\}/);
    await source.press('Control+End');
    await page.getByRole('button', { name: '承办部门', exact: true }).click();
    await expect.poll(() => source.inputValue(), POLL).toMatch(/\{\{承办部门\}\}$/);
    await saveBothLanguages(page, 'letters-template-chips');
  });
});
