// Names in pinyin order and found by pinyin, in Chromium against browser mode: the round's applications list
// (杭州安心 < 杭州临平 < 杭州钱塘 < 杭州西湖 < 深圳罗湖 < 深圳水贝), and the recusal picker, which lists the same
// order and narrows to 杭州西湖 on "hzxh", choosing it, so a recusal is declared without scrolling.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { POLL, useAppFixture } from './support/app';
import { setUpRound, type SetUpRound } from './support/round-data';
import { saveScreenshot } from './support/screenshots';

const PINYIN_ORDER = ['杭州安心珠宝检测技术有限公司', '杭州临平宝石鉴定服务有限公司', '杭州钱塘贵金属检测有限公司', '杭州西湖玉石鉴定中心有限公司', '深圳罗湖翡翠鉴定所有限公司', '深圳水贝黄金珠宝检测有限公司'];

async function openTab(page: Page, roundId: string, tab: 'applications' | 'committee', label: string): Promise<void> {
  await page.evaluate((hash) => void (window.location.hash = hash), `#/rounds/${roundId}/${tab}`);
  await page.getByRole('tab', { name: label, selected: true }).waitFor();
}

describe('names in pinyin order, found by pinyin', () => {
  const fixture = useAppFixture();
  let round: SetUpRound;

  beforeAll(async () => {
    await fixture.server.call('session.setUser', { name: '赵立新' });
    round = await setUpRound(fixture.server);
  });

  it('lists the applications in pinyin order', async () => {
    const { page } = await fixture.open();
    await openTab(page, round.roundId, 'applications', '申请');
    const names = page.locator('table.applications-table tbody tr td:first-child a');
    await expect.poll(() => names.allInnerTexts(), POLL).toEqual(PINYIN_ORDER);
  });

  it('finds the applicant for a recusal by its pinyin initials and declares it', async () => {
    const { page } = await fixture.open();
    await openTab(page, round.roundId, 'committee', '评审小组');
    const applicant = page.getByRole('combobox', { name: '申请机构' });
    const optionTexts = () => applicant.locator('option').allInnerTexts();
    await expect.poll(optionTexts, POLL).toEqual(['选择申请机构', ...PINYIN_ORDER]);

    await page.getByRole('searchbox', { name: '查找申请机构' }).fill('hzxh');
    await expect.poll(optionTexts, POLL).toEqual(['选择申请机构', '杭州西湖玉石鉴定中心有限公司']);
    await expect.poll(() => applicant.evaluate((s: HTMLSelectElement) => s.selectedOptions[0]?.textContent), POLL).toBe('杭州西湖玉石鉴定中心有限公司');
    await page.locator('.recusal-form').scrollIntoViewIfNeeded();
    await saveScreenshot(page, 'recusal-picker-filtered');

    await page.getByRole('searchbox', { name: '查找申请机构' }).fill('guangzhou');
    await expect.poll(optionTexts, POLL).toEqual(['选择申请机构', '杭州西湖玉石鉴定中心有限公司']); // the choice stays
    await page.getByRole('searchbox', { name: '查找申请机构' }).fill('hangzhouxihu');

    await page.getByRole('combobox', { name: '委员' }).selectOption({ label: '钱雅琴' });
    await page.getByRole('textbox', { name: '回避理由' }).fill('曾在该机构任职');
    await page.getByRole('button', { name: '登记回避' }).click();
    await page.locator('table.recusals-table').getByText('杭州西湖玉石鉴定中心有限公司').waitFor();
    const xihu = (await fixture.server.call('applications.list', { roundId: round.roundId })).find((a) => a.legalName === '杭州西湖玉石鉴定中心有限公司')!;
    expect(await fixture.server.call('recusals.list', { roundId: round.roundId })).toEqual([expect.objectContaining({ applicationId: xihu.id, memberId: round.memberIds[1], reason: '曾在该机构任职' })]);
  });
});
