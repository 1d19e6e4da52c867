// Issue 8: the dossier import's commit reuses what the preview compared (create / update with its diff /
// unchanged) while the dossiers' change generation is the one the preview compared at, and compares afresh
// otherwise. Property: for random stored dossiers, random files and a random write between preview and
// commit — none, a dossier edited, created under a code the file names, archived, another connection's write
// to a dossier or to another table, a rolled-back write — the commit leaves exactly the database (every
// dossier column, every change_log row, hashes included) and answers exactly what the plain path (always
// compare afresh) does. The import's bulk write lifts the per-row dossiers triggers: the caches that read
// dossiers (the search index, the screening) still see every imported row.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import Database from 'better-sqlite3';
import path from 'node:path';
import { createTestContext, type TestContext } from '../../support/service-context';
import { call } from '../../support/call';
import { dossierInput } from '../../support/dossiers';
import { syntheticCreditCode } from '../../support/credit-codes';
import { base64, importRecord, toCsv, toRows, utf8, type ImportRecord } from '../../support/import-files';
import { setImportPlanReuse } from '../../../electron/services/dossiers/dossier-import';
import { setSearchIndexThreshold } from '../../../electron/services/dossiers/dossier-search-index';
import { createDossierRepo } from '../../../electron/services/dossiers/dossier-repo';
import { dataOf, updateDossier } from '../../../electron/services/dossiers/dossier-service';
import { generation } from '../../../electron/services/cache/change-tracker';
import { verifyChain } from '../../../electron/services/history/chain';

afterEach(() => {
  setImportPlanReuse(true);
  setSearchIndexThreshold(2_000);
});

const CODES = Array.from({ length: 5 }, (_, i) => syntheticCreditCode(i + 1));
const csv = (records: ImportRecord[]) => base64(utf8(toCsv(toRows(records))));
const row = fc.record({
  code: fc.oneof(fc.constantFrom(...CODES), fc.constantFrom(...CODES).map((c) => c.toLowerCase()), fc.constant('12345')),
  name: fc.constantFrom('杭州安心珠宝检测技术有限公司', '杭州安心珠宝鉴定有限公司', ''),
  city: fc.constantFrom('杭州市', '宁波市', ''),
  price: fc.constantFrom('38000', '36000', ''),
});
type Row = { code: string; name: string; city: string; price: string };
const toRecord = (r: Row) => importRecord({ 统一社会信用代码: r.code, 机构名称: r.name, 城市: r.city, '服务报价（元）': r.price });
const between = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  fc.record({ kind: fc.constant('edit' as const), code: fc.nat(4), city: fc.constantFrom('温州市', '杭州市') }),
  fc.record({ kind: fc.constant('create' as const), code: fc.nat(4) }),
  fc.record({ kind: fc.constant('archive' as const), code: fc.nat(4) }),
  fc.record({ kind: fc.constant('otherConnection' as const), code: fc.nat(4) }),
  fc.constant({ kind: 'otherTable' as const }),
  fc.record({ kind: fc.constant('rolledBack' as const), code: fc.nat(4) }),
);
type Between = typeof between extends fc.Arbitrary<infer T> ? T : never;

const dump = (ctx: TestContext) => ({
  dossiers: ctx.db.prepare('SELECT * FROM dossiers ORDER BY id').all(),
  history: ctx.db.prepare('SELECT * FROM change_log ORDER BY seq').all(),
});
const storedId = (ctx: TestContext, code: number) => (ctx.db.prepare('SELECT id, version FROM dossiers WHERE credit_code = ?').get(CODES[code]!) as { id: number; version: number } | undefined);

async function writeBetween(ctx: TestContext, w: Between): Promise<void> {
  if (w.kind === 'none') return;
  if (w.kind === 'otherTable') {
    const other = new Database(path.join(ctx.dataDir, 'review-desk.sqlite'));
    other.prepare("INSERT OR REPLACE INTO settings (key, value) VALUES ('test.other', 'x')").run();
    return void other.close();
  }
  const stored = storedId(ctx, w.code);
  if (w.kind === 'create') {
    if (!stored) await call(ctx, 'dossiers.create', dossierInput({ creditCode: CODES[w.code]!, legalName: '温州新建检测有限公司', city: '温州市' }));
    return;
  }
  if (!stored) return;
  const data = dataOf(createDossierRepo(ctx.db).get(stored.id)!);
  if (w.kind === 'edit') updateDossier(ctx, stored.id, stored.version, { ...data, city: w.city, notes: '导入前改过' });
  if (w.kind === 'archive') await call(ctx, 'dossiers.setArchived', { id: stored.id, archived: true });
  if (w.kind === 'otherConnection') {
    const other = new Database(path.join(ctx.dataDir, 'review-desk.sqlite'));
    other.prepare("UPDATE dossiers SET city = '台州市', notes = '另一个连接' WHERE id = ?").run(stored.id);
    other.close();
  }
  if (w.kind === 'rolledBack') {
    try {
      ctx.db.transaction(() => {
        ctx.db.prepare("UPDATE dossiers SET city = '丽水市' WHERE id = ?").run(stored.id);
        throw new Error('rolled back');
      })();
    } catch {
      // the write is undone; the generation moved all the same
    }
  }
}

