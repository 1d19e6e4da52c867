// Issue 10 end to end: TWO browser-mode servers with separate data directories — the chair's laptop and a
// member's laptop — driven in Chromium. The chair registers the member's identity card after checking the
// fingerprint (screenshot), exports the member's 评审包; the member imports it (trust-on-first-use screen,
// screenshot), scores by keyboard in the grid, submits and exports the signed 评分表; the chair imports it,
// sees the per-member status (screenshot) and ranks.
import fs from 'node:fs';
import type { Download, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POLL, launchBrowser, startServer, type AppPage, type RunningBrowser, type RunningServer } from './support/app';
import { APPLICANTS, MEMBERS, scoreOf, setUpRound, type SetUpRound } from './support/round-data';
import { ScoringPage, dismissToasts } from './support/round-pages';
import { saveScreenshot } from './support/screenshots';

const MEMBER = MEMBERS[1]!.name; // 钱雅琴, on her own laptop

async function fileOf(download: Download): Promise<{ name: string; buffer: Buffer }> {
  const file = await download.path();
  return { name: download.suggestedFilename(), buffer: fs.readFileSync(file) };
}

/** Clicks a button that opens the file picker and hands it the file. */
async function upload(page: Page, click: () => Promise<void>, file: { name: string; buffer: Buffer }) {
  const chooser = page.waitForEvent('filechooser');
  await click();
  await (await chooser).setFiles({ name: file.name, mimeType: 'application/json', buffer: file.buffer });
}

async function download(page: Page, click: () => Promise<void>) {
  const pending = page.waitForEvent('download');
  await click();
  return fileOf(await pending);
}

