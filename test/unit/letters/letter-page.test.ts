// The letter layout renders to HTML (react-dom/server in node: jsdom is not installed) with the Chinese
// name, the credit code and the re-admission date; a letter with an empty field is refused before issuing.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { checkIssuable, missingFields, renderLetter } from '../../../shared/letters';
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
    expect(html).toContain('评审终字〔2026〕第001号');
    expect(html).toMatch(/^<article class="letter-page" data-kind="terminationNotice" lang="zh-CN">/);
    expect(html).toContain('<h1 class="letter-title"><span>终止合作通知</span></h1>');
    expect(html).toContain(`<p class="letter-salutation"><span class="letter-value" data-field="addressee">${ADDRESSEE}</span><span>：</span></p>`);
    expect(html).toMatch(/<div class="letter-signature"><p>.*淘宝直播平台.*<\/p><p>.*区域产业服务商评审小组.*<\/p><p>.*2026年11月23日.*<\/p><\/div>/);
    expect(html).not.toContain('letter-missing');
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
    expect(html).toContain('<mark class="letter-missing" data-field="creditCode">〔缺：统一社会信用代码〕</mark>');
    expect(html).toContain('以下内容尚未填写，函件不能发出：');
  });
});

describe('LetterBatch', () => {
  it('renders one page per letter', () => {
    const letters = ['甲公司', '乙公司', '丙公司'].map((addressee) => renderLetter(template, { ...terminationFields, addressee }));
    const html = renderToStaticMarkup(createElement(LetterBatch, { letters }));
    expect(html.match(/<article class="letter-page"/g)).toHaveLength(3);
    for (const name of ['甲公司', '乙公司', '丙公司']) expect(html).toContain(name);
  });
});
