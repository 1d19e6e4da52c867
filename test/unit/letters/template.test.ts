// Letter templates: the line marks, placeholders, missing-field refusal, template problems, plain text.
import { describe, expect, it } from 'vitest';
import {
  buildLetterFields,
  checkIssuable,
  fieldsUsed,
  fieldText,
  letterFieldsSchema,
  letterPlainText,
  letterTemplateSchema,
  missingFields,
  readmissionText,
  renderLetter,
  renderedLetterSchema,
  templateProblems,
  type LetterTemplate,
} from '../../../shared/letters';
import { ADDRESSEE, builtin, CREDIT_CODE, terminationFacts, terminationFields } from './sample';

const small: LetterTemplate = {
  kind: 'nonSelectionNotice',
  text: ['# 未入选通知', '> {{letterNumber}}', '', '{{addressee}}：', '　　感谢贵司参与{{program}}评审。', '未入选原因：{{reason}}。', '> {{issuerName}}', '> {{letterDate}}'].join('\n'),
};

describe('renderLetter', () => {
  it('lays the lines out as title, number, salutation, paragraphs and signature', () => {
    const letter = renderLetter(small, { letterNumber: '〔2026〕第003号', addressee: '甲公司', program: '安心鉴', reason: '综合得分未进入名额', issuerName: '淘宝直播平台', letterDate: '2026年11月23日' });
    expect(letter).toEqual({
      kind: 'nonSelectionNotice',
      layout: 'gbt9704',
      blocks: [
        { role: 'title', spans: [{ text: '未入选通知' }] },
        { role: 'reference', lines: [[{ field: 'letterNumber', value: '〔2026〕第003号' }]] },
        { role: 'salutation', spans: [{ field: 'addressee', value: '甲公司' }, { text: '：' }] },
        { role: 'paragraph', spans: [{ text: '感谢贵司参与' }, { field: 'program', value: '安心鉴' }, { text: '评审。' }] },
        { role: 'paragraph', spans: [{ text: '未入选原因：' }, { field: 'reason', value: '综合得分未进入名额' }, { text: '。' }] },
        { role: 'signature', lines: [[{ field: 'issuerName', value: '淘宝直播平台' }], [{ field: 'letterDate', value: '2026年11月23日' }]] },
      ],
    });
  });

  it('lays out the GB/T 9704 head: letterhead, number above the title, red line; and the 版记 after the signature', () => {
    const text = ['！ {{issuerName}}', '> {{letterNumber}}', '---', '# 终止合作通知', '{{addressee}}：', '正文。', '> {{issuerName}}', '> {{letterDate}}', '｜ 抄送：{{copyTo}}', '| {{issuerDepartment}}　　{{letterDate}}印发'].join('\n');
    const fields = { issuerName: '淘宝直播平台', letterNumber: '评审终字〔2026〕1号', addressee: '甲公司', letterDate: '2026年11月23日', issuerDepartment: '评审小组', copyTo: '运营部' };
    const letter = renderLetter({ kind: 'terminationNotice', text }, fields);
    expect(letter.blocks.map((b) => b.role)).toEqual(['letterhead', 'reference', 'rule', 'title', 'salutation', 'paragraph', 'signature', 'record']);
    expect(letter.blocks[7]).toEqual({
      role: 'record',
      lines: [
        [{ text: '抄送：' }, { field: 'copyTo', value: '运营部' }],
        [{ field: 'issuerDepartment', value: '评审小组' }, { text: '　　' }, { field: 'letterDate', value: '2026年11月23日' }, { text: '印发' }],
      ],
    });
    expect(letterPlainText(letter).split('\n').slice(0, 4)).toEqual(['淘宝直播平台', '评审终字〔2026〕1号', '终止合作通知', '']);
  });

  it('leaves out a 版记 line with an empty value, and never asks for its fields (抄送 is optional)', () => {
    const text = '> {{letterNumber}}\n# 整改通知\n{{addressee}}：\n正文。\n> {{letterDate}}\n| 抄送：{{copyTo}}\n| 承办：{{issuerDepartment}}';
    const letter = renderLetter({ kind: 'selectionNotice', text }, { letterNumber: '〔2026〕1号', addressee: '甲', letterDate: '2026年1月1日', issuerDepartment: '评审小组' });
    expect(letter.blocks.at(-1)).toEqual({ role: 'record', lines: [[{ text: '承办：' }, { field: 'issuerDepartment', value: '评审小组' }]] });
    expect(missingFields(text, { letterNumber: '1', addressee: '甲', letterDate: 'd' })).toEqual([]);
    // A required field only in a 版记 line would be left out when empty: it does not count as present.
    expect(templateProblems({ kind: 'selectionNotice', text: '# 入选通知\n> {{letterNumber}}\n{{addressee}}：\n{{region}}\n> {{issuerName}}\n> {{letterDate}}\n| {{program}}' })).toEqual([{ code: 'requiredFieldAbsent', field: 'program' }]);
  });

  it('accepts the full-width ＃ and ＞ a Chinese input method types, and ignores indentation typed by hand', () => {
    const letter = renderLetter({ kind: 'selectionNotice', text: '＃ 入选通知\n＞ 第1号\n　　正文' }, {});
    expect(letter.blocks.map((b) => b.role)).toEqual(['title', 'reference', 'paragraph']);
    expect(letter.blocks[2]).toEqual({ role: 'paragraph', spans: [{ text: '正文' }] });
  });

  it('only a first line ending in a colon is the salutation', () => {
    const letter = renderLetter({ kind: 'selectionNotice', text: '# 通知\n正文第一段。\n第二段：' }, {});
    expect(letter.blocks.map((b) => b.role)).toEqual(['title', 'paragraph', 'paragraph']);
  });

  it('marks empty values as missing instead of printing them blank', () => {
    const letter = renderLetter(small, { addressee: '  ', program: '安心鉴' });
    expect(letter.blocks[2]).toEqual({ role: 'salutation', spans: [{ missing: 'addressee' }, { text: '：' }] });
    expect(letterPlainText(letter)).toContain('{{addressee}}：');
  });

  it('keeps a placeholder with an unknown name as literal text', () => {
    const letter = renderLetter({ kind: 'selectionNotice', text: '# 通知\n请{{contractor}}签字' }, {});
    expect(letter.blocks[1]).toEqual({ role: 'paragraph', spans: [{ text: '请{{contractor}}签字' }] });
  });

  it('renders plain JSON that the archive schema accepts unchanged', () => {
    const letter = renderLetter(builtin.templates.terminationNotice, terminationFields);
    expect(renderedLetterSchema.parse(JSON.parse(JSON.stringify(letter)))).toEqual(letter);
  });
});

