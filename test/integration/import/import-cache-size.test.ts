// Issue 8: a dossier import's commit runs with a larger SQLite page cache, for that transaction only. The
// connection's own setting is back afterwards, whether the commit succeeded or was refused.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { call } from '../../support/call';
import { syntheticCreditCode } from '../../support/credit-codes';
import { base64, importRecord, toCsv, toRows, utf8 } from '../../support/import-files';

const cacheSize = (ctx: { db: { pragma(s: string, o: { simple: true }): unknown } }) => Number(ctx.db.pragma('cache_size', { simple: true }));

describe('import commit page cache', () => {
  it('is restored after a commit and after one that failed inside its transaction', async () => {
    const ctx = await createTestContext();
    const before = cacheSize(ctx);
    const file = (name: string, n = 7) => base64(utf8(toCsv(toRows([importRecord({ 统一社会信用代码: syntheticCreditCode(n), 机构名称: name })]))));
    const first = await call(ctx, 'dossiers.importPreview', { fileName: 'a.csv', dataBase64: file('重庆银行股份有限公司') });
    expect(await call(ctx, 'dossiers.importCommit', { previewId: first.previewId })).toEqual({ created: 1, updated: 0, unchanged: 0 });
    expect(cacheSize(ctx)).toBe(before);

    ctx.db.pragma('cache_size = -4000'); // a setting of the connection's own is kept too
    const second = await call(ctx, 'dossiers.importPreview', { fileName: 'b.csv', dataBase64: file('长沙银行股份有限公司', 8) });
    ctx.db.exec("CREATE TEMP TRIGGER refuse_in_test BEFORE INSERT ON main.dossiers BEGIN SELECT RAISE(ABORT, 'refused in the test'); END");
    await expect(call(ctx, 'dossiers.importCommit', { previewId: second.previewId })).rejects.toThrow(); // fails inside the transaction
    expect(cacheSize(ctx)).toBe(-4000);
    expect(ctx.db.prepare('SELECT count(*) AS n FROM dossiers').get()).toEqual({ n: 1 });
  });
});
