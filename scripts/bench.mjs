// `npm run bench`: bundles the benchmark (TypeScript) and runs it with the project's Node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'review-desk-bench-')), 'bench.cjs');
await build({ entryPoints: ['test/bench/dossiers-bench.ts'], bundle: true, platform: 'node', format: 'cjs', outfile: out, external: ['better-sqlite3', 'exceljs'], logLevel: 'warning', nodePaths: [path.resolve('node_modules')] });
const run = spawnSync(process.execPath, [out], { stdio: 'inherit', env: { ...process.env, NODE_PATH: path.resolve('node_modules') } });
process.exit(run.status ?? 1);
