// Dossier search by pinyin and the list's pinyin order (issue 7), through dispatch on a real SQLite file:
// 杭州… is found by "hz", "HZ", "hangz", "hangzhou", its city and its credit code; the list is in pinyin order
// (安 < 北 < 重 < 杭 < 上 < 深), as is the XLSX export; the keys follow every save, and the active list is
// served by its index.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/backend/handlers';
import type { Db } from '../../electron/db/open';
import { createTestContext, type TestContext } from '../support/service-context';
import { dossierInput, REAL_CREDIT_CODES } from '../support/dossiers';
import { call } from '../support/call';
import { readXlsxValues } from '../support/import-files';

const DOSSIERS = [
  { legalName: '杭州安心珠宝检测技术有限公司', province: '浙江省', city: '杭州市' },
  { legalName: '深圳市鉴宝检测服务有限公司', province: '广东省', city: '深圳市' },
  { legalName: '北京国检珠宝鉴定有限公司', province: '北京市', city: '北京市' },
  { legalName: '上海宝玉石鉴定中心有限公司', province: '上海市', city: '上海市' },
  { legalName: '重庆市长江鉴定有限公司', province: '重庆市', city: '重庆市' },
  { legalName: '安徽徽宝检测有限公司', province: '安徽省', city: '合肥市' },
];

async function seeded(): Promise<{ ctx: TestContext; ids: number[] }> {
  const ctx = await createTestContext();
  const ids: number[] = [];
  for (const [i, d] of DOSSIERS.entries()) {
    ids.push((await call(ctx, 'dossiers.create', dossierInput({ ...d, creditCode: REAL_CREDIT_CODES[i]! }))).id);
    ctx.tick();
  }
  return { ctx, ids };
}

async function names(ctx: TestContext, search: string, status: 'active' | 'archived' | 'all' = 'active'): Promise<string[]> {
  return (await call(ctx, 'dossiers.list', { search, status })).items.map((d) => d.legalName);
}

