// Migration 015 (the member who finalized/reopened) on a real v13 file holding a finalized-then-reopened
// round and a finalization in force: the rows survive unchanged, the new member-id columns are empty on
// them, and the frozen results read as before (the app user's name, no member, no role).
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { migrations } from '../../../electron/db/migrations';
import { tempDir } from '../../support/service-context';

describe('migration 015: finalizer member id', () => {
  it('adds empty member-id columns to existing finalizations, keeping every row', async () => {
    const file = path.join(tempDir(), 'review-desk.sqlite');
    const v13 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 13) });
    expect(v13.version).toBe(13);
    const db13 = v13.db;
    db13.prepare("INSERT INTO programs (id, platform, name, rules, created_at, updated_at) VALUES ('p1', '淘宝直播', '安心鉴', '[]', '2026-11-01', '2026-11-01')").run();
    db13.prepare("INSERT INTO rounds (id, program_id, name, reference_date, options, status, created_at, updated_at) VALUES ('r1', 'p1', '2026年评审', '2026-11-01', '{}', 'finalized', '2026-11-01', '2026-11-02')").run();
    db13.prepare("INSERT INTO finalizations (id, round_id, finalized_at, finalized_by, snapshot, reopened_at, reopened_by, reopen_reason) VALUES ('f0', 'r1', '2026-11-01', '李娜', '{}', '2026-11-02', '李娜', '名额调整')").run();
    db13.prepare("INSERT INTO finalizations (id, round_id, finalized_at, finalized_by, snapshot) VALUES ('f1', 'r1', '2026-11-03', '李娜', '{}')").run();
    db13.close();

    const latest = await openDatabase(file, { migrations, now: () => new Date('2026-12-06T00:00:00Z') });
    expect(latest).toMatchObject({ fromVersion: 13, version: migrations.at(-1)!.version });
    expect(latest.version).toBeGreaterThanOrEqual(15);
    const rows = latest.db.prepare('SELECT id, finalized_by, finalized_by_member_id, reopened_by, reopened_by_member_id, reopen_reason FROM finalizations ORDER BY id').all();
    expect(rows).toEqual([
      { id: 'f0', finalized_by: '李娜', finalized_by_member_id: null, reopened_by: '李娜', reopened_by_member_id: null, reopen_reason: '名额调整' },
      { id: 'f1', finalized_by: '李娜', finalized_by_member_id: null, reopened_by: null, reopened_by_member_id: null, reopen_reason: null },
    ]);
    latest.db.close();
  });
});
