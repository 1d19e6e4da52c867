// Issue 8 end to end, in Chromium against browser mode: the virtualised scoring grid still scores by keyboard
// across the rendered boundary (row 500 → 501, with the rows before scrolled out of the DOM), the missing-cells
// list jumps to a cell that is not rendered, the sticky header stays above the inputs; and the ranking tab,
// asking for one region at a time, shows a far region (the 250th of 300) as the API has it, to the chair
// viewing as chair without anybody chosen at the keyboard (issue 11); and a long region's table renders the rows
// in view only, in rank order all the way down.
import { beforeAll, describe, expect, it } from 'vitest';
import { POLL, useAppFixture } from './support/app';
import { RankingPage, ScoringPage, dismissToasts } from './support/round-pages';
import { saveBothLanguages } from './support/bilingual';
import { SEED_003_RULES } from '../../shared/eligibility/rules';
import { dossierInput } from '../support/dossiers';
import { syntheticCreditCode } from '../support/credit-codes';
import { groupByRegion } from '../../renderer/features/rounds/scoring/score-order';
import { displayOrder } from '../support/score-grid-reference';

const REGIONS = 300;
const APPLICATIONS = 600;
const LABELS = ['公司实力', '技术水平', '业内口碑', '服务报价'] as const;
const CRITERIA = ['strength', 'technical', 'reputation', 'price'] as const;
/** The first applications all apply to the first region, which ranks past the table's virtual threshold. */
const LONG_REGION = 80;
/** Rows scored by keyboard (empty before the test); every other cell is imported. */
const TYPED = [499, 500, 501];
const value = (i: number, c: number, m: number) => 60 + ((i * 37 + c * 11 + m * 5) % 40);

