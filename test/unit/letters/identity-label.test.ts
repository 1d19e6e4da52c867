// A letter to a person (个人, 《精选联盟资质认证》) names the number as 身份证号, not 统一社会信用代码: the label the
// template puts before {{creditCode}} follows the number's kind; an organisation's letter is unchanged.
import { describe, expect, it } from 'vitest';
import { letterPlainText, parseLetterPack, renderLetter, type LetterTemplate } from '../../../shared/letters';
import builtIn from '../../../resources/letters/zh-CN.json';

const template: LetterTemplate = {
  kind: 'selectionNotice',
  text: ['# 入选通知', '', '{{addressee}}：', '　　感谢您（统一社会信用代码：{{creditCode}}）参与{{program}}评审。', '> {{letterDate}}'].join('\n'),
};
const text = (creditCode: string, addressee: string) => letterPlainText(renderLetter(template, { addressee, creditCode, program: '精选联盟', letterDate: '2026年12月6日' }));

describe('the identity label in letters', () => {
  it('says 身份证号 before a person’s number, shown in full', () => {
    expect(text('11010519491231002X', '王小丽')).toContain('感谢您（身份证号：11010519491231002X）参与精选联盟评审。');
  });
  it('keeps 统一社会信用代码 before a credit code', () => {
    expect(text('91330100716105852F', '杭州示例有限公司')).toContain('（统一社会信用代码：91330100716105852F）');
  });
  it('addresses a person as 您 where the built-in notice says 贵司, in the template and in the filled-in reason', () => {
    const { templates } = parseLetterPack(builtIn);
    const fields = { addressee: '王小丽', creditCode: '11010519491231002X', program: '精选联盟', region: '杭州', reason: '贵司未达到考核要求', clause: '《精选联盟资质认证》', platform: '淘宝', effectiveDate: '2026年12月6日', letterDate: '2026年12月6日' };
    const person = letterPlainText(renderLetter(templates.terminationNotice, fields));
    expect(person).toContain('您（身份证号：11010519491231002X）系精选联盟项目合作方');
    expect(person).toContain('因您未达到考核要求');
    expect(person).toContain('终止与您的合作');
    expect(person).not.toContain('贵司');
    const company = letterPlainText(renderLetter(templates.terminationNotice, { ...fields, addressee: '杭州示例有限公司', creditCode: '91330100716105852F' }));
    expect(company).toContain('贵司（统一社会信用代码：91330100716105852F）');
    expect(company).toContain('因贵司未达到考核要求');
    expect(company).not.toContain('您');
  });
});
