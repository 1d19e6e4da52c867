// Issue 8, memory: the ranking XLSX export is streamed (exceljs WorkbookWriter, sheet after sheet and row by
// row) instead of building the whole workbook in memory. The file must read back exactly as the in-memory one
// did (test/support/selection-xlsx-reference.ts, the old code frozen): the same sheets in the same order, the
// same views, column widths and formats, and for every cell the same value, number format and font. Rounds
// here have ties at the quota line (provisional placements), waitlists, a draft sheet, a person next to
// companies (the number column's heading), a region name that is formula-like and one Excel refuses as a
// sheet name, screened-out applicants, a finalized round (the fingerprint line), and a round widened to
// thousands of rows so the streamed writer yields to the zip many times. The CSV is checked as text against
// the same rows written by hand.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { selectionCsv, selectionXlsx } from '../../../electron/services/rounds/round-export';
import type { RoundResults } from '../../../shared/rounds/results-view';
import { selectionXlsxInMemory } from '../../support/selection-xlsx-reference';
import { createTestContext, type TestContext } from '../../support/service-context';
import { addApplicant, finalizedRound, ok, setUpRound } from '../../support/round-fixture';
import { dossierInput } from '../../support/dossiers';

const PERSON_ID = '11010519491231002X'; // GB 11643's example

/** Everything a reader of the file sees, sheet by sheet and cell by cell (docProps' dates aside). */
async function describeWorkbook(buffer: Buffer) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(buffer as unknown as ArrayBuffer);
  return {
    creator: workbook.creator,
    sheets: workbook.worksheets.map((sheet) => {
      const cells: unknown[] = [];
      sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
        cells.push({ row: rowNumber, font: row.font ?? null, numFmt: row.numFmt ?? null });
        row.eachCell({ includeEmpty: true }, (cell) => cells.push({ at: cell.address, value: cell.value, type: cell.type, numFmt: cell.numFmt ?? null, font: cell.font ?? null }));
      });
      return {
        name: sheet.name,
        views: sheet.views,
        rowCount: sheet.rowCount,
        columnCount: sheet.columnCount,
        columns: (sheet.columns ?? []).map((c) => ({ width: c.width ?? null, numFmt: c.numFmt ?? null })),
        cells,
      };
    }),
  };
}

async function expectSameWorkbook(results: RoundResults) {
  const streamed = await selectionXlsx(results);
  const inMemory = await selectionXlsxInMemory(results);
  const [a, b] = [await describeWorkbook(streamed), await describeWorkbook(inMemory)];
  expect(a.sheets.map((s) => s.name)).toEqual(b.sheets.map((s) => s.name));
  for (const [i, sheet] of a.sheets.entries()) expect(sheet, sheet.name).toEqual(b.sheets[i]);
  expect(a).toEqual(b);
  return a;
}

async function scoreAll(ctx: TestContext, memberId: string, values: Record<string, number>) {
  const sheet = await ok(ctx, 'scores.sheet', { memberId });
  for (const applicationId of sheet.applicationIds) for (const criterion of sheet.criteria) await ok(ctx, 'scores.set', { memberId, applicationId, criterion, value: values[applicationId] ?? 60, comment: '' });
}

/** A live round: ties across the quota line, waitlists, a draft, a person, odd region names, a screened-out applicant. */
async function liveRound(ctx: TestContext) {
  const { round, hangzhou, shenzhen } = await setUpRound(ctx);
  const odd = await ok(ctx, 'regions.add', { roundId: round.id, data: { name: "=HYPERLINK('x')/义乌:[小商品]*?", city: '义乌市', quota: 1, waitlistLength: 2 } });
  const a1 = await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id, odd.id], 40_000);
  const a2 = await addApplicant(ctx, round.id, 2, '杭州市', [hangzhou.id], 40_000);
  const a3 = await addApplicant(ctx, round.id, 3, '杭州市', [hangzhou.id], 40_000);
  const a8 = await addApplicant(ctx, round.id, 8, '杭州市', [shenzhen.id, hangzhou.id], null);
  const a4 = await addApplicant(ctx, round.id, 4, '深圳市', [shenzhen.id], 45_000, { legalName: '+深圳"引号",逗号公司' });
  const a5 = await addApplicant(ctx, round.id, 5, '深圳市', [shenzhen.id, odd.id], 45_000.5);
  const a6 = await addApplicant(ctx, round.id, 6, '深圳市', [shenzhen.id], 45_000);
  // A person (a 居民身份证号): the number column is headed 统一社会信用代码/身份证号; the 淘宝直播 rules screen them out.
  const person = await ok(ctx, 'dossiers.create', dossierInput({ identityKind: 'individual', legalName: '王小丽', creditCode: PERSON_ID, legalRepresentative: '', registeredCapitalWan: 0, taxpayerType: 'small', province: '浙江省', city: '义乌市' }));
  const a7 = await ok(ctx, 'applications.add', { roundId: round.id, data: { dossierId: person.id, priceQuoteYuan: 30_000, strengthStatement: '', regionIds: [odd.id] } });
  const chair = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '赵组长', role: 'chair' } });
  const m2 = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '钱委员', role: 'member' } });
  const m3 = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '孙委员', role: 'member' } });
  const agreed = { [a1.id]: 90.25, [a2.id]: 80, [a3.id]: 80, [a4.id]: 85.5, [a5.id]: 70, [a6.id]: 70, [a7.id]: 99, [a8.id]: 60 };
  for (const m of [chair, m2]) {
    await scoreAll(ctx, m.id, agreed);
    await ok(ctx, 'scores.submit', { memberId: m.id });
  }
  await scoreAll(ctx, m3.id, { [a1.id]: 10 }); // a draft: not counted, said on the summary
  return { round, chair };
}

