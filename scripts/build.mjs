// Builds everything the app runs: the renderer (Vite) and the main/preload/worker/browser-mode bundles
// (esbuild). Native and heavy modules stay external and load from node_modules.
import { build as esbuild } from 'esbuild';
import { build as viteBuild } from 'vite';

const started = Date.now();
const common = { bundle: true, platform: 'node', target: 'node22', format: 'cjs', sourcemap: true, logLevel: 'warning', external: ['electron', 'better-sqlite3', 'exceljs'] };

await Promise.all([
  esbuild({ ...common, entryPoints: { main: 'electron/main.ts', preload: 'electron/preload.ts', 'data-worker': 'electron/backend/data-worker.ts', browser: 'electron/browser/main.ts', cli: 'electron/cli/main.ts' }, outdir: 'dist/electron', outExtension: { '.js': '.cjs' } }),
  viteBuild({ configFile: 'vite.config.ts', logLevel: 'warn' }),
]);
console.log(`构建完成 / built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