async function scenario(reuse: boolean, stored: Row[], rows: Row[], emptyCells: 'keep' | 'clear', w: Between) {
  const ctx = await createTestContext();
  if (stored.length > 0) {
    const first = await call(ctx, 'dossiers.importPreview', { fileName: '首次.csv', dataBase64: csv(stored.map(toRecord)) });
    await call(ctx, 'dossiers.importCommit', { previewId: first.previewId, acknowledgeIdentityChanges: true });
  }
  const preview = await call(ctx, 'dossiers.importPreview', { fileName: '机构.csv', dataBase64: csv(rows.map(toRecord)), emptyCells });
  await writeBetween(ctx, w);
  setImportPlanReuse(reuse);
  let answer: unknown;
  try {
    answer = await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId, acknowledgeIdentityChanges: true });
  } catch (error) {
    answer = String(error);
  } finally {
    setImportPlanReuse(true);
  }
  return { ctx, answer, ...dump(ctx) };
}

describe('dossier import: the commit reusing the preview equals comparing afresh', () => {
  it('for random files and a random write between preview and commit', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...CODES), { maxLength: 3 }).map((codes) => codes.map((code): Row => ({ code, name: '杭州安心珠宝检测技术有限公司', city: '杭州市', price: '38000' }))),
        fc.array(row, { minLength: 1, maxLength: 8 }),
        fc.constantFrom('keep' as const, 'clear' as const),
        between,
        async (stored, rows, emptyCells, w) => {
          const fast = await scenario(true, stored, rows, emptyCells, w);
          const plain = await scenario(false, stored, rows, emptyCells, w);
          // The clock is the same in both (an injected one), so every column and hash must agree.
          expect(fast.answer).toEqual(plain.answer);
          expect(fast.dossiers).toEqual(plain.dossiers);
          expect(fast.history).toEqual(plain.history);
          expect(verifyChain(fast.ctx.db)).toMatchObject({ ok: true });
          fast.ctx.db.close();
          plain.ctx.db.close();
        },
      ),
      { numRuns: 60 },
    );
  }, 240_000);

  it('a dossier created under a code the file creates turns the planned insert into an update', async () => {
    const ctx = await createTestContext();
    const preview = await call(ctx, 'dossiers.importPreview', { fileName: 'a.csv', dataBase64: csv([toRecord({ code: CODES[0]!, name: '杭州安心珠宝检测技术有限公司', city: '杭州市', price: '38000' })]) });
    expect(preview.counts.create).toBe(1);
    const before = generation(ctx.db, 'dossiers');
    await call(ctx, 'dossiers.create', dossierInput({ creditCode: CODES[0]!, legalName: '杭州安心珠宝检测技术有限公司', city: '温州市' }));
    expect(generation(ctx.db, 'dossiers')).not.toBe(before);
    expect(await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId })).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(ctx.db.prepare('SELECT city FROM dossiers').all()).toEqual([{ city: '杭州市' }]);
  });

  it('the imported rows reach the search index and move the caches that read dossiers', async () => {
    const ctx = await createTestContext();
    setSearchIndexThreshold(0);
    await call(ctx, 'dossiers.create', dossierInput({ creditCode: CODES[4]!, legalName: '宁波甬江检测有限公司', city: '宁波市' }));
    expect((await call(ctx, 'dossiers.list', { search: '杭州' })).total).toBe(0); // the index is built now
    const gens = (['dossiers', 'screening', 'ranking'] as const).map((k) => generation(ctx.db, k));
    const records = CODES.slice(0, 3).map((code, i) => toRecord({ code, name: `杭州第${i}号珠宝检测有限公司`, city: '杭州市', price: '38000' }));
    const preview = await call(ctx, 'dossiers.importPreview', { fileName: 'b.csv', dataBase64: csv(records) });
    await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId });
    for (const [i, k] of (['dossiers', 'screening', 'ranking'] as const).entries()) expect(generation(ctx.db, k)).not.toBe(gens[i]);
    expect((await call(ctx, 'dossiers.list', { search: '杭州' })).total).toBe(3);
    setSearchIndexThreshold(Number.POSITIVE_INFINITY);
    expect((await call(ctx, 'dossiers.list', { search: '杭州' })).total).toBe(3);
    // The lifted triggers are back: a later single edit is seen too.
    const gen = generation(ctx.db, 'dossiers');
    const stored = storedId(ctx, 4)!;
    await call(ctx, 'dossiers.setArchived', { id: stored.id, archived: true });
    expect(generation(ctx.db, 'dossiers')).not.toBe(gen);
    expect(ctx.db.prepare("SELECT count(*) AS n FROM sqlite_temp_master WHERE type = 'trigger' AND tbl_name = 'dossiers'").get()).toEqual({ n: 3 });
  });
});
