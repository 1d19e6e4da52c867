// The real data worker (the bundle the app ships), started the way Electron main and browser mode start it.
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { startDataWorker, type DataWorker } from '../../../electron/backend/worker-host';
import { DOSSIER_COLUMNS } from '../../../shared/dossiers/columns';
import { creditCodeCheckChar } from '../../../shared/dossiers/credit-code';
import { tempDir } from '../../support/service-context';
import { migrations } from '../../../electron/db/migrations/index';
import { dossierInput } from '../../support/dossiers';

const WORKER = path.resolve('dist/electron/data-worker.cjs');
const workers: DataWorker[] = [];

async function start(dataDir = tempDir()): Promise<DataWorker> {
  if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first (npm test does).`);
  const worker = await startDataWorker(WORKER, { dataDir, transport: 'browser' });
  workers.push(worker);
  return worker;
}

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
});

function bigCsv(rows: number): string {
  const lines = [DOSSIER_COLUMNS.map((c) => c.header).join(',')];
  for (let i = 0; i < rows; i++) {
    const body = `913301${String(i).padStart(11, '0')}`;
    lines.push([`机构${i}`, body + creditCodeCheckChar(body), '机构', '张三', '浙江省', '杭州市', '500', '2018-06-01', '一般纳税人', '是', '否', '100000', '是', '是', '是', '是', '是', '是', '', '', '', '', '', ''].join(','));
  }
  return lines.join('\n');
}

describe('data worker', () => {
  it('refuses a pathologically deep input before posting it to the worker, and keeps serving', async () => {
    const worker = await start();
    let deep: unknown = 'x';
    for (let i = 0; i < 200_000; i++) deep = [deep];
    expect(await worker.invoke('dossiers.list', { search: deep })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await worker.invoke('session.get', {})).toMatchObject({ ok: true });
  });

  it('serves calls through dispatch: validation as data, writes recorded', async () => {
    const worker = await start();
    expect(await worker.invoke('session.get', {})).toMatchObject({ ok: true, value: { userName: null, schemaVersion: migrations.at(-1)!.version, transport: 'browser' } });
    expect(await worker.invoke('dossiers.create', dossierInput())).toMatchObject({ ok: false, error: { code: 'NO_USER' } });
    await worker.invoke('session.setUser', { name: '王评审' });
    expect(await worker.invoke('dossiers.create', dossierInput())).toMatchObject({ ok: true, value: { id: 1 } });
    expect(await worker.invoke('dossiers.list', { search: 'x', limit: 100000 })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await worker.invoke('no.such.call', {})).toMatchObject({ ok: false, error: { code: 'UNSUPPORTED' } });
  });

  it('answers progress while a long import runs in the worker', async () => {
    const worker = await start();
    await worker.invoke('session.setUser', { name: '王评审' });
    const jobId = 'job-12345678';
    const preview = worker.invoke('dossiers.importPreview', { fileName: 'big.csv', dataBase64: Buffer.from(bigCsv(20_000)).toString('base64'), jobId });
    let sawProgress = false;
    let settled = false;
    void preview.then(() => (settled = true));
    // The host answers job progress itself, so polling never waits behind the import (which takes seconds:
    // a poll queued behind it would too). 1 s, not less, leaves room for a loaded CI machine.
    while (!settled) {
      const started = Date.now();
      const progress = await worker.invoke('jobs.progress', { jobId });
      expect(Date.now() - started).toBeLessThan(1_000);
      const value = progress.ok ? (progress.value as { done: number; total: number } | null) : null; // invoke() is untyped
      if (value && value.done > 0 && value.done < value.total) sawProgress = true;
      await new Promise((r) => setTimeout(r, 20));
    }
    const result = await preview;
    expect(result).toMatchObject({ ok: true, value: { counts: { create: 20_000, invalid: 0 } } });
    expect(sawProgress).toBe(true);
  });

  it('refuses to start on a database from a newer version, leaving it untouched', async () => {
    const dataDir = tempDir();
    const file = path.join(dataDir, 'review-desk.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    await expect(start(dataDir)).rejects.toThrow(/更新版本/);
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(99);
    after.close();
  });
});
