// Cell parsers and header matching of the dossier spreadsheet (import side of shared/dossiers/columns.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cellText, columnForHeader, DOSSIER_COLUMNS, emptyDraft, normalizeHeader, parseBoolean, parseDate, parseNumber } from '../../../shared/dossiers/columns';

describe('parseBoolean', () => {
  it.each(['是', '有', 'Y', 'yes', 'TRUE', '1', '√', '✓', 'OK', '已认证', '已缴', ' 是 ', true, 1])('%j → true', (cell) => {
    expect(parseBoolean(cell)).toEqual({ value: true });
  });

  it.each(['否', '无', 'n', 'No', 'FALSE', '0', '×', '✗', '未认证', '未缴', '', '  ', null, false, 0])('%j → false (blank means no)', (cell) => {
    expect(parseBoolean(cell)).toEqual({ value: false });
  });

  it.each(['也许', 'x', '2', 2, -1, 0.5, '是的'])('%j → error.boolean', (cell) => {
    expect(parseBoolean(cell)).toEqual({ error: 'error.boolean' });
  });
});

describe('parseNumber', () => {
  it.each([
    [1000, 1000],
    [0.5, 0.5],
    ['1000', 1000],
    ['1,000.50', 1000.5],
    ['1，000', 1000], // full-width comma from a Chinese IME
    ['￥1000', 1000],
    ['¥ 38 000', 38000],
    ['-5', -5], // the sign is the schema's business (error.negative), not the parser's
    [' 500.1234 ', 500.1234],
  ])('%j → %d', (cell, value) => {
    expect(parseNumber(cell)).toEqual({ value });
  });

  it.each(['', '  ', null])('%j → no value (the schema decides whether that is allowed)', (cell) => {
    expect(parseNumber(cell)).toEqual({ value: undefined });
  });

  it.each(['50万', '1000元', 'abc', '1e5', '1.2.3', '１０００', '.5', '5.', '--5'])('%j → error.number', (cell) => {
    expect(parseNumber(cell)).toEqual({ error: 'error.number' });
  });
});

describe('parseDate', () => {
  it.each(['2019-03-05', '2019-3-5', '2019/3/5', '2019.3.5', '2019年3月5日', '2019年03月05日', '2019 年 3 月 5 日', '2019年3月5', '20190305', 20190305])(
    '%j → 2019-03-05',
    (cell) => {
      expect(parseDate(cell)).toEqual({ value: '2019-03-05' });
    },
  );

  it('passes impossible dates through unchanged; the schema rejects them with a clear message', () => {
    expect(parseDate('2023年2月30日')).toEqual({ value: '2023-02-30' });
  });

  it.each(['', null])('%j → no value', (cell) => {
    expect(parseDate(cell)).toEqual({ value: undefined });
  });

  it.each(['5/3/2019', '2019-3', '19-3-5', '2019-03-05 10:00', '三月五日', '2019030', 43529])('%j → error.date', (cell) => {
    expect(parseDate(cell)).toEqual({ error: 'error.date' });
  });

  describe('Excel date cells (UTC midnight) in a time zone west of UTC', () => {
    // Reading local fields of a UTC-midnight Date here would give the previous day.
    const saved = process.env.TZ;
    beforeAll(() => void (process.env.TZ = 'America/Los_Angeles'));
    afterAll(() => void (saved === undefined ? delete process.env.TZ : (process.env.TZ = saved)));

    it('keeps the calendar day Excel shows', () => {
      const cell = new Date(Date.UTC(2019, 2, 5));
      expect(cell.getDate()).toBe(4); // proves the zone is in effect
      expect(parseDate(cell)).toEqual({ value: '2019-03-05' });
      expect(cellText(new Date(Date.UTC(2020, 0, 1)))).toBe('2020-01-01');
    });
  });
});

