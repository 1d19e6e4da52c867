// Fuzzes every worker call of the API contract through the real dispatch on a seeded database (issue 9):
// valid-shaped inputs drawn from each call's zod schema, and the same inputs broken in one place. Each
// answer must be data — `{ ok: true }` or a typed error (a known code other than INTERNAL, a zh-CN
// message) — never a thrown exception; a call that fails must leave the database content as it was; no
// call may take over a second. Findings are collected (with the input that triggered them), not thrown,
// so one run reports all of them.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import type { Database } from 'better-sqlite3';
import type { z } from 'zod';
import { dispatch } from '../../../electron/backend/dispatch';
import type { HandlerTable } from '../../../electron/backend/handler-types';
import type { ServiceContext } from '../../../electron/services/context';
import { callNames, type CallName } from '../../../shared/api/call-names';
import { contract } from '../../../shared/api/contract';
import { absolutePath } from '../../../shared/api/contract-backup';
import { errorCodes } from '../../../shared/api/result';
import { arbitraryOf, type Pools } from './zod-arbitrary';
import { isoDate } from '../../../shared/common/validation';
import { dossierInputSchema } from '../../../shared/dossiers/schema';
import { dossierInput } from '../dossiers';
import { syntheticCreditCode } from '../credit-codes';
import { mutated } from './mutate';
import type { Seed } from './seeds';
import type { TestContext } from '../service-context';

export interface Finding {
  call: string;
  /** seedRefused: a fixture's valid input (seeds.ts) was not accepted — the fixture, or the call, is broken. */
  problem: 'threw' | 'internal' | 'untypedError' | 'dbChanged' | 'slow' | 'seedRefused';
  detail: string;
  input: string;
}

export interface FuzzOptions {
  runsPerCall: number;
  seed: number;
  /** Calls slower than this are findings. */
  maxMs?: number;
  /** The only directory absolute paths in inputs may point into (backups are written there). */
  scratchDir: string;
  calls?: readonly CallName[];
  /** Fixtures: valid inputs built through the API just before a call is fuzzed (seeds.ts). */
  seeds?: Partial<Record<CallName, Seed>>;
}

export const workerCalls = (): CallName[] => callNames.filter((name) => contract[name].where === 'worker');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Every uuid and dossier id in the database: inputs that name real records reach the services. */
export function poolsOf(db: Database): Pools {
  const uuids = new Set<string>();
  const byColumn: Record<string, Set<string>> = {};
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'").pluck().all() as string[];
  for (const table of tables) {
    const columns = (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string; type: string }[]).filter((c) => c.type === 'TEXT' && (c.name === 'id' || c.name.endsWith('_id')));
    for (const column of columns) {
      // A table's own id counts as <table>_id too (rounds.id → round_id), as the tables that refer to it name it.
      const names = column.name === 'id' ? [`${table.replace(/s$/, '')}_id`, `${table.replace(/^round_/, '').replace(/s$/, '')}_id`] : [column.name];
      for (const value of db.prepare(`SELECT DISTINCT "${column.name}" FROM "${table}" LIMIT 200`).pluck().all()) {
        if (typeof value !== 'string' || !UUID.test(value)) continue;
        uuids.add(value);
        for (const name of names) (byColumn[name] ??= new Set()).add(value);
      }
    }
  }
  const intIds = db.prepare('SELECT id FROM dossiers ORDER BY id LIMIT 500').pluck().all() as number[];
  const criteria = db.prepare('SELECT DISTINCT criterion FROM scores').pluck().all() as string[];
  return { uuids: [...uuids], intIds, textByKey: { criterion: criteria }, byColumn: Object.fromEntries(Object.entries(byColumn).map(([k, v]) => [k, [...v]])) };
}

/** sha256 of every row of every table: equal digests, equal content. */
export function contentDigest(db: Database): string {
  const hash = crypto.createHash('sha256');
  const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").pluck().all() as string[];
  for (const table of tables) {
    hash.update(`\u0000${table}\u0000`);
    for (const row of db.prepare(`SELECT * FROM "${table}"`).raw().iterate() as Iterable<unknown[]>) hash.update(JSON.stringify(row, (_k, v: unknown) => (typeof v === 'bigint' ? String(v) : v)));
  }
  return hash.digest('hex');
}

