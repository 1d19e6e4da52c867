// Electron main process: one window, the IPC transport, the desktop-only calls. Thin by design: every
// business call goes to the data worker through the same dispatch as browser mode, and every security
// option lives as plain data in electron/shell/ (unit-tested without Electron; checklist in
// docs/security.md). This file only wires them to Electron.
import { app, BrowserWindow, dialog, ipcMain, protocol, safeStorage, session, shell, type WebContents } from 'electron';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isCallName } from '../shared/api/call-names';
import type { Result } from '../shared/api/result';
import { startDataWorker, type DataWorker } from './backend/worker-host';
import { withPlainFile } from './backend/file-answer';
import { defaultDataDir } from './data-dir';
import { desktopIdentityPem } from './services/exchange/identity';
import { IPC_CHANNEL } from './ipc-channel';
import { chooseBackupPath } from './shell-dialogs';
import { sniffMime } from './services/attachments/file-types';
import { APP_ENTRY_URL, APP_SCHEME, APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './shell/app-protocol';
import { attachmentTempName } from './shell/attachment-temp-name';
import { outsideLinkDecision } from './shell/external-links';
import { isTrustedIpcSender } from './shell/ipc-sender';
import { isPermissionAllowed, originOf } from './shell/permissions';
import { focusExistingWindow } from './shell/single-instance';
import { mainWindowOptions } from './shell/window-options';

const dist = __dirname; // dist/electron
const rendererDir = path.join(dist, '..', 'renderer');
const production = app.isPackaged;
let worker: DataWorker | null = null;
let mainWindow: BrowserWindow | null = null;

// Before anything else: the data directory is also where the single-instance lock lives.
app.setPath('userData', defaultDataDir());
// Must precede `ready` (Electron: registerSchemesAsPrivileged can only be called before the ready event).
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

const refuse = (message: string): Result<never> => ({ ok: false, error: { code: 'UNSUPPORTED', message } });

async function openAttachmentExternally(input: unknown): Promise<Result<unknown>> {
  const read = await worker!.invoke('attachments.read', input);
  if (!read.ok) return read;
  const file = read.value as { fileName: string; mime: string; dataBase64: string };
  const bytes = Buffer.from(file.dataBase64, 'base64');
  // The stored type was checked on upload; the bytes about to reach the OS are checked again, and the
  // temp name takes its extension from that check alone (never "x.pdf.hta").
  const checked = sniffMime(bytes);
  const name = checked === file.mime ? attachmentTempName(file.fileName, checked) : null;
  if (!name) return { ok: false, error: { code: 'BAD_FILE', message: '附件内容与登记的类型不符，未打开。' } };
  // The system viewer needs a real file; a private temp copy keeps the store read-only.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-desk-'));
  const target = path.join(dir, name);
  fs.writeFileSync(target, bytes, { mode: 0o600 });
  const problem = await shell.openPath(target);
  return problem ? { ok: false, error: { code: 'INTERNAL', message: `无法用系统程序打开附件：${problem}` } } : { ok: true, value: { opened: true } };
}

/** Applied to every web contents the app ever creates, not only the main window. */
function guardWebContents(contents: WebContents): void {
  const leave = (url: string) => {
    const decision = outsideLinkDecision(url);
    if (decision.openExternally) void shell.openExternal(url);
    return decision;
  };
  contents.setWindowOpenHandler(({ url }) => ({ action: leave(url).action }));
  // The renderer routes by hash (no will-navigate); any real navigation leaves the app and is stopped.
  contents.on('will-navigate', (event, url) => {
    event.preventDefault();
    leave(url);
  });
  contents.on('will-redirect', (event) => event.preventDefault());
  contents.on('will-attach-webview', (event) => event.preventDefault());
  if (production) contents.on('devtools-opened', () => contents.closeDevTools());
}

function createWindow(): void {
  const win = new BrowserWindow(mainWindowOptions({ preload: path.join(dist, 'preload.cjs'), production }));
  mainWindow = win;
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => {
    if (mainWindow === win) mainWindow = null;
  });
  void win.loadURL(APP_ENTRY_URL);
}

async function start(): Promise<void> {
  await app.whenReady();
  protocol.handle(APP_SCHEME, createAppProtocolHandler(rendererDir));
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback) => callback(isPermissionAllowed(permission, originOf(contents.getURL()))));
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin) => isPermissionAllowed(permission, requestingOrigin));
  ses.setDevicePermissionHandler(() => false);
  try {
    const dataDir = app.getPath('userData');
    // The signing key sealed with the OS keychain; the worker cannot reach safeStorage, so it gets the PEM
    // (docs/exchange.md). Without a keychain the worker keeps the 0600 file, as in browser mode.
    const identityPem = desktopIdentityPem(dataDir, { isAvailable: () => safeStorage.isEncryptionAvailable(), encrypt: (plain) => safeStorage.encryptString(plain.toString('utf8')), decrypt: (sealed) => Buffer.from(safeStorage.decryptString(sealed), 'utf8') });
    worker = await startDataWorker(path.join(dist, 'data-worker.cjs'), { dataDir, transport: 'electron', ...(identityPem ? { identityPem } : {}) });
  } catch (error) {
    dialog.showErrorBox('评审台无法启动', error instanceof Error ? error.message : String(error));
    app.exit(2);
    return;
  }
  ipcMain.handle(IPC_CHANNEL, (event, name: unknown, input: unknown) => {
    // Only the top frame of our own page may call (event.senderFrame, not the web contents' URL).
    if (!isTrustedIpcSender(event.senderFrame)) return refuse('拒绝来自外部页面的调用');
    if (!isCallName(name)) return refuse('未知的调用');
    if (name === 'host.openAttachment') return openAttachmentExternally(input);
    if (name === 'host.chooseBackupPath') return chooseBackupPath(BrowserWindow.fromWebContents(event.sender), input);
    return worker!.invoke(name, input).then(withPlainFile);
  });
  createWindow();
  app.on('activate', () => BrowserWindow.getAllWindows().length === 0 && createWindow());
}

if (!app.requestSingleInstanceLock()) {
  // Another Review Desk already runs on this data: it gets focused (below, in that process); we leave.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!focusExistingWindow(mainWindow) && app.isReady() && worker) createWindow();
  });
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
  app.on('window-all-closed', () => {
    void (worker?.close() ?? Promise.resolve()).then(() => app.quit());
  });
  void start();
}
