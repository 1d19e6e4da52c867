// Electron main process: one window, the IPC transport, the desktop-only calls. Thin by design: every
// business call goes to the data worker through the same dispatch as browser mode.
import { app, BrowserWindow, ipcMain, session, shell, dialog } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isCallName } from '../shared/api/call-names';
import type { Result } from '../shared/api/result';
import { startDataWorker, type DataWorker } from './backend/worker-host';
import { defaultDataDir } from './data-dir';
import { CONTENT_SECURITY_POLICY } from './browser/http-server';
import { IPC_CHANNEL } from './ipc-channel';

const dist = __dirname; // dist/electron
const rendererIndex = path.join(dist, '..', 'renderer', 'index.html');
let worker: DataWorker | null = null;

app.setPath('userData', defaultDataDir());

async function openAttachmentExternally(input: unknown): Promise<Result<unknown>> {
  const read = await worker!.invoke('attachments.read', input);
  if (!read.ok) return read;
  const file = read.value as { fileName: string; dataBase64: string };
  // The system viewer needs a real file with the right extension; a private temp copy keeps the store read-only.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-desk-'));
  const target = path.join(dir, path.basename(file.fileName));
  fs.writeFileSync(target, Buffer.from(file.dataBase64, 'base64'));
  const problem = await shell.openPath(target);
  return problem ? { ok: false, error: { code: 'INTERNAL', message: `无法用系统程序打开附件：${problem}` } } : { ok: true, value: { opened: true } };
}

function createWindow(): void {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: '评审台 Review Desk',
    webPreferences: { preload: path.join(dist, 'preload.cjs'), contextIsolation: true, sandbox: true, nodeIntegration: false },
  });
  // The renderer never navigates away or opens windows: links to the outside go to the system browser.
  win.webContents.setWindowOpenHandler(({ url }) => {
    if (url.startsWith('https://')) void shell.openExternal(url);
    return { action: 'deny' };
  });
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  void win.loadFile(rendererIndex);
}

app.whenReady().then(async () => {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  try {
    worker = await startDataWorker(path.join(dist, 'data-worker.cjs'), { dataDir: app.getPath('userData'), transport: 'electron' });
  } catch (error) {
    dialog.showErrorBox('评审台无法启动', error instanceof Error ? error.message : String(error));
    app.exit(2);
    return;
  }
  ipcMain.handle(IPC_CHANNEL, (event, name: unknown, input: unknown) => {
    // Only our own page may call: the frame must be the bundled renderer.
    if (!event.senderFrame?.url.startsWith('file://')) return { ok: false, error: { code: 'UNSUPPORTED', message: '拒绝来自外部页面的调用' } };
    if (!isCallName(name)) return { ok: false, error: { code: 'UNSUPPORTED', message: '未知的调用' } };
    if (name === 'host.openAttachment') return openAttachmentExternally(input);
    return worker!.invoke(name, input);
  });
  createWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
});

app.on('window-all-closed', () => {
  void (worker?.close() ?? Promise.resolve()).then(() => app.quit());
});
