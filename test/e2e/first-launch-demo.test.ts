// First launch offers the demo round: with the box ticked, the newcomer lands in a complete round.
import { describe, expect, it } from 'vitest';
import { useAppFixture } from './support/app';

describe('first launch', () => {
  const fixture = useAppFixture();

  it('offers the demo round and opens it when asked', async () => {
    const { page } = await fixture.open();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('姓名').fill('周组长');
    await dialog.getByRole('checkbox', { name: /示例评审批次/ }).check();
    await dialog.getByRole('button', { name: '开始使用' }).click();
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: 60_000 }).toMatch(/^#\/rounds\/[0-9a-f-]{36}\/setup$/);
    await page.getByRole('heading', { name: '2026年安心鉴鉴定机构招募评审' }).waitFor();
    await page.getByRole('tab', { name: /评审小组/ }).click();
    await page.getByText('陈志远').first().waitFor();
    expect(await fixture.server.call('rounds.list', {})).toMatchObject([{ name: '2026年安心鉴鉴定机构招募评审', applicationCount: 60, memberCount: 7 }]);
  });
});
