// Migration 019 (issue 8: the dossier indexes the list no longer reads) on a real v18 file holding dossiers:
// the two indexes are gone, every row is as it was, and the list still finds by pinyin and sorts in pinyin
// order, both through the SQL search (few dossiers) and the in-memory index.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { migrations } from '../../../electron/db/migrations';
import { createDossierRepo } from '../../../electron/services/dossiers/dossier-repo';
import { setSearchIndexThreshold } from '../../../electron/services/dossiers/dossier-search-index';
import { dossierInputSchema } from '../../../shared/dossiers/schema';
import { tempDir } from '../../support/service-context';
import { dossierInput, REAL_CREDIT_CODES } from '../../support/dossiers';

describe('migration 019: dossier list indexes', () => {
  it('drops the covering search index and the legal-name index, keeping every row and the list', async () => {
    const file = path.join(tempDir(), 'review-desk.sqlite');
    const v18 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 18) });
    expect(v18.version).toBe(18);
    const old = createDossierRepo(v18.db);
    old.insert(dossierInputSchema.parse(dossierInput({ legalName: '杭州安心珠宝检测技术有限公司', creditCode: REAL_CREDIT_CODES[0]! })), '2026-11-01T00:00:00.000Z');
    old.insert(dossierInputSchema.parse(dossierInput({ legalName: '北京国检珠宝鉴定有限公司', creditCode: REAL_CREDIT_CODES[1]!, province: '北京市', city: '北京市' })), '2026-11-01T00:00:00.000Z');
    const indexesOf = (db: typeof v18.db) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'dossiers' AND sql IS NOT NULL ORDER BY name").pluck().all();
    expect(indexesOf(v18.db)).toEqual(['dossiers_archived_name', 'dossiers_name_order', 'dossiers_name_sort']);
    const rowsBefore = v18.db.prepare('SELECT * FROM dossiers ORDER BY id').all();
    v18.db.close();

    const latest = await openDatabase(file, { migrations, now: () => new Date('2026-12-06T00:00:00Z') });
    expect(latest).toMatchObject({ fromVersion: 18, version: migrations.at(-1)!.version });
    const { db } = latest;
    expect(indexesOf(db)).toEqual(['dossiers_name_order']);
    expect(db.prepare('SELECT * FROM dossiers ORDER BY id').all()).toEqual(rowsBefore);
    const repo = createDossierRepo(db);
    const names = (search: string) => repo.list({ search, status: 'active', offset: 0, limit: 50 }).items.map((d) => d.legalName);
    for (const threshold of [Infinity, 0]) {
      setSearchIndexThreshold(threshold); // the SQL search, then the in-memory index
      expect(names('')).toEqual(['北京国检珠宝鉴定有限公司', '杭州安心珠宝检测技术有限公司']);
      expect(names('hz')).toEqual(['杭州安心珠宝检测技术有限公司']);
      expect(names('guojian')).toEqual(['北京国检珠宝鉴定有限公司']);
    }
    setSearchIndexThreshold(2_000);
    db.close();
  });
});