describe('exchange: chair and member on two laptops', () => {
  let chairServer: RunningServer;
  let memberServer: RunningServer;
  let browser: RunningBrowser;
  let round: SetUpRound;
  const pages: AppPage[] = [];

  beforeAll(async () => {
    chairServer = await startServer();
    memberServer = await startServer();
    browser = await launchBrowser();
    await chairServer.call('session.setUser', { name: '赵立新' });
    await memberServer.call('session.setUser', { name: MEMBER });
    round = await setUpRound(chairServer);
    // The chair's own sheet and 孙志远's (no key: today's flow) are typed on the chair's laptop.
    for (const m of [0, 2]) {
      const memberId = round.memberIds[m]!;
      const sheet = await chairServer.call('scores.sheet', { memberId });
      const names = await chairServer.call('applications.list', { roundId: round.roundId });
      for (const applicationId of sheet.applicationIds) {
        const legalName = names.find((a) => a.id === applicationId)!.legalName;
        for (const [c, criterion] of sheet.criteria.entries()) await chairServer.call('scores.set', { memberId, applicationId, criterion, value: scoreOf(m, legalName, c), comment: '' });
      }
      await chairServer.call('scores.submit', { memberId });
    }
  }, 120_000);

  afterAll(async () => {
    for (const p of pages) await p.close();
    await browser?.close();
    await chairServer?.stop();
    await memberServer?.stop();
  });

  it('package out, keyboard scoring offline, signed sheet back, status and ranking', async ({ task, onTestFailed }) => {
    const chair = await browser.openApp(chairServer.url);
    const member = await browser.openApp(memberServer.url);
    pages.push(chair, member);
    onTestFailed(async () => {
      await chair.close(`${task.name}-chair`);
      await member.close(`${task.name}-member`);
    });

    // Member laptop: 本机身份 shows the fingerprint to read aloud; the identity card is exported.
    await member.page.goto(`${memberServer.origin}/#/rounds`);
    await member.page.getByRole('heading', { name: '本机身份' }).waitFor();
    const memberFingerprint = (await memberServer.call('exchange.identity', {})).fingerprint;
    expect((await member.page.getByTestId('fingerprint').innerText()).replace(/\s+/g, ' ').trim()).toBe(memberFingerprint);
    await member.page.getByLabel('身份卡上的姓名').fill(MEMBER);
    const card = await download(member.page, () => member.page.getByRole('button', { name: '导出身份卡' }).click());
    expect(card.name).toBe(`身份卡-${MEMBER}.rdid`);

    // Chair laptop: committee tab, 登记密钥 for the member, fingerprint shown in large groups.
    await chair.page.goto(`${chairServer.origin}/#/rounds/${round.roundId}/committee`);
    const row = chair.page.locator(`.exchange-table tr[data-member="${MEMBER}"]`);
    await row.getByText('未登记密钥').waitFor();
    await row.getByRole('button', { name: '登记密钥' }).click();
    const dialog = chair.page.getByRole('dialog', { name: `登记委员“${MEMBER}”的密钥` });
    await upload(chair.page, () => dialog.getByRole('button', { name: '选择该委员的身份卡文件（.rdid）' }).click(), card);
    await dialog.getByText(`身份卡姓名：${MEMBER}`).waitFor();
    expect((await dialog.getByTestId('fingerprint').innerText()).replace(/\s+/g, ' ').trim()).toBe(memberFingerprint);
    // A misheard group is refused.
    await dialog.getByLabel('输入委员读出的指纹').fill(memberFingerprint.replace(/^\d/, (d) => String((Number(d) + 1) % 10)));
    await dialog.getByRole('button', { name: '核对一致，登记' }).click();
    await dialog.getByRole('alert').getByText('核对的指纹与身份卡不一致').waitFor();
    await dialog.getByLabel('输入委员读出的指纹').fill(memberFingerprint);
    await saveScreenshot(chair.page, 'exchange-fingerprint-check');
    await dialog.getByRole('button', { name: '核对一致，登记' }).click();
    await row.getByText('已登记密钥').waitFor();
    await row.getByText('未发包').waitFor();
    const pkg = await download(chair.page, () => row.getByRole('button', { name: '导出评审包' }).click());
    expect(pkg.name).toMatch(/^评审包-.*钱雅琴\.rdpkg$/);
    await row.getByText('已发包').waitFor();

    // Member laptop: 导入评审包 — preview, the chair's fingerprint, trust on first use.
    await member.page.goto(`${memberServer.origin}/#/rounds`);
    await member.page.getByRole('button', { name: '导入评审包' }).click();
    const importDialog = member.page.getByRole('dialog', { name: '导入评审包' });
    await upload(member.page, () => importDialog.getByRole('button', { name: '选择评审包文件（.rdpkg）' }).click(), pkg);
    await importDialog.getByText('6 份申请', { exact: false }).waitFor();
    const chairFingerprint = (await chairServer.call('exchange.identity', {})).fingerprint;
    expect((await importDialog.getByTestId('fingerprint').innerText()).replace(/\s+/g, ' ').trim()).toBe(chairFingerprint);
    const importButton = importDialog.getByRole('button', { name: '导入', exact: true });
    expect(await importButton.isDisabled()).toBe(true);
    await importDialog.getByLabel('我已与组长核对指纹').check();
    await saveScreenshot(member.page, 'exchange-tofu-import');
    await importButton.click();

    // The imported round opens on scoring, with only the member's own sheet; set-up is read-only.
    await member.page.getByTestId('package-round-banner').waitFor();
    const scoring = new ScoringPage(member.page);
    await member.page.getByRole('heading', { level: 2, name: `${MEMBER} 的评分表` }).waitFor();
    await scoring.grid.waitFor();
    await expect.poll(() => scoring.focusedId(), POLL).toBe('cell-0-0');
    const rows = await scoring.rowNames();
    expect([...rows].sort()).toEqual([...APPLICANTS.map((a) => a.legalName)].sort());
    const columns = (await scoring.criterionHeaders()).length;
    for (const name of rows) for (let c = 0; c < columns; c++) await scoring.type(String(scoreOf(1, name, c)));
    await dismissToasts(member.page);
    await scoring.submit();
    const sheet = await download(member.page, () => member.page.getByRole('button', { name: '导出签名评分表' }).click());
    expect(sheet.name).toMatch(/^评分表-.*钱雅琴\.rdsheet$/);
    await member.page.getByText('已导出第 1 版。').first().waitFor();
    await dismissToasts(member.page);
    await saveScreenshot(member.page, 'exchange-member-sheet');

    // An amendment after sending: the next export asks for the reason and becomes version 2.
    const amend = await scoring.openAmend(rows[0]!);
    await amend.getByLabel('业内口碑').fill('60');
    await amend.getByLabel('更正理由（必填）').fill('看错了附件');
    await amend.getByRole('button', { name: '保存更正' }).click();
    await amend.waitFor({ state: 'detached' });
    await member.page.getByRole('button', { name: '导出签名评分表' }).click();
    const reasonDialog = member.page.getByRole('dialog', { name: '更正理由' });
    await reasonDialog.getByRole('textbox').fill('看错了附件');
    const sheet2 = await download(member.page, () => reasonDialog.getByRole('button', { name: '导出签名评分表' }).click());
    expect(sheet2.name).toMatch(/更正1\.rdsheet$/);

    // Chair laptop: 导入评分表 — accepted, status verified (version 1).
    await upload(chair.page, () => chair.page.getByRole('button', { name: '导入评分表' }).click(), sheet);
    await chair.page.getByText(`${sheet.name}：已接受，委员 ${MEMBER} 第 1 版（${rows.length * columns} 格）`).waitFor();
    await row.getByText('已收到并核验（第 1 版）').waitFor();
    await upload(chair.page, () => chair.page.getByRole('button', { name: '导入评分表' }).click(), sheet2);
    await row.getByText('已收到并核验（第 2 版）').waitFor();
    await row.getByText('1 份已被取代').waitFor();
    // The same file again is refused and the reason shown.
    await upload(chair.page, () => chair.page.getByRole('button', { name: '导入评分表' }).click(), sheet);
    await chair.page.getByText('已经导入过', { exact: false }).waitFor();
    await dismissToasts(chair.page);
    await saveScreenshot(chair.page, 'exchange-member-status');

    // Rank: the chair picks themselves at the keyboard and sees the ranking with all three sheets counted.
    await chair.page.goto(`${chairServer.origin}/#/rounds/${round.roundId}/scoring`);
    const chairScoring = new ScoringPage(chair.page);
    await chairScoring.memberSelect.waitFor();
    await chairScoring.chooseMember(MEMBERS[0]!.name);
    await chair.page.goto(`${chairServer.origin}/#/rounds/${round.roundId}/ranking`);
    await chair.page.getByText('已提交评分表：3/3 位委员', { exact: false }).waitFor();
    const results = await chairServer.call('ranking.results', { roundId: round.roundId, viewerMemberId: round.memberIds[0]! });
    expect(results.sheets.every((s) => s.submitted)).toBe(true);
    expect(results.allocation.regions.reduce((n, r) => n + r.admitted.length, 0)).toBe(3);
    expect([...chair.errors, ...member.errors]).toEqual([]);
  }, 240_000);
});
