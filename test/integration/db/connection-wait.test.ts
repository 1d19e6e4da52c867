// Issue 9: when another connection holds the write lock past the whole wait, the user gets a clear zh-CN
// message saying nothing was saved and what to do — never "数据库正忙" — and indeed nothing was written.
// And every transaction of a writer connection takes the lock first (IMMEDIATE), so the wait applies at
// BEGIN and a stale read snapshot can never fail a write half-way (SQLITE_BUSY_SNAPSHOT).
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { WRITE_WAIT_MS, writeWaitExpiredMessage } from '../../../electron/db/connection-wait';
import { createTestContext, tempDir } from '../../support/service-context';
import { callError, countRows } from '../../support/call';
import { ok } from '../../support/round-fixture';
import { contentDigest } from '../../support/fuzz/fuzz-api';
import { dossierInput } from '../../support/dossiers';

describe('writer connection: waiting for another writer', () => {
  it('waits long enough for the longest import (minutes, not the old 5 s)', async () => {
    const ctx = await createTestContext();
    expect(WRITE_WAIT_MS).toBeGreaterThanOrEqual(60_000);
    expect(ctx.db.pragma('busy_timeout', { simple: true })).toBe(WRITE_WAIT_MS);
  });

  it('a wait that runs out: a clear message, nothing written, and the same call succeeds once the lock is free', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'review-desk.sqlite');
    const base = await createTestContext({ dataDir });
    base.db.close();
    const ctx = { ...base, db: (await openDatabase(file, { writeWaitMs: 300, skipIntegrityCheck: true })).db };
    const before = contentDigest(ctx.db);
    const other = new Database(file);
    other.exec('BEGIN IMMEDIATE');
    other.prepare("INSERT INTO settings (key, value) VALUES ('别的程序', '导入中')").run();

    const started = Date.now();
    const error = await callError(ctx, 'dossiers.create', dossierInput());
    expect(Date.now() - started).toBeGreaterThanOrEqual(250);
    expect(error.code).toBe('CONFLICT');
    expect(error.message).not.toContain('数据库正忙');
    expect(error.message).toContain('没有保存任何内容');
    expect(error.message).toContain('请等那个程序完成后再试');
    expect(contentDigest(ctx.db)).toBe(before);

    other.exec('COMMIT');
    other.close();
    await ok(ctx, 'dossiers.create', dossierInput());
    expect(countRows(ctx, 'dossiers')).toBe(1);
  });

  it('every transaction takes the write lock at BEGIN, even one that has only read so far', async () => {
    const ctx = await createTestContext();
    const other = new Database(ctx.db.name);
    other.pragma('busy_timeout = 0');
    let otherCouldWrite: boolean | null = null;
    ctx.db.transaction(() => {
      ctx.db.prepare('SELECT count(*) FROM dossiers').get();
      try {
        other.exec('BEGIN IMMEDIATE');
        other.exec('ROLLBACK');
        otherCouldWrite = true;
      } catch (error) {
        otherCouldWrite = (error as { code?: string }).code !== 'SQLITE_BUSY';
      }
    })();
    other.close();
    expect(otherCouldWrite).toBe(false);
  });

  it('the message names the wait in minutes or seconds', () => {
    expect(writeWaitExpiredMessage(120_000)).toContain('2 分钟');
    expect(writeWaitExpiredMessage(300)).toContain('1 秒');
  });
});
