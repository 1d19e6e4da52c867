// The change history is a hash chain (electron/services/history/chain.ts): every write through the
// services chains, any rewrite of any byte of any row, a deleted row or an inserted row is found, and the
// verdict names the first broken row.
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { m001Initial } from '../../../electron/db/migrations/001-initial';
import { m002Rounds } from '../../../electron/db/migrations/002-rounds';
import { m003Cooperations } from '../../../electron/db/migrations/003-cooperations';
import { chainHead, fingerprint, GENESIS, verifyChain } from '../../../electron/services/history/chain';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { createTestContext, tempDir } from '../../support/service-context';
import { dossierInput } from '../../support/dossiers';

/** Lets the test play the attacker who drops the triggers, edits, and puts them back. */
function tamper(db: Database.Database, sql: string, ...params: unknown[]): void {
  db.exec('DROP TRIGGER change_log_no_update; DROP TRIGGER change_log_no_delete; DROP TRIGGER change_log_hash_required;');
  db.prepare(sql).run(...params);
  db.exec(`CREATE TRIGGER change_log_no_update BEFORE UPDATE ON change_log BEGIN SELECT RAISE(ABORT, 'x'); END;
           CREATE TRIGGER change_log_no_delete BEFORE DELETE ON change_log BEGIN SELECT RAISE(ABORT, 'x'); END;
           CREATE TRIGGER change_log_hash_required BEFORE INSERT ON change_log WHEN NEW.hash IS NULL BEGIN SELECT RAISE(ABORT, 'x'); END;`);
}

async function historyOfThree() {
  const ctx = await createTestContext();
  const created = await dispatch(handlers, ctx, 'dossiers.create', dossierInput({ legalName: '杭州甲鉴定有限公司' }));
  const id = (created as { value: { id: number } }).value.id;
  ctx.tick();
  await dispatch(handlers, ctx, 'dossiers.update', { id, version: 1, data: dossierInput({ legalName: '杭州甲鉴定有限公司', city: '宁波市' }) });
  ctx.tick();
  await dispatch(handlers, ctx, 'dossiers.setArchived', { id, archived: true });
  expect(ctx.db.prepare('SELECT COUNT(*) AS n FROM change_log').get()).toEqual({ n: 3 });
  return ctx;
}

describe('history hash chain', () => {
  it('chains every write from GENESIS and verifies', async () => {
    const ctx = await historyOfThree();
    const verdict = verifyChain(ctx.db);
    expect(verdict).toMatchObject({ ok: true, rows: 3 });
    expect(verdict.head).toBe(chainHead(ctx.db));
    expect(verdict.head).not.toBe(GENESIS);
    expect(fingerprint(verdict.head)).toMatch(/^[0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4} [0-9a-f]{4}$/);
  });

  it('refuses a row without its hash even through plain SQL', async () => {
    const ctx = await historyOfThree();
    expect(() => ctx.db.prepare("INSERT INTO change_log (at, actor, entity, action) VALUES ('2026-01-01', 'x', 'dossier', 'create')").run()).toThrow(/chain hash/);
  });

  it('finds every single-byte change of every column of a row, naming that row', async () => {
    const ctx = await historyOfThree();
    const target = ctx.db.prepare('SELECT * FROM change_log WHERE seq = 2').get() as Record<string, string | number | null>;
    let checked = 0;
    for (const column of ['at', 'actor', 'entity', 'action', 'before', 'after']) {
      const original = String(target[column]);
      for (let i = 0; i < original.length; i++) {
        const flipped = original.slice(0, i) + String.fromCharCode(original.charCodeAt(i) ^ 1) + original.slice(i + 1);
        tamper(ctx.db, `UPDATE change_log SET ${column} = ? WHERE seq = 2`, flipped);
        const verdict = verifyChain(ctx.db);
        expect(verdict.ok, `${column}[${i}]`).toBe(false);
        if (!verdict.ok) expect(verdict.brokenAt.seq).toBe(2);
        tamper(ctx.db, `UPDATE change_log SET ${column} = ? WHERE seq = 2`, original);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(50); // every character of the row: 68 here
    expect(verifyChain(ctx.db).ok).toBe(true); // put back byte for byte, it verifies again
  });

  it('finds a deleted row, an inserted row and a rewritten hash', async () => {
    const deleted = await historyOfThree();
    tamper(deleted.db, 'DELETE FROM change_log WHERE seq = 2');
    expect(verifyChain(deleted.db)).toMatchObject({ ok: false, brokenAt: { seq: 3 } });

    const forged = await historyOfThree();
    tamper(forged.db, "UPDATE change_log SET actor = '李四', hash = 'f'||substr(hash, 2) WHERE seq = 1");
    expect(verifyChain(forged.db)).toMatchObject({ ok: false, brokenAt: { seq: 1, problem: 'hashMismatch' } });

    const nulled = await historyOfThree();
    tamper(nulled.db, 'UPDATE change_log SET hash = NULL WHERE seq = 3');
    expect(verifyChain(nulled.db)).toMatchObject({ ok: false, brokenAt: { seq: 3, problem: 'missingHash' } });
  });

  it('migration 009 chains an existing history in seq order', async () => {
    const file = path.join(tempDir(), 'review-desk.sqlite');
    const old = await openDatabase(file, { migrations: [m001Initial, m002Rounds, m003Cooperations] });
    for (let i = 0; i < 5; i++) old.db.prepare("INSERT INTO change_log (at, actor, entity, entity_id, action, before, after) VALUES (?, '王评审', 'dossier', ?, 'create', NULL, '{}')").run(`2026-11-0${i + 1}T00:00:00.000Z`, i);
    old.db.close();
    const migrated = await openDatabase(file);
    expect(verifyChain(migrated.db)).toMatchObject({ ok: true, rows: 5 });
    expect(() => migrated.db.prepare('UPDATE change_log SET actor = ? WHERE seq = 1').run('李四')).toThrow(/append-only/);
    migrated.db.close();
  });
});