describe('fieldText', () => {
  it('prints one line and leaves the punctuation to the template', () => {
    expect(fieldText({ reason: ' 贵司不符合平台考核要求。 ' }, 'reason')).toBe('贵司不符合平台考核要求');
    expect(fieldText({ reason: '第一行\n 第二行；' }, 'reason')).toBe('第一行 第二行');
    expect(fieldText({}, 'reason')).toBe('');
  });
});

describe('missingFields', () => {
  it('lists every empty placeholder once, in order of first use', () => {
    const text = '# {{program}}\n{{addressee}}：\n{{reason}}{{addressee}}{{clause}}\n> {{letterDate}}';
    expect(missingFields(text, { program: '安心鉴', reason: ' ', clause: '' })).toEqual(['addressee', 'reason', 'clause', 'letterDate']);
    expect(missingFields(text, { program: 'a', addressee: 'b', reason: 'c', clause: 'd', letterDate: 'e' })).toEqual([]);
  });

  it('ignores fields the template does not use', () => {
    expect(missingFields(small, { letterNumber: '1', addressee: '甲', program: 'p', reason: 'r', issuerName: 'i', letterDate: 'd' })).toEqual([]);
  });

  it('refuses a termination notice whose re-admission date the chair has not set yet', () => {
    const fields = buildLetterFields({ ...terminationFacts, readmission: { kind: 'chairSets' } }, builtin.phrases);
    expect(missingFields(builtin.templates.terminationNotice, fields)).toEqual(['readmissionDate']);
  });
});

describe('templateProblems', () => {
  it('finds nothing wrong with the built-in templates', () => {
    for (const template of Object.values(builtin.templates)) expect(templateProblems(template), template.kind).toEqual([]);
  });

  it('reports a missing title, unknown and malformed placeholders', () => {
    expect(templateProblems({ kind: 'selectionNotice', text: '{{addressee}}：\n{{foo}} {{ program }\n{addressee}}' })).toEqual([
      { code: 'noTitle' },
      { code: 'unknownField', name: 'foo' },
      { code: 'malformedPlaceholder', text: '{{foo}} {{ program }' },
      { code: 'malformedPlaceholder', text: '{addressee}}' },
      { code: 'requiredFieldAbsent', field: 'program' },
      { code: 'requiredFieldAbsent', field: 'region' },
      { code: 'requiredFieldAbsent', field: 'letterNumber' },
      { code: 'requiredFieldAbsent', field: 'letterDate' },
      { code: 'requiredFieldAbsent', field: 'issuerName' },
    ]);
  });

  it('will not let the chair edit the reason, clause, dates or re-admission out of a termination notice', () => {
    const text = builtin.templates.terminationNotice.text.replace('{{clause}}', '有关规则').replace('贵司{{readmissionDate}}', '贵司可再申请');
    expect(templateProblems({ kind: 'terminationNotice', text })).toEqual([
      { code: 'requiredFieldAbsent', field: 'clause' },
      { code: 'requiredFieldAbsent', field: 'readmissionDate' },
    ]);
  });

  it('turns problems into schema issues that name them', () => {
    const parsed = letterTemplateSchema.safeParse({ kind: 'selectionNotice', text: '# 入选通知\n{{foo}}' });
    expect(parsed.success).toBe(false);
    const params = parsed.error!.issues.map((i) => (i as { params?: Record<string, unknown> }).params);
    expect(params).toContainEqual({ problem: 'unknownField', name: 'foo' });
    expect(params).toContainEqual({ problem: 'requiredFieldAbsent', field: 'region' });
    expect(parsed.error!.issues.every((i) => i.message === 'error.invalid')).toBe(true);
  });
});

