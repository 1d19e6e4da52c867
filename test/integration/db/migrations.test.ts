// Opening and migrating real SQLite files (electron/db/open.ts): pragmas, refusal of newer files, backup
// before migrating, all-or-nothing migrations, append-only change log.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { WRITE_WAIT_MS } from '../../../electron/db/connection-wait';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DbFromFutureError, openDatabase } from '../../../electron/db/open';
import { migrations } from '../../../electron/db/migrations/index';
import { m001Initial } from '../../../electron/db/migrations/001-initial';
import type { Migration } from '../../../electron/db/migrations/types';
import { recordChange } from '../../../electron/services/history/change-log';
import { tempDir } from '../../support/service-context';

const LATEST = migrations.at(-1)!.version;
const NOW = () => new Date('2026-11-23T09:00:00.000Z');

/** Reads a file with a fresh connection, as a later launch (or a support engineer) would. */
function inspect<T>(file: string, read: (db: Database.Database) => T): T {
  const db = new Database(file, { readonly: true });
  try {
    return read(db);
  } finally {
    db.close();
  }
}
const userVersion = (file: string) => inspect(file, (db) => db.pragma('user_version', { simple: true }) as number);
const tables = (file: string) => inspect(file, (db) => (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[]).map((r) => r.name));

/** A v1 database file holding one settings row, closed. */
async function v1File(): Promise<string> {
  const file = path.join(tempDir(), 'review-desk.sqlite');
  const { db } = await openDatabase(file, { migrations: [m001Initial] });
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?)').run('local_user_name', '王评审');
  db.close();
  return file;
}

const m002AddsRounds: Migration = { version: 2, name: 'test: rounds', up: 'CREATE TABLE rounds (id INTEGER PRIMARY KEY, name TEXT NOT NULL) STRICT;' };

