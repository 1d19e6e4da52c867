// Issue 9 "trust": concurrency (docs/concurrency.md), through the real data-worker bundle.
//  - A slow read in flight does not hold up a score being saved: the reader worker answers reads.
//  - A long import by another connection (the command line on the same file) holding the write lock makes
//    the app's write wait, not fail ("数据库正忙" never reaches the user), and both land.
//  - Caches stay right across the two connections: what the writer saved, the reader shows at once.
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startDataWorker, type DataWorker } from '../../../electron/backend/worker-host';
import { dispatch } from '../../../electron/backend/dispatch';
import { handlers } from '../../../electron/backend/handlers';
import { openDatabase } from '../../../electron/db/open';
import { setSetting, SETTING_USER, type ServiceContext } from '../../../electron/services/context';
import { DOSSIER_COLUMNS } from '../../../shared/dossiers/columns';
import { creditCodeCheckChar } from '../../../shared/dossiers/credit-code';
import type { Result } from '../../../shared/api/result';
import { tempDir } from '../../support/service-context';
import { dossierInput } from '../../support/dossiers';
import { syntheticCreditCode } from '../../support/credit-codes';

const WORKER = path.resolve('dist/electron/data-worker.cjs');
const workers: DataWorker[] = [];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function start(dataDir = tempDir()): Promise<DataWorker> {
  if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first (npm test does).`);
  const worker = await startDataWorker(WORKER, { dataDir, transport: 'browser' });
  workers.push(worker);
  expect(await worker.whenReaderReady()).toBe(true);
  return worker;
}

afterEach(async () => {
  await Promise.all(workers.splice(0).map((w) => w.close()));
});

function value<T>(result: Result<unknown>): T {
  if (!result.ok) throw new Error(`call failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

function csv(rows: number, offset = 0): string {
  const lines = [DOSSIER_COLUMNS.map((c) => c.header).join(',')];
  for (let i = offset; i < offset + rows; i++) {
    const body = `913301${String(i).padStart(11, '0')}`;
    lines.push([`机构${i}`, body + creditCodeCheckChar(body), '机构', '张三', '浙江省', '杭州市', '500', '2018-06-01', '一般纳税人', '是', '否', '100000', '是', '是', '是', '是', '是', '是', '', '', '', '', '', ''].join(','));
  }
  return lines.join('\n');
}

async function importRows(worker: DataWorker, rows: number): Promise<void> {
  const preview = value<{ previewId: string }>(await worker.invoke('dossiers.importPreview', { fileName: 'big.csv', dataBase64: Buffer.from(csv(rows)).toString('base64') }));
  value(await worker.invoke('dossiers.importCommit', { previewId: preview.previewId }));
}

/** A fresh member of the demo round (its sheet is open) and one cell it may score. */
async function openCell(worker: DataWorker) {
  const roundId = value<{ roundId: string }>(await worker.invoke('demo.load', {})).roundId;
  const member = value<{ id: string }>(await worker.invoke('members.add', { roundId, data: { name: '新委员', role: 'member' } }));
  const sheet = value<{ applicationIds: string[]; criteria: string[] }>(await worker.invoke('scores.sheet', { memberId: member.id }));
  return { memberId: member.id, applicationId: sheet.applicationIds[0]!, criterion: sheet.criteria[0]! };
}

describe('concurrency: reads beside the writer', () => {
  it('saves a score while a slow export is still running, and the reader then shows the saved score', async () => {
    const worker = await start();
    await worker.invoke('session.setUser', { name: '王评审' });
    await importRows(worker, 4000);
    const cell = await openCell(worker);
    // Warm both workers' code paths, so the timing below is the calls, not first-use compilation.
    value(await worker.invoke('dossiers.exportXlsx', { status: 'all' }));
    value(await worker.invoke('scores.set', { ...cell, value: 60, comment: '' }));

    const exportStarted = performance.now();
    let exportDoneAt = 0;
    const slow = worker.invoke('dossiers.exportXlsx', { status: 'all' }).then((r) => ((exportDoneAt = performance.now()), r));
    await sleep(50); // the export is now running in the reader
    const saveStarted = performance.now();
    const saved = await worker.invoke('scores.set', { ...cell, value: 88, comment: '' });
    const savedAt = performance.now();
    expect(saved).toMatchObject({ ok: true });
    // The ordering is the rule (a single worker would answer the save only after the export); the time is reported.
    expect(exportDoneAt).toBe(0);
    expect((await slow).ok).toBe(true);
    console.log(`bench: score save ${(savedAt - saveStarted).toFixed(0)} ms while a ${(exportDoneAt - exportStarted).toFixed(0)} ms export of 4,000 dossiers ran`);

    // The save is then read back (score sheets are answered by the writer: electron/backend/read-calls.ts).
    const sheet = value<{ cells: { applicationId: string; criterion: string; value: number | null }[] }>(await worker.invoke('scores.sheet', { memberId: cell.memberId }));
    expect(sheet.cells.find((c) => c.applicationId === cell.applicationId && c.criterion === cell.criterion)?.value).toBe(88);
  }, 300_000);

  it('a read sent after a write sees it, even when the read is answered by the other connection', async () => {
    const worker = await start();
    await worker.invoke('session.setUser', { name: '王评审' });
    const before = value<{ total: number }>(await worker.invoke('dossiers.list', {})).total; // fills the reader's search index
    const writes = Array.from({ length: 5 }, (_, i) => worker.invoke('dossiers.create', dossierInput({ legalName: `顺序机构${i}有限公司`, creditCode: syntheticCreditCode(5_000_900 + i) })));
    const list = worker.invoke('dossiers.list', { search: '顺序机构' }); // sent without waiting for the writes
    expect((await Promise.all(writes)).every((r) => r.ok)).toBe(true);
    expect(value<{ total: number }>(await list).total).toBe(5);
    expect(value<{ total: number }>(await worker.invoke('dossiers.list', {})).total).toBe(before + 5);
  }, 120_000);
});

describe('concurrency: another writer on the same file', () => {
  it('a long import by another connection holding the write lock past the old 5 s makes the app wait, then both land', async () => {
    const dataDir = tempDir();
    const worker = await start(dataDir);
    await worker.invoke('session.setUser', { name: '王评审' });
    // The command line's connection on the same file, running a real import inside one long transaction.
    const { db } = await openDatabase(path.join(dataDir, 'review-desk.sqlite'));
    const cli: ServiceContext = { db, dataDir, transport: 'browser', now: () => new Date(), progress: () => undefined };
    setSetting(db, SETTING_USER, '命令行');
    const preview = await dispatch(handlers, cli, 'dossiers.importPreview', { fileName: 'cli.csv', dataBase64: Buffer.from(csv(300)).toString('base64') });
    db.exec('BEGIN IMMEDIATE');
    const committed = await dispatch(handlers, cli, 'dossiers.importCommit', { previewId: value<{ previewId: string }>(preview).previewId });
    expect(committed.ok).toBe(true);

    const listed = worker.invoke('dossiers.list', {}); // a read is not held up by the other writer at all
    const writeStarted = Date.now();
    let writeDone = false;
    const write = worker.invoke('dossiers.create', dossierInput({ legalName: '等待中的机构', creditCode: syntheticCreditCode(5_000_077) })).then((r) => ((writeDone = true), r));
    expect(value<{ total: number }>(await listed).total).toBe(0); // the import is not committed yet
    await sleep(6000);
    expect(writeDone).toBe(false); // still waiting for the lock, not failed
    db.exec('COMMIT');
    const result = await write;
    db.close();
    expect(result.ok ? 'ok' : result.error.message).toBe('ok');
    expect(Date.now() - writeStarted).toBeGreaterThanOrEqual(5500);
    expect(value<{ total: number }>(await worker.invoke('dossiers.list', { status: 'all' })).total).toBe(301);
  }, 120_000);
});
