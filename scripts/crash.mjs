// `npm run crash -- --kills 200 [--seed n]`: the crash harness's long run (issue 9). The harness is
// TypeScript (test/support/crash/), so it is bundled with esbuild first, like the app's own bundles; the data
// worker it kills is the built one, so this builds the app too.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';

const built = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (built.status !== 0) process.exit(built.status ?? 1);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-desk-crash-cli-'));
const outfile = path.join(dir, 'crash.cjs');
await build({ entryPoints: ['test/support/crash/cli.ts'], outfile, bundle: true, platform: 'node', format: 'cjs', target: 'node22', logLevel: 'warning', external: ['electron', 'better-sqlite3', 'exceljs', 'esbuild'] });
const run = spawnSync(process.execPath, [outfile, ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, NODE_PATH: path.resolve('node_modules') } });
fs.rmSync(dir, { recursive: true, force: true });
process.exit(run.status ?? 1);
