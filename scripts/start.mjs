// `npm start`: build, then open the desktop app; where Electron cannot run (no binary and no way to
// download it), say so plainly and serve the same app in browser mode on 127.0.0.1.
//   npm start                     desktop window, or browser mode as a fallback
//   npm start -- --browser        browser mode directly
//   npm start -- --data DIR       use DIR as the data directory (browser mode)
import { spawn, spawnSync } from 'node:child_process';

const args = process.argv.slice(2);
const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  if (args.includes('--browser')) return { path: null, why: '已指定 --browser' };
  // Requiring 'electron' returns the binary's path, downloading it first if needed (Electron ≥ 42). It is
  // done in a child with a time limit so a hanging download cannot block the fallback.
  const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], { encoding: 'utf8', timeout: 120_000, cwd: process.cwd() });
  if (probe.status === 0 && probe.stdout) return { path: probe.stdout, why: '' };
  const lines = `${probe.stdout ?? ''}\n${probe.stderr || probe.error?.message || ''}`.split('\n').map((l) => l.trim());
  const firstError = lines.find((l) => /^\w*Error: /.test(l)) ?? '未知原因';
  const downloading = lines.some((l) => l.startsWith('Downloading Electron'));
  return { path: null, why: downloading ? `程序文件未安装，且无法下载：${firstError}` : firstError };
}

const electron = electronBinary();
if (electron.path) {
  const child = spawn(electron.path, ['.', ...args], { stdio: 'inherit' });
  child.on('exit', (code) => {
    if (code === 0) process.exit(0);
    console.log(`\nElectron 退出（代码 ${code}），改用浏览器模式。/ Electron exited (${code}); falling back to browser mode.\n`);
    startBrowserMode();
  });
} else {
  console.log(`\nElectron 在这台机器上不可用（${electron.why}）。\nElectron is not available on this machine; serving the same app in browser mode instead.\n`);
  startBrowserMode();
}

function startBrowserMode() {
  const child = spawn(process.execPath, ['dist/electron/browser.cjs', ...args.filter((a) => a !== '--browser')], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
}