describe('openDatabase', () => {
  it('creates a new file at the latest version with every table', async () => {
    const file = path.join(tempDir(), 'sub', 'review-desk.sqlite');
    const opened = await openDatabase(file);
    expect(opened).toMatchObject({ fromVersion: 0, version: LATEST, backupPath: null });
    expect(opened.db.pragma('user_version', { simple: true })).toBe(LATEST);
    opened.db.close();
    expect(tables(file)).toEqual(expect.arrayContaining(['attachments', 'change_log', 'dossiers', 'settings']));
    expect(fs.existsSync(path.join(path.dirname(file), 'backups'))).toBe(false); // nothing to back up
  });

  it('sets WAL, foreign keys, synchronous=FULL and a busy timeout on the connection', async () => {
    const { db } = await openDatabase(path.join(tempDir(), 'review-desk.sqlite'));
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(2); // FULL: decisions survive a power cut
    expect(db.pragma('busy_timeout', { simple: true })).toBe(WRITE_WAIT_MS); // db/connection-wait.ts
    expect(() => db.prepare("INSERT INTO attachments (dossier_id, kind, file_name, mime, size, sha256, added_at, added_by) VALUES (999, 'other', 'a', 'b', 1, 'c', 'd', 'e')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('reopens a current file without migrating or backing up', async () => {
    const file = await v1File();
    const opened = await openDatabase(file, { migrations: [m001Initial] });
    expect(opened).toMatchObject({ fromVersion: 1, version: 1, backupPath: null });
    expect(opened.db.prepare('SELECT value FROM settings').pluck().get()).toBe('王评审');
    opened.db.close();
  });

  it('refuses a file from a newer version with a zh-CN message and leaves the file untouched', async () => {
    const file = path.join(tempDir(), 'review-desk.sqlite');
    const raw = new Database(file);
    raw.exec('CREATE TABLE future_stuff (x TEXT)');
    raw.pragma('user_version = 99');
    raw.close();
    const before = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

    const opening = openDatabase(file);
    await expect(opening).rejects.toBeInstanceOf(DbFromFutureError);
    await expect(opening).rejects.toMatchObject({ code: 'CONFLICT', found: 99, supported: LATEST });
    await expect(opening).rejects.toThrow(/更新版本的评审台.*99.*已拒绝打开/);

    expect(userVersion(file)).toBe(99);
    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(before);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['review-desk.sqlite']); // no -wal/-shm, no backup
  });

  it('backs up a v1 file before migrating it to v2, and the backup still reads as v1 with the data', async () => {
    const file = await v1File();
    const opened = await openDatabase(file, { migrations: [m001Initial, m002AddsRounds], now: NOW });
    expect(opened).toMatchObject({ fromVersion: 1, version: 2 });
    expect(opened.backupPath).toBe(path.join(path.dirname(file), 'backups', 'review-desk-v1-2026-11-23T09-00-00-000Z.sqlite'));
    opened.db.close();

    expect(fs.existsSync(opened.backupPath!)).toBe(true);
    expect(userVersion(opened.backupPath!)).toBe(1);
    expect(inspect(opened.backupPath!, (db) => db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get('local_user_name'))).toBe('王评审');
    expect(tables(opened.backupPath!)).not.toContain('rounds');
    expect(userVersion(file)).toBe(2);
    expect(tables(file)).toContain('rounds');
  });

  it('writes the backup where it is told to', async () => {
    const file = await v1File();
    const backupDir = path.join(tempDir(), 'elsewhere');
    const opened = await openDatabase(file, { migrations: [m001Initial, m002AddsRounds], now: NOW, backupDir });
    opened.db.close();
    expect(path.dirname(opened.backupPath!)).toBe(backupDir);
    expect(userVersion(opened.backupPath!)).toBe(1);
  });
});

describe('migrations run in one transaction', () => {
  const failingSql: Migration = { version: 2, name: 'test: fails half-way', up: 'CREATE TABLE half (x INTEGER); INSERT INTO no_such_table VALUES (1);' };

  it('a new file stays at version 0 with no tables when the second migration fails', async () => {
    const file = path.join(tempDir(), 'review-desk.sqlite');
    await expect(openDatabase(file, { migrations: [m001Initial, failingSql] })).rejects.toThrow(/no_such_table/);
    expect(userVersion(file)).toBe(0);
    expect(tables(file)).toEqual([]); // not even the tables of the migration that succeeded
  });

  it('a v1 file stays at v1, data intact, when a later migration fails after another succeeded', async () => {
    const file = await v1File();
    const throwing: Migration = {
      version: 3,
      name: 'test: data migration that throws',
      up: (db) => {
        db.prepare("UPDATE settings SET value = 'changed'").run();
        throw new Error('data migration failed');
      },
    };
    await expect(openDatabase(file, { migrations: [m001Initial, m002AddsRounds, throwing], now: NOW })).rejects.toThrow('data migration failed');
    expect(userVersion(file)).toBe(1);
    expect(tables(file)).not.toContain('rounds');
    expect(inspect(file, (db) => db.prepare('SELECT value FROM settings').pluck().get())).toBe('王评审');
    // The backup was taken first, so the failed attempt left a restorable copy too.
    expect(fs.readdirSync(path.join(path.dirname(file), 'backups'))).toHaveLength(1);
  });
});

describe('change_log', () => {
  it('is append-only: UPDATE and DELETE are refused by the database itself', async () => {
    const { db } = await openDatabase(path.join(tempDir(), 'review-desk.sqlite'));
    recordChange(db, { at: NOW().toISOString(), actor: '王评审', entity: 'dossier', entityId: 1, action: 'create', before: null, after: { legalName: '甲' } });
    expect(() => db.prepare("UPDATE change_log SET actor = 'someone else'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM change_log').run()).toThrow(/append-only/);
    expect(db.prepare('SELECT actor, after FROM change_log').all()).toEqual([{ actor: '王评审', after: '{"legalName":"甲"}' }]);
    db.close();
  });
});
