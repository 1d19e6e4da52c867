// Migration 013 on a real v10 file holding a sent score sheet: the row survives, its payload is empty (sent
// before the payload was kept), and new rows can carry the signed payload.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { migrations } from '../../../electron/db/migrations';
import { tempDir } from '../../support/service-context';

describe('migration 013: sent sheets keep their payload', () => {
  it('adds the payload column to a v10 file without touching the sent sheets', async () => {
    const file = path.join(tempDir(), 'review-desk.sqlite');
    const v10 = await openDatabase(file, { migrations: migrations.filter((m) => m.version <= 10) });
    v10.db.prepare("INSERT INTO programs (id, platform, name, rules, created_at, updated_at) VALUES ('p1', '淘宝直播', '安心鉴', '[]', 'x', 'x')").run();
    v10.db.prepare("INSERT INTO rounds (id, program_id, name, reference_date, options, status, created_at, updated_at, origin) VALUES ('r1', 'p1', '批次', '2026-11-23', '{}', 'open', 'x', 'x', 'package')").run();
    v10.db.prepare("INSERT INTO sent_sheets (sha256, round_id, sequence, reason, exported_at) VALUES ('abc', 'r1', 1, NULL, '2026-12-01T00:00:00.000Z')").run();
    v10.db.close();

    const latest = await openDatabase(file, { migrations, now: () => new Date('2026-12-06T00:00:00Z') });
    expect(latest).toMatchObject({ fromVersion: 10, version: migrations.at(-1)!.version });
    expect(latest.db.prepare('SELECT sha256, sequence, payload FROM sent_sheets').all()).toEqual([{ sha256: 'abc', sequence: 1, payload: null }]);
    latest.db.prepare('UPDATE sent_sheets SET payload = ? WHERE sha256 = ?').run('{"scores":[]}', 'abc');
    expect(latest.db.prepare('SELECT payload FROM sent_sheets').get()).toEqual({ payload: '{"scores":[]}' });
    latest.db.close();
  });
});
