// End-to-end benchmark at platform scale (issue 8), through browser mode's HTTP server and the real data-worker
// bundle (dist/electron/data-worker.cjs via startDataWorker: HTTP + JSON, structured clone, zod, dispatch,
// SQLite), at two sizes:
// SIZES applications in 300 regions, 15 members, 4 criteria (1.2 M scores at 20,000). Every figure is a
// ratio to a floor measured in the same run on the same machine:
//   score save          median scores.set in the big round  / median scores.set in a round of one application
//   score import        scores.importPreview + importCommit of every member's file / raw INSERTs of the same rows
//   ranking             ranking.summary after a change (full computation) / SQL GROUP BY over the round's scores
//   ranking page        ranking.region of one region, cached (absolute ms; floor: members.list of the empty round)
//   members.list        members.list (absolute ms, same floor)
//   dossier CSV import  dossiers.importPreview + importCommit / CSV parse + raw INSERT of the same rows
//   dossier XLSX import the same rows as an XLSX into a fresh server / exceljs's streaming read of it + raw INSERT
//                       (its streamed export: against the CSV floor)
//   search              dossiers.list with a search term (absolute ms; floor: in-memory substring scan)
// and the server's memory: the worker runs in a child process (startServer below), whose RSS after each
// phase and peak RSS (VmHWM) are reported apart from the benchmark's own. Not part of `npm test`.
// BENCH_DOSSIERS_ONLY=1 stops after the dossier import/export figures.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import crypto from 'node:crypto';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import ExcelJS from 'exceljs';
import { fork } from 'node:child_process';
import http from 'node:http';
import { Readable } from 'node:stream';
import { startDataWorker, type DataWorker } from '../../electron/backend/worker-host';
import { createBrowserServer, newToken, TOKEN_HEADER } from '../../electron/browser/http-server';
import type { Result } from '../../shared/api/result';
import { DOSSIER_COLUMNS } from '../../shared/dossiers/columns';
import { CITIES, MEMBERS, REGIONS, creditCode, dossierRow } from './bench-data';
import { SEED_003_RULES, shopFactsSchema } from '../../shared/eligibility/rules';

const WORKER = path.resolve('dist/electron/data-worker.cjs');
const SIZES = (process.env.BENCH_SIZES ?? '2000,20000').split(',').map(Number);
const CRITERIA = [['strength', '公司实力'], ['technical', '技术水平'], ['reputation', '业内口碑'], ['price', '服务报价']] as const;

// The server's memory on its own: browser mode's server runs in a child process (this same bundle with
// BENCH_ROLE=server: serve() below), every call goes to it over HTTP, so its peak RSS (VmHWM) and its RSS after
// each phase exclude the benchmark's own files, floors and base64 copies.
type Bench = Pick<DataWorker, 'invoke' | 'close' | 'whenReaderReady'> & { rss(): { rssMb: number; peakMb: number; anonMb: number; fileMb: number }; resetPeak(): void; cpuMs(): number };

/** CPU time (user + system) a process has used, from /proc: on a shared machine the wall clock mostly measures the queue for a core. */
function procCpuMs(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (CLK_TCK 100)
}

function procStatusMb(pid: number, field: 'VmRSS' | 'VmHWM' | 'RssAnon' | 'RssFile' | 'RssShmem'): number {
  const line = fs.readFileSync(`/proc/${pid}/status`, 'utf8').split('\n').find((l) => l.startsWith(`${field}:`));
  return line ? Math.round(Number(line.replace(/\D+/g, '')) / 1024) : NaN;
}

