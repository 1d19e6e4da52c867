// Issue 8, memory: a cache entry whose generation a write has moved is let go at that write, not kept until
// the same cache is next read on the connection (a 20,000-application ranking computed on the writer while
// the reader started stayed there, hundreds of MB, after the next score save). Only the kinds the write
// changed are dropped: a score leaves the screening, a dossier drops all, a rolled-back write drops all.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { addApplicant, ok, setUpRound } from '../../support/round-fixture';
import { roundCache, sheetApplicationCounts, sheetCellCounts } from '../../../electron/services/cache/change-tracker';
import { write } from '../../../electron/services/write';

describe('stale cache entries are dropped at the write', () => {
  it('per kind, by the writes that change it', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou } = await setUpRound(ctx);
    const app = await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000);
    const member = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '赵组长', role: 'chair' } });
    const ranking = roundCache<string>('ranking');
    const screening = roundCache<string>('screening');
    const fill = () => {
      ranking.get(ctx.db, round.id, () => 'ranking');
      screening.get(ctx.db, round.id, () => 'screening');
    };
    fill();
    expect([ranking.size(ctx.db), screening.size(ctx.db)]).toEqual([1, 1]);
    // A score: the ranking's input, not the screening's.
    await ok(ctx, 'scores.set', { memberId: member.id, applicationId: app.id, criterion: 'strength', value: 80, comment: '' });
    expect([ranking.size(ctx.db), screening.size(ctx.db)]).toEqual([0, 1]);
    fill();
    // A dossier: both.
    ctx.db.prepare("UPDATE dossiers SET city = '宁波市' WHERE id = ?").run(app.dossierId);
    expect([ranking.size(ctx.db), screening.size(ctx.db)]).toEqual([0, 0]);
    fill();
    // A write that fails after writing a ranking input: everything (the transaction's writes are gone).
    expect(() =>
      write(ctx, () => {
        ctx.db.prepare('UPDATE members SET name = ? WHERE id = ?').run('钱委员', member.id);
        fill(); // refilled inside the transaction, then the write fails
        throw new Error('rolled back');
      }),
    ).toThrow('rolled back');
    expect([ranking.size(ctx.db), screening.size(ctx.db)]).toEqual([0, 0]);
    // And the values served afterwards are computed afresh.
    expect(ranking.get(ctx.db, round.id, () => 'again')).toBe('again');
  });

  // The COMMIT itself can fail (disk full, an I/O error; here a foreign key checked only at COMMIT): SQLite rolls
  // the transaction back after its function returned, so the caches and the cell counters it moved go too.
  it('after a COMMIT that fails and rolls back', async () => {
    const ctx = await createTestContext();
    const { round, hangzhou } = await setUpRound(ctx);
    const app = await addApplicant(ctx, round.id, 1, '杭州市', [hangzhou.id], 40_000);
    const member = await ok(ctx, 'members.add', { roundId: round.id, data: { name: '赵组长', role: 'chair' } });
    const sheetId = ctx.db.prepare('SELECT id FROM score_sheets WHERE member_id = ?').pluck().get(member.id) as string;
    const ranking = roundCache<string>('ranking');
    ranking.get(ctx.db, round.id, () => 'ranking');
    expect(sheetApplicationCounts(ctx.db, sheetId)?.get(app.id) ?? 0).toBe(0);
    expect(sheetCellCounts(ctx.db, sheetId)?.get('strength') ?? 0).toBe(0);
    const failingCommit = ctx.db.transaction(() => {
      ctx.db.pragma('defer_foreign_keys = ON');
      ctx.db.prepare("INSERT INTO scores (sheet_id, application_id, criterion, value, comment, updated_at) VALUES (?, ?, 'strength', 80, '', 'x')").run(sheetId, app.id);
      ctx.db.prepare("INSERT INTO scores (sheet_id, application_id, criterion, value, comment, updated_at) VALUES ('no-such-sheet', ?, 'strength', 80, '', 'x')").run(app.id);
    });
    expect(() => failingCommit.immediate()).toThrow(/FOREIGN KEY/);
    expect(ctx.db.prepare('SELECT COUNT(*) FROM scores').pluck().get()).toBe(0);
    // The counters say what the table says, and the ranking cached before is gone.
    expect(sheetApplicationCounts(ctx.db, sheetId)?.get(app.id) ?? 0).toBe(0);
    expect(sheetCellCounts(ctx.db, sheetId)?.get('strength') ?? 0).toBe(0);
    expect(ranking.size(ctx.db)).toBe(0);
  });
});
