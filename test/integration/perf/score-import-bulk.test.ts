// The set-based score import (issue 8) against the single-cell path: the same refusals in the preview (with
// setScore's words), the same cells, and a history of ONE chained 'import' entry per member sheet that holds
// exactly the cells (before/after, in the file's order) that scores.set cell by cell logs one 'score' entry
// each for — for random stored cells and random files (fast-check). The chain verifies; changing one
// recorded cell of an import breaks it; the round's history lists the entry without its cells, which are
// read a page at a time.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestContext, type TestContext } from '../../support/service-context';
import { callError } from '../../support/call';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { syntheticCreditCode } from '../../support/credit-codes';
import { base64, toCsv, utf8WithBom } from '../../support/import-files';
import { zh } from '../../../electron/backend/messages';
import { verifyChain } from '../../../electron/services/history/chain';
import { scoreImportCellChanges } from '../../../shared/history/score-import-entry';

const HEADER = ['委员', '统一社会信用代码', '评分项', '分数', '备注'];
const csv = (rows: string[][]) => base64(utf8WithBom(toCsv([HEADER, ...rows])));
const CRITERIA = [
  ['strength', '公司实力'],
  ['technical', '技术水平'],
  ['reputation', '业内口碑'],
  ['price', '服务报价'],
] as const;
const MEMBERS = ['赵组长', '钱委员'] as const;

async function makeRound() {
  const ctx = await createTestContext();
  const { round, hangzhou, shenzhen } = await setUpRound(ctx);
  const a1 = await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000);
  const a2 = await addApplicant(ctx, round.id, 2, '深圳市', [shenzhen.id], 38_000);
  // Screened out: same-city rule (a 宁波 entity applying for 杭州).
  const out = await addApplicant(ctx, round.id, 3, '宁波市', [hangzhou.id], 30_000);
  const a4 = await addApplicant(ctx, round.id, 4, '杭州市', [hangzhou.id], 35_000);
  const chair = await ok(ctx, 'members.add', { roundId: round.id, data: { name: MEMBERS[0], role: 'chair' } });
  const qian = await ok(ctx, 'members.add', { roundId: round.id, data: { name: MEMBERS[1], role: 'member' } });
  return { ctx, round, apps: [a1, a2, a4], codes: [1, 2, 4], out, members: [chair, qian] };
}
type Made = Awaited<ReturnType<typeof makeRound>>;

/** The round's history entries of one action, in seq order, straight from the table (cells included). */
function logged(ctx: TestContext, action: string): { seq: number; actor: string; before: unknown; after: unknown }[] {
  const rows = ctx.db.prepare("SELECT seq, actor, before, after FROM change_log WHERE entity = 'round' AND action = ? ORDER BY seq").all(action) as { seq: number; actor: string; before: string | null; after: string | null }[];
  return rows.map((r) => ({ seq: r.seq, actor: r.actor, before: r.before === null ? null : (JSON.parse(r.before) as unknown), after: r.after === null ? null : (JSON.parse(r.after) as unknown) }));
}

/** Ids replaced by names, so two databases' records compare. */
function normalise(r: Made, value: unknown): unknown {
  let text = JSON.stringify(value);
  r.apps.forEach((a, i) => (text = text.replaceAll(a.id, `app${i}`)));
  r.members.forEach((m, i) => (text = text.replaceAll(m.id, `member${i}`).replaceAll(m.sheetId, `sheet${i}`)));
  return JSON.parse(text) as unknown;
}

const cell = fc.record({ member: fc.nat(1), app: fc.nat(2), criterion: fc.nat(3), value: fc.constantFrom(60, 70, 85.5, 100), comment: fc.constantFrom('', '设备齐全', '说明,"引号"') });
const cellKey = (c: { member: number; app: number; criterion: number }) => `${c.member}|${c.app}|${c.criterion}`;

