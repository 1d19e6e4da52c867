// Screenshots of one state in both languages (issue 11: "each changed page at 1280×800 in zh-CN and English").
// The language switch in the top bar is clicked through the DOM so it works under an open dialog, whose
// backdrop would take a pointer click; the state (dialog, typed text) stays as it is.
import type { Page } from 'playwright-core';
import { saveScreenshot } from './screenshots';

async function switchLanguage(page: Page, to: 'zh-CN' | 'en'): Promise<void> {
  await page.evaluate((lang) => {
    if (document.documentElement.lang !== lang) document.querySelector<HTMLButtonElement>(`header button[lang="${lang}"]`)?.click();
  }, to);
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
}

/** Saves `<name>.png` (zh-CN) and `<name>-en.png` (English), leaving the page in zh-CN. */
export async function saveBothLanguages(page: Page, name: string): Promise<void> {
  await saveScreenshot(page, name);
  await switchLanguage(page, 'en');
  await saveScreenshot(page, `${name}-en`);
  await switchLanguage(page, 'zh-CN');
}
