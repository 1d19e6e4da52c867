// Migration 002 (rounds) on a real v1 file holding data: the data survives, a backup is taken first, the
// change log gains entity_key and stays append-only.
import path from 'node:path';
import fs from 'node:fs';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { m001Initial } from '../../../electron/db/migrations/001-initial';
import { m002Rounds } from '../../../electron/db/migrations/002-rounds';
import { tempDir } from '../../support/service-context';
import { dossierInput } from '../../support/dossiers';

describe('migration 002: rounds', () => {
  it('migrates a v1 file with dossiers and history, keeping every row', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'review-desk.sqlite');
    const v1 = await openDatabase(file, { migrations: [m001Initial] });
    // Seeded with v1's own columns (today's service code writes columns v1 does not have).
    v1.db
      .prepare(`INSERT INTO dossiers (credit_code, legal_name, legal_representative, province, city, registered_capital_yuan, established_on, taxpayer_type,
        real_name_verified, is_shop_account, deposit_paid_fen, capabilities, price_quote_fen, contacts, introduction, notes, search_text, created_at, updated_at)
        VALUES (?, ?, '陈明', '浙江省', '杭州市', 5000000, '2018-06-01', 'general', 1, 0, 10000000, '[]', NULL, '[]', '', '', '', ?, ?)`)
      .run(dossierInput().creditCode, dossierInput().legalName, '2026-11-01T00:00:00.000Z', '2026-11-01T00:00:00.000Z');
    v1.db.prepare("INSERT INTO change_log (at, actor, entity, entity_id, action, before, after) VALUES ('2026-11-01T00:00:00.000Z', '王评审', 'dossier', 1, 'create', NULL, '{}')").run();
    v1.db.close();

    const v2 = await openDatabase(file, { migrations: [m001Initial, m002Rounds], now: () => new Date('2026-11-23T00:00:00Z') });
    expect(v2).toMatchObject({ fromVersion: 1, version: 2 });
    expect(v2.backupPath && fs.existsSync(v2.backupPath)).toBe(true);
    const db = v2.db;
    expect(db.prepare('SELECT legal_name FROM dossiers').all()).toEqual([{ legal_name: '杭州安心珠宝检测技术有限公司' }]);
    expect(db.prepare('SELECT entity, entity_id, entity_key, action FROM change_log').all()).toEqual([{ entity: 'dossier', entity_id: 1, entity_key: null, action: 'create' }]);
    for (const table of ['programs', 'rounds', 'round_regions', 'applications', 'application_regions', 'members', 'recusals', 'score_sheets', 'scores', 'finalizations', 'readmission_bans', 'eligibility_overrides']) {
      expect(db.prepare("SELECT count(*) AS n FROM sqlite_master WHERE type = 'table' AND name = ?").get(table)).toEqual({ n: 1 });
    }
    expect(() => db.prepare("UPDATE change_log SET entity_key = 'x'").run()).toThrow(/append-only/);
    db.close();
    // The backup is the v1 file as it was.
    const backup = new Database(v2.backupPath!, { readonly: true });
    expect(backup.pragma('user_version', { simple: true })).toBe(1);
    expect(backup.prepare('SELECT count(*) AS n FROM dossiers').get()).toEqual({ n: 1 });
    backup.close();
  });
});
