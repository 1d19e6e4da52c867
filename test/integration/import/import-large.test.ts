// A 20,000-row import (the size of a national call): completes, reports progress, and the list search
// finds Chinese substrings correctly afterwards.
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { call } from '../../support/call';
import { syntheticCreditCode } from '../../support/credit-codes';
import { base64, importRecord, toCsv, toRows, utf8 } from '../../support/import-files';

const ROWS = 20_000;
const CITIES = ['杭州市', '义乌市', '深圳市', '广州市', '苏州市'];
const generated = Array.from({ length: ROWS }, (_, i) => ({
  name: `${CITIES[i % 5]!.slice(0, 2)}${i}号${i % 7 === 0 ? '翡翠' : '珠宝'}检测有限公司`,
  code: syntheticCreditCode(i + 1),
  city: CITIES[i % 5]!,
}));

function progressOf(ctx: TestContext, jobId: string) {
  return ctx.progressLog.filter((p) => p.jobId === jobId);
}

function expectSteadyProgress(entries: { done: number; total: number }[]) {
  expect(entries.length).toBeGreaterThanOrEqual(ROWS / 500);
  expect(entries.every((p) => p.total === ROWS)).toBe(true);
  expect(entries[0]!.done).toBe(0);
  expect(entries.at(-1)!.done).toBe(ROWS);
  for (let i = 1; i < entries.length; i++) expect(entries[i]!.done).toBeGreaterThanOrEqual(entries[i - 1]!.done);
}

describe('20,000-row import', () => {
  it('previews and commits with progress, then searches correctly', async () => {
    expect(new Set(generated.map((g) => g.code)).size).toBe(ROWS);
    const ctx = await createTestContext();
    const csv = toCsv(toRows(generated.map((g) => importRecord({ 机构名称: g.name, 统一社会信用代码: g.code, 城市: g.city }))));

    const preview = await call(ctx, 'dossiers.importPreview', { fileName: '全国名单.csv', dataBase64: base64(utf8(csv)), jobId: 'preview-20k' });
    expect(preview).toMatchObject({ totalRows: ROWS, counts: { create: ROWS, update: 0, unchanged: 0, invalid: 0 }, issues: [] });
    expect(preview.sample).toHaveLength(100); // the preview table shows a sample, not 20,000 rows
    expectSteadyProgress(progressOf(ctx, 'preview-20k'));

    const result = await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId, jobId: 'commit-20k' });
    expect(result).toEqual({ created: ROWS, updated: 0, unchanged: 0 });
    expectSteadyProgress(progressOf(ctx, 'commit-20k'));

    const jade = generated.filter((g) => g.name.includes('翡翠'));
    const jadeInYiwu = jade.filter((g) => g.city === '义乌市');
    const list = (search: string, more: object = {}) => call(ctx, 'dossiers.list', { search, ...more });

    const all = await list('翡翠', { limit: 500 });
    expect(all.total).toBe(jade.length);
    expect(all.items).toHaveLength(500);
    expect(all.items.every((d) => d.legalName.includes('翡翠'))).toBe(true);

    const both = await list('翡翠 义乌', { limit: 500 }); // every term must match, in any field
    const rest = await list('翡翠 义乌', { limit: 500, offset: 500 });
    expect(both.total).toBe(jadeInYiwu.length);
    expect([...both.items, ...rest.items].map((d) => d.creditCode).sort()).toEqual(jadeInYiwu.map((g) => g.code).sort());

    expect((await list(generated[12_345]!.code.toLowerCase())).items.map((d) => d.legalName)).toEqual([generated[12_345]!.name]);
    expect((await list('公司浙江')).total).toBe(0); // no match across the boundary of two fields
    expect((await list('')).total).toBe(ROWS);
    expect((await list('100%')).total).toBe(0); // LIKE wildcards are literal
  });
});
