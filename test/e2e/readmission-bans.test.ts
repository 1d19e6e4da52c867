// Issue 7 end to end, in Chromium against browser mode: on a finalized round, the chair records a
// re-admission ban for the round's program, dated before the reference date; the finalized screening does
// not move; the reopen confirmation lists who would become ineligible and why, and cancelling moves nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { POLL, useAppFixture } from './support/app';
import { APPLICANTS, CRITERIA, HANGZHOU, MEMBERS, scoreOf, setUpRound, type SetUpRound } from './support/round-data';
import { RankingPage, dismissToasts } from './support/round-pages';
import { saveScreenshot } from './support/screenshots';
import { syntheticCreditCode } from '../support/credit-codes';

const ANXIN = APPLICANTS[0]!.legalName;

describe('re-admission bans and the reopen preview', () => {
  const fixture = useAppFixture();
  let round: SetUpRound;

  beforeAll(async () => {
    await fixture.server.call('session.setUser', { name: '赵立新' });
    round = await setUpRound(fixture.server);
    const applications = await fixture.server.call('applications.list', { roundId: round.roundId });
    for (const [m, memberId] of round.memberIds.entries()) {
      for (const a of applications) for (const [c, criterion] of CRITERIA.entries()) await fixture.server.call('scores.set', { memberId, applicationId: a.id, criterion, value: scoreOf(m, a.legalName, c), comment: '' });
      await fixture.server.call('scores.submit', { memberId });
    }
    expect(MEMBERS).toHaveLength(3);
    await fixture.server.call('rounds.finalize', { roundId: round.roundId });
  });

  it('records a program ban on a finalized round, which stays as finalized; reopening shows the change first', async () => {
    const { page } = await fixture.open();
    await page.evaluate((hash) => void (window.location.hash = hash), `#/rounds/${round.roundId}/screening`);
    await page.getByRole('button', { name: /^再准入限制（\d+）$/ }).click();
    const dialog = page.getByRole('dialog', { name: '再准入限制' });
    // The round's program is the default choice.
    expect(await dialog.getByLabel('项目').locator('option:checked').innerText()).toBe('淘宝直播 · 安心鉴鉴定机构（本批次项目）');
    await dialog.getByLabel('统一社会信用代码').fill(syntheticCreditCode(7000));
    await dialog.getByLabel('原因').selectOption({ label: '违法或重大问题' });
    await dialog.getByLabel('清退/退出生效日期').fill('2026-11-01');
    await dialog.getByLabel('清退时服务的区域（可选，用顿号分隔）').fill(HANGZHOU);
    await dialog.getByRole('button', { name: '登记', exact: true }).click();
    const row = dialog.locator('table.bans-table tbody tr').first();
    await expect.poll(() => row.innerText(), POLL).toContain('安心鉴鉴定机构');
    expect(await row.innerText()).toContain(`区域：${HANGZHOU}`);
    expect(await row.innerText()).toContain('2026年11月1日');
    await dismissToasts(page);
    await saveScreenshot(page, 'bans-dialog');
    await dialog.getByRole('button', { name: '关闭' }).click();

    // The finalized screening does not move: every row is still eligible.
    expect(await page.locator('table.screening-table tbody tr').count()).toBe(APPLICANTS.length);
    expect(await page.getByText('资格审查未通过').count()).toBe(0);

    // Reopen: the confirmation lists the change and why, before anything moves.
    await RankingPage.open(page, round.roundId);
    await page.getByRole('button', { name: '重新开启' }).click();
    const reopen = page.getByRole('dialog', { name: '重新开启' });
    const changes = reopen.getByTestId('reopen-changes');
    await expect.poll(() => changes.innerText(), POLL).toContain(`${ANXIN} · ${HANGZHOU}：合格 → 不合格`);
    expect(await changes.innerText()).toContain('现在：');
    expect(await changes.innerText()).toContain(`${ANXIN} · ${HANGZHOU}：入选 → 资格审查未通过`);
    await saveScreenshot(page, 'reopen-preview');
    await reopen.getByRole('button', { name: '取消' }).click();
    expect((await fixture.server.call('rounds.get', { id: round.roundId })).status).toBe('finalized');
  });

  it('names the round’s applicant beside a ban and suggests applicants’ numbers as the chair types, without the round’s whole list', async () => {
    const { page } = await fixture.open();
    const calls: string[] = [];
    page.on('request', (r) => r.url().includes('/api/') && calls.push(r.url().replace(/.*\/api\//, '')));
    await page.evaluate((hash) => void (window.location.hash = hash), `#/rounds/${round.roundId}/screening`);
    await page.getByRole('button', { name: /^再准入限制（\d+）$/ }).click();
    const dialog = page.getByRole('dialog', { name: '再准入限制' });
    // The ban recorded above is for the first applicant's number: its name is shown with it.
    await expect.poll(() => dialog.locator('table.bans-table tbody tr').first().innerText(), POLL).toContain(ANXIN);
    await dialog.getByLabel('统一社会信用代码').fill('安心');
    await expect.poll(() => dialog.locator('#ban-credit-codes option').evaluateAll((os) => os.map((o) => `${(o as HTMLOptionElement).value} ${o.textContent}`)), POLL).toEqual([`${syntheticCreditCode(7000)} ${ANXIN}`]);
    expect(calls.filter((c) => c === 'applications.list')).toEqual([]);
    expect(calls).toContain('applications.namesByCode');
  });
});