describe('dossier search by pinyin', () => {
  it.each(['hz', 'HZ', 'Hz', 'hangz', 'hangzhou', 'HANGZHOU', 'ＨＺ', '杭州', 'axzb', 'anxin', 'zhejiang', REAL_CREDIT_CODES[0]!, REAL_CREDIT_CODES[0]!.slice(0, 8).toLowerCase()])('finds 杭州安心 by %s', async (search) => {
    const { ctx } = await seeded();
    expect(await names(ctx, search)).toEqual(['杭州安心珠宝检测技术有限公司']);
  });

  it('matches every term, each by characters or pinyin', async () => {
    const { ctx } = await seeded();
    expect(await names(ctx, 'hz 珠宝')).toEqual(['杭州安心珠宝检测技术有限公司']);
    expect(await names(ctx, 'zb jd')).toEqual(['北京国检珠宝鉴定有限公司']);
    expect(await names(ctx, 'hz sz')).toEqual([]);
    expect(await names(ctx, 'cq')).toEqual(['重庆市长江鉴定有限公司']); // 重 read chóng in 重庆
    expect(await names(ctx, 'changjiang')).toEqual(['重庆市长江鉴定有限公司']); // not 市长 "zhang"
    expect(await names(ctx, 'hefei')).toEqual(['安徽徽宝检测有限公司']); // by its city
    expect(await names(ctx, '%')).toEqual([]); // LIKE wildcards are literal
  });

  it('lists in pinyin order, whatever the order of creation or editing', async () => {
    const { ctx, ids } = await seeded();
    const pinyinOrder = ['安徽徽宝检测有限公司', '北京国检珠宝鉴定有限公司', '重庆市长江鉴定有限公司', '杭州安心珠宝检测技术有限公司', '上海宝玉石鉴定中心有限公司', '深圳市鉴宝检测服务有限公司'];
    expect(await names(ctx, '')).toEqual(pinyinOrder);
    // Editing the first-created dossier (the most recently updated now) does not move it.
    await dispatch(handlers, ctx, 'dossiers.update', { id: ids[0]!, version: 1, data: dossierInput({ ...DOSSIERS[0]!, creditCode: REAL_CREDIT_CODES[0]!, notes: '复核' }) });
    expect(await names(ctx, '')).toEqual(pinyinOrder);
    expect(await names(ctx, 'jd')).toEqual(['北京国检珠宝鉴定有限公司', '重庆市长江鉴定有限公司', '上海宝玉石鉴定中心有限公司']);
    await dispatch(handlers, ctx, 'dossiers.setArchived', { id: ids[2]!, archived: true });
    expect(await names(ctx, '', 'all')).toEqual(pinyinOrder);
    expect(await names(ctx, '', 'archived')).toEqual(['北京国检珠宝鉴定有限公司']);
    // So does the XLSX export.
    const exported = await call(ctx, 'dossiers.exportXlsx', { status: 'all' });
    expect((await readXlsxValues(Buffer.from(exported.dataBase64, 'base64'))).slice(1).map((row) => row[0])).toEqual(pinyinOrder);
    // Paging follows the same order.
    const page = await dispatch(handlers, ctx, 'dossiers.list', { search: '', status: 'all', offset: 2, limit: 2 });
    expect(page).toMatchObject({ ok: true, value: { total: 6, items: [{ legalName: '重庆市长江鉴定有限公司' }, { legalName: '杭州安心珠宝检测技术有限公司' }] } });
  });

  it('matches full pinyin only from a syllable start: 鉴宝 "jianbao" does not answer "nb" (宁波)', async () => {
    const { ctx } = await seeded();
    expect(await names(ctx, 'nb')).toEqual([]);
    // 徽宝检测, 珠宝鉴定, 珠宝检测, 鉴宝检测 — each "bao jian…" from a syllable start; not 宝玉石鉴定.
    expect(await names(ctx, 'baojian')).toEqual(['安徽徽宝检测有限公司', '北京国检珠宝鉴定有限公司', '杭州安心珠宝检测技术有限公司', '深圳市鉴宝检测服务有限公司']);
  });

  it('keeps the pinyin keys in step with every save', async () => {
    const { ctx, ids } = await seeded();
    const renamed = await dispatch(handlers, ctx, 'dossiers.update', { id: ids[0]!, version: 1, data: dossierInput({ legalName: '宁波安心珠宝检测技术有限公司', province: '浙江省', city: '宁波市', creditCode: REAL_CREDIT_CODES[0]! }) });
    expect(renamed.ok).toBe(true);
    expect(await names(ctx, 'hz')).toEqual([]);
    expect(await names(ctx, 'nb')).toEqual(['宁波安心珠宝检测技术有限公司']);
    expect(await names(ctx, 'ningbo')).toEqual(['宁波安心珠宝检测技术有限公司']);
    expect((await names(ctx, '')).indexOf('宁波安心珠宝检测技术有限公司')).toBe(3); // between 杭 and 上: 宁 "ning"
  });

  // Below 2,000 dossiers the SQL search runs (above, the in-memory index): it walks the pinyin order's index
  // and tests the few rows it reads (migration 019 dropped the covering index that held the haystacks).
  it('serves the active list in the order of its pinyin index: no sort step', async () => {
    const { ctx } = await seeded();
    const sqls = capturePrepared(ctx.db);
    await names(ctx, 'hz');
    const listSql = sqls.find((s) => /ORDER BY/.test(s) && /LIMIT/.test(s))!;
    const countSql = sqls.find((s) => /count\(\*\)/.test(s))!;
    const plan = (sql: string, args: unknown[]) => (ctx.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...args) as { detail: string }[]).map((r) => r.detail);
    expect(plan(listSql, ['%hz%', '%hz%', '%\u0001hz%', 50, 0])).toEqual(['SCAN dossiers USING INDEX dossiers_name_order']);
    expect(plan(countSql, ['%hz%', '%hz%', '%\u0001hz%'])).toEqual(['SCAN dossiers']);
  });
});

/** Records the SQL the code under test prepares on this connection. */
function capturePrepared(db: Db): string[] {
  const seen: string[] = [];
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => (seen.push(sql), prepare(sql))) as typeof db.prepare;
  return seen;
}