const totalChanges = (db: Database) => db.prepare('SELECT total_changes()').pluck().get() as number;

function preview(input: unknown): string {
  let text: string;
  try {
    text = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'string' && v.length > 80 ? `${v.slice(0, 40)}…(${v.length} chars)` : Array.isArray(v) && v.length > 20 ? `[array of ${v.length}]` : v)) ?? String(input);
  } catch {
    text = '(nested too deep to print)';
  }
  return text.length > 600 ? `${text.slice(0, 600)}…` : text;
}

/** Absolute paths outside the scratch directory are never sent: a backup call would write there. */
function pathsStayInside(input: unknown, scratchDir: string, depth = 0): boolean {
  if (depth > 100) return true; // the deep-nesting mutation: no path is read from down there
  if (typeof input === 'string') return !/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(input.trim()) || path.resolve(input.trim()).startsWith(scratchDir + path.sep);
  if (input && typeof input === 'object') return Object.values(input).every((v) => pathsStayInside(v, scratchDir, depth + 1));
  return true;
}

/** The table a call's own `id` field names, by the call's prefix (rounds.get → rounds). */
const ID_TABLE: Record<string, string> = { rounds: 'round_id', programs: 'program_id', regions: 'region_id', applications: 'application_id', members: 'member_id', recusals: 'recusal_id', bans: 'readmission_ban_id', cooperations: 'cooperation_id', assessments: 'assessment_run_id', letters: 'letter_id' };

/** An object schema's field names, sorted (`.strict()` copies the shape, so identity does not survive). */
const keysOf = (schema: z.ZodType) => {
  const shape = (schema as unknown as { _zod: { def: { shape?: object } } })._zod.def.shape;
  return shape ? Object.keys(shape).sort().join(',') : null;
};

