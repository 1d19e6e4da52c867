// Migration 018 (persisted cache generations, issue 8) on a real v15 file holding a program, a round, a
// region, a dossier and an application: the rows survive, the counters start at 0, and from then on every
// committed write to a screening input — whichever connection makes it — bumps the screening counter (a
// dossier the dossiers counter, which the screening's generation also reads), a score write bumps nothing, and a rolled-back write leaves the
// counter where it was. The migration's table list is the change tracker's (a table added to one without the
// other would leave the reader's caches stale).
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { migrations } from '../../../electron/db/migrations';
import { CACHE_GENERATION_TABLES } from '../../../electron/db/migrations/018-cache-generations';
import { SCREENING_TABLES } from '../../../electron/services/cache/change-tracker';
import { tempDir } from '../../support/service-context';

describe('migration 018: cache generations', () => {
  it('counts commits to the screening and dossier inputs, from any connection, and keeps every row', async () => {
    const file = path.join(tempDir(), 'review-desk.sqlite');
    const v15 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 15) });
    expect(v15.version).toBe(15);
    const db15 = v15.db;
    db15.prepare("INSERT INTO programs (id, platform, name, rules, created_at, updated_at) VALUES ('p1', '淘宝直播', '安心鉴', '[]', '2026-11-01', '2026-11-01')").run();
    db15.prepare("INSERT INTO rounds (id, program_id, name, reference_date, options, status, created_at, updated_at) VALUES ('r1', 'p1', '2026年评审', '2026-11-01', '{}', 'open', '2026-11-01', '2026-11-02')").run();
    const before = db15.prepare('SELECT * FROM rounds').all();
    db15.close();

    const latest = await openDatabase(file, { migrations, now: () => new Date('2026-12-06T00:00:00Z') });
    expect(latest).toMatchObject({ fromVersion: 15 });
    expect(latest.version).toBeGreaterThanOrEqual(18);
    const db = latest.db;
    expect(db.prepare('SELECT * FROM rounds').all()).toEqual(before);
    const counters = () => Object.fromEntries(db.prepare('SELECT kind, n FROM cache_generations').raw().all() as [string, number][]);
    expect(counters()).toEqual({ screening: 0, dossiers: 0 });
    // Three triggers per table, on exactly the tracker's tables plus dossiers.
    const triggered = db.prepare("SELECT DISTINCT tbl_name FROM sqlite_master WHERE type = 'trigger' AND name LIKE 'cache_gen_%' ORDER BY tbl_name").pluck().all();
    expect(triggered).toEqual([...SCREENING_TABLES, 'dossiers'].sort());
    expect([...CACHE_GENERATION_TABLES].sort()).toEqual([...SCREENING_TABLES].sort());

    // Another connection (the command line) writes a round: the screening counter moves for everyone.
    const other = new Database(file);
    other.prepare("UPDATE rounds SET reference_date = '2026-11-23' WHERE id = 'r1'").run();
    other.close();
    expect(counters()).toEqual({ screening: 1, dossiers: 0 });
    // A dossier: its own counter (the screening generation reads both).
    db.prepare(
      "INSERT INTO dossiers (credit_code, legal_name, legal_representative, province, city, registered_capital_yuan, established_on, taxpayer_type, real_name_verified, is_shop_account, deposit_paid_fen, capabilities, price_quote_fen, contacts, introduction, notes, search_text, created_at, updated_at) VALUES ('91330100MA2XXXXXX1', '杭州测试有限公司', '陈明', '浙江省', '杭州市', 1000000, '2020-01-01', 'general', 1, 0, 0, '[]', NULL, '[]', '', '', '杭州测试有限公司', '2026-11-01', '2026-11-01')",
    ).run();
    expect(counters()).toEqual({ screening: 1, dossiers: 1 });
    // Scores, sheets and members are not screening inputs.
    db.prepare("INSERT INTO members (id, round_id, name, role, sort) VALUES ('m1', 'r1', '赵组长', 'chair', 0)").run();
    expect(counters()).toEqual({ screening: 1, dossiers: 1 });
    // A write that rolls back leaves the counter as it was.
    expect(() =>
      db.transaction(() => {
        db.prepare("UPDATE rounds SET name = '改名' WHERE id = 'r1'").run();
        throw new Error('rolled back');
      })(),
    ).toThrow('rolled back');
    expect(counters()).toEqual({ screening: 1, dossiers: 1 });
    db.close();
  });
});
