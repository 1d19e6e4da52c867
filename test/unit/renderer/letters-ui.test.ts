// The letters UI's pure helpers: the archive's filter (kind, numbering year, provider search), the issue
// dialog's fields and starting values, the template editor's sample letter; and the 作废 watermark on a sheet.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import zh from '../../../resources/locales/zh-CN/letters.json';
import { checkIssuable, type RenderedLetter } from '../../../shared/letters';
import type { IssuedLetter } from '../../../shared/cooperations/views';
import { archiveYears, filterLetters, letterYear, type ArchiveFilter } from '../../../renderer/features/letters/archive-filter';
import { editableFields, startingFields, yearOfLetterDate } from '../../../renderer/features/letters/issue-fields';
import { exampleNumber, sampleFields } from '../../../renderer/features/letters/sample-fields';
import { LetterPage } from '../../../renderer/features/letters';
import { builtin } from '../letters/sample';

const content: RenderedLetter = { kind: 'terminationNotice', blocks: [{ role: 'title', spans: [{ text: '终止合作通知' }] }] };
const letter = (over: Partial<IssuedLetter>): IssuedLetter => ({
  id: 'x',
  kind: 'terminationNotice',
  number: '评审终字〔2026〕第001号',
  dossierId: 1,
  cooperationId: null,
  runId: null,
  fields: { addressee: '甲公司', creditCode: '91330100716105852F' },
  content,
  sha256: '0'.repeat(64),
  integrity: 'ok',
  chainHead: null,
  issuedAt: '2026-11-23T02:00:00.000Z',
  issuedBy: '赵立新',
  voidedAt: null,
  voidReason: null,
  backdateReason: null,
  ...over,
});
const all: ArchiveFilter = { kind: '', year: null, text: '', dossierIds: null };

describe('archive filter', () => {
  const a = letter({ id: 'a', number: '评审终字〔2026〕第001号', dossierId: 1, issuedAt: '2026-11-23T02:00:00.000Z' });
  // Numbered in 2025 though issued in January 2026: the year is the number's.
  const b = letter({ id: 'b', kind: 'rectificationNotice', number: '评审整字〔2025〕第007号', dossierId: 2, issuedAt: '2026-01-05T02:00:00.000Z', fields: { addressee: '乙公司', creditCode: '9144030071526726XG' } });
  const c = letter({ id: 'c', number: '评审终字〔2026〕第002号', dossierId: 2, issuedAt: '2026-11-24T02:00:00.000Z', fields: { addressee: '乙公司' }, voidedAt: '2026-11-25T00:00:00.000Z' });
  const letters = [a, b, c];
  const ids = (f: Partial<ArchiveFilter>) => filterLetters(letters, { ...all, ...f }).map((l) => l.id);

  it('shows everything newest first, voided letters included', () => expect(ids({})).toEqual(['c', 'a', 'b']));
  it('filters by kind and by the numbering year', () => {
    expect(letterYear(b)).toBe(2025);
    expect(archiveYears(letters)).toEqual([2026, 2025]);
    expect(ids({ kind: 'rectificationNotice' })).toEqual(['b']);
    expect(ids({ year: 2026 })).toEqual(['c', 'a']);
  });
  it('finds by the dossiers the provider search found, by number, addressee or credit code', () => {
    expect(ids({ text: '某机构', dossierIds: new Set([2]) })).toEqual(['c', 'b']);
    expect(ids({ text: '第001号', dossierIds: new Set() })).toEqual(['a']);
    expect(ids({ text: '甲公司', dossierIds: null })).toEqual(['a']);
    expect(ids({ text: '9144030071526726xg', dossierIds: new Set() })).toEqual(['b']);
  });
});

describe('issue dialog fields', () => {
  const template = builtin.templates.terminationNotice;
  it('asks for every field the template uses except the number, which issuing assigns', () => {
    expect(editableFields(template.text)).not.toContain('letterNumber');
    expect(editableFields(template.text)).toEqual(expect.arrayContaining(['addressee', 'creditCode', 'reason', 'clause', 'effectiveDate', 'readmissionDate', 'letterDate', 'issuerName']));
  });
  it('dates the letter today when the caller gave no date, keeps what it gave, never a number', () => {
    expect(startingFields({ addressee: '甲' }, '2026-11-23')).toEqual({ addressee: '甲', letterDate: '2026年11月23日' });
    expect(startingFields({ letterDate: '2026年12月1日', letterNumber: 'x' }, '2026-11-23')).toEqual({ letterDate: '2026年12月1日' });
  });
  it('takes the numbering year from the letter date', () => {
    expect(yearOfLetterDate('2027年1月2日')).toBe(2027);
    expect(yearOfLetterDate('')).toBeNull();
    expect(yearOfLetterDate('明年')).toBeNull();
  });
});

describe('template editor sample', () => {
  const t = (key: string) => (zh as Record<string, string>)[key] ?? key;
  it('fills every field of every built-in template, so the preview shows a complete letter', () => {
    for (const kind of ['terminationNotice', 'rectificationNotice', 'selectionNotice', 'nonSelectionNotice'] as const) {
      const check = checkIssuable(builtin.templates[kind], sampleFields(kind, '评审终字', t, '2026-11-23'));
      expect(check.ok, kind).toBe(true);
    }
    expect(sampleFields('terminationNotice', '评审终字', t, '2026-11-23').readmissionDate).toBe('自2027年5月22日起方可再次提交准入申请');
  });
  it('shows the number a prefix gives, or none for a prefix with brackets or spaces', () => {
    expect(exampleNumber('评审终字', 2026)).toBe('评审终字〔2026〕1号');
    expect(exampleNumber('', 2026)).toBe('〔2026〕1号');
    expect(exampleNumber('评审终字', 2026, 'padded')).toBe('评审终字〔2026〕第001号');
    expect(exampleNumber('评审 终字', 2026)).toBeNull();
    expect(exampleNumber('【终】', 2026)).toBeNull();
  });
});

describe('voided letter', () => {
  it('carries the watermark on the sheet; a valid one has none', () => {
    expect(renderToStaticMarkup(createElement(LetterPage, { letter: content, watermark: '作废' }))).toMatch(/^<article class="letter-page letter-watermarked"[^>]*><div class="letter-watermark">作废<\/div><h1/);
    expect(renderToStaticMarkup(createElement(LetterPage, { letter: content }))).not.toContain('watermark');
  });
});
