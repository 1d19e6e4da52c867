// The crash harness (issue 9): SIGKILL the process that runs the data worker at random points while it
// imports dossiers and scores, scores by hand and issues letters; after every kill open the database the way
// the app does (openDatabase: start-up integrity check, migrations) and check everything in checks.ts.
// All runs share one data directory, so every start after the first recovers the previous run's WAL and
// letter numbering continues across restarts. `npm test` runs a few kills (test/integration/crash),
// `npm run crash -- --kills 200 [--seed n]` the long run.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { openDatabase } from '../../../electron/db/open';
import { DB_FILE_NAME } from '../../../electron/services/backup/backup-files';
import { createTestContext, tempDir } from '../service-context';
import { addApplicant, ok, setUpRound } from '../round-fixture';
import { checkDatabase, Ledger } from './checks';
import { rng, type Ack, type CrashPlan } from './protocol';

export interface CrashOptions {
  kills: number;
  seed?: number;
  workerFile?: string;
  /** Longest wait after the worker is ready before the kill. */
  maxDelayMs?: number;
  log?: (line: string) => void;
}

export interface CrashSummary {
  kills: number;
  seed: number;
  acks: number;
  imports: { begun: number; acked: number };
  dataDir: string;
  problems: string[];
}

/** Seeds a round (2 members × 4 applications) and returns the ids the workload uses. */
async function seed(dataDir: string): Promise<CrashPlan> {
  const ctx = await createTestContext({ dataDir });
  const { round, hangzhou, shenzhen } = await setUpRound(ctx);
  const apps = [];
  for (let i = 1; i <= 4; i++) apps.push(await addApplicant(ctx, round.id, i, i % 2 ? '杭州市' : '深圳市', [i % 2 ? hangzhou.id : shenzhen.id], 40_000 + i * 1000));
  const members = [];
  for (const name of ['赵组长', '钱委员']) members.push(await ok(ctx, 'members.add', { roundId: round.id, data: { name, role: name === '赵组长' ? 'chair' : 'member' } }));
  const sheet = await ok(ctx, 'scores.sheet', { memberId: members[0]!.id });
  const dossiers = ctx.db.prepare('SELECT id, credit_code FROM dossiers ORDER BY id').all() as { id: number; credit_code: string }[];
  const codeOf = new Map(dossiers.map((d) => [d.id, d.credit_code]));
  const plan: CrashPlan = {
    roundId: round.id,
    members: members.map((m) => ({ id: m.id, name: m.name })),
    applications: apps.map((a) => ({ id: a.id, creditCode: codeOf.get(a.dossierId)! })),
    // The price criterion is computed from the quote in the default price mode: not entered by hand.
    criteria: sheet.criteria.filter((c) => c !== 'price'),
    dossierIds: dossiers.map((d) => d.id),
  };
  ctx.db.close();
  return plan;
}

async function bundleWorkload(dir: string): Promise<string> {
  const outfile = path.join(dir, 'crash-workload.cjs');
  await build({ entryPoints: [path.resolve('test/support/crash/workload.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node22', logLevel: 'warning', external: ['electron', 'better-sqlite3', 'exceljs'] });
  return outfile;
}

interface RunOutcome {
  acks: Ack[];
  stderr: string;
  exitedByItself: boolean;
  readyAt?: number;
}

/** One child run, killed `delayMs` after it reported ready (or, with a negative delay, that long after spawn). */
function runOnce(workload: string, args: string[], delayMs: number): Promise<RunOutcome> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [workload, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_PATH: path.resolve('node_modules') } });
    const acks: Ack[] = [];
    let buffered = '';
    let stderr = '';
    let killed = false;
    const started = Date.now();
    let readyAt: number | undefined;
    const kill = () => {
      if (!killed) {
        killed = true;
        child.kill('SIGKILL');
      }
    };
    if (delayMs < 0) setTimeout(kill, -delayMs);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const ack = JSON.parse(line) as Ack;
        acks.push(ack);
        if (ack.t === 'ready') readyAt = Date.now() - started;
        if (ack.t === 'ready' && delayMs >= 0) setTimeout(kill, delayMs);
      }
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    // 'close' waits for stdout to drain: every line written before the kill is read.
    child.on('close', () => resolve({ acks, stderr, exitedByItself: !killed, readyAt }));
    setTimeout(kill, 30_000); // a hung start must not hang the harness
  });
}

/** Opens the file as the app would at its next start (integrity check, migrations) and checks it. */
async function checkAfterKill(dataDir: string, ledger: Ledger): Promise<string[]> {
  let db;
  try {
    db = (await openDatabase(path.join(dataDir, DB_FILE_NAME))).db;
  } catch (error) {
    return [`数据库无法打开：${error instanceof Error ? error.message : String(error)}`];
  }
  try {
    return checkDatabase(db, ledger);
  } finally {
    db.close();
  }
}

export async function runCrashHarness(options: CrashOptions): Promise<CrashSummary> {
  const seedValue = options.seed ?? Math.floor(Math.random() * 2 ** 31);
  const workerFile = options.workerFile ?? path.resolve('dist/electron/data-worker.cjs');
  if (!fs.existsSync(workerFile)) throw new Error(`${workerFile} is missing: run \`npm run build\` first (npm test does).`);
  const log = options.log ?? (() => {});
  const maxDelay = options.maxDelayMs ?? 400;
  const dataDir = tempDir('review-desk-crash-');
  const plan = await seed(dataDir);
  const planFile = path.join(dataDir, 'crash-plan.json');
  fs.writeFileSync(planFile, JSON.stringify(plan));
  const workload = await bundleWorkload(dataDir);
  const random = rng(seedValue);
  const ledger = new Ledger();
  const summary: CrashSummary = { kills: 0, seed: seedValue, acks: 0, imports: { begun: 0, acked: 0 }, dataDir, problems: [] };

  for (let run = 1; run <= options.kills; run++) {
    // One kill in ten lands during start-up (WAL recovery, migrations check, the daily backup).
    const delay = random() < 0.1 ? -Math.floor(random() * 300) - 1 : Math.floor(random() * maxDelay);
    const t0 = Date.now();
    const outcome = await runOnce(workload, [workerFile, dataDir, planFile, String(seedValue), String(run)], delay);
    for (const ack of outcome.acks) ledger.record(ack);
    if (outcome.exitedByItself) ledger.problems.push(`第 ${run} 次：工作进程自行退出：${outcome.stderr.slice(0, 2000)}`);
    summary.kills++;
    const t1 = Date.now();
    const problems = await checkAfterKill(dataDir, ledger);
    if (problems.length > 0) {
      summary.problems = problems.map((p) => `第 ${run} 次终止后（种子 ${seedValue}，延迟 ${delay} ms）：${p}`);
      break;
    }
    log(`kill ${run}/${options.kills}: ${delay < 0 ? `${-delay} ms after spawn` : `${delay} ms after ready (ready at ${outcome.readyAt} ms)`}, ${outcome.acks.length} lines, ${ledger.acks} acknowledged so far; run ${t1 - t0} ms, check ${Date.now() - t1} ms`);
  }
  summary.acks = ledger.acks;
  const imports = [...ledger.imports.values()];
  summary.imports = { begun: imports.length, acked: imports.filter((i) => i.acked).length };
  if (summary.problems.length === 0) fs.rmSync(dataDir, { recursive: true, force: true });
  return summary;
}