/** Schemas a generic arbitrary cannot satisfy: checksummed credit codes, real calendar dates, paths. */
function specialArbitraries(scratchDir: string): (schema: z.ZodType) => fc.Arbitrary<unknown> | undefined {
  const leaves = ['备份', 'usb', 'a b', '新建文件夹'];
  for (const leaf of leaves) fs.mkdirSync(path.join(scratchDir, leaf), { recursive: true });
  const folder = fc.constantFrom(...leaves.map((leaf) => path.join(scratchDir, leaf)), path.join(scratchDir, '不存在的文件夹'));
  const date = fc.date({ min: new Date('2000-01-01'), max: new Date('2030-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
  let serial = 0;
  const dossier = fc.record({ capital: fc.integer({ min: 0, max: 100_000 }), city: fc.constantFrom('杭州市', '深圳市', '诸暨市') }).map(({ capital, city }) => dossierInput({ legalName: `模糊测试机构${++serial}有限公司`, creditCode: syntheticCreditCode(50_000_000 + serial), registeredCapitalWan: capital, city }));
  const dossierKeys = keysOf(dossierInputSchema);
  return (schema) => {
    if (schema === absolutePath) return folder;
    if (schema === isoDate) return date;
    if (keysOf(schema) === dossierKeys) return dossier;
    return undefined;
  };
}

export function inputArbitrary(name: CallName, pools: Pools, scratchDir: string, seeds: readonly unknown[] = []): fc.Arbitrary<unknown> {
  const idPool = pools.byColumn[ID_TABLE[name.split('.')[0]!] ?? ''];
  const valid = arbitraryOf(contract[name].input as z.ZodType, { pools, special: specialArbitraries(scratchDir), idPool, hostile: false });
  const hostileShaped = arbitraryOf(contract[name].input as z.ZodType, { pools, special: specialArbitraries(scratchDir), idPool, hostile: true });
  const fromSeeds: fc.WeightedArbitrary<unknown>[] = seeds.length ? [{ weight: 3, arbitrary: mutated(fc.constantFrom(...seeds)) }] : [];
  return fc.oneof({ weight: 4, arbitrary: valid }, { weight: 2, arbitrary: hostileShaped }, { weight: 3, arbitrary: mutated(valid) }, { weight: 1, arbitrary: fc.constantFrom(undefined, null, 'x', [], 42) }, ...fromSeeds);
}

export async function fuzzApi(table: HandlerTable, ctx: ServiceContext, options: FuzzOptions): Promise<{ findings: Finding[]; calls: number; slowest: { call: string; ms: number }; succeeded: Map<string, number>; warmups: string[] }> {
  const findings: Finding[] = [];
  const maxMs = options.maxMs ?? 1000;
  const slowest = { call: '', ms: 0 };
  const pools = poolsOf(ctx.db);
  let calls = 0;
  /** How many inputs each call accepted: a call never reached past validation is a gap in the generator. */
  const succeeded = new Map<string, number>();
  const warmups: string[] = [];
  const warmedUp = new Set<string>();
  let baseline = contentDigest(ctx.db);
  const names = options.calls ?? workerCalls();
  for (const [index, name] of names.entries()) {
    // The call's fixtures first: built now (on the state the earlier calls left), each must be accepted.
    let seeds: unknown[] = [];
    const seed = options.seeds?.[name];
    if (seed) {
      try {
        seeds = await seed(ctx as TestContext);
      } catch (error) {
        findings.push({ call: name, problem: 'seedRefused', detail: `fixture failed: ${error instanceof Error ? error.message : String(error)}`, input: '' });
      }
      baseline = contentDigest(ctx.db);
    }
    const generated = fc.sample(inputArbitrary(name, pools, options.scratchDir, seeds), { numRuns: options.runsPerCall, seed: options.seed + index });
    const inputs = [...seeds, ...generated];
    for (const [position, input] of inputs.entries()) {
      const isSeed = position < seeds.length;
      if (!pathsStayInside(input, options.scratchDir)) continue;
      const note = (problem: Finding['problem'], detail: string) => findings.push({ call: name, problem, detail, input: preview(input) });
      const changesBefore = totalChanges(ctx.db);
      const started = performance.now();
      const cpuBefore = process.cpuUsage();
      let result;
      try {
        result = await dispatch(table, ctx, name, input);
      } catch (error) {
        note('threw', error instanceof Error ? `${error.name}: ${error.message}` : String(error));
        baseline = contentDigest(ctx.db);
        continue;
      } finally {
        calls++;
      }
      // Time is the process's CPU time (user + system): the calls run synchronously on this thread, and on a
      // machine shared with other jobs wall time measures the neighbours. Wall time is reported alongside.
      const cpu = process.cpuUsage(cpuBefore);
      const ms = (cpu.user + cpu.system) / 1000;
      if (ms > slowest.ms) Object.assign(slowest, { call: name, ms });
      // The first successful call of a kind pays one-time costs (V8 compiling the service's code paths:
      // the first XLSX ranking export takes ~950 ms CPU, later ones 30–110 ms), so one slow answer per call is
      // a warm-up, logged; a second one is a finding.
      if (ms > maxMs) {
        const detail = `${ms.toFixed(0)} ms CPU (${(performance.now() - started).toFixed(0)} ms wall)`;
        if (warmedUp.has(name)) note('slow', detail);
        else warmups.push(`${name} ${detail}`);
        warmedUp.add(name);
      }
      // Nothing was written at all: the content is the baseline, no digest needed.
      const wrote = totalChanges(ctx.db) !== changesBefore;
      if (result.ok) {
        succeeded.set(name, (succeeded.get(name) ?? 0) + 1);
        if (wrote) baseline = contentDigest(ctx.db);
        continue;
      }
      const { code, message } = result.error;
      if (isSeed) note('seedRefused', `${code}: ${message.slice(0, 200)}`);
      if (code === 'INTERNAL') note('internal', message);
      else if (!errorCodes.includes(code) || typeof message !== 'string' || !/[\u4e00-\u9fff]/.test(message)) note('untypedError', JSON.stringify(result.error).slice(0, 300));
      if (wrote) {
        const now = contentDigest(ctx.db);
        if (now !== baseline) note('dbChanged', `${code}: ${message.slice(0, 200)}`);
        baseline = now;
      }
    }
  }
  return { findings, calls, slowest, succeeded, warmups };
}
