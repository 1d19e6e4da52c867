// `npm test`: lint, type-check, unit + integration tests, build, end-to-end tests in Chromium, then one
// summary. Every stage runs even if an earlier one failed, so a single run shows everything that is wrong.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const reportDir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-desk-test-'));
const stages = [
  { name: '代码检查 lint', cmd: ['eslint', '.'] },
  { name: '类型检查 typecheck', cmd: ['tsc', '-b'] },
  // Built before the tests: integration tests start the real data-worker bundle.
  { name: '构建 build', cmd: ['node', 'scripts/build.mjs'] },
  { name: '单元与集成测试 unit + integration', cmd: ['vitest', 'run', '--project', 'unit'], report: 'unit.json' },
  { name: '端到端测试 end-to-end (Chromium)', cmd: ['vitest', 'run', '--project', 'e2e'], report: 'e2e.json', needsBrowser: true },
];

const results = [];
for (const stage of stages) {
  console.log(`\n━━ ${stage.name} ━━`);
  if (stage.needsBrowser && !fs.existsSync(process.env.CHROMIUM_PATH ?? '/usr/bin/chromium')) {
    console.log('找不到 Chromium（/usr/bin/chromium）。请先安装：apt-get install -y chromium');
    results.push({ ...stage, ok: false, passed: 0, failed: 1 });
    continue;
  }
  const args = [...stage.cmd];
  if (stage.report) args.push('--reporter=default', '--reporter=json', `--outputFile.json=${path.join(reportDir, stage.report)}`);
  const started = Date.now();
  const run = spawnSync(args[0], args.slice(1), { stdio: 'inherit', shell: process.platform === 'win32' });
  const counts = stage.report ? readCounts(path.join(reportDir, stage.report)) : { passed: run.status === 0 ? 1 : 0, failed: run.status === 0 ? 0 : 1 };
  results.push({ ...stage, ok: run.status === 0, seconds: (Date.now() - started) / 1000, ...counts });
}

function readCounts(file) {
  try {
    const report = JSON.parse(fs.readFileSync(file, 'utf8'));
    const failures = report.testResults.flatMap((file) =>
      file.assertionResults
        .filter((test) => test.status === 'failed')
        .map((test) => ({
          where: `${path.relative(process.cwd(), file.name)} › ${test.fullName}`,
          why: String(test.failureMessages?.[0] ?? '').split('\n')[0].slice(0, 300),
        })),
    );
    return { passed: report.numPassedTests, failed: report.numFailedTests + (report.success ? 0 : report.numTotalTests === 0 ? 1 : 0), failures, tests: true };
  } catch {
    return { passed: 0, failed: 1, tests: true };
  }
}

console.log('\n━━ 测试汇总 / summary ━━');
for (const r of results) {
  const detail = r.tests ? `${r.passed} 通过，${r.failed} 失败` : '';
  console.log(`${r.ok ? '✔' : '✘'} ${r.name}  ${detail}${r.seconds ? `  (${r.seconds.toFixed(1)} s)` : ''}`);
  // Named again here because a long run's log is often read from its tail only.
  for (const failure of r.failures ?? []) console.log(`    ✘ ${failure.where}\n      ${failure.why}`);
}
const tests = results.filter((r) => r.tests);
const passed = tests.reduce((n, r) => n + r.passed, 0);
const failedStages = results.filter((r) => !r.ok).length;
const failed = tests.reduce((n, r) => n + r.failed, 0) + results.filter((r) => !r.ok && !r.tests).length;
console.log(failedStages === 0 ? '\n全部通过 / all green' : `\n${failedStages} 个阶段失败 / ${failedStages} stage(s) failed`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failedStages === 0 ? 0 : 1);