describe('set-based score import', () => {
  it('refuses an application that did not pass screening with the scoring service words', async () => {
    const { ctx, round, out } = await makeRound();
    expect((await ok(ctx, 'screening.list', { roundId: round.id })).find((r) => r.applicationId === out.id)?.eligible).toBe(false);
    const preview = await ok(ctx, 'scores.importPreview', { roundId: round.id, fileName: 's.csv', dataBase64: csv([['赵组长', syntheticCreditCode(3), '公司实力', '80', ''], ['赵组长', syntheticCreditCode(1), '公司实力', '80', '']]) });
    expect(preview.counts).toEqual({ new: 1, changed: 0, unchanged: 0, invalid: 1 });
    expect(preview.issues).toEqual([{ row: 2, column: '', reason: zh('error.notScorable') }]);
  });

  it('logs one entry per member sheet holding exactly the cells scores.set would have logged one by one (fast-check)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(cell, { maxLength: 8 }), fc.uniqueArray(cell, { selector: cellKey, minLength: 1, maxLength: 16 }), async (stored, file) => {
        const imported = await makeRound();
        const typed = await makeRound();
        for (const r of [imported, typed]) {
          for (const c of stored) await ok(r.ctx, 'scores.set', { memberId: r.members[c.member]!.id, applicationId: r.apps[c.app]!.id, criterion: CRITERIA[c.criterion]![0], value: c.value, comment: c.comment });
        }
        const storedScoreEntries = logged(typed.ctx, 'score').length;
        const rows = file.map((c) => [MEMBERS[c.member]!, syntheticCreditCode(imported.codes[c.app]!), CRITERIA[c.criterion]![1], String(c.value), c.comment]);
        const preview = await ok(imported.ctx, 'scores.importPreview', { roundId: imported.round.id, fileName: '评分.csv', dataBase64: csv(rows) });
        expect(preview.counts.invalid).toBe(0);
        const result = await ok(imported.ctx, 'scores.importCommit', { previewId: preview.previewId });
        for (const c of file) await ok(typed.ctx, 'scores.set', { memberId: typed.members[c.member]!.id, applicationId: typed.apps[c.app]!.id, criterion: CRITERIA[c.criterion]![0], value: c.value, comment: c.comment });

        // The same cells.
        const sheets = async (r: Made) =>
          (normalise(r, await Promise.all(r.members.map(async (m) => (await ok(r.ctx, 'scores.sheet', { memberId: m.id })).cells))) as { applicationId: string; criterion: string }[][]).map((cells) =>
            cells.sort((x, y) => `${x.applicationId}|${x.criterion}`.localeCompare(`${y.applicationId}|${y.criterion}`)),
          );
        expect(await sheets(imported)).toEqual(await sheets(typed));

        // scores.set's entries for the file's cells, grouped by sheet in order…
        const perCell = logged(typed.ctx, 'score').slice(storedScoreEntries);
        const bySheet = new Map<string, unknown[]>();
        for (const e of perCell) {
          const sheetId = (e.after as { sheetId: string }).sheetId;
          bySheet.set(sheetId, [...(bySheet.get(sheetId) ?? []), { actor: e.actor, before: e.before, after: e.after }]);
        }
        // …against the import's entries, one per sheet the file names, in the order the file first names them.
        const entries = logged(imported.ctx, 'import');
        expect(logged(imported.ctx, 'score')).toHaveLength(storedScoreEntries); // the import adds no per-cell entry
        const namedSheets = [...new Set(file.map((c) => c.member))];
        expect(entries.map((e) => (e.after as { scoreImport: { memberId: string } }).scoreImport.memberId)).toEqual(namedSheets.map((m) => imported.members[m]!.id));
        const expanded = new Map(entries.map((e) => [(e.after as { scoreImport: { sheetId: string } }).scoreImport.sheetId, scoreImportCellChanges(e.after).map((c) => ({ actor: e.actor, ...c }))]));
        const expected = new Map(typed.members.map((m, i) => [`sheet${i}`, bySheet.get(m.sheetId) ?? []]));
        const actual = new Map(imported.members.map((m, i) => [`sheet${i}`, expanded.get(m.sheetId) ?? []]));
        expect(normalise(imported, [...actual])).toEqual(normalise(typed, [...expected]));
        expect(result.written).toBe(perCell.length);
        for (const e of entries) {
          const s = (e.after as { scoreImport: { file: string; sha256: string; rows: number; written: number; unchanged: number; fileRows: number } }).scoreImport;
          expect(s).toMatchObject({ file: '评分.csv', fileRows: file.length });
          expect(s.sha256).toMatch(/^[0-9a-f]{64}$/);
          expect(s.written).toBe(scoreImportCellChanges(e.after).length);
          expect(s.rows).toBe(s.written + s.unchanged);
        }
        expect(verifyChain(imported.ctx.db)).toMatchObject({ ok: true });
        imported.ctx.db.close();
        typed.ctx.db.close();
      }),
      { numRuns: 12 },
    );
  }, 300_000);

  it('detects a changed cell of an import: the chain breaks at its entry', async () => {
    const r = await makeRound();
    await ok(r.ctx, 'scores.set', { memberId: r.members[0]!.id, applicationId: r.apps[0]!.id, criterion: 'strength', value: 60, comment: '' });
    const rows = [['赵组长', syntheticCreditCode(1), '公司实力', '85', ''], ['赵组长', syntheticCreditCode(2), '技术水平', '90', '稳定']];
    const preview = await ok(r.ctx, 'scores.importPreview', { roundId: r.round.id, fileName: 's.csv', dataBase64: csv(rows) });
    await ok(r.ctx, 'scores.importCommit', { previewId: preview.previewId });
    await ok(r.ctx, 'scores.set', { memberId: r.members[1]!.id, applicationId: r.apps[0]!.id, criterion: 'strength', value: 70, comment: '' });
    expect(verifyChain(r.ctx.db)).toMatchObject({ ok: true });
    const [entry] = logged(r.ctx, 'import');
    const cells = (entry!.after as { scoreImport: { cells: { value: number[]; beforeValue: (number | null)[] } } }).scoreImport.cells;
    expect(cells.value).toEqual([85, 90]);
    expect(cells.beforeValue).toEqual([60, null]);
    const tamper = (change: (c: typeof cells) => void) => {
      const copy = structuredClone(entry!.after) as { scoreImport: { cells: typeof cells } };
      change(copy.scoreImport.cells);
      r.ctx.db.exec('DROP TRIGGER IF EXISTS change_log_no_update');
      r.ctx.db.prepare('UPDATE change_log SET after = ? WHERE seq = ?').run(JSON.stringify(copy), entry!.seq);
      return verifyChain(r.ctx.db);
    };
    expect(tamper((c) => (c.value[1] = 95))).toMatchObject({ ok: false, brokenAt: { seq: entry!.seq, problem: 'hashMismatch' } });
    expect(tamper((c) => (c.beforeValue[0] = 65))).toMatchObject({ ok: false, brokenAt: { seq: entry!.seq } });
    expect(tamper(() => undefined)).toMatchObject({ ok: true }); // the original bytes verify again
  });

  it('lists the import as one entry without its cells, whose cells are read a page at a time', async () => {
    const r = await makeRound();
    const rows = r.apps.flatMap((_, i) => CRITERIA.map(([, label], j) => ['钱委员', syntheticCreditCode(r.codes[i]!), label, String(60 + i * 10 + j), j === 0 ? '良' : '']));
    const preview = await ok(r.ctx, 'scores.importPreview', { roundId: r.round.id, fileName: '钱委员.csv', dataBase64: csv(rows) });
    await ok(r.ctx, 'scores.importCommit', { previewId: preview.previewId });
    const history = await ok(r.ctx, 'rounds.history', { id: r.round.id });
    const imports = history.filter((h) => h.action === 'import');
    expect(imports).toHaveLength(1);
    expect(imports[0]!.after).toEqual({ scoreImport: { file: '钱委员.csv', sha256: expect.stringMatching(/^[0-9a-f]{64}$/), fileRows: 12, rows: 12, written: 12, unchanged: 0, sheetId: r.members[1]!.sheetId, memberId: r.members[1]!.id, memberName: '钱委员' } });
    const seq = imports[0]!.seq;
    const first = await ok(r.ctx, 'rounds.importedCells', { roundId: r.round.id, seq, offset: 0, limit: 5 });
    const rest = await ok(r.ctx, 'rounds.importedCells', { roundId: r.round.id, seq, offset: 5, limit: 500 });
    expect(first).toMatchObject({ seq, total: 12, offset: 0 });
    expect(first.cells).toHaveLength(5);
    expect(rest.cells).toHaveLength(7);
    expect(first.cells[0]).toEqual({ applicationId: r.apps[0]!.id, legalName: '杭州第1鉴定有限公司', creditCode: syntheticCreditCode(1), criterion: 'strength', before: null, value: 60, comment: '良' });
    expect([...first.cells, ...rest.cells].map((c) => [c.criterion, c.value])).toEqual(rows.map((row, i) => [CRITERIA[i % 4]![0], Number(row[3])]));
    expect((await ok(r.ctx, 'rounds.importedCells', { roundId: r.round.id, seq, offset: 12, limit: 5 })).cells).toEqual([]);
    // Another entry (the round's creation) has no cells.
    const created = history.find((h) => h.action === 'create')!;
    expect(await callError(r.ctx, 'rounds.importedCells', { roundId: r.round.id, seq: created.seq, offset: 0, limit: 5 })).toMatchObject({ code: 'NOT_FOUND' });
    // A file whose rows change nothing still leaves its entry, with no cells written.
    const again = await ok(r.ctx, 'scores.importPreview', { roundId: r.round.id, fileName: '钱委员.csv', dataBase64: csv(rows) });
    expect(await ok(r.ctx, 'scores.importCommit', { previewId: again.previewId })).toEqual({ written: 0, unchanged: 12 });
    const latest = (await ok(r.ctx, 'rounds.history', { id: r.round.id }))[0]!;
    expect(latest).toMatchObject({ action: 'import', after: { scoreImport: { rows: 12, written: 0, unchanged: 12, memberName: '钱委员' } } });
    expect((await ok(r.ctx, 'rounds.importedCells', { roundId: r.round.id, seq: latest.seq, offset: 0, limit: 5 })).total).toBe(0);
  });
});
