// The history fingerprint on a letter sheet (issue 9): printed from the archived content, always in
// Chinese whatever the screen's language, and absent on letters archived before it existed (they reprint
// exactly as they were).
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { afterEach, describe, expect, it } from 'vitest';
import type { RenderedLetter } from '../../../shared/letters';
import { LetterPage } from '../../../renderer/features/letters';
import { useLocale } from '../../../renderer/i18n/i18n';

const legacy: RenderedLetter = { kind: 'terminationNotice', layout: 'gbt9704', blocks: [{ role: 'title', spans: [{ text: '终止合作通知' }] }, { role: 'record', lines: [[{ text: '抄送：淘宝直播' }]] }] };
const issued: RenderedLetter = { ...legacy, chainFingerprint: '3f2a 91c0 7be4 0d15' };

describe('the fingerprint on a letter sheet', () => {
  afterEach(() => useLocale.getState().setLocale('zh-CN'));

  it('prints the archived fingerprint after the 版记, in Chinese even when the screen is in English', () => {
    for (const locale of ['zh-CN', 'en'] as const) {
      useLocale.getState().setLocale(locale);
      const html = renderToStaticMarkup(createElement(LetterPage, { letter: issued }));
      expect(html).toContain('<p class="letter-fingerprint" data-fingerprint="3f2a 91c0 7be4 0d15">修改记录核验码：3f2a 91c0 7be4 0d15</p>');
      expect(html.indexOf('letter-fingerprint')).toBeGreaterThan(html.indexOf('letter-record'));
    }
  });

  it('prints nothing of the kind on a letter archived without one', () => {
    expect(renderToStaticMarkup(createElement(LetterPage, { letter: legacy }))).not.toContain('核验码');
  });
});
