// `npm run bench`: bundles the benchmark (TypeScript) and runs it with the project's Node.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-desk-bench-'));
let failed = false;
// platform-bench drives the real worker bundle and ui-bench the built app in Chromium: build first (npm run
// build) so they measure this tree.
for (const name of ['dossiers-bench', 'ranking-bench', 'platform-bench', 'ui-bench']) {
  if (process.env.BENCH_ONLY && !process.env.BENCH_ONLY.split(',').includes(name)) continue;
  const out = path.join(dir, `${name}.cjs`);
  await build({ entryPoints: [`test/bench/${name}.ts`], bundle: true, platform: 'node', format: 'cjs', outfile: out, external: ['better-sqlite3', 'exceljs', 'playwright-core'], logLevel: 'warning', nodePaths: [path.resolve('node_modules')] });
  const run = spawnSync(process.execPath, [out], { stdio: 'inherit', env: { ...process.env, NODE_PATH: path.resolve('node_modules') } });
  failed ||= run.status !== 0;
}
process.exit(failed ? 1 : 0);
