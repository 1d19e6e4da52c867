// Screenshots for people to look at (STYLE.md: "Screenshots … are looked at, not only produced"), saved to
// test-results/screenshots/ (gitignored). Taken only once the bundled Noto Sans SC has loaded: this machine
// has no system CJK font, so a shot taken earlier would show tofu boxes, and so would a build that stopped
// bundling the font, which is exactly what these checks are for.
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { REPO_ROOT, VIEWPORT } from './app';

export const SCREENSHOT_DIR = path.join(REPO_ROOT, 'test-results', 'screenshots');

/** Saves a viewport screenshot as `<name>.png` and returns its path; fails unless it is 1280×800 in the app's own font. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  const loadedFaces = await page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].filter((face) => face.family.replace(/["']/g, '') === 'Noto Sans SC' && face.status === 'loaded').length;
  });
  if (loadedFaces === 0) throw new Error(`screenshot ${name}: the bundled Noto Sans SC font is not loaded, Chinese would not render`);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  const png = await page.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
  // PNG IHDR: width and height are big-endian at bytes 16 and 20.
  const size = { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
  if (size.width !== VIEWPORT.width || size.height !== VIEWPORT.height) throw new Error(`screenshot ${name} is ${size.width}×${size.height}, expected ${VIEWPORT.width}×${VIEWPORT.height}`);
  return file;
}