describe('the virtualised scoring grid and the far region', () => {
  const fixture = useAppFixture();
  let roundId: string;
  let chairId: string;
  let memberId: string;
  let order: string[];
  const names = new Map<string, string>();
  const regionIds: string[] = [];

  beforeAll(async () => {
    const { server } = fixture;
    await server.call('session.setUser', { name: '赵立新' });
    const program = await server.call('programs.create', { platform: '淘宝直播', name: '区域产业服务商', rules: [...SEED_003_RULES] });
    roundId = (await server.call('rounds.create', { programId: program.id, name: '三百区域评审', referenceDate: '2026-11-23', options: {} })).id;
    for (let r = 0; r < REGIONS; r++) regionIds.push((await server.call('regions.add', { roundId, data: { name: `杭州产业带${r + 1}号`, city: '杭州市', quota: 1, waitlistLength: 1 } })).id);
    // A few calls in flight at a time: set-up only, the order of applications within a region does not matter.
    const add = async (i: number) => {
      const legalName = `杭州第${i + 1}号珠宝检测有限公司`;
      const dossier = await server.call('dossiers.create', dossierInput({ legalName, creditCode: syntheticCreditCode(31_000 + i), priceQuoteYuan: 30_000 + i }));
      const app = await server.call('applications.add', { roundId, data: { dossierId: dossier.id, priceQuoteYuan: 30_000 + i, strengthStatement: '', regionIds: [regionIds[i < LONG_REGION ? 0 : i % REGIONS]!] } });
      names.set(app.id, legalName);
    };
    for (let i = 0; i < APPLICATIONS; i += 8) await Promise.all(Array.from({ length: Math.min(8, APPLICATIONS - i) }, (_, k) => add(i + k)));
    chairId = (await server.call('members.add', { roundId, data: { name: '赵立新', role: 'chair' } })).id;
    memberId = (await server.call('members.add', { roundId, data: { name: '钱雅琴', role: 'member' } })).id;

    // The grid's display order, as the renderer computes it (grouped by first-preference region).
    const sheet = await server.call('scores.sheet', { memberId });
    const apps = await server.call('applications.list', { roundId });
    const labels = Object.fromEntries(apps.map((a) => [a.id, { legalName: a.legalName, creditCode: a.creditCode, dossierId: a.dossierId, priceQuoteYuan: a.priceQuoteYuan, regionIds: a.regionIds }]));
    const round = await server.call('rounds.get', { id: roundId });
    order = displayOrder(groupByRegion(sheet.applicationIds, labels, round.regions, '未分区域'));
    expect(order).toHaveLength(APPLICATIONS);
    const codeOf = new Map(apps.map((a) => [a.id, a.creditCode]));

    // The chair's whole sheet, imported and submitted; 钱雅琴's sheet without rows 499–501 (a draft).
    const importSheet = async (name: string, m: number, skip: ReadonlySet<number>) => {
      const lines = ['委员,统一社会信用代码,评分项,分数'];
      order.forEach((id, position) => {
        if (!skip.has(position)) LABELS.forEach((label, c) => lines.push(`${name},${codeOf.get(id)},${label},${value(position, c, m)}`));
      });
      const preview = await server.call('scores.importPreview', { roundId, fileName: `${name}.csv`, dataBase64: Buffer.from(lines.join('\n')).toString('base64') });
      expect(preview.counts.invalid).toBe(0);
      await server.call('scores.importCommit', { previewId: preview.previewId });
    };
    await importSheet('赵立新', 0, new Set());
    await server.call('scores.submit', { memberId: chairId });
    await importSheet('钱雅琴', 1, new Set(TYPED));
  }, 900_000); // 600 applications and 300 regions through the API: minutes on a loaded machine

  it('scores by keyboard from row 499 across 500 → 501, rendering rows as it goes', { timeout: 300_000 }, async () => {
    const { page } = await fixture.open();
    const scoring = await ScoringPage.open(page, roundId);
    // The pages of rows the grid asks for, and whether the sheet's first row was ever rendered.
    const pagesAsked: number[] = [];
    page.on('request', (request) => void (request.url().endsWith('/api/scores.gridRows') && pagesAsked.push((JSON.parse(request.postData() ?? '{}') as { offset: number }).offset)));
    await page.evaluate(() => {
      const seen = window as unknown as { topRowRendered?: boolean };
      seen.topRowRendered = false;
      new MutationObserver(() => void (document.getElementById('cell-0-0') && (seen.topRowRendered = true))).observe(document.body, { childList: true, subtree: true });
    });
    await scoring.chooseMember('钱雅琴');
    // It opens on the first empty cell, row 499 (0-based position), far down a virtualised sheet.
    await expect.poll(() => scoring.focusedId(), POLL).toBe('cell-499-0');
    // Laid out around that cell from the first render: the top of the sheet is neither rendered nor asked for
    // (rows 400–599 are; the outline brought the rows around 499).
    await expect.poll(async () => (await page.locator('#cell-499-0').boundingBox())?.y ?? -1, POLL).toBeGreaterThan(100);
    expect(await page.evaluate(() => (window as unknown as { topRowRendered?: boolean }).topRowRendered)).toBe(false);
    expect(pagesAsked.every((offset) => offset >= 400 && offset < 600)).toBe(true);
    const inputs = await page.locator('.score-grid input').count();
    expect(inputs).toBeGreaterThan(0);
    expect(inputs).toBeLessThan(400); // 2,400 cells in the sheet: only the rows near the view are rendered

    // The missing-cells list jumps to a cell whose row is not rendered: scrolled to the top first.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => page.locator('#cell-501-3').count(), POLL).toBe(0);
    await page.getByTestId('missing-cells').locator('summary').click();
    await page.getByTestId('missing-cells').getByRole('button', { name: `${names.get(order[501]!)} · 服务报价` }).click();
    await expect.poll(() => scoring.focusedId(), POLL).toBe('cell-501-3');
    await page.getByTestId('missing-cells').getByRole('button', { name: `${names.get(order[499]!)} · 公司实力` }).click();
    await expect.poll(() => scoring.focusedId(), POLL).toBe('cell-499-0');

    // Row 499 by keyboard: Enter moves across the row and on to row 500.
    for (const c of CRITERIA.keys()) await scoring.type(String(value(499, c, 1)));
    await expect.poll(() => scoring.focusedId(), POLL).toBe('cell-500-0');
    // The window scrolled away: row 500 keeps the focus (its row stays rendered), row 501 is not in the DOM.
    await page.evaluate(() => window.scrollTo(0, 0));
    await expect.poll(() => page.locator('#cell-501-0').count(), POLL).toBe(0);
    expect(await scoring.focusedId()).toBe('cell-500-0');
    for (const c of CRITERIA.keys()) await scoring.type(String(value(500, c, 1)));
    // Across the boundary: row 501 scrolled into view, rendered and focused.
    await expect.poll(() => scoring.focusedId(), POLL).toBe('cell-501-0');
    await expect.poll(async () => (await page.locator('#cell-501-0').boundingBox())?.y ?? -1, POLL).toBeGreaterThan(100);

    // Saved: both typed rows are in the member's sheet, as typed.
    await expect
      .poll(async () => {
        const sheet = await fixture.server.call('scores.sheet', { memberId });
        return [499, 500].flatMap((p) => CRITERIA.map((c) => sheet.cells.find((x) => x.applicationId === order[p] && x.criterion === c)?.value ?? null));
      }, POLL)
      .toEqual([499, 500].flatMap((p) => CRITERIA.map((_, c) => value(p, c, 1))));
    expect(await page.locator('#cell-500-3').inputValue()).toBe(String(value(500, 3, 1)));

    // The sticky header is still above the inputs at its point.
    const header = scoring.grid.locator('thead th.score-col').first();
    const box = (await header.boundingBox())!;
    expect(box.y).toBeGreaterThanOrEqual(47);
    expect(box.y).toBeLessThan(60);
    const atPoint = await page.evaluate(([x, y]) => document.elementFromPoint(x!, y!)?.closest('th')?.textContent ?? null, [box.x + box.width / 2, box.y + box.height / 2]);
    expect(atPoint).toBe('公司实力');
    await dismissToasts(page);
    await saveBothLanguages(page, 'virtual-grid-row-501');
  });

  it('shows the 250th of 300 regions to the chair as the API ranks it, without a member chosen', { timeout: 300_000 }, async () => {
    const { page } = await fixture.open();
    const ranking = await RankingPage.open(page, roundId);
    await page.getByTestId('ranking-viewer').getByText('以组长赵立新的身份查看').waitFor();
    const picker = page.getByRole('group', { name: '区域' });
    // 300 regions, a virtualised list: far fewer buttons than regions.
    expect(await picker.getByRole('button').count()).toBeLessThan(80);
    const far = `杭州产业带${250}号`;
    await picker.getByLabel('搜索区域').fill(far);
    await picker.getByLabel('搜索区域').press('Enter');
    await page.getByRole('table', { name: `${far} 排名` }).waitFor();
    const expected = await fixture.server.call('ranking.region', { roundId, regionId: regionIds[249]!, viewerMemberId: chairId });
    const top = expected.explanations.find((e) => e.rank === 1)!;
    const rows = await ranking.rows();
    expect(rows).toHaveLength(expected.explanations.length);
    expect(rows[0]!.name).toBe(expected.labels.applications[top.applicationId]!.legalName);
    expect(rows[0]!.total).toBe(top.total!.toFixed(2));
    expect(rows[0]!.rank).toBe('1');

    // Sorted by the total (ascending after two clicks), then back to rank order.
    const totalHeader = ranking.table.locator('thead th').filter({ hasText: '综合得分' }).getByRole('button');
    await totalHeader.click();
    await totalHeader.click();
    const ascending = (await ranking.rows()).map((r) => Number(r.total));
    expect(ascending).toEqual([...ascending].sort((a, b) => a - b));
    await ranking.table.locator('thead th').filter({ hasText: '名次' }).getByRole('button').click();
    expect((await ranking.rows())[0]!.rank).toBe('1');

    // Cleared search: the far region stays selected and in view in the list.
    await picker.getByLabel('搜索区域').fill('');
    await expect.poll(() => picker.getByRole('button', { name: far, pressed: true }).isVisible(), POLL).toBe(true);
    await dismissToasts(page);
    await saveBothLanguages(page, 'ranking-far-region');
  });

  it('renders a long region in view only and shows every row in rank order as the page scrolls', { timeout: 300_000 }, async () => {
    const { page } = await fixture.open();
    const ranking = await RankingPage.open(page, roundId);
    const name = '杭州产业带1号';
    await ranking.showRegion(name);
    const expected = await fixture.server.call('ranking.region', { roundId, regionId: regionIds[0]!, viewerMemberId: chairId });
    const byRank = [...expected.explanations].sort((a, b) => a.rank! - b.rank!);
    expect(byRank.length).toBeGreaterThan(LONG_REGION); // 80 first, and every 300th after
    const table = page.getByRole('table', { name: `${name} 排名` });
    await expect.poll(() => table.getAttribute('data-rows'), POLL).toBe(String(byRank.length));
    const first = await ranking.rows();
    expect(first.length).toBeLessThan(byRank.length / 2);
    expect(first[0]!.rank).toBe('1');
    // The row holding the focus stays rendered while the page scrolls away from it (and Tab goes on to the next row, scrolled back into view).
    const topName = table.getByRole('button', { name: first[1]!.name, exact: true });
    await topName.focus();
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? ''), POLL).toBe(first[1]!.name);
    expect(await ranking.rows()).toContainEqual(first[1]);
    await page.keyboard.press('Tab');
    await expect.poll(() => page.evaluate(() => document.activeElement?.closest('tr')?.getAttribute('data-application') ?? ''), POLL).toBe(first[2]!.name);
    await expect.poll(() => page.evaluate(() => { const top = document.activeElement!.getBoundingClientRect().top; return top > 0 && top < window.innerHeight; }), POLL).toBe(true);
    await page.evaluate(() => window.scrollTo(0, 0));

    // Down the page a screen at a time: each rendered row as the API ranks it, and all of them by the end.
    const seen = new Map<string, string>(); // name → rank shown
    for (let step = 0; step < 60 && seen.size < byRank.length; step++) {
      for (const row of await ranking.rows()) seen.set(row.name, row.rank);
      await page.evaluate(() => window.scrollBy(0, window.innerHeight * 0.8));
      await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
    }
    expect(seen.size).toBe(byRank.length);
    for (const e of byRank) expect(seen.get(expected.labels.applications[e.applicationId]!.legalName)).toBe(String(e.rank));
    // The rows rendered at the end are the last ones, in rank order, with nothing but spacers around them.
    const last = await ranking.rows();
    expect(last.at(-1)!.name).toBe(expected.labels.applications[byRank.at(-1)!.applicationId]!.legalName);
    const ranks = last.map((r) => Number(r.rank));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(await table.locator('tbody tr:not([data-application])').evaluateAll((trs) => trs.every((tr) => tr.classList.contains('table-spacer')))).toBe(true);
    await dismissToasts(page);
    await saveBothLanguages(page, 'ranking-long-region');
  });
});
