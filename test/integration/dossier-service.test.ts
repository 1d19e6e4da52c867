import { describe, expect, it } from 'vitest';
import { createTestContext } from '../support/service-context';
import { dossierInput, REAL_CREDIT_CODES } from '../support/dossiers';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/backend/handlers';

describe('dossier service through dispatch', () => {
  it('creates, lists, searches in Chinese, updates with history, archives and restores', async () => {
    const ctx = await createTestContext();
    const created = await dispatch(handlers, ctx, 'dossiers.create', dossierInput());
    expect(created.ok).toBe(true);
    const id = (created as { value: { id: number } }).value.id;

    await dispatch(handlers, ctx, 'dossiers.create', dossierInput({ legalName: '深圳鉴宝有限公司', creditCode: REAL_CREDIT_CODES[1], city: '深圳市', province: '广东省' }));
    const found = await dispatch(handlers, ctx, 'dossiers.list', { search: '安心' });
    expect(found).toMatchObject({ ok: true, value: { total: 1, items: [{ legalName: '杭州安心珠宝检测技术有限公司' }] } });
    const byCity = await dispatch(handlers, ctx, 'dossiers.list', { search: '深圳' });
    expect(byCity).toMatchObject({ ok: true, value: { total: 1 } });

    ctx.tick();
    const updated = await dispatch(handlers, ctx, 'dossiers.update', { id, version: 1, data: dossierInput({ registeredCapitalWan: 800 }) });
    expect(updated).toMatchObject({ ok: true, value: { version: 2, registeredCapitalWan: 800 } });
    const stale = await dispatch(handlers, ctx, 'dossiers.update', { id, version: 1, data: dossierInput({ registeredCapitalWan: 900 }) });
    expect(stale).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });

    await dispatch(handlers, ctx, 'dossiers.setArchived', { id, archived: true });
    expect(await dispatch(handlers, ctx, 'dossiers.list', { search: '安心' })).toMatchObject({ value: { total: 0 } });
    expect(await dispatch(handlers, ctx, 'dossiers.list', { search: '安心', status: 'archived' })).toMatchObject({ value: { total: 1 } });
    await dispatch(handlers, ctx, 'dossiers.setArchived', { id, archived: false });

    const history = await dispatch(handlers, ctx, 'dossiers.history', { id });
    expect(history.ok).toBe(true);
    const changes = (history as { value: { action: string; actor: string; before: unknown; after: unknown }[] }).value;
    expect(changes.map((c) => c.action)).toEqual(['restore', 'archive', 'update', 'create']);
    expect(changes[2]).toMatchObject({ actor: '王评审', before: { registeredCapitalWan: 500 }, after: { registeredCapitalWan: 800 } });
  });

  it('refuses a duplicate credit code and a bad checksum, writing nothing', async () => {
    const ctx = await createTestContext();
    await dispatch(handlers, ctx, 'dossiers.create', dossierInput());
    const dup = await dispatch(handlers, ctx, 'dossiers.create', dossierInput({ legalName: '另一家公司' }));
    expect(dup).toMatchObject({ ok: false, error: { code: 'CONFLICT', issues: [{ path: 'creditCode', key: 'error.creditCode.taken' }] } });
    const bad = await dispatch(handlers, ctx, 'dossiers.create', dossierInput({ creditCode: '91330100716105852E' }));
    expect(bad).toMatchObject({ ok: false, error: { code: 'VALIDATION', issues: [{ path: 'creditCode', key: 'error.creditCode.checksum' }] } });
    expect((bad as { error: { message: string } }).error.message).toContain('校验位');
    const count = ctx.db.prepare('SELECT count(*) AS n FROM dossiers').get() as { n: number };
    expect(count.n).toBe(1);
    const log = ctx.db.prepare('SELECT count(*) AS n FROM change_log').get() as { n: number };
    expect(log.n).toBe(1);
  });

  it('refuses writes until the local user has a name', async () => {
    const ctx = await createTestContext({ user: null });
    const result = await dispatch(handlers, ctx, 'dossiers.create', dossierInput());
    expect(result).toMatchObject({ ok: false, error: { code: 'NO_USER' } });
    await dispatch(handlers, ctx, 'session.setUser', { name: '  赵组长 ' });
    expect(await dispatch(handlers, ctx, 'session.get', {})).toMatchObject({ ok: true, value: { userName: '赵组长' } });
    expect((await dispatch(handlers, ctx, 'dossiers.create', dossierInput())).ok).toBe(true);
  });
});
