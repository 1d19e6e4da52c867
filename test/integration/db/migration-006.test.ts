// Migration 006 (re-admission bans per program) on a real v3 file holding bans: the rows survive, old bans
// stay unscoped (every program, shown as 「全部项目」), start on the day they were recorded, and a ban lifted
// under the old version (which told the chair lifting removes it) never applies.
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { m001Initial } from '../../../electron/db/migrations/001-initial';
import { m002Rounds } from '../../../electron/db/migrations/002-rounds';
import { m003Cooperations } from '../../../electron/db/migrations/003-cooperations';
import { migrations } from '../../../electron/db/migrations/index';
import { bansForProgram, listBans } from '../../../electron/services/rounds/screening-service';
import { createTestContext, tempDir } from '../../support/service-context';

describe('migration 006: re-admission bans per program', () => {
  it('migrates v3 bans: unscoped, starting on their recording day, lifted ones lifted from their start', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'review-desk.sqlite');
    const v3 = await openDatabase(file, { migrations: [m001Initial, m002Rounds, m003Cooperations] });
    // Seeded with v3's own columns.
    const insert = v3.db.prepare('INSERT INTO readmission_bans (id, credit_code, until, reason, note, created_at, created_by, lifted_at, lifted_by, lift_reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
    insert.run('ban-open', '91330100716105852F', '2027-03-01', 'failedAssessment', '三季度考核未通过', '2026-09-02T08:00:00.000Z', '王评审', null, null, null);
    insert.run('ban-lifted', '9144030071526726XG', null, 'illegal', '', '2026-08-15T08:00:00.000Z', '王评审', '2026-10-01T08:00:00.000Z', '王评审', '登记有误');
    v3.db.prepare("INSERT INTO programs (id, platform, name, rules, created_at, updated_at) VALUES ('p1', '淘宝直播', '安心鉴鉴定机构', '[]', '2026-08-01', '2026-08-01')").run();
    v3.db.close();

    const opened = await openDatabase(file, { migrations, now: () => new Date('2026-11-23T00:00:00Z') });
    expect(opened).toMatchObject({ fromVersion: 3, version: migrations.at(-1)!.version });
    const db = opened.db;
    expect(db.prepare('SELECT id, program_id, starts_on, region_names, lifted_on FROM readmission_bans ORDER BY id').all()).toEqual([
      { id: 'ban-lifted', program_id: null, starts_on: '2026-08-15', region_names: '[]', lifted_on: '2026-08-15' },
      { id: 'ban-open', program_id: null, starts_on: '2026-09-02', region_names: '[]', lifted_on: null },
    ]);
    db.close();

    // Read through the service: the open ban is listed without a program and applies to any program.
    const ctx = await createTestContext({ dataDir });
    expect(listBans(ctx)).toEqual([
      expect.objectContaining({ id: 'ban-open', programId: null, programName: '', startsOn: '2026-09-02', until: '2027-03-01', regionNames: [], note: '三季度考核未通过' }),
    ]);
    expect(bansForProgram(ctx, 'p1')).toEqual([
      { creditCode: '9144030071526726XG', startsOn: '2026-08-15', until: null, liftedOn: '2026-08-15', reason: 'illegal' },
      { creditCode: '91330100716105852F', startsOn: '2026-09-02', until: '2027-03-01', liftedOn: null, reason: 'failedAssessment' },
    ]);
    expect(bansForProgram(ctx, 'any-other-program')).toHaveLength(2);
    ctx.db.close();
  });
});
