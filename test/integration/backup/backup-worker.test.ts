// Backups through the real data worker bundle, started the way Electron main and browser mode start it:
// the daily backup, the quit backup, restore with its safety backup, the move-to-a-new-laptop archive, and
// a damaged database → recovery mode → restore.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startDataWorker, type DataWorker } from '../../../electron/backend/worker-host';
import { openDatabase } from '../../../electron/db/open';
import { migrations } from '../../../electron/db/migrations/index';
import { tempDir } from '../../support/service-context';
import { dossierInput, REAL_CREDIT_CODES } from '../../support/dossiers';
import type { BackupInfo, BackupPreview } from '../../../shared/api/contract-backup';

const WORKER = path.resolve('dist/electron/data-worker.cjs');
const open: DataWorker[] = [];
const PDF = Buffer.from('%PDF-1.4\n% 营业执照\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n');
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), crypto.randomBytes(5000)]);

async function start(dataDir: string): Promise<DataWorker> {
  if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first (npm test does).`);
  const worker = await startDataWorker(WORKER, { dataDir, transport: 'browser' });
  open.push(worker);
  return worker;
}
async function stop(worker: DataWorker): Promise<void> {
  open.splice(open.indexOf(worker), 1);
  await worker.close();
}
afterEach(async () => {
  await Promise.all(open.splice(0).map((w) => w.close()));
});

async function ok<T>(worker: DataWorker, name: string, input: unknown = {}): Promise<T> {
  const result = await worker.invoke(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
const backups = async (w: DataWorker) => (await ok<{ backups: BackupInfo[] }>(w, 'backup.list')).backups;
const dossierTotal = async (w: DataWorker) => (await ok<{ total: number }>(w, 'dossiers.list', {})).total;

async function seed(worker: DataWorker, dossiers: number): Promise<number[]> {
  await ok(worker, 'session.setUser', { name: '王评审' });
  const ids: number[] = [];
  for (let i = 0; i < dossiers; i++) ids.push((await ok<{ id: number }>(worker, 'dossiers.create', dossierInput({ creditCode: REAL_CREDIT_CODES[i]!, legalName: `机构${i}` }))).id);
  return ids;
}

describe('backups through the data worker', () => {
  it('makes a verified daily backup on the first start of a day, and none for a database created by this start', async () => {
    const dataDir = tempDir();
    const first = await start(dataDir);
    expect(await backups(first)).toEqual([]); // a new, empty database
    await stop(first);
    fs.rmSync(path.join(dataDir, 'backups'), { recursive: true, force: true });

    const second = await start(dataDir);
    const list = await backups(second);
    expect(list.map((b) => b.kind)).toEqual(['daily']);
    await stop(second);
    const third = await start(dataDir); // same day: already backed up
    expect((await backups(third)).map((b) => b.kind)).toEqual(['daily']);
  });

  it('backs up on quit when the session wrote something, and the backup holds the writes', async () => {
    const dataDir = tempDir();
    const worker = await start(dataDir);
    await seed(worker, 2);
    await stop(worker);
    const files = fs.readdirSync(path.join(dataDir, 'backups'));
    const quit = files.filter((f) => /^review-desk-quit-.*\.sqlite$/.test(f));
    expect(quit).toHaveLength(1);
    const db = new Database(path.join(dataDir, 'backups', quit[0]!), { readonly: true });
    expect(db.prepare('SELECT count(*) AS n FROM dossiers').get()).toEqual({ n: 2 });
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('journal_mode', { simple: true })).toBe('delete'); // one self-contained file
    db.close();
    expect(files.some((f) => f.endsWith('.partial'))).toBe(false);

    const again = await start(dataDir);
    await stop(again); // read only: no second quit backup
    expect(fs.readdirSync(path.join(dataDir, 'backups')).filter((f) => f.includes('-quit-'))).toHaveLength(1);
  });

  it('restores a backup after a preview, backing up the current database first; the worker keeps serving', async () => {
    const worker = await start(tempDir());
    await seed(worker, 1);
    const manual = await ok<BackupInfo>(worker, 'backup.create', { jobId: 'job-backup-1' });
    expect(manual.kind).toBe('manual');
    await ok(worker, 'dossiers.create', dossierInput({ creditCode: REAL_CREDIT_CODES[1]!, legalName: '后来的机构' }));
    expect(await dossierTotal(worker)).toBe(2);

    const preview = await ok<BackupPreview>(worker, 'backup.preview', { source: { type: 'backup', name: manual.name } });
    expect(preview).toMatchObject({ source: 'backup', kind: 'manual', fileName: manual.name, createdAt: manual.createdAt, chainHead: expect.stringMatching(/^[0-9a-f]{64}$/), attachmentFiles: null });
    expect(preview.counts).toMatchObject({ dossiers: 1, rounds: 0, attachments: 0 });
    expect(preview.lastChange?.seq).toBeGreaterThan(0);
    expect(await dossierTotal(worker)).toBe(2); // a preview changes nothing

    const restored = await ok<{ safetyBackup: string }>(worker, 'backup.restore', { stagingId: preview.stagingId, jobId: 'job-restore-1' });
    expect(restored.safetyBackup).toMatch(/^review-desk-pre-restore-/);
    expect(await dossierTotal(worker)).toBe(1);
    await ok(worker, 'dossiers.create', dossierInput({ creditCode: REAL_CREDIT_CODES[2]!, legalName: '恢复后新建' })); // the new connection writes

    // The safety backup holds what was there before: restoring it brings the second dossier back.
    const back = await ok<BackupPreview>(worker, 'backup.preview', { source: { type: 'backup', name: restored.safetyBackup } });
    expect(back.counts.dossiers).toBe(2);
    expect(await worker.invoke('backup.restore', { stagingId: preview.stagingId })).toMatchObject({ ok: false, error: { code: 'EXPIRED' } }); // used once
    await ok(worker, 'backup.restore', { stagingId: back.stagingId });
    expect((await ok<{ items: { legalName: string }[] }>(worker, 'dossiers.list', {})).items.map((d) => d.legalName).sort()).toEqual(['后来的机构', '机构0']);
  });

  it('refuses to restore a file that is not a good backup', async () => {
    const dataDir = tempDir();
    const worker = await start(dataDir);
    const junk = path.join(dataDir, 'junk.sqlite');
    fs.writeFileSync(junk, 'not a database at all');
    expect(await worker.invoke('backup.preview', { source: { type: 'path', path: junk } })).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    expect(await worker.invoke('backup.preview', { source: { type: 'backup', name: '../review-desk.sqlite' } })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    expect(await worker.invoke('backup.preview', { source: { type: 'path', path: 'relative/x.sqlite' } })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
  });

  it('moves everything to a new laptop: archive export → import into a fresh data dir gives equal counts and identical attachments', async () => {
    const oldDir = tempDir();
    const outDir = tempDir();
    const oldLaptop = await start(oldDir);
    const [a, b] = await seed(oldLaptop, 2);
    const pdf = await ok<{ id: number; sha256: string }>(oldLaptop, 'attachments.add', { dossierId: a, kind: 'licence', fileName: '营业执照.pdf', dataBase64: PDF.toString('base64') });
    const png = await ok<{ id: number; sha256: string }>(oldLaptop, 'attachments.add', { dossierId: b, kind: 'certificate', fileName: '证书.png', dataBase64: PNG.toString('base64') });
    const exported = await ok<{ path: string; fileName: string; attachmentFiles: number }>(oldLaptop, 'backup.exportArchive', { folder: outDir, jobId: 'job-archive-1' });
    expect(exported.fileName).toMatch(/^review-desk-\d{4}-\d{2}-\d{2}\.rdarchive$/);
    expect(exported.attachmentFiles).toBe(2);
    const oldCounts = (await ok<BackupPreview>(oldLaptop, 'backup.preview', { source: { type: 'path', path: exported.path } })).counts;

    const newDir = tempDir();
    const newLaptop = await start(newDir);
    const preview = await ok<BackupPreview>(newLaptop, 'backup.preview', { source: { type: 'path', path: exported.path } });
    expect(preview).toMatchObject({ source: 'archive', attachmentFiles: 2 });
    expect(preview.counts).toEqual(oldCounts);
    expect(preview.counts).toMatchObject({ dossiers: 2, attachments: 2 });
    const result = await ok<{ attachmentsAdded: number; safetyBackup: string }>(newLaptop, 'backup.restore', { stagingId: preview.stagingId });
    expect(result.attachmentsAdded).toBe(2);
    expect(result.safetyBackup).toMatch(/^review-desk-pre-import-/);
    expect(await dossierTotal(newLaptop)).toBe(2);
    for (const [att, bytes] of [[pdf, PDF], [png, PNG]] as const) {
      const read = await ok<{ dataBase64: string }>(newLaptop, 'attachments.read', { id: att.id });
      expect(Buffer.from(read.dataBase64, 'base64').equals(bytes)).toBe(true);
    }
    // The same archive in the browser's way: returned as base64 when small, then uploaded.
    const small = await ok<{ dataBase64: string; fileName: string }>(oldLaptop, 'backup.exportArchive', {});
    const uploaded = await ok<BackupPreview>(newLaptop, 'backup.preview', { source: { type: 'upload', fileName: small.fileName, dataBase64: small.dataBase64 } });
    expect(uploaded.counts).toEqual(oldCounts);
  });

  it('refuses an archive with a flipped byte, naming the member, and changes nothing', async () => {
    const dataDir = tempDir();
    const worker = await start(dataDir);
    const [a] = await seed(worker, 1);
    const att = await ok<{ sha256: string }>(worker, 'attachments.add', { dossierId: a, kind: 'licence', fileName: 'x.png', dataBase64: PNG.toString('base64') });
    const exported = await ok<{ path: string }>(worker, 'backup.exportArchive', { folder: tempDir() });
    const bytes = fs.readFileSync(exported.path);
    const at = bytes.indexOf(PNG.subarray(100, 140));
    bytes[at]! ^= 0xff;
    fs.writeFileSync(exported.path, bytes);
    const result = await worker.invoke('backup.preview', { source: { type: 'path', path: exported.path } });
    expect(result).toMatchObject({ ok: false, error: { code: 'BAD_FILE' } });
    expect(!result.ok && result.error.message).toContain(`attachments/${att.sha256}`);
    expect(fs.readdirSync(path.join(dataDir, 'staging'))).toEqual([]);
  });

  it('damaged database → recovery mode (nothing written to it) → restore the newest good backup → data equal to the backup', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'review-desk.sqlite');
    const worker = await start(dataDir);
    await seed(worker, 3);
    const good = await ok<BackupInfo>(worker, 'backup.create', {});
    const expected = await ok<{ items: unknown[] }>(worker, 'dossiers.list', {});
    await stop(worker); // also writes a quit backup: the newest good one

    // Overwrite a table page of dossiers (not page 1) with garbage.
    const db = new Database(file, { readonly: true });
    const { rootpage } = db.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'dossiers'").get() as { rootpage: number };
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.close();
    expect(rootpage).toBeGreaterThan(1);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(64, 0xa5), 0, 64, (rootpage - 1) * pageSize);
    fs.closeSync(fd);
    const damagedHash = crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex');

    const recovering = await start(dataDir);
    expect(recovering.recovery).toBeTruthy();
    const session = await ok<{ recovery: { problem: string; newestGoodBackup: BackupInfo } }>(recovering, 'session.get');
    expect(session.recovery.problem).toBeTruthy();
    expect(session.recovery.newestGoodBackup.kind).toBe('quit');
    expect(await recovering.invoke('dossiers.list', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT', message: expect.stringContaining('恢复模式') } });
    expect(await recovering.invoke('backup.create', {})).toMatchObject({ ok: false, error: { code: 'CONFLICT' } });
    expect(crypto.createHash('sha256').update(fs.readFileSync(file)).digest('hex')).toBe(damagedHash);
    // The read-only check may leave an empty -wal (SQLite creates it to read a WAL-mode file); no frame was written.
    expect(fs.existsSync(`${file}-wal`) ? fs.statSync(`${file}-wal`).size : 0).toBe(0);

    expect((await backups(recovering)).map((b) => b.name)).toContain(good.name);
    const preview = await ok<BackupPreview>(recovering, 'backup.preview', { source: { type: 'backup', name: session.recovery.newestGoodBackup.name } });
    expect(preview.counts.dossiers).toBe(3);
    const restored = await ok<{ safetyBackup: string | null }>(recovering, 'backup.restore', { stagingId: preview.stagingId });
    expect(restored.safetyBackup).toBeNull(); // the damaged file is set aside instead
    expect(fs.readdirSync(path.join(dataDir, 'backups')).some((f) => f.startsWith('damaged-'))).toBe(true);
    expect((await ok<{ recovery?: unknown }>(recovering, 'session.get')).recovery).toBeUndefined();
    expect(await ok(recovering, 'dossiers.list', {})).toEqual(expected);
    await stop(recovering);

    const after = await start(dataDir); // starts normally now
    expect(after.recovery).toBeNull();
    expect(await ok(after, 'dossiers.list', {})).toEqual(expected);
  });

  it('copies automatic backups to the mirror folder, and reports a missing one without failing', async () => {
    const dataDir = tempDir();
    const mirror = tempDir();
    const worker = await start(dataDir);
    await seed(worker, 1);
    expect(await ok(worker, 'backup.setMirror', { folder: mirror })).toEqual({ folder: mirror, available: true, lastError: null });
    const made = await ok<BackupInfo>(worker, 'backup.create', {});
    expect(fs.readdirSync(mirror)).toEqual([made.name]);
    fs.rmSync(mirror, { recursive: true });
    await ok<BackupInfo>(worker, 'backup.create', {});
    const status = (await ok<{ mirror: { available: boolean; lastError: string } }>(worker, 'backup.list')).mirror;
    expect(status.available).toBe(false);
    expect(status.lastError).toContain('不可用');
    const saved = await ok<{ path: string }>(worker, 'backup.saveTo', { folder: tempDir() });
    expect(fs.existsSync(saved.path)).toBe(true);
  });
});

describe('start-up check (openDatabase)', () => {
  it('refuses a database with a broken foreign key before writing anything', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'review-desk.sqlite');
    const { db } = await openDatabase(file);
    db.pragma('foreign_keys = OFF');
    db.prepare("INSERT INTO attachments (dossier_id, kind, file_name, mime, size, sha256, added_at, added_by) VALUES (99, 'other', 'x', 'x', 1, 'x', 'x', 'x')").run();
    db.close();
    await expect(openDatabase(file)).rejects.toThrow(/外键不一致/);
  });
});

describe('pre-migration backup', () => {
  it('is verified, listed as pre-migration and copied to the mirror folder', async () => {
    const dataDir = tempDir();
    const mirror = tempDir();
    fs.writeFileSync(path.join(dataDir, 'backup-settings.json'), JSON.stringify({ mirrorFolder: mirror }));
    const { db } = await openDatabase(path.join(dataDir, 'review-desk.sqlite'), { migrations: migrations.slice(0, 1) });
    db.close();
    const worker = await start(dataDir);
    expect(worker.backupPath).toMatch(/review-desk-v1-.*\.sqlite$/);
    const list = await backups(worker);
    expect(list.map((b) => b.kind)).toContain('pre-migration');
    expect(fs.readdirSync(mirror)).toEqual([path.basename(worker.backupPath!)]);
  });
});
