// The app's minimum window (1,024 × 768, electron/main's minWidth) in both languages: no page is wider than the
// window. English words are wider than the Chinese: at 1,024 px the English top bar ran 6 px past the edge (and,
// once it fitted, cut the brand to "Review …"), the ranking table pushed its reason column out of view and the KPI
// rule cards ran their descriptions out of the card. Each page is opened with data in it (a round scored and
// submitted, so its ranking shows), and every element is checked against the window's right edge.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { useAppFixture } from './support/app';
import { scoreAndSubmitAll, setUpRound } from './support/round-data';
import { ROUND_TABS } from '../../renderer/app/router';

/** What sticks out past the window's right edge: the elements, and the page's own horizontal scroll. */
function overflow(page: Page) {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const past = [...document.querySelectorAll<HTMLElement>('body *')]
      .filter((el) => {
        const rect = el.getBoundingClientRect();
        return rect.width > 0 && rect.right > width + 1;
      })
      .map((el) => `${el.tagName.toLowerCase()}${el.className ? `.${String(el.className).replace(/\s+/g, '.')}` : ''} (right edge ${Math.round(el.getBoundingClientRect().right)}): ${(el.innerText ?? '').slice(0, 40).replace(/\s+/g, ' ')}`);
    // The brand may lose its tagline, not its name (the brand box cuts what does not fit with an ellipsis).
    const brand = document.querySelector<HTMLElement>('.topbar .brand')!;
    const name = brand.querySelector<HTMLElement>('.brand-name')!.getBoundingClientRect();
    const brandNameCut = name.right > brand.getBoundingClientRect().right + 1;
    return { pageScrollsSideways: document.documentElement.scrollWidth > width + 1, brandNameCut, past: past.slice(0, 5) };
  });
}

describe('the minimum window, 1,024 × 768', () => {
  const fixture = useAppFixture();

  it('no page is wider than the window, in Chinese or in English', async () => {
    await fixture.server.call('session.setUser', { name: '赵立新' });
    const round = await setUpRound(fixture.server);
    await scoreAndSubmitAll(fixture.server, round);
    const { page } = await fixture.open();
    await page.setViewportSize({ width: 1024, height: 768 });
    const pages = ['#/dossiers', '#/dossiers/new', '#/import', '#/rounds', ...ROUND_TABS.map((tab) => `#/rounds/${round.roundId}/${tab}`), '#/cooperations', '#/assessments', '#/letters', '#/backup'];
    for (const lang of ['zh-CN', 'en'] as const) {
      await page.evaluate((to) => {
        if (document.documentElement.lang !== to) document.querySelector<HTMLButtonElement>(`header button[lang="${to}"]`)?.click();
      }, lang);
      await page.waitForFunction((to) => document.documentElement.lang === to, lang);
      for (const hash of pages) {
        await page.evaluate((h) => void (window.location.hash = h), hash);
        // The page's heading, then its content: no loading line left (a page checked while loading would pass).
        await page.locator('main h1').first().waitFor();
        await page.waitForFunction(() => !/正在加载|Loading/.test(document.querySelector('main')?.textContent ?? ''));
        if (hash.endsWith('/ranking')) await page.locator('table.ranking-table tbody tr[data-application]').first().waitFor();
        expect({ lang, hash: hash.replace(round.roundId, ':round'), ...(await overflow(page)) }).toEqual({ lang, hash: hash.replace(round.roundId, ':round'), pageScrollsSideways: false, brandNameCut: false, past: [] });
      }
    }
  }, 180_000);
});