/**
 * The same results widened: every region's entries and placements repeated `times` times under new ids (and
 * names), so a sheet runs to thousands of rows and the writer yields to the zip many times.
 */
function widen(results: RoundResults, times: number): RoundResults {
  const copy = structuredClone(results) as RoundResults & { ranking: { regions: { entries: unknown[] }[] }; allocation: { regions: { placements: unknown[] }[] } };
  const ids = (id: string, k: number) => (k === 0 ? id : `${id}~${k}`);
  for (const id of Object.keys(results.labels.applications)) {
    for (let k = 1; k < times; k++) copy.labels.applications[ids(id, k)] = { ...results.labels.applications[id]!, legalName: `${results.labels.applications[id]!.legalName}${k}` };
  }
  for (const region of copy.ranking.regions) region.entries = Array.from({ length: times }, (_, k) => region.entries.map((e) => ({ ...e, applicationId: ids(e.applicationId, k), rank: e.rank === null ? null : e.rank + k }))).flat();
  for (const region of copy.allocation.regions) region.placements = Array.from({ length: times }, (_, k) => region.placements.map((p) => ({ ...p, applicationId: ids(p.applicationId, k) }))).flat();
  copy.ineligible = Array.from({ length: times }, (_, k) => results.ineligible.map((i) => ({ ...i, applicationId: ids(i.applicationId, k) }))).flat();
  return copy;
}

describe('ranking XLSX export, streamed: the same workbook as the in-memory one', () => {
  it('a live round with ties, waitlists, a draft, a person and odd region names', async () => {
    const ctx = await createTestContext();
    const { round, chair } = await liveRound(ctx);
    const results = await ok(ctx, 'ranking.results', { roundId: round.id, viewerMemberId: chair.id });
    // The round has what the comparison is about.
    const statuses = new Set(results.allocation.regions.flatMap((r) => r.placements.map((p) => p.status)));
    expect([...statuses]).toEqual(expect.arrayContaining(['admitted', 'waitlist', 'tiedAtCutoff']));
    expect(results.allocation.regions.some((r) => r.placements.some((p) => p.provisional))).toBe(true);
    expect(results.ineligible.length).toBeGreaterThan(0);
    expect(results.sheets.some((s) => !s.submitted)).toBe(true);
    const described = await expectSameWorkbook(results);
    expect(described.sheets.length).toBe(5); // 汇总, three regions, 评分明细
    expect(described.sheets.find((s) => s.name === '评分明细')!.cells).toContainEqual(expect.objectContaining({ at: 'D1', value: '统一社会信用代码/身份证号' }));
    // And through the API (the handler's path): the same cells.
    const exported = await ok(ctx, 'ranking.export', { roundId: round.id, viewerMemberId: chair.id, format: 'xlsx' });
    expect(await describeWorkbook(Buffer.from(exported.dataBase64, 'base64'))).toEqual(described);
  });

  it('a finalized round (the fingerprint line) and a round widened to thousands of rows', async () => {
    const ctx = await createTestContext();
    const { round } = await finalizedRound(ctx);
    const chair = (await ok(ctx, 'members.list', { roundId: round.id })).find((m) => m.role === 'chair')!;
    const results = await ok(ctx, 'ranking.results', { roundId: round.id, viewerMemberId: chair.id });
    expect(results.finalized?.fingerprint).toBeTruthy();
    await expectSameWorkbook(results);
    const live = await createTestContext();
    const { round: r2, chair: c2 } = await liveRound(live);
    const wide = widen(await ok(live, 'ranking.results', { roundId: r2.id, viewerMemberId: c2.id }), 400);
    const described = await expectSameWorkbook(wide);
    expect(described.sheets.find((s) => s.name === '评分明细')!.rowCount).toBeGreaterThan(2_000);
  });

  it('the CSV is the table the rows make, written by hand; the JSON is JSON.stringify\'s text', async () => {
    const ctx = await createTestContext();
    const { round, chair } = await liveRound(ctx);
    const results = await ok(ctx, 'ranking.results', { roundId: round.id, viewerMemberId: chair.id });
    const csv = selectionCsv(results);
    expect(csv.startsWith('\uFEFF区域,名次,机构名称,统一社会信用代码/身份证号,综合得分,结果,候补顺位,志愿顺序,服务报价（元）,是否待定\r\n')).toBe(true);
    expect(csv).toContain(`"'+深圳""引号"",逗号公司"`);
    expect(csv).toContain("'=HYPERLINK('x')/义乌:[小商品]*?,");
    expect(csv.endsWith('\r\n')).toBe(true);
    const exported = await ok(ctx, 'ranking.export', { roundId: round.id, viewerMemberId: chair.id, format: 'csv' });
    expect(Buffer.from(exported.dataBase64, 'base64').toString('utf8')).toBe(csv);
    // The JSON export is written in pieces (json-pretty.ts): the same text as JSON.stringify(results, null, 2).
    const json = await ok(ctx, 'ranking.export', { roundId: round.id, viewerMemberId: chair.id, format: 'json' });
    const current = await ok(ctx, 'ranking.results', { roundId: round.id, viewerMemberId: chair.id });
    expect(Buffer.from(json.dataBase64, 'base64').toString('utf8')).toBe(JSON.stringify(current, null, 2));
  });
});