/** One API call over HTTP, as the renderer makes it in browser mode (token header, JSON body), on a kept-alive connection. */
function httpCall(port: number, token: string, agent: http.Agent, name: string, input: unknown): Promise<Result<unknown>> {
  const body = Buffer.from(JSON.stringify(input ?? {}));
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, path: `/api/${name}`, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': body.length, [TOKEN_HEADER]: token } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`${name}: HTTP ${res.statusCode} ${Buffer.concat(chunks).toString().slice(0, 200)}`));
        resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')) as Result<unknown>);
      });
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function startServer(dataDir: string): Promise<Bench> {
  const child = fork(process.argv[1]!, [], { env: { ...process.env, BENCH_ROLE: 'server' }, stdio: 'inherit' });
  const pending = new Map<number, (up: boolean) => void>();
  let nextId = 1;
  const { port, token } = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    child.once('error', reject);
    child.on('message', (m: { type: 'ready'; port: number; token: string } | { type: 'readerReady'; id: number; up: boolean }) => {
      if (m.type === 'ready') resolve(m);
      else {
        pending.get(m.id)?.(m.up);
        pending.delete(m.id);
      }
    });
    child.send({ type: 'start', dataDir });
  });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  return {
    invoke: (name, input) => httpCall(port, token, agent, name, input),
    close: () =>
      new Promise((resolve) => {
        agent.destroy();
        child.once('exit', () => resolve());
        child.send({ type: 'close' });
      }),
    whenReaderReady: () =>
      new Promise((resolve) => {
        const id = nextId++;
        pending.set(id, resolve);
        child.send({ type: 'readerReady', id });
      }),
    rss: () => ({ rssMb: procStatusMb(child.pid!, 'VmRSS'), peakMb: procStatusMb(child.pid!, 'VmHWM'), anonMb: procStatusMb(child.pid!, 'RssAnon'), fileMb: procStatusMb(child.pid!, 'RssFile') + procStatusMb(child.pid!, 'RssShmem') }),
    // Writing 5 to clear_refs resets VmHWM to the current RSS (Linux ≥ 4.0), so each phase gets its own peak.
    resetPeak: () => {
      try {
        fs.writeFileSync(`/proc/${child.pid!}/clear_refs`, '5');
      } catch {
        // not permitted here: the phase peaks are then running peaks
      }
    },
    cpuMs: () => procCpuMs(child.pid!),
  };
}

/**
 * The server process: browser mode's own server (createBrowserServer around startDataWorker, as
 * electron/browser/main.ts starts it), answering the API over
 * HTTP on 127.0.0.1. The IPC channel only starts it, says when the reader is up, and stops it.
 */
function serve(): void {
  let worker: DataWorker | null = null;
  let server: http.Server | null = null;
  process.on('message', (m: { type: 'start'; dataDir: string } | { type: 'readerReady'; id: number } | { type: 'close' }) => {
    if (m.type === 'start') {
      void startDataWorker(WORKER, { dataDir: m.dataDir, transport: 'browser' }).then((w) => {
        worker = w;
        const token = newToken();
        server = createBrowserServer({ staticDir: path.resolve('dist/renderer'), token, invoke: w.invoke });
        server.listen(0, '127.0.0.1', () => process.send!({ type: 'ready', port: (server!.address() as { port: number }).port, token }));
      });
    } else if (m.type === 'readerReady') void worker!.whenReaderReady().then((up) => process.send!({ type: 'readerReady', id: m.id, up }));
    else {
      server?.close();
      void worker!.close().then(() => process.exit(0));
    }
  });
}

let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

