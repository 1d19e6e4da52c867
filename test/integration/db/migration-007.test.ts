// Migration 007 (dossier pinyin keys) on a real file of the previous schema holding dossiers: the new columns
// are filled from each row's stored name, city and province in the migration itself, so search by pinyin and
// pinyin order work at once, before any dossier is saved again. The backfill is idempotent.
import fs from 'node:fs';
import path from 'node:path';
import type { Database } from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { migrations } from '../../../electron/db/migrations/index';
import { backfillDossierPinyin, m007DossierPinyin } from '../../../electron/db/migrations/007-dossier-pinyin';
import type { Migration } from '../../../electron/db/migrations/types';
import { createDossierRepo } from '../../../electron/services/dossiers/dossier-repo';
import { tempDir } from '../../support/service-context';
import { dossierInput, REAL_CREDIT_CODES } from '../../support/dossiers';
import { insertV1Dossier } from '../../support/legacy-dossiers';

const fail = (): never => {
  throw new Error('disk full');
};
const before007 = migrations.filter((m) => m.version < 7);

async function previousSchemaFile(): Promise<string> {
  const file = path.join(tempDir(), 'review-desk.sqlite');
  const old = await openDatabase(file, { migrations: before007 });
  insertV1Dossier(old.db, dossierInput({ legalName: '杭州安心珠宝检测技术有限公司', creditCode: REAL_CREDIT_CODES[0]! }));
  insertV1Dossier(old.db, dossierInput({ legalName: '重庆市长江鉴定有限公司', creditCode: REAL_CREDIT_CODES[1]!, province: '重庆市', city: '重庆市' }));
  insertV1Dossier(old.db, dossierInput({ legalName: '北京国检珠宝鉴定有限公司', creditCode: REAL_CREDIT_CODES[2]!, province: '北京市', city: '北京市' }));
  old.db.close();
  return file;
}

describe('migration 007: dossier pinyin keys', () => {
  it('adds the columns and fills them for every existing dossier', async () => {
    const file = await previousSchemaFile();
    const opened = await openDatabase(file, { now: () => new Date('2026-12-06T00:00:00Z') });
    expect(opened.fromVersion).toBe(before007.at(-1)!.version);
    expect(opened.version).toBe(migrations.at(-1)!.version);
    expect(opened.backupPath && fs.existsSync(opened.backupPath)).toBe(true);
    const { db } = opened;

    const rows = db.prepare('SELECT legal_name, pinyin_initials, pinyin_full, name_sort FROM dossiers ORDER BY id').all() as { legal_name: string; pinyin_initials: string; pinyin_full: string; name_sort: string }[];
    expect(rows.map((r) => [r.legal_name, r.pinyin_initials, r.name_sort])).toEqual([
      ['杭州安心珠宝检测技术有限公司', '\u0001hzaxzbjcjsyxgs\u0001hzs\u0001zjs', 'hang zhou an xin zhu bao jian ce ji shu you xian gong si'],
      ['重庆市长江鉴定有限公司', '\u0001cqscjjdyxgs\u0001cqs\u0001cqs', 'chong qing shi chang jiang jian ding you xian gong si'],
      ['北京国检珠宝鉴定有限公司', '\u0001bjgjzbjdyxgs\u0001bjs\u0001bjs', 'bei jing guo jian zhu bao jian ding you xian gong si'],
    ]);
    // The full pinyin from every syllable start of the name, then of the city, then of the province.
    expect(rows[0]!.pinyin_full.split('\u0001').slice(1, 4)).toEqual(['hangzhouanxinzhubaojiancejishuyouxiangongsi', 'zhouanxinzhubaojiancejishuyouxiangongsi', 'anxinzhubaojiancejishuyouxiangongsi']);
    expect(rows[0]!.pinyin_full.split('\u0001').slice(-6)).toEqual(['hangzhoushi', 'zhoushi', 'shi', 'zhejiangsheng', 'jiangsheng', 'sheng']);
    const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'dossiers'").all() as { name: string }[]).map((r) => r.name);
    // The list's order index; 007's wide covering one was dropped again by 019 (the in-memory search index replaced it).
    expect(indexes).toContain('dossiers_name_order');

    // Found by pinyin and listed in pinyin order straight after the upgrade.
    const repo = createDossierRepo(db);
    const list = (search: string) => repo.list({ search, status: 'active', offset: 0, limit: 50 }).items.map((d) => d.legalName);
    expect(list('hz')).toEqual(['杭州安心珠宝检测技术有限公司']);
    expect(list('changjiang')).toEqual(['重庆市长江鉴定有限公司']);
    expect(list('')).toEqual(['北京国检珠宝鉴定有限公司', '重庆市长江鉴定有限公司', '杭州安心珠宝检测技术有限公司']);
    db.close();
  });

  it('backfills idempotently and repairs keys that went missing', async () => {
    const { db } = await openDatabase(await previousSchemaFile());
    const snapshot = () => db.prepare('SELECT id, pinyin_initials, pinyin_full, name_sort FROM dossiers ORDER BY id').all();
    const after = snapshot();
    expect(backfillDossierPinyin(db)).toBe(3);
    expect(snapshot()).toEqual(after);
    db.prepare("UPDATE dossiers SET pinyin_initials = '', pinyin_full = '', name_sort = '' WHERE id = 2").run();
    backfillDossierPinyin(db);
    expect(snapshot()).toEqual(after);
    db.close();
  });

  it('is all or nothing: a file it cannot finish stays at the previous version with its rows', async () => {
    const file = await previousSchemaFile();
    const up007 = m007DossierPinyin.up as (db: Database) => void;
    const failing: Migration[] = [...before007, { version: 7, name: 'test: 007, then a failure', up: (db) => (up007(db), fail()) }];
    await expect(openDatabase(file, { migrations: failing })).rejects.toThrow(/disk full/);
    const { db } = await openDatabase(file, { migrations: before007 });
    expect(db.pragma('user_version', { simple: true })).toBe(before007.at(-1)!.version);
    expect((db.prepare('PRAGMA table_info(dossiers)').all() as { name: string }[]).map((c) => c.name)).not.toContain('pinyin_full');
    expect(db.prepare('SELECT count(*) AS n FROM dossiers').get()).toEqual({ n: 3 });
    db.close();
  });
});
