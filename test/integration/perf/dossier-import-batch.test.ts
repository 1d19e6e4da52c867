// Issue 8: the dossier import reads the stored dossiers a file names in one query and appends its history
// entries with the chain head carried in memory. Property: for random files over random stored dossiers
// (new and known codes, codes written in lower case or with spaces, duplicates, invalid rows, empty cells
// kept or cleared, identity changes), importing the whole file at once leaves exactly the database that
// importing its valid rows one file per row leaves (the row-by-row path): the same dossiers, column for
// column, and the same change_log rows, hashes included; the preview counts and diffs add up the same.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestContext, type TestContext } from '../../support/service-context';
import { call } from '../../support/call';
import { syntheticCreditCode } from '../../support/credit-codes';
import { base64, importRecord, toCsv, toRows, utf8, type ImportRecord } from '../../support/import-files';
import { verifyChain } from '../../../electron/services/history/chain';

const CODES = Array.from({ length: 6 }, (_, i) => syntheticCreditCode(i + 1));
const FILE = '机构.csv';
const csv = (records: ImportRecord[]) => base64(utf8(toCsv(toRows(records))));

interface Row {
  code: string;
  name: string;
  representative: string;
  city: string;
  price: string;
  contact: string;
}
const record: fc.Arbitrary<Row> = fc.record({
  code: fc.oneof(
    fc.constantFrom(...CODES),
    fc.constantFrom(...CODES).map((c) => c.toLowerCase()), // normalised by the schema
    fc.constantFrom(...CODES).map((c) => ` ${c.slice(0, 6)} ${c.slice(6)}`),
    fc.constant('12345'), // invalid
  ),
  name: fc.constantFrom('杭州安心珠宝检测技术有限公司', '杭州安心珠宝鉴定有限公司', ''),
  representative: fc.constantFrom('陈明', '王强', ''),
  city: fc.constantFrom('杭州市', '宁波市', ''),
  price: fc.constantFrom('38000', '36000', '', 'abc'),
  contact: fc.constantFrom('李娜', ''),
});

const toRecord = (r: Row): ImportRecord =>
  importRecord({ 统一社会信用代码: r.code, 机构名称: r.name, 法定代表人: r.representative, 城市: r.city, '服务报价（元）': r.price, 联系人: r.contact });

async function seeded(stored: Row[]): Promise<TestContext> {
  const ctx = await createTestContext();
  if (stored.length > 0) {
    const preview = await call(ctx, 'dossiers.importPreview', { fileName: '首次.csv', dataBase64: csv(stored.map(toRecord)) });
    await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId, acknowledgeIdentityChanges: true });
  }
  return ctx;
}

const dump = (ctx: TestContext) => ({
  dossiers: ctx.db.prepare('SELECT * FROM dossiers ORDER BY id').all(),
  history: ctx.db.prepare('SELECT * FROM change_log ORDER BY seq').all(),
});

describe('dossier import: the batched import equals the row-by-row import', () => {
  it('for random stored dossiers and random files', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.constantFrom(...CODES), { maxLength: 4 }).map((codes) => codes.map((code): Row => ({ code, name: '杭州安心珠宝检测技术有限公司', representative: '陈明', city: '杭州市', price: '38000', contact: '李娜' }))),
        fc.array(record, { minLength: 1, maxLength: 10 }),
        fc.constantFrom('keep' as const, 'clear' as const),
        async (stored, rows, emptyCells) => {
          const batch = await seeded(stored);
          const single = await seeded(stored);

          const preview = await call(batch, 'dossiers.importPreview', { fileName: FILE, dataBase64: csv(rows.map(toRecord)), emptyCells });
          const invalidRows = new Set(preview.issues.map((i) => i.row));
          await call(batch, 'dossiers.importCommit', { previewId: preview.previewId, acknowledgeIdentityChanges: true });

          const counts = { create: 0, update: 0, unchanged: 0, invalid: 0 };
          const changes: unknown[] = [];
          for (const [index, row] of rows.entries()) {
            if (invalidRows.has(index + 2)) continue; // row 1 is the header
            const one = await call(single, 'dossiers.importPreview', { fileName: FILE, dataBase64: csv([toRecord(row)]), emptyCells });
            expect(one.counts.invalid).toBe(0);
            for (const key of ['create', 'update', 'unchanged'] as const) counts[key] += one.counts[key];
            changes.push(...one.changes.map((c) => ({ ...c, row: index + 2 })));
            await call(single, 'dossiers.importCommit', { previewId: one.previewId, acknowledgeIdentityChanges: true });
          }

          expect({ ...counts, invalid: preview.counts.invalid }).toEqual(preview.counts);
          expect(changes).toEqual(preview.changes);
          const [a, b] = [dump(batch), dump(single)];
          expect(a.dossiers).toEqual(b.dossiers);
          expect(a.history).toEqual(b.history);
          expect(verifyChain(batch.db)).toMatchObject({ ok: true });
          batch.db.close();
          single.db.close();
        },
      ),
      { numRuns: 25 },
    );
  }, 240_000);
});