async function time<T>(fn: () => Promise<T> | T): Promise<[number, T]> {
  const start = performance.now();
  const value = await fn();
  return [performance.now() - start, value];
}
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function call<T = unknown>(worker: Bench, name: string, input: unknown): Promise<T> {
  const result = await worker.invoke(name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}


/** The floors' raw INSERT of one dossier row (19 columns, the rest constant) into the bare table. */
const FLOOR_INSERT = `INSERT INTO dossiers (credit_code, legal_name, legal_representative, province, city, registered_capital_yuan, established_on, taxpayer_type,
  real_name_verified, is_shop_account, deposit_paid_fen, capabilities, price_quote_fen, contacts, introduction, notes, search_text, created_at, updated_at)
  VALUES (?, ?, ?, ?, ?, 5000000, '2018-06-01', 'general', 1, 0, 10000000, '[]', 3800000, '[]', '', '', ?, 'x', 'x')`;

async function runSize(n: number): Promise<{ rows: [string, number, number, string][]; memory: string[] }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-desk-bench-'));
  const worker = await startServer(dataDir);
  const memory: string[] = [];
  let overallPeak = 0;
  // RSS after the phase and the phase's own peak (VmHWM since the previous phase ended), then reset the peak.
  const rssAfter = (phase: string) => {
    const { rssMb, peakMb, anonMb, fileMb } = worker.rss();
    overallPeak = Math.max(overallPeak, peakMb);
    // Anonymous (heaps, malloc) apart from file-backed and shared pages (the binaries, SQLite's -shm map).
    memory.push(`${phase} ${rssMb} MB (peak ${peakMb}; anon ${anonMb}, file+shm ${fileMb})`);
    worker.resetPeak();
  };
  const dbFile = path.join(dataDir, 'review-desk.sqlite');
  const out: [string, number, number, string][] = [];
  try {
    await call(worker, 'session.setUser', { name: '基准测试' });
    // Dossier CSV import (measured) against parse + raw insert of the same rows into a fresh database.
    const rows = Array.from({ length: n }, (_, i) => dossierRow(i));
    const csv = [DOSSIER_COLUMNS.map((c) => c.header), ...rows].map((r) => r.join(',')).join('\n');
    const cpuBefore = worker.cpuMs();
    const [importMs] = await time(async () => {
      const preview = await call<{ previewId: string }>(worker, 'dossiers.importPreview', { fileName: 'dossiers.csv', dataBase64: Buffer.from(csv).toString('base64') });
      await call(worker, 'dossiers.importCommit', { previewId: preview.previewId });
    });
    const importCpuMs = worker.cpuMs() - cpuBefore;
    const floorDir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-desk-floor-'));
    const floorDb = new Database(path.join(floorDir, 'floor.sqlite'));
    floorDb.pragma('journal_mode = WAL');
    floorDb.pragma('synchronous = FULL');
    const schemaDb = new Database(dbFile, { readonly: true });
    const dossiersSql = (schemaDb.prepare("SELECT sql FROM sqlite_master WHERE name = 'dossiers'").get() as { sql: string }).sql;
    schemaDb.close();
    floorDb.exec(dossiersSql);
    const floorCpuBefore = process.cpuUsage();
    const [floorDossiers] = await time(() => {
      const parsed = csv.split('\n').slice(1).map((line) => line.split(','));
      const insert = floorDb.prepare(FLOOR_INSERT);
      floorDb.transaction(() => parsed.forEach((r) => insert.run(r[1], r[0], r[2], r[3], r[4], `${r[0]}${r[1]}`)))();
    });
    const floorCpu = process.cpuUsage(floorCpuBefore);
    const floorCpuMs = (floorCpu.user + floorCpu.system) / 1000;
    out.push(['dossier CSV import (preview + commit)', importMs, floorDossiers, 'CSV parse + raw INSERT']);
    // A second floor, printed beside the first (which the target is read against): what the import itself wrote
    // (every dossier row with its pinyin keys, every chained history entry), read back from the server's file
    // and inserted raw into the same tables and indexes with the same statements, in one transaction. No
    // parsing, validation, pinyin or hashing: the SQLite share of the import, which no code change can remove
    // while the rows and the per-dossier history stay as they are.
    const writesDb = new Database(path.join(floorDir, 'floor-writes.sqlite'));
    writesDb.pragma('journal_mode = WAL');
    writesDb.pragma('synchronous = FULL');
    {
      const source = new Database(dbFile, { readonly: true });
      const tableSql = (name: string) => (source.prepare('SELECT sql FROM sqlite_master WHERE name = ?').get(name) as { sql: string }).sql;
      const indexSql = (table: string) => (source.prepare("SELECT sql FROM sqlite_master WHERE type = 'index' AND tbl_name = ? AND sql IS NOT NULL").all(table) as { sql: string }[]).map((r) => r.sql);
      writesDb.exec([tableSql('dossiers'), ...indexSql('dossiers'), tableSql('change_log'), ...indexSql('change_log')].join(';\n'));
      const dossierRows = source.prepare('SELECT * FROM dossiers').raw().all() as unknown[][];
      const dossierColumns = source.prepare('SELECT * FROM dossiers LIMIT 0').columns().map((c) => c.name);
      const HISTORY = 'at, actor, entity, entity_id, entity_key, action, before, after, hash';
      const historyRows = source.prepare(`SELECT ${HISTORY} FROM change_log WHERE entity = 'dossier' ORDER BY seq`).raw().all() as unknown[][];
      source.close();
      const [floorWrites] = await time(() => {
        const insertDossier = writesDb.prepare(`INSERT INTO dossiers (${dossierColumns.join(', ')}) VALUES (${dossierColumns.map(() => '?').join(', ')})`);
        const insertHistory = writesDb.prepare(`INSERT INTO change_log (${HISTORY}) VALUES ${Array.from({ length: 50 }, () => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}`);
        writesDb.transaction(() => {
          for (const row of dossierRows) insertDossier.run(row);
          for (let i = 0; i + 50 <= historyRows.length; i += 50) insertHistory.run(historyRows.slice(i, i + 50).flat());
          for (const row of historyRows.slice(historyRows.length - (historyRows.length % 50))) writesDb.prepare(`INSERT INTO change_log (${HISTORY}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(row);
        })();
      });
      if (dossierRows.length !== n || historyRows.length !== n) throw new Error(`CSV import wrote ${dossierRows.length} dossiers and ${historyRows.length} history entries for ${n} rows`);
      out.push([`(the import's own writes — ${n} dossier rows and ${n} history entries — inserted raw: ${floorWrites.toFixed(0)} ms, ×${(floorWrites / floorDossiers).toFixed(1)} the floor; the import is ×${(importMs / floorWrites).toFixed(1)} of them)`, 0, 1, '']);
    }
    writesDb.close();
    const cpuNotes = [`CSV import ${importCpuMs.toFixed(0)} ms ×${(importCpuMs / floorCpuMs).toFixed(1)}`];
    rssAfter('dossier import');
    // The same rows as an XLSX (written as Excel writes it: shared strings), imported into a fresh server so
    // every row is new as in the CSV figure; then the streamed export of them. Same floor as the CSV figure.
    {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('申请机构档案');
      [DOSSIER_COLUMNS.map((c) => c.header), ...rows].forEach((r) => sheet.addRow(r));
      const xlsxBase64 = Buffer.from(await workbook.xlsx.writeBuffer()).toString('base64');
      const xlsxDir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-desk-bench-xlsx-'));
      const xlsxWorker = await startServer(xlsxDir);
      try {
        await call(xlsxWorker, 'session.setUser', { name: '基准测试' });
        const xlsxCpuBefore = xlsxWorker.cpuMs();
        const [xlsxMs] = await time(async () => {
          const preview = await call<{ previewId: string; counts: { create: number } }>(xlsxWorker, 'dossiers.importPreview', { fileName: 'dossiers.xlsx', dataBase64: xlsxBase64 });
          if (preview.counts.create !== n) throw new Error(`XLSX import: ${preview.counts.create} of ${n} rows to create`);
          await call(xlsxWorker, 'dossiers.importCommit', { previewId: preview.previewId });
        });
        const xlsxCpuMs = xlsxWorker.cpuMs() - xlsxCpuBefore;
        // The XLSX floor: the same workbook read with exceljs's own streaming reader (rows as values, no
        // checks), then the same raw INSERTs into a fresh bare table.
        const xlsxFloorDb = new Database(path.join(floorDir, 'floor-xlsx.sqlite'));
        xlsxFloorDb.pragma('journal_mode = WAL');
        xlsxFloorDb.pragma('synchronous = FULL');
        xlsxFloorDb.exec(dossiersSql);
        const xlsxFloorCpuBefore = process.cpuUsage();
        const [floorXlsx] = await time(async () => {
          const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(Buffer.from(xlsxBase64, 'base64')), { sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'ignore', worksheets: 'emit', entries: 'ignore' });
          const parsed: string[][] = [];
          for await (const worksheet of reader) for await (const row of worksheet) parsed.push((row.values as unknown[]).slice(1).map((v) => (v == null ? '' : String(v))));
          const insert = xlsxFloorDb.prepare(FLOOR_INSERT);
          xlsxFloorDb.transaction(() => parsed.slice(1).forEach((r) => insert.run(r[1], r[0], r[2], r[3], r[4], `${r[0]}${r[1]}`)))();
          if (parsed.length !== n + 1) throw new Error(`XLSX floor: ${parsed.length} rows read`);
        });
        const xlsxFloorCpu = process.cpuUsage(xlsxFloorCpuBefore);
        const xlsxFloorCpuMs = (xlsxFloorCpu.user + xlsxFloorCpu.system) / 1000;
        xlsxFloorDb.close();
        cpuNotes.push(`XLSX import ${xlsxCpuMs.toFixed(0)} ms ×${(xlsxCpuMs / xlsxFloorCpuMs).toFixed(1)} its floor (${xlsxFloorCpuMs.toFixed(0)} ms)`);
        out.push(['dossier XLSX import (preview + commit)', xlsxMs, floorXlsx, 'XLSX stream read + raw INSERT']);
        const exportCpuBefore = xlsxWorker.cpuMs();
        const [exportMs] = await time(() => call(xlsxWorker, 'dossiers.exportXlsx', { status: 'all' }));
        cpuNotes.push(`export ${(xlsxWorker.cpuMs() - exportCpuBefore).toFixed(0)} ms ×${((xlsxWorker.cpuMs() - exportCpuBefore) / floorCpuMs).toFixed(1)}`);
        out.push(['dossier XLSX export (streamed, all dossiers)', exportMs, floorDossiers, 'CSV parse + raw INSERT']);
        out.push([`(dossier figures in CPU time of the server — floor ${floorCpuMs.toFixed(0)} ms: ${cpuNotes.join('; ')})`, 0, 1, '']);
      } finally {
        await xlsxWorker.close();
        fs.rmSync(xlsxDir, { recursive: true, force: true });
      }
    }
    if (process.env.BENCH_DOSSIERS_ONLY) {
      // The dossier figures alone (a 20,000 run in minutes), with the search measured here on the imported
      // dossiers (in the full run it comes after the round is built): the first call builds the reader's
      // index, the median is over the same five terms as below.
      const haystacks = (new Database(dbFile, { readonly: true }).prepare('SELECT search_text FROM dossiers').all() as { search_text: string }[]).map((r) => r.search_text);
      const queries = ['杭州', '第1999号', '不存在的机构', '13800138000', 'hz'];
      const [floorSearch] = await time(() => queries.forEach((q) => haystacks.filter((h) => h.includes(q)).length));
      await worker.whenReaderReady(); // as in use: the reader is up long before anyone searches
      await call(worker, 'dossiers.list', { search: 'x', limit: 50 });
      const searchTimes: number[] = [];
      for (let k = 0; k < 3; k++) for (const q of queries) searchTimes.push((await time(() => call(worker, 'dossiers.list', { search: q, limit: 50 })))[0]);
      out.push([`dossier search (dossiers.list, median of 3 × ${queries.length} terms)`, median(searchTimes), floorSearch / queries.length, 'in-memory substring scan, per term']);
      return { rows: out, memory };
    }

    // The round: 300 regions, applications inserted directly (set-up, not measured), 15 members.
    const program = await call<{ id: string }>(worker, 'programs.create', { platform: '淘宝直播', name: '区域产业服务商', rules: [...SEED_003_RULES] });
    const round = await call<{ id: string }>(worker, 'rounds.create', { programId: program.id, name: '基准批次', referenceDate: '2026-11-23', options: {} });
    const regions: string[] = [];
    for (let r = 0; r < REGIONS; r++) regions.push((await call<{ id: string }>(worker, 'regions.add', { roundId: round.id, data: { name: `产业带${r}`, city: CITIES[r % CITIES.length]!, quota: 10, waitlistLength: 3 } })).id);
    const setup = new Database(dbFile);
    setup.pragma('busy_timeout = 5000');
    const dossierIds = new Map((setup.prepare('SELECT id, credit_code FROM dossiers').all() as { id: number; credit_code: string }[]).map((d) => [d.credit_code, d.id]));
    const appIds: string[] = [];
    setup.transaction(() => {
      const app = setup.prepare('INSERT INTO applications (id, round_id, dossier_id, price_quote_fen, strength_statement, shop_facts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
      const choice = setup.prepare('INSERT INTO application_regions (application_id, region_id, preference) VALUES (?, ?, ?)');
      const facts = JSON.stringify(shopFactsSchema.parse({}));
      for (let i = 0; i < n; i++) {
        const id = crypto.randomUUID();
        appIds.push(id);
        app.run(id, round.id, dossierIds.get(creditCode(i))!, 2_000_000 + ((i * 7919) % 4_000_000), '', facts, new Date().toISOString());
        choice.run(id, regions[i % REGIONS]!, 1);
        choice.run(id, regions[(i % REGIONS + 6) % REGIONS]!, 2);
      }
    })();
    setup.close();
    const members: string[] = [];
    for (let m = 0; m < MEMBERS; m++) members.push((await call<{ id: string }>(worker, 'members.add', { roundId: round.id, data: { name: `委员${m + 1}`, role: m === 0 ? 'chair' : 'member' } })).id);
    const scorable = (await call<{ eligible: boolean }[]>(worker, 'screening.list', { roundId: round.id })).filter((r) => r.eligible).length;

    // Score import: one file per member (each member's own sheet), against raw inserts of the same rows.
    const value = (i: number, m: number, c: number) => 60 + ((i * 31 + m * 17 + c * 7) % 4000) / 100;
    let importScoresMs = 0;
    const importSplit = { preview: 0, commit: 0 }; // where the import's time goes (previews incl. the file's base64)
    for (let m = 0; m < MEMBERS; m++) {
      const lines = ['委员,统一社会信用代码,评分项,分数'];
      for (let i = 0; i < n; i++) for (const [c, [, label]] of CRITERIA.entries()) lines.push(`委员${m + 1},${creditCode(i)},${label},${value(i, m, c)}`);
      const [ms] = await time(async () => {
        const [previewMs, preview] = await time(() => call<{ previewId: string; counts: { invalid: number } }>(worker, 'scores.importPreview', { roundId: round.id, fileName: `委员${m + 1}.csv`, dataBase64: Buffer.from(lines.join('\n')).toString('base64') }));
        if (preview.counts.invalid > 0) throw new Error(`score import: ${preview.counts.invalid} invalid rows`);
        const [commitMs] = await time(() => call(worker, 'scores.importCommit', { previewId: preview.previewId }));
        importSplit.preview += previewMs;
        importSplit.commit += commitMs;
      });
      importScoresMs += ms;
    }
    floorDb.exec('CREATE TABLE scores (sheet_id TEXT NOT NULL, application_id TEXT NOT NULL, criterion TEXT NOT NULL, value REAL NOT NULL, comment TEXT NOT NULL DEFAULT \'\', updated_at TEXT NOT NULL, PRIMARY KEY (sheet_id, application_id, criterion)) STRICT');
    const [floorScores] = await time(() => {
      const insert = floorDb.prepare('INSERT INTO scores (sheet_id, application_id, criterion, value, comment, updated_at) VALUES (?, ?, ?, ?, \'\', ?)');
      floorDb.transaction(() => {
        for (let m = 0; m < MEMBERS; m++) for (let i = 0; i < n; i++) for (const [c, [key]] of CRITERIA.entries()) insert.run(members[m], appIds[i], key, value(i, m, c), 'x');
      })();
    });
    floorDb.close();
    fs.rmSync(floorDir, { recursive: true, force: true });
    rssAfter('score import');
    out.push([`score import (${MEMBERS} files, ${MEMBERS * n * CRITERIA.length} rows)`, importScoresMs, floorScores, 'raw INSERT of the same rows']);
    out.push([`(score import: previews ${importSplit.preview.toFixed(0)} ms ×${(importSplit.preview / floorScores).toFixed(1)}, commits ${importSplit.commit.toFixed(0)} ms ×${(importSplit.commit / floorScores).toFixed(1)})`, 0, 1, '']);

    // Everyone but the last member submits; the last one's sheet stays a draft for the score saves.
    for (const m of members.slice(0, -1)) await call(worker, 'scores.submit', { memberId: m });

    // Score save: median over 101 saves in the big round vs a round of one application.
    const saves = async (memberId: string, apps: string[]) => {
      const times: number[] = [];
      for (let k = 0; k < 101; k++) times.push((await time(() => call(worker, 'scores.set', { memberId, applicationId: apps[(k * 97) % apps.length]!, criterion: 'strength', value: 50 + (k % 40), comment: '' })))[0]);
      return median(times);
    };
    const small = await call<{ id: string }>(worker, 'rounds.create', { programId: program.id, name: '空批次', referenceDate: '2026-11-23', options: {} });
    const smallRegion = await call<{ id: string }>(worker, 'regions.add', { roundId: small.id, data: { name: '产业带', city: CITIES[0]!, quota: 1, waitlistLength: 0 } });
    const smallApp = await call<{ id: string }>(worker, 'applications.add', { roundId: small.id, data: { dossierId: dossierIds.get(creditCode(0))!, priceQuoteYuan: 30000, strengthStatement: '', regionIds: [smallRegion.id] } });
    const smallMember = await call<{ id: string }>(worker, 'members.add', { roundId: small.id, data: { name: '委员', role: 'chair' } });
    await call(worker, 'scores.set', { memberId: smallMember.id, applicationId: smallApp.id, criterion: 'strength', value: 1, comment: '' }); // warm
    await call(worker, 'scores.set', { memberId: members.at(-1)!, applicationId: appIds[0]!, criterion: 'strength', value: 1, comment: '' }); // warm (fills the screening cache)
    const emptySave = await saves(smallMember.id, [smallApp.id]);
    const bigSave = await saves(members.at(-1)!, appIds);
    out.push(['score save (scores.set), median of 101', bigSave, emptySave, 'the same call in a round of 1 application']);

    // Ranking after a change (a submitted cell amended), against an SQL GROUP BY over the same scores.
    const viewer = members[0]!;
    const rankTimes: number[] = [];
    for (let k = 0; k < 3; k++) {
      await call(worker, 'scores.amend', { memberId: viewer, applicationId: appIds[k]!, criterion: 'technical', value: 70 + k, comment: '', reason: '基准' });
      rankTimes.push((await time(() => call(worker, 'ranking.summary', { roundId: round.id, viewerMemberId: viewer })))[0]);
    }
    const reader = new Database(dbFile, { readonly: true });
    const groupBy = reader.prepare('SELECT s.application_id, s.criterion, SUM(s.value), COUNT(*) FROM scores s JOIN score_sheets h ON h.id = s.sheet_id WHERE h.round_id = ? AND h.submitted_at IS NOT NULL GROUP BY s.application_id, s.criterion');
    const groupTimes: number[] = [];
    for (let k = 0; k < 3; k++) groupTimes.push((await time(() => groupBy.all(round.id)))[0]);
    const floorRank = median(groupTimes);
    rssAfter('ranking computed (cached)');
    out.push(['ranking computed after a change (ranking.summary)', median(rankTimes), floorRank, 'SQL GROUP BY over the scores']);

    // Cached ranking page, members.list, search: absolute figures, with a tiny call as the floor.
    const floorTimes: number[] = [];
    for (let k = 0; k < 11; k++) floorTimes.push((await time(() => call(worker, 'members.list', { roundId: small.id })))[0]);
    const floorCall = median(floorTimes);
    const pageTimes: number[] = [];
    for (let k = 0; k < 11; k++) pageTimes.push((await time(() => call(worker, 'ranking.region', { roundId: round.id, regionId: regions[(k * 37) % REGIONS]!, viewerMemberId: viewer })))[0]);
    out.push(['ranking page for one region (cached ranking.region)', median(pageTimes), floorCall, 'members.list of a 1-application round']);
    const memberTimes: number[] = [];
    for (let k = 0; k < 11; k++) memberTimes.push((await time(() => call(worker, 'members.list', { roundId: round.id })))[0]);
    out.push(['members.list', median(memberTimes), floorCall, 'members.list of a 1-application round']);
    const haystacks = (reader.prepare('SELECT search_text FROM dossiers').all() as { search_text: string }[]).map((r) => r.search_text);
    reader.close();
    const queries = ['杭州', '第1999号', '不存在的机构', '13800138000', 'hz'];
    const [floorSearch] = await time(() => queries.forEach((q) => haystacks.filter((h) => h.includes(q)).length));
    // As in the dossiers-only run: the first list or search after the dossiers changed builds the reader's index
    // (in the app, opening the dossier list does; timed apart here), then the median of 3 × 5 terms. Before
    // session 18 this run timed one pass of 5 terms, the first of which built the index.
    const [firstSearch] = await time(() => call(worker, 'dossiers.list', { search: 'x', limit: 50 }));
    const searchTimes: number[] = [];
    for (let k = 0; k < 3; k++) for (const q of queries) searchTimes.push((await time(() => call(worker, 'dossiers.list', { search: q, limit: 50 })))[0]);
    out.push([`dossier search (dossiers.list, median of 3 × ${queries.length} terms)`, median(searchTimes), floorSearch / queries.length, 'in-memory substring scan, per term']);
    out.push([`(dossier search: the first list or search after the dossiers changed, building the reader's index: ${firstSearch.toFixed(0)} ms)`, 0, 1, '']);
    out.push([`(screening: ${scorable} of ${n * 2} application-regions eligible)`, 0, 1, '']);
    // The largest export (every region's ranking with the per-criterion breakdown, XLSX): that it runs under the
    // workers' heap cap (worker-channel.ts) at this size, its time, and the server's RSS after it.
    const [exportMs, exported] = await time(() => call<{ dataBase64: string }>(worker, 'ranking.export', { roundId: round.id, viewerMemberId: viewer, format: 'xlsx' }));
    out.push([`(ranking.export XLSX: ${exportMs.toFixed(0)} ms, ${(exported.dataBase64.length * 0.75 / 2 ** 20).toFixed(1)} MB)`, 0, 1, '']);
    rssAfter('ranking export XLSX');
    const [csvMs, csvOut] = await time(() => call<{ dataBase64: string }>(worker, 'ranking.export', { roundId: round.id, viewerMemberId: viewer, format: 'csv' }));
    out.push([`(ranking.export CSV: ${csvMs.toFixed(0)} ms, ${(csvOut.dataBase64.length * 0.75 / 2 ** 20).toFixed(1)} MB)`, 0, 1, '']);
    rssAfter('ranking export CSV');
    const [jsonMs, jsonOut] = await time(() => call<{ dataBase64: string }>(worker, 'ranking.export', { roundId: round.id, viewerMemberId: viewer, format: 'json' }));
    out.push([`(ranking.export JSON: ${jsonMs.toFixed(0)} ms, ${(jsonOut.dataBase64.length * 0.75 / 2 ** 20).toFixed(1)} MB)`, 0, 1, '']);
    rssAfter('ranking export JSON');
    rssAfter('end');
    memory.push(`peak ${overallPeak} MB`);
  } finally {
    await worker.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return { rows: out, memory };
}

async function main(): Promise<void> {
  if (!fs.existsSync(WORKER)) throw new Error(`${WORKER} is missing: run \`npm run build\` first.`);
  console.log(`\nReview Desk end-to-end benchmark through browser mode's HTTP server and the data worker — ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}, ${os.platform()} ${os.release()}`);
  for (const n of SIZES) {
    peakRss = process.memoryUsage().rss;
    const { rows, memory } = await runSize(n);
    console.log(`\n${n} applications, ${REGIONS} regions, ${MEMBERS} members, ${CRITERIA.length} criteria (${n * MEMBERS * CRITERIA.length} scores)`);
    for (const [name, ms, floor, floorName] of rows) {
      if (!floorName) console.log(name);
      else console.log(`${name.padEnd(58)} ${ms.toFixed(1).padStart(9)} ms   ×${(ms / floor).toFixed(1).padEnd(7)} floor ${floor.toFixed(2)} ms: ${floorName}`);
    }
    console.log(`server (data worker in its own process) RSS after each phase: ${memory.join(', ')}`);
    console.log(`peak RSS of the benchmark process itself (its files, floors, base64 copies): ${(peakRss / 2 ** 20).toFixed(0)} MB`);
  }
  clearInterval(sampler);
}

if (process.env.BENCH_ROLE === 'server') serve();
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
