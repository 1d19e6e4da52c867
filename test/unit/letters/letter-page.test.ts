// The letter layout renders to HTML (react-dom/server in node: jsdom is not installed) with the Chinese
// name, the credit code and the re-admission date; a letter with an empty field is refused before issuing.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { checkIssuable, missingFields, renderLetter, setLetterhead, setRedLine } from '../../../shared/letters';
// Through the feature's index (.ts): importing the .tsx modules directly from the test project (which has no
// jsx setting) makes `tsc -b` report TS6305 although their declarations are built.
import { LetterBatch, LetterPage, LetterPreview } from '../../../renderer/features/letters';
import { ADDRESSEE, builtin, CREDIT_CODE, terminationFields } from './sample';

const template = builtin.templates.terminationNotice;

describe('LetterPage', () => {
  it('renders the termination notice with the name, credit code and re-admission date', () => {
    const check = checkIssuable(template, terminationFields);
    if (!check.ok) throw new Error(`not issuable: ${JSON.stringify(check)}`);
    const html = renderToStaticMarkup(createElement(LetterPage, { letter: check.letter }));
    expect(html).toContain(ADDRESSEE);
    expect(html).toContain(CREDIT_CODE);
    expect(html).toContain('2027年5月22日');
    expect(html).toContain('评审终字〔2026〕1号');
    // Its own named page (page numbers counted per letter), then the sheet in the GB/T 9704 layout.
    expect(html).toMatch(/^<style>@page letter-sheet-0 \{[^]*<\/style><article class="letter-page" data-kind="terminationNotice" data-layout="gbt9704" data-sheet="0" style="page:letter-sheet-0" lang="zh-CN">/);
    // 发文字号 centred above the title (GB/T 9704 §7.2.4).
    expect(html).toContain('<div class="letter-reference letter-number-head"><p><span class="letter-value" data-field="letterNumber">评审终字〔2026〕1号</span></p></div><h1 class="letter-title"><span>终止合作通知</span></h1>');
    expect(html).toContain(`<p class="letter-salutation"><span class="letter-value" data-field="addressee">${ADDRESSEE}</span><span>：</span></p>`);
    // The last body paragraph, the issuer and the date in one block that never breaks across pages.
    expect(html).toMatch(/<div class="letter-closing"><p class="letter-paragraph"><span>特此通知。<\/span><\/p><div class="letter-signature"><p>.*淘宝直播平台.*<\/p><p>.*2026年11月23日.*<\/p><\/div><\/div>/);
    // 版记: no 抄送 line when nobody is copied (and so no 版记 at all).
    expect(html).not.toContain('letter-record');
    expect(html).not.toContain('抄送');
    expect(html).not.toContain('letter-missing');
  });

  it('reprints a letter archived before the GB/T layout as it was issued: number under the title, no page box', () => {
    const legacy = { kind: 'terminationNotice' as const, blocks: [
      { role: 'title' as const, spans: [{ text: '终止合作通知' }] },
      { role: 'reference' as const, lines: [[{ field: 'letterNumber' as const, value: '评审终字〔2026〕第001号' }]] },
      { role: 'paragraph' as const, spans: [{ text: '特此通知。' }] },
      { role: 'signature' as const, lines: [[{ text: '淘宝直播平台' }]] },
    ] };
    const html = renderToStaticMarkup(createElement(LetterPage, { letter: legacy }));
    expect(html).toBe('<article class="letter-page" data-kind="terminationNotice" data-layout="legacy" lang="zh-CN"><h1 class="letter-title"><span>终止合作通知</span></h1><div class="letter-reference"><p><span class="letter-value" data-field="letterNumber">评审终字〔2026〕第001号</span></p></div><p class="letter-paragraph"><span>特此通知。</span></p><div class="letter-signature"><p><span>淘宝直播平台</span></p></div></article>');
  });

  it('sets a 版记 印发 line to the left and right edges, keeping its text', () => {
    const text = `${template.text}\n| {{issuerDepartment}}　　{{letterDate}}印发`;
    const html = renderToStaticMarkup(createElement(LetterPage, { letter: renderLetter({ ...template, text }, { ...terminationFields, copyTo: '运营部' }) }));
    expect(html).toContain('<div class="letter-record"><p><span>抄送：</span><span class="letter-value" data-field="copyTo">运营部</span></p><p class="letter-record-split"><span><span class="letter-value" data-field="issuerDepartment">区域产业服务商评审小组</span></span><span class="letter-record-gap">　　</span><span><span class="letter-value" data-field="letterDate">2026年11月23日</span><span>印发</span></span></p></div>');
  });

  it('draws the letterhead and the red line when the template has them', () => {
    const text = setRedLine(setLetterhead(template.text, true), true);
    const html = renderToStaticMarkup(createElement(LetterPage, { letter: renderLetter({ ...template, text }, terminationFields) }));
    expect(html).toContain('<div class="letter-letterhead"><span class="letter-value" data-field="issuerName">淘宝直播平台</span></div><div class="letter-reference letter-number-head">');
    expect(html).toContain('</div><div class="letter-rule letter-rule-red" role="separator"></div><h1 class="letter-title">');
  });

  it('escapes values: a name is text, never markup', () => {
    const html = renderToStaticMarkup(createElement(LetterPage, { letter: renderLetter(template, { ...terminationFields, addressee: '<b>甲</b>' }) }));
    expect(html).toContain('&lt;b&gt;甲&lt;/b&gt;');
  });

  it('refuses a letter with an empty field, and the preview marks it instead of printing a blank', () => {
    const fields = { ...terminationFields, creditCode: '' };
    expect(missingFields(template, fields)).toEqual(['creditCode']);
    expect(checkIssuable(template, fields).ok).toBe(false);
    const html = renderToStaticMarkup(createElement(LetterPreview, { template, fields }));
    expect(html).toContain('<mark class="letter-missing" data-field="creditCode">〔缺：统一社会信用代码/身份证号〕</mark>');
    expect(html).toContain('以下内容尚未填写，函件不能发出：');
  });
});

describe('LetterBatch', () => {
  it('renders one page per letter', () => {
    const letters = ['甲公司', '乙公司', '丙公司'].map((addressee) => renderLetter(template, { ...terminationFields, addressee }));
    const html = renderToStaticMarkup(createElement(LetterBatch, { letters }));
    expect(html.match(/<article class="letter-page"/g)).toHaveLength(3);
    // Each letter its own named page, so each numbers its pages from — 1 —.
    expect(html.match(/@page letter-sheet-\d+ \{/g)).toEqual(['@page letter-sheet-0 {', '@page letter-sheet-1 {', '@page letter-sheet-2 {']);
    expect(html).toContain('counter-increment: letter-sheet-2-n');
    for (const name of ['甲公司', '乙公司', '丙公司']) expect(html).toContain(name);
  });
});
