// The round's change history in Chromium (issue 8): a score import is ONE entry per member sheet, read as one
// zh-CN line (who imported, whose sheet, how many scores, which file), and its scores are shown a page at a
// time on request; a score typed in the grid stays its own entry.
import { beforeAll, describe, expect, it } from 'vitest';
import { POLL, useAppFixture } from './support/app';
import { APPLICANTS, CRITERIA, MEMBERS, scoreOf, setUpRound } from './support/round-data';
import { saveScreenshot } from './support/screenshots';
import { dismissToasts } from './support/round-pages';

const LABELS = ['公司实力', '技术水平', '业内口碑', '服务报价'] as const;

describe('the round history', () => {
  const fixture = useAppFixture();
  let roundId: string;

  beforeAll(async () => {
    const { server } = fixture;
    await server.call('session.setUser', { name: '王评审' });
    const round = await setUpRound(server);
    roundId = round.roundId;
    const apps = await server.call('applications.list', { roundId });
    const lines = ['委员,统一社会信用代码,评分项,分数,备注'];
    for (const a of APPLICANTS) {
      const code = apps.find((x) => x.legalName === a.legalName)!.creditCode;
      LABELS.forEach((label, c) => lines.push(`钱雅琴,${code},${label},${scoreOf(1, a.legalName, c)},${c === 0 ? '材料齐全' : ''}`));
    }
    const preview = await server.call('scores.importPreview', { roundId, fileName: '钱雅琴评分.csv', dataBase64: Buffer.from(lines.join('\n')).toString('base64') });
    expect(preview.counts).toMatchObject({ new: 24, invalid: 0 });
    await server.call('scores.importCommit', { previewId: preview.previewId });
    const first = apps.find((x) => x.legalName === APPLICANTS[0]!.legalName)!;
    await server.call('scores.set', { memberId: round.memberIds[0]!, applicationId: first.id, criterion: CRITERIA[0], value: 90, comment: '' });
  }, 120_000);

  it('shows the import as one line and its scores page by page', async () => {
    const { page } = await fixture.open();
    await page.evaluate((hash) => void (window.location.hash = hash), `#/rounds/${roundId}/scoring`);
    await page.getByRole('button', { name: '修改历史' }).click();
    const dialog = page.getByRole('dialog', { name: '本批次修改历史' });
    const importEntry = dialog.locator('li[data-action="import"]');
    await expect.poll(() => importEntry.count(), POLL).toBe(1);
    await expect.poll(() => importEntry.innerText(), POLL).toContain('从文件“钱雅琴评分.csv”导入钱雅琴的评分表：写入 24 个分数，0 个无变化');
    expect(await importEntry.innerText()).toContain('王评审');
    // The score typed in the grid afterwards: its own entry, newest first.
    expect(await dialog.locator('li').first().innerText()).toContain('公司实力：— → 90');
    expect(await dialog.locator('li[data-action="score"]').count()).toBe(1);

    await importEntry.getByRole('button', { name: '查看分数' }).click();
    const rows = importEntry.locator('tbody tr');
    await expect.poll(() => rows.count(), POLL).toBe(24);
    expect(await rows.first().innerText()).toMatch(new RegExp(`${APPLICANTS[0]!.legalName}\\s+公司实力\\s+—\\s+${scoreOf(1, APPLICANTS[0]!.legalName, 0)}\\s+材料齐全`));
    expect(await importEntry.innerText()).toContain('第 1–24 个，共 24 个');
    await dismissToasts(page);
    await saveScreenshot(page, 'round-history-import');
    await dialog.getByRole('button', { name: '关闭' }).click();
    await expect.poll(() => dialog.count(), POLL).toBe(0);
    expect(MEMBERS[1]!.name).toBe('钱雅琴');
  });
});
