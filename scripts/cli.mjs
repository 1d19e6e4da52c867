// `npm run cli -- <命令>`: rebuilds only the command-line bundle, and only when a source file is newer than
// it (a full `npm run build` also builds the renderer, which the CLI does not need), then runs it with
// the arguments given. The esbuild options are those of scripts/build.mjs for the same entry.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const bundle = path.join(root, 'dist/electron/cli.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
if (['electron', 'shared', 'resources/locales'].some((dir) => newestSource(path.join(root, dir)) > built)) {
  await build({
    absWorkingDir: root,
    entryPoints: { cli: 'electron/cli/main.ts' },
    outdir: 'dist/electron',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: true,
    logLevel: 'warning',
    external: ['electron', 'better-sqlite3', 'exceljs'],
  });
}
// npm runs scripts from the package root; file arguments are meant relative to where the user typed.
const run = spawnSync(process.execPath, [bundle, ...process.argv.slice(2)], { stdio: 'inherit', cwd: process.env.INIT_CWD ?? process.cwd() });
process.exit(run.status ?? 1);
