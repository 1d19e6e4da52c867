// Migration 004 (assessment reruns) on a real v3 file holding a run: the run and its actions survive, the
// new columns start empty (no proposal is marked replaced after the fact), and the new indexes exist.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { m001Initial } from '../../../electron/db/migrations/001-initial';
import { m002Rounds } from '../../../electron/db/migrations/002-rounds';
import { m003Cooperations } from '../../../electron/db/migrations/003-cooperations';
import { migrations } from '../../../electron/db/migrations';
import { tempDir } from '../../support/service-context';

describe('migration 004: assessment reruns', () => {
  it('adds superseded_by / superseded_at to the actions of a v3 file, keeping every row', async () => {
    const file = path.join(tempDir(), 'review-desk.sqlite');
    const v3 = await openDatabase(file, { migrations: [m001Initial, m002Rounds, m003Cooperations] });
    const db3 = v3.db;
    // Seeded with v3's own columns and the rows they reference (the start-up integrity check refuses a file
    // with dangling references, as it should).
    db3.prepare("INSERT INTO programs (id, platform, name, rules, created_at, updated_at) VALUES ('p1', '淘特', '品牌认证', '[]', '2026-01-01', '2026-01-01')").run();
    db3.prepare(`INSERT INTO dossiers (credit_code, legal_name, legal_representative, province, city, registered_capital_yuan, established_on, taxpayer_type,
        real_name_verified, is_shop_account, deposit_paid_fen, capabilities, price_quote_fen, contacts, introduction, notes, search_text, created_at, updated_at)
        VALUES ('91330100MA27XXXX0X', '甲公司', '陈明', '浙江省', '杭州市', 5000000, '2018-06-01', 'general', 1, 0, 10000000, '[]', NULL, '[]', '', '', '', '2026-01-01', '2026-01-01')`).run();
    for (const c of ['c1', 'c2']) db3.prepare("INSERT INTO cooperations (id, program_id, dossier_id, region_name, status, started_on, created_at, updated_at) VALUES (?, 'p1', 1, '杭州', 'formal', '2026-10-01', '2026-10-01', '2026-10-01')").run(c);
    db3.prepare("INSERT INTO assessment_runs (id, program_id, period_label, period_start, period_end, rule_set, results, created_at, created_by) VALUES ('r1', 'p1', '2026-12', '2026-12', '2026-12-31', '{\"kind\":\"monthlyWarning\"}', '[]', '2027-01-01T00:00:00Z', '王评审')").run();
    db3.prepare("INSERT INTO assessment_actions (run_id, cooperation_id, proposed, confirmed) VALUES ('r1', 'c1', 'rectificationNotice', 'rectificationNotice'), ('r1', 'c2', 'continue', NULL)").run();
    db3.close();

    const v4 = await openDatabase(file, { migrations, now: () => new Date('2027-01-02T00:00:00Z') });
    expect(v4).toMatchObject({ fromVersion: 3, version: migrations.at(-1)!.version });
    const rows = v4.db.prepare('SELECT run_id, cooperation_id, proposed, confirmed, superseded_by, superseded_at FROM assessment_actions ORDER BY cooperation_id').all();
    expect(rows).toEqual([
      { run_id: 'r1', cooperation_id: 'c1', proposed: 'rectificationNotice', confirmed: 'rectificationNotice', superseded_by: null, superseded_at: null },
      { run_id: 'r1', cooperation_id: 'c2', proposed: 'continue', confirmed: null, superseded_by: null, superseded_at: null },
    ]);
    const indexes = v4.db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND name IN ('assessment_runs_program_month', 'assessment_actions_cooperation') ORDER BY name").pluck().all();
    expect(indexes).toEqual(['assessment_actions_cooperation', 'assessment_runs_program_month']);
    v4.db.close();
  });
});
