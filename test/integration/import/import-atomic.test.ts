// "Nothing half-written": when the commit fails part-way, not one row of that import may remain.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { call, callError, countRows } from '../../support/call';
import { dossierInput, REAL_CREDIT_CODES } from '../../support/dossiers';
import { syntheticCreditCode } from '../../support/credit-codes';
import { base64, importRecord, toCsv, toRows, utf8 } from '../../support/import-files';

afterEach(() => void vi.restoreAllMocks());

describe('import commit is one transaction', () => {
  it('leaves no created row, no update and no history when an insert fails part-way, and can be retried', async () => {
    const ctx = await createTestContext();
    const existing = await call(ctx, 'dossiers.create', dossierInput()); // the file will update this one
    const file = toCsv(toRows([
      importRecord({ '注册资本（万元）': '800' }),
      ...[1, 2, 3, 4, 5].map((n) => importRecord({ 机构名称: `新机构${n}号`, 统一社会信用代码: syntheticCreditCode(n) })),
    ]));
    const preview = await call(ctx, 'dossiers.importPreview', { fileName: 'a.csv', dataBase64: base64(utf8(file)) });
    expect(preview.counts).toEqual({ create: 5, update: 1, unchanged: 0, invalid: 0 });

    // The third new dossier (fourth row in the table) fails, as a full disk or a crash would.
    ctx.db.exec(`CREATE TRIGGER fail_fourth_dossier AFTER INSERT ON dossiers WHEN (SELECT count(*) FROM dossiers) >= 4
                 BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    const failure = await callError(ctx, 'dossiers.importCommit', { previewId: preview.previewId });
    expect(failure).toEqual({ code: 'INTERNAL', message: '发生内部错误，操作未完成，数据未被修改' });
    expect(logged).toHaveBeenCalled(); // the cause is logged for support, not shown to the user

    expect(countRows(ctx, 'dossiers')).toBe(1);
    expect(countRows(ctx, 'change_log')).toBe(1); // only the original 'create'
    expect(await call(ctx, 'dossiers.get', { id: existing.id })).toMatchObject({ dossier: { version: 1, registeredCapitalWan: 500 } });

    // The preview survives a failed commit, so the user can retry once the cause is gone.
    ctx.db.exec('DROP TRIGGER fail_fourth_dossier');
    expect(await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId })).toEqual({ created: 5, updated: 1, unchanged: 0 });
    expect(countRows(ctx, 'dossiers')).toBe(6);
  });

  it('commits against the database as it is at commit time, not as it was at preview time', async () => {
    const ctx = await createTestContext();
    const preview = await call(ctx, 'dossiers.importPreview', { fileName: 'a.csv', dataBase64: base64(utf8(toCsv(toRows([importRecord()])))) });
    expect(preview.counts.create).toBe(1);
    await call(ctx, 'dossiers.create', dossierInput({ creditCode: REAL_CREDIT_CODES[0], registeredCapitalWan: 300 })); // someone saved meanwhile
    expect(await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId })).toEqual({ created: 0, updated: 1, unchanged: 0 });
    expect(countRows(ctx, 'dossiers')).toBe(1);
  });
});