describe('letterFieldsSchema', () => {
  it('accepts known fields, refuses unknown names and line breaks', () => {
    expect(letterFieldsSchema.safeParse({ addressee: '甲', reason: '' }).success).toBe(true);
    expect(letterFieldsSchema.safeParse({ addresse: '甲' }).success).toBe(false);
    expect(letterFieldsSchema.safeParse({ addressee: '甲\n乙' }).success).toBe(false);
  });
});

describe('re-admission clause', () => {
  it.each([
    [{ kind: 'date', until: '2027-05-22' } as const, '自2027年5月22日起方可再次提交准入申请'],
    [{ kind: 'never' } as const, '永久不允许再入驻'],
    [{ kind: 'whenRequirementsMet' } as const, '重新满足平台准入要求后方可再次提交准入申请'],
    [{ kind: 'chairSets' } as const, ''],
    [null, ''],
  ])('%j → %s', (readmission, text) => {
    expect(readmissionText(readmission, builtin.phrases)).toBe(text);
  });
});

describe('checkIssuable and the termination notice', () => {
  it('issues the built-in termination notice with every required statement (golden plain text)', () => {
    const check = checkIssuable(builtin.templates.terminationNotice, terminationFields);
    expect(check.ok).toBe(true);
    if (!check.ok) return;
    expect(check.text).toBe(
      [
        '评审终字〔2026〕1号',
        '终止合作通知',
        '',
        `${ADDRESSEE}：`,
        `　　贵司（统一社会信用代码：${CREDIT_CODE}）系淘宝直播区域产业服务商项目合作方，服务区域为杭州珠宝直播产业带。`,
        '　　因贵司不符合平台考核要求，根据《淘宝直播区域产业服务商管理规则》第一条（二）2（2）的规定，淘宝直播平台决定自2026年11月23日起终止与贵司的合作，双方签署的相关合作协议同日解除。贵司的淘宝直播区域产业服务商认证角色一并取消。',
        '　　贵司已缴纳的保证金按《淘宝直播机构保证金管理规则》及双方协议约定处理。',
        '　　合作终止后，贵司仍应妥善处理合作期间已发生业务的结算、交付及投诉处理等事宜，并不得再以平台合作方名义开展招商、宣传等任何活动。',
        '　　依据平台再准入标准，贵司自2027年5月22日起方可再次提交准入申请。',
        '　　如有疑问，请联系区域产业服务商评审小组：王敏，电话0571-8888 6666，邮箱zhubaojidi@service.alibaba.com。',
        '　　特此通知。',
        '',
        '淘宝直播平台',
        '2026年11月23日',
        '',
      ].join('\n'),
    );
  });

  it('refuses to issue while a field is empty, and says which', () => {
    const check = checkIssuable(builtin.templates.terminationNotice, { ...terminationFields, creditCode: '', effectiveDate: ' ' });
    expect(check).toEqual({ ok: false, problems: [], missing: ['creditCode', 'effectiveDate'] });
    // The agreement ended and the deposit are stated in every built-in termination notice.
    const withoutDeposit = checkIssuable(builtin.templates.terminationNotice, { ...terminationFields, agreement: '', deposit: '' });
    expect(withoutDeposit).toMatchObject({ ok: false, missing: ['agreement', 'deposit'] });
  });

  it('refuses to issue from a broken template even when the fields are complete', () => {
    const check = checkIssuable({ kind: 'terminationNotice', text: '# 终止合作通知\n{{addressee}}：' }, terminationFields);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.problems.map((p) => p.code)).toContain('requiredFieldAbsent');
  });

  it('asks for a deadline only in the letters that set one (rectification, contract signing)', () => {
    expect(fieldsUsed(builtin.templates.terminationNotice.text)).not.toContain('deadline');
    expect(fieldsUsed(builtin.templates.rectificationNotice.text)).toContain('deadline');
    expect(fieldsUsed(builtin.templates.selectionNotice.text)).toContain('deadline');
  });
});
