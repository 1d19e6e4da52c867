// Browser mode: the same renderer and the same handlers as the desktop app, served on 127.0.0.1 for
// machines where Electron cannot run, and for the end-to-end tests.
//   node dist/electron/browser.cjs [--data DIR] [--port N]
import path from 'node:path';
import { parseArgs } from 'node:util';
import { startDataWorker } from '../backend/worker-host';
import { defaultDataDir } from '../data-dir';
import { createBrowserServer, newToken } from './http-server';

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { data: { type: 'string' }, port: { type: 'string', default: '0' } } });
  const dataDir = path.resolve(values.data ?? defaultDataDir());
  const port = Number(values.port);
  const dist = __dirname; // dist/electron
  let worker;
  try {
    worker = await startDataWorker(path.join(dist, 'data-worker.cjs'), { dataDir, transport: 'browser' });
  } catch (error) {
    console.error(`评审台无法打开数据目录 ${dataDir}：\n  ${error instanceof Error ? error.message : String(error)}`);
    process.exit(2);
  }
  if (worker.backupPath) console.log(`已在升级数据前备份：${worker.backupPath}`);
  if (worker.recovery) console.error(`数据库已损坏（${worker.recovery}），评审台以恢复模式启动：请在页面中选择一份备份恢复。`);
  const token = newToken();
  const server = createBrowserServer({ staticDir: path.join(dist, '..', 'renderer'), token, invoke: worker.invoke });
  server.listen(port, '127.0.0.1', () => {
    const address = server.address() as { port: number };
    const url = `http://127.0.0.1:${address.port}/#token=${token}`;
    console.log(`评审台（浏览器模式）已启动 / Review Desk is running in browser mode`);
    console.log(`数据目录 / data: ${dataDir}`);
    console.log(`请在浏览器中打开 / open: ${url}`);
    // A machine-readable line for scripts and tests.
    console.log(`REVIEW_DESK_URL=${url}`);
  });
  let stopping = false;
  const stop = () => {
    // The worker makes the backup on quit before it exits; a second Ctrl+C does not cut it short.
    if (stopping) return;
    stopping = true;
    console.log('正在保存并备份数据…');
    server.close();
    void worker.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

void main();
