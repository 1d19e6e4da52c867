// `npm run crash -- [--kills 200] [--seed n] [--max-delay ms]`: the long run of the crash harness. Bundled
// and started by scripts/crash.mjs. Exit code 1 and the first broken promise when a check fails.
import { runCrashHarness } from './harness';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(`--${name}`);
  if (at < 0) return fallback;
  const value = Number(process.argv[at + 1]);
  if (!Number.isInteger(value) || value < 0) throw new Error(`--${name} 需要一个非负整数`);
  return value;
}

async function main(): Promise<void> {
  const started = Date.now();
  const summary = await runCrashHarness({
    kills: option('kills', 200),
    seed: process.argv.includes('--seed') ? option('seed', 0) : undefined,
    // Longer than the integration test's 400 ms: more writes per run, more kills inside an import's commit.
    maxDelayMs: option('max-delay', 1000),
    log: (line) => console.log(line),
  });
  console.log(`\n${summary.kills} 次强制终止，${summary.acks} 次已确认写入，导入 ${summary.imports.begun} 次（${summary.imports.acked} 次已确认），种子 ${summary.seed}，用时 ${((Date.now() - started) / 1000).toFixed(0)} s`);
  if (summary.problems.length > 0) {
    console.error(`\n发现问题（数据目录保留在 ${summary.dataDir}）：`);
    for (const problem of summary.problems) console.error(`  ✘ ${problem}`);
    process.exit(1);
  }
  console.log('全部检查通过 / all checks passed');
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
