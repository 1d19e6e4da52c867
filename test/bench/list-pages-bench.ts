// The applications and screening tabs' backend at platform scale (issue 8): the whole-round calls the tabs
// used to make (applications.list, screening.list) against the paged calls they make now (applications.page,
// screening.page), in process through dispatch (zod, handlers, SQLite; no worker clone), with the size of
// each answer as JSON (what browser mode sends). The data is the platform benches' (bench-data.ts): SIZES
// applications in 300 regions, two region preferences each, dossiers imported through the API.
// Run (bundled as scripts/bench.mjs bundles the others):
//   npx esbuild test/bench/list-pages-bench.ts --bundle --platform=node --external:better-sqlite3 \
//     --external:exceljs --outfile=/tmp/list-pages-bench.cjs && /work/main/node_modules/.bin/node /tmp/list-pages-bench.cjs
// (Node 24; BENCH_SIZES=2000,20000; --cpu-prof on that command for a profile.)
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../../electron/db/open';
import { setSetting, SETTING_USER, type ServiceContext } from '../../electron/services/context';
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/backend/handlers';
import type { CallName } from '../../shared/api/call-names';
import { DOSSIER_COLUMNS } from '../../shared/dossiers/columns';
import { CITIES, REGIONS, creditCode, dossierRow } from './bench-data';
import { SEED_003_RULES, shopFactsSchema } from '../../shared/eligibility/rules';

const SIZES = (process.env.BENCH_SIZES ?? '2000,20000').split(',').map(Number);

async function call(ctx: ServiceContext, name: CallName, input: unknown): Promise<{ value: unknown; ms: number; bytes: number }> {
  const t = performance.now();
  const result = await dispatch(handlers, ctx, name, input);
  if (!result.ok) throw new Error(`${name}: ${result.error.code} ${result.error.message}`);
  const bytes = Buffer.byteLength(JSON.stringify(result));
  return { value: result.value, ms: performance.now() - t, bytes };
}

async function build(ctx: ServiceContext, n: number): Promise<{ roundId: string; regionIds: string[] }> {
  const csv = [DOSSIER_COLUMNS.map((c) => c.header), ...Array.from({ length: n }, (_, i) => dossierRow(i))].map((r) => r.join(',')).join('\n');
  const preview = (await call(ctx, 'dossiers.importPreview', { fileName: 'dossiers.csv', dataBase64: Buffer.from(csv).toString('base64') })).value as { previewId: string };
  await call(ctx, 'dossiers.importCommit', { previewId: preview.previewId });
  const program = (await call(ctx, 'programs.create', { platform: '淘宝直播', name: '区域产业服务商', rules: [...SEED_003_RULES] })).value as { id: string };
  const round = (await call(ctx, 'rounds.create', { programId: program.id, name: '分页基准批次', referenceDate: '2026-11-23', options: {} })).value as { id: string };
  const regionIds: string[] = [];
  for (let r = 0; r < REGIONS; r++) regionIds.push(((await call(ctx, 'regions.add', { roundId: round.id, data: { name: `产业带${r}`, city: CITIES[r % CITIES.length]!, quota: 10, waitlistLength: 3 } })).value as { id: string }).id);
  const db = ctx.db;
  const dossierIds = new Map((db.prepare('SELECT id, credit_code FROM dossiers').all() as { id: number; credit_code: string }[]).map((d) => [d.credit_code, d.id]));
  db.transaction(() => {
    const app = db.prepare('INSERT INTO applications (id, round_id, dossier_id, price_quote_fen, strength_statement, shop_facts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const choice = db.prepare('INSERT INTO application_regions (application_id, region_id, preference) VALUES (?, ?, ?)');
    const facts = JSON.stringify(shopFactsSchema.parse({}));
    for (let i = 0; i < n; i++) {
      const id = crypto.randomUUID();
      app.run(id, round.id, dossierIds.get(creditCode(i))!, 2_000_000 + ((i * 7919) % 4_000_000), '', facts, new Date().toISOString());
      choice.run(id, regionIds[i % REGIONS]!, 1);
      choice.run(id, regionIds[((i % REGIONS) + 6) % REGIONS]!, 2);
    }
  })();
  return { roundId: round.id, regionIds };
}

const fmt = (name: string, r: { ms: number; bytes: number }) => console.log(`${name.padEnd(62)} ${r.ms.toFixed(1).padStart(9)} ms ${(r.bytes / 1024).toFixed(0).padStart(8)} KB`);

async function runSize(n: number): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-desk-list-bench-'));
  const { db } = await openDatabase(path.join(dir, 'review-desk.sqlite'));
  setSetting(db, SETTING_USER, '基准测试');
  const ctx: ServiceContext = { db, dataDir: dir, transport: 'browser', now: () => new Date(), progress: () => {} };
  try {
    const t = performance.now();
    const { roundId, regionIds } = await build(ctx, n);
    console.log(`\n${n} applications, ${REGIONS} regions (set-up ${((performance.now() - t) / 1000).toFixed(0)} s; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
    const page = { roundId, offset: 0, limit: 100 };
    // Cold: the first page after a change builds the per-round index (and, for screening, the screening itself).
    fmt('screening.page, first page, cold (screening computed + index)', await call(ctx, 'screening.page', page));
    fmt('applications.page, first page (index warm from screening.page)', await call(ctx, 'applications.page', page));
    const sizes = await call(ctx, 'applications.list', { roundId });
    fmt('applications.list (the whole round, as the tab read it before)', sizes);
    fmt('screening.list (the whole round, cached screening)', await call(ctx, 'screening.list', { roundId }));
    const warm: [string, CallName, object][] = [
      ['applications.page, first page, warm', 'applications.page', page],
      ['applications.page, sort by quote (new order)', 'applications.page', { ...page, sort: 'quote', dir: 'desc' }],
      ['applications.page, sort by quote again (cached order)', 'applications.page', { ...page, sort: 'quote', dir: 'desc' }],
      ['applications.page, region filter', 'applications.page', { ...page, region: regionIds[7] }],
      ['applications.page, search "第1"', 'applications.page', { ...page, search: '第1' }],
      ['applications.page, pinyin search "hz"', 'applications.page', { ...page, search: 'hz' }],
      ['applications.page, a page at the end (scrolled)', 'applications.page', { ...page, offset: n - 100 }],
      ['screening.page, first page, warm', 'screening.page', page],
      ['screening.page, sort by region (new order)', 'screening.page', { ...page, sort: 'region' }],
      ['screening.page, result filter (ineligible)', 'screening.page', { ...page, result: 'ineligible' }],
      ['screening.page, region filter', 'screening.page', { ...page, region: regionIds[7] }],
      ['screening.page, pinyin search "cyd"', 'screening.page', { ...page, search: 'cyd' }],
      ['screening.page, a page at the end (scrolled)', 'screening.page', { ...page, offset: 2 * n - 100 }],
    ];
    for (const [name, callName, input] of warm) fmt(name, await call(ctx, callName, input));
    // After a write that changes the screening (an override): the next page rebuilds what the write invalidated.
    const first = ((await call(ctx, 'screening.page', page)).value as { rows: { applicationId: string; regionId: string }[] }).rows[0]!;
    fmt('screening.override (write)', await call(ctx, 'screening.override', { applicationId: first.applicationId, regionId: first.regionId, eligible: true, reason: '复核' }));
    fmt('screening.page after the override (screening recomputed + index)', await call(ctx, 'screening.page', page));
  } finally {
    db.close();
    if (process.env.BENCH_KEEP) console.log(`(kept ${dir})`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  console.log(`list pages benchmark — ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const n of SIZES) await runSize(n);
}

void main();