describe('headers', () => {
  it('normalises spaces (incl. full-width), case, full-width brackets and colon', () => {
    expect(normalizeHeader(' 注册资本 （万元） ')).toBe('注册资本(万元)');
    expect(normalizeHeader('能力：BD拓展')).toBe('能力:bd拓展');
    expect(normalizeHeader('Credit\u3000Code')).toBe('creditcode');
  });

  it.each([
    ['注册资本（万元）', 'registeredCapitalWan'],
    ['注册资本(万元)', 'registeredCapitalWan'],
    ['注册资本 ( 万元 )', 'registeredCapitalWan'],
    ['Registered Capital', 'registeredCapitalWan'],
    ['Registered capital (10k CNY)', 'registeredCapitalWan'],
    ['CREDIT CODE', 'creditCode'],
    ['USCC', 'creditCode'],
    ['社会信用代码', 'creditCode'],
    ['Legal Name', 'legalName'],
    ['企业名称', 'legalName'],
    ['已缴保证金(元)', 'depositPaidYuan'],
    ['E-mail', 'contact.email'],
    ['手机', 'contact.phone'],
    ['Contact Name', 'contact.name'],
    ['能力:BD拓展', 'capability.bd'],
    ['BD拓展', 'capability.bd'],
    ['Capability Sourcing', 'capability.sourcing'],
    ['纳税人', 'taxpayerType'],
    ['Remarks', 'notes'],
  ])('%j → %s', (header, key) => {
    expect(columnForHeader(header)?.key).toBe(key);
  });

  it.each(['未知列', '注册资本万元', 'credit', ''])('%j matches no column', (header) => {
    expect(columnForHeader(header)).toBeUndefined();
  });

  it('gives every header and alias to exactly one column (no alias shadows another column)', () => {
    for (const column of DOSSIER_COLUMNS) {
      for (const name of [column.header, ...column.aliases]) expect(columnForHeader(name)?.key, name).toBe(column.key);
    }
  });
});

describe('applying cells to a draft', () => {
  const column = (key: string) => DOSSIER_COLUMNS.find((c) => c.key === key)!;

  it('collects capabilities in the seed order whatever the column order', () => {
    const draft = emptyDraft();
    for (const [key, cell] of [['capability.sourcing', '是'], ['capability.traffic', '否'], ['capability.bd', 'Y']] as const) {
      expect(column(key).apply(cell, draft)).toBeNull();
    }
    expect(draft.capabilities).toEqual(['bd', 'sourcing']);
  });

  it('reads taxpayer words in Chinese and English, and reports anything else', () => {
    const draft = emptyDraft();
    expect(column('taxpayerType').apply('小规模', draft)).toBeNull();
    expect(draft.taxpayerType).toBe('small');
    expect(column('taxpayerType').apply('General', draft)).toBeNull();
    expect(draft.taxpayerType).toBe('general');
    expect(column('taxpayerType').apply('个体户', draft)).toBe('error.taxpayerType');
    // Words are looked up as own keys only: Object.prototype's names are not taxpayer types.
    expect(column('taxpayerType').apply('constructor', draft)).toBe('error.taxpayerType');
    expect(column('taxpayerType').apply('toString', draft)).toBe('error.taxpayerType');
  });

  it('fills the first contact field by field', () => {
    const draft = emptyDraft();
    column('contact.name').apply('李娜', draft);
    column('contact.phone').apply(13800138000, draft);
    expect(draft.contacts).toEqual([{ name: '李娜', phone: '13800138000', email: '' }]);
  });

  it('leaves an empty price as "no quote" and an empty required number for the schema to report', () => {
    const draft = emptyDraft();
    expect(column('priceQuoteYuan').apply('', draft)).toBeNull();
    expect(draft.priceQuoteYuan).toBeNull();
    expect(column('registeredCapitalWan').apply('', draft)).toBeNull();
    expect(draft.registeredCapitalWan).toBeUndefined();
    expect(column('registeredCapitalWan').apply('50万', draft)).toBe('error.number');
  });
});
