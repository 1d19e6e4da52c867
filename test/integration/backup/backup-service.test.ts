// Backup services in-process (real SQLite files, injected clock): the preview's chain head, restoring a
// backup from an older schema (migrations apply on reopen), an uploaded backup, the schedule applied to
// the data directory and the mirror folder.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../electron/db/open';
import { migrations } from '../../../electron/db/migrations/index';
import { previewFile } from '../../../electron/services/backup/backup-preview';
import { backupDirOf, listBackupFiles, writeVerifiedBackup } from '../../../electron/services/backup/backup-files';
import { makeBackup, pruneBackups } from '../../../electron/services/backup/backup-service';
import { previewRestore, restoreStaged } from '../../../electron/services/backup/restore';
import { createTestContext, tempDir } from '../../support/service-context';

describe('backup preview', () => {
  it('has no chain head while change_log has no hash column, and shows the chain head once it has', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'a.sqlite');
    // A database from before the hash chain (migration 009): no hash column, so no head to show.
    const { db } = await openDatabase(file, { migrations: migrations.filter((m) => m.version < 9) });
    db.prepare("INSERT INTO change_log (at, actor, entity, action) VALUES ('2026-12-01T00:00:00.000Z', '王评审', 'dossier', 'create')").run();
    db.prepare("INSERT INTO change_log (at, actor, entity, action) VALUES ('2026-12-02T00:00:00.000Z', '王评审', 'dossier', 'update')").run();
    db.close();
    expect(previewFile(file)).toMatchObject({ lastChange: { seq: 2, at: '2026-12-02T00:00:00.000Z' }, chainHead: null, counts: { changeLog: 2, dossiers: 0 } });

    // Migrated, the rows are chained and the preview shows the head: the newest row's hash.
    const { db: migrated } = await openDatabase(file);
    const head = (migrated.prepare('SELECT hash FROM change_log ORDER BY seq DESC LIMIT 1').get() as { hash: string }).hash;
    migrated.close();
    expect(head).toMatch(/^[0-9a-f]{64}$/);
    expect(previewFile(file).chainHead).toBe(head);
  });
});

describe('restore in-process', () => {
  it('restores a backup from an older schema: migrations apply on reopen, the connection is replaced', async () => {
    const ctx = await createTestContext();
    const oldFile = path.join(tempDir(), 'old.sqlite');
    const { db: old } = await openDatabase(oldFile, { migrations: migrations.slice(0, 1) });
    old.prepare("INSERT INTO settings (key, value) VALUES ('local_user_name', '旧电脑')").run();
    await writeVerifiedBackup(old, path.join(backupDirOf(ctx.dataDir), 'review-desk-manual-2026-01-01T00-00-00-000Z.sqlite'));
    old.close();

    const before = ctx.db;
    const preview = await previewRestore(ctx, { type: 'backup', name: 'review-desk-manual-2026-01-01T00-00-00-000Z.sqlite' });
    expect(preview).toMatchObject({ schemaVersion: 1, kind: 'manual', createdAt: '2026-01-01T00:00:00.000Z' });
    const result = await restoreStaged(ctx, preview.stagingId);
    expect(result.schemaVersion).toBe(migrations.at(-1)!.version);
    expect(ctx.db).not.toBe(before);
    expect(before.open).toBe(false);
    expect(ctx.db.pragma('user_version', { simple: true })).toBe(migrations.at(-1)!.version);
    expect(ctx.db.prepare("SELECT value FROM settings WHERE key = 'local_user_name'").get()).toEqual({ value: '旧电脑' });
    // The pre-restore backup of the current data and the pre-migration backup of the restored copy.
    expect(listBackupFiles(backupDirOf(ctx.dataDir)).map((f) => f.kind).sort()).toEqual(['manual', 'pre-migration', 'pre-restore']);
  });

  it('restores an uploaded backup (no date in its name) and refuses a database from a newer version', async () => {
    const ctx = await createTestContext();
    const other = await createTestContext({ user: '上传者' });
    const copy = path.join(tempDir(), 'copy.sqlite');
    await writeVerifiedBackup(other.db, copy);
    const preview = await previewRestore(ctx, { type: 'upload', fileName: '我的备份.sqlite', dataBase64: fs.readFileSync(copy).toString('base64') });
    expect(preview).toMatchObject({ source: 'file', fileName: '我的备份.sqlite', createdAt: null, kind: null });
    await restoreStaged(ctx, preview.stagingId);
    expect(ctx.db.prepare("SELECT value FROM settings WHERE key = 'local_user_name'").get()).toEqual({ value: '上传者' });

    const future = new Database(copy);
    future.pragma('user_version = 99');
    future.close();
    await expect(previewRestore(ctx, { type: 'path', path: copy })).rejects.toThrow(/更新版本/);
  });
});

describe('schedule on disk', () => {
  it('prunes our backups in the data dir and the mirror folder, never other files', async () => {
    const ctx = await createTestContext({ start: '2026-12-06T04:00:00.000Z' });
    const mirror = tempDir();
    fs.writeFileSync(path.join(ctx.dataDir, 'backup-settings.json'), JSON.stringify({ mirrorFolder: mirror }));
    const dir = backupDirOf(ctx.dataDir);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    for (let i = 0; i < 6; i++) {
      await makeBackup(ctx, 'quit');
      ctx.tick(60_000);
    }
    // Six backups on one day: the newest 3 stay (one per day would keep only 1).
    expect(listBackupFiles(dir)).toHaveLength(3);
    expect(listBackupFiles(mirror)).toHaveLength(3);
    expect(fs.existsSync(path.join(dir, 'notes.txt'))).toBe(true);
    expect(pruneBackups(dir, new Date('2026-12-20T00:00:00Z'), null)).toEqual([]); // still the newest 3
  });
});

describe('start-up check before anything writes', () => {
  const hash = (f: string) => (fs.existsSync(f) ? crypto.createHash('sha256').update(fs.readFileSync(f)).digest('hex') : null);

  it('leaves a damaged database and its leftover WAL (a crash) byte for byte as found', async () => {
    const live = path.join(tempDir(), 'review-desk.sqlite');
    const { db } = await openDatabase(live);
    db.prepare("INSERT INTO settings (key, value) VALUES ('a', '1')").run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.prepare("INSERT INTO settings (key, value) VALUES ('b', '2')").run(); // stays in the WAL
    const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'dossiers'").get() as { rootpage: number };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    // The state a crash leaves behind: the main file plus -wal and -shm, copied while the connection is open.
    const crashed = path.join(tempDir(), 'review-desk.sqlite');
    for (const suffix of ['', '-wal', '-shm']) fs.copyFileSync(live + suffix, crashed + suffix);
    db.close();
    expect(fs.statSync(`${crashed}-wal`).size).toBeGreaterThan(0);
    const fd = fs.openSync(crashed, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (rootpage - 1) * pageSize);
    fs.closeSync(fd);
    const before = [hash(crashed), hash(`${crashed}-wal`)];

    await expect(openDatabase(crashed)).rejects.toThrow(/数据库文件已损坏/);
    expect([hash(crashed), hash(`${crashed}-wal`)]).toEqual(before); // no checkpoint into the damaged file
  });
});
