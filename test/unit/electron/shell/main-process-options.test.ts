// The desktop shell's security checklist (docs/security.md), asserted item by item on the options the main
// process uses. Electron cannot run on the test machine, so the options live as plain data and functions
// in electron/shell/ and main.ts only wires them; the last block checks that wiring in main.ts's source,
// and the packaging items are read through electron-builder's own config loader and schema validator.
import fs from 'node:fs';
import path from 'node:path';
// electron-builder's internals (a devDependency's own packages): the same loader `npm run dist` uses.
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { beforeAll, describe, expect, it } from 'vitest';
import { APP_ORIGIN, APP_SCHEME, APP_SCHEME_PRIVILEGES, appResponseHeaders } from '../../../../electron/shell/app-protocol';
import { EXTERNAL_LINK_HOSTS, isAllowedExternalUrl, outsideLinkDecision } from '../../../../electron/shell/external-links';
import { isTrustedIpcSender } from '../../../../electron/shell/ipc-sender';
import { ALLOWED_PERMISSIONS, isPermissionAllowed, originOf } from '../../../../electron/shell/permissions';
import { focusExistingWindow, type FocusableWindow } from '../../../../electron/shell/single-instance';
import { mainWindowOptions } from '../../../../electron/shell/window-options';

const mainSource = fs.readFileSync(path.resolve('electron/main.ts'), 'utf8');
const preloadSource = fs.readFileSync(path.resolve('electron/preload.ts'), 'utf8');

describe('window', () => {
  const prod = mainWindowOptions({ preload: '/app/dist/electron/preload.cjs', production: true }).webPreferences!;
  const dev = mainWindowOptions({ preload: '/app/dist/electron/preload.cjs', production: false }).webPreferences!;

  it('isolates the renderer: context isolation, sandbox, no Node anywhere, web security on', () => {
    expect(prod).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false, nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false, webviewTag: false, experimentalFeatures: false });
    expect(prod.preload).toBe('/app/dist/electron/preload.cjs');
  });

  it('turns DevTools off in production and leaves them on in development', () => {
    expect(prod.devTools).toBe(false);
    expect(dev.devTools).toBe(true);
  });
});

describe('app:// instead of file://', () => {
  it('registers app as a standard, secure scheme that does NOT bypass the CSP', () => {
    expect(APP_SCHEME).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.scheme).toBe('app');
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, bypassCSP: false, allowServiceWorkers: false, corsEnabled: false });
  });

  it('serves every document with a strict CSP', () => {
    const csp = appResponseHeaders('index.html')['Content-Security-Policy']!;
    const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]); // no unsafe-inline, no unsafe-eval
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
  });
});

describe('IPC sender check', () => {
  it('accepts only the top frame of app://renderer', () => {
    expect(isTrustedIpcSender({ url: 'app://renderer/index.html#/dossiers', parent: null })).toBe(true);
    expect(isTrustedIpcSender({ url: 'app://renderer/index.html', parent: {} })).toBe(false); // an iframe
    expect(isTrustedIpcSender({ url: 'file:///app/dist/renderer/index.html', parent: null })).toBe(false);
    expect(isTrustedIpcSender({ url: 'https://renderer/index.html', parent: null })).toBe(false);
    expect(isTrustedIpcSender({ url: 'app://evil/index.html', parent: null })).toBe(false);
    expect(isTrustedIpcSender({ url: 'app://renderer.evil.com/index.html', parent: null })).toBe(false);
    expect(isTrustedIpcSender({ url: 'app://x@renderer/', parent: null })).toBe(false);
    expect(isTrustedIpcSender({ url: '', parent: null })).toBe(false);
    expect(isTrustedIpcSender(null)).toBe(false); // the frame was destroyed
  });
});

describe('external links', () => {
  it('has an empty allow-list: the renderer links to no outside page', () => {
    expect(EXTERNAL_LINK_HOSTS).toEqual([]);
    expect(isAllowedExternalUrl('https://fxg.jinritemai.com/')).toBe(false);
  });

  it('opens only https URLs to listed hosts, exactly', () => {
    const hosts = ['help.example.cn'];
    expect(isAllowedExternalUrl('https://help.example.cn/guide', hosts)).toBe(true);
    expect(isAllowedExternalUrl('https://HELP.example.cn/guide', hosts)).toBe(true);
    expect(isAllowedExternalUrl('http://help.example.cn/guide', hosts)).toBe(false);
    expect(isAllowedExternalUrl('https://evil.help.example.cn/', hosts)).toBe(false);
    expect(isAllowedExternalUrl('https://help.example.cn.evil.com/', hosts)).toBe(false);
    expect(isAllowedExternalUrl('https://help.example.cn@evil.com/', hosts)).toBe(false);
    expect(isAllowedExternalUrl('https://user@help.example.cn/', hosts)).toBe(false);
    expect(isAllowedExternalUrl('https://help.example.cn:8443/', hosts)).toBe(false);
    expect(isAllowedExternalUrl('file:///C:/Windows/System32/calc.exe', hosts)).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)', hosts)).toBe(false);
    expect(isAllowedExternalUrl('smb://help.example.cn/share', hosts)).toBe(false);
  });

  it('never lets the window itself navigate or open a window', () => {
    expect(outsideLinkDecision('https://help.example.cn/', ['help.example.cn'])).toEqual({ action: 'deny', openExternally: true });
    expect(outsideLinkDecision('https://evil.com/')).toEqual({ action: 'deny', openExternally: false });
  });
});

describe('permissions', () => {
  const all = ['media', 'geolocation', 'notifications', 'clipboard-read', 'clipboard-sanitized-write', 'openExternal', 'hid', 'usb', 'serial', 'display-capture', 'fullscreen', 'pointerLock', 'unknown'];
  it('grants nothing by default, to anyone', () => {
    expect(ALLOWED_PERMISSIONS).toEqual([]);
    for (const p of all) {
      expect(isPermissionAllowed(p, APP_ORIGIN)).toBe(false);
      expect(isPermissionAllowed(p, 'https://evil.com')).toBe(false);
    }
  });

  it('would grant a listed permission to our own origin only', () => {
    expect(isPermissionAllowed('clipboard-sanitized-write', APP_ORIGIN, ['clipboard-sanitized-write'])).toBe(true);
    expect(isPermissionAllowed('clipboard-sanitized-write', 'file://', ['clipboard-sanitized-write'])).toBe(false);
    expect(isPermissionAllowed('media', APP_ORIGIN, ['clipboard-sanitized-write'])).toBe(false);
    expect(originOf('app://renderer/index.html#/x')).toBe(APP_ORIGIN);
  });
});

describe('single instance', () => {
  function fakeWindow(state: { minimized: boolean; visible: boolean; destroyed?: boolean }) {
    const calls: string[] = [];
    const win: FocusableWindow = {
      isDestroyed: () => state.destroyed ?? false,
      isMinimized: () => state.minimized,
      restore: () => void calls.push('restore'),
      isVisible: () => state.visible,
      show: () => void calls.push('show'),
      focus: () => void calls.push('focus'),
    };
    return { win, calls };
  }

  it('a second launch restores, shows and focuses the existing window', () => {
    const minimized = fakeWindow({ minimized: true, visible: true });
    expect(focusExistingWindow(minimized.win)).toBe(true);
    expect(minimized.calls).toEqual(['restore', 'focus']);
    const hidden = fakeWindow({ minimized: false, visible: false });
    focusExistingWindow(hidden.win);
    expect(hidden.calls).toEqual(['show', 'focus']);
    expect(focusExistingWindow(fakeWindow({ minimized: false, visible: true, destroyed: true }).win)).toBe(false);
    expect(focusExistingWindow(null)).toBe(false);
  });
});

describe('main.ts wires every item', () => {
  // Electron cannot start here, so the wiring is checked in the source: each option above is used, and
  // the old file:// loading is gone.
  it.each([
    ['the single-instance lock, quitting the second launch', /if \(!app\.requestSingleInstanceLock\(\)\) \{\s*\/\/[^\n]*\n\s*app\.quit\(\);/],
    ['the second launch focusing the window', /app\.on\('second-instance', \(\) => \{\s*if \(!focusExistingWindow\(mainWindow\)/],
    ['the privileged scheme, before ready', /protocol\.registerSchemesAsPrivileged\(\[APP_SCHEME_PRIVILEGES\]\)/],
    ['the app:// handler', /protocol\.handle\(APP_SCHEME, createAppProtocolHandler\(rendererDir\)\)/],
    ['loading app://', /loadURL\(APP_ENTRY_URL\)/],
    ['the window options, DevTools tied to app.isPackaged', /new BrowserWindow\(mainWindowOptions\(\{ preload: path\.join\(dist, 'preload\.cjs'\), production \}\)\)/],
    ['the IPC sender check on the sending frame', /if \(!isTrustedIpcSender\(event\.senderFrame\)\) return refuse\(/],
    ['the permission request handler', /setPermissionRequestHandler\(\(contents, permission, callback\) => callback\(isPermissionAllowed\(/],
    ['the permission check handler', /setPermissionCheckHandler\(\(_contents, permission, requestingOrigin\) => isPermissionAllowed\(permission, requestingOrigin\)\)/],
    ['device permissions off', /setDevicePermissionHandler\(\(\) => false\)/],
    ['window.open denied for every web contents', /app\.on\('web-contents-created', \(_event, contents\) => guardWebContents\(contents\)\)/],
    ['navigation stopped', /on\('will-navigate', \(event, url\) => \{\s*event\.preventDefault\(\);/],
    ['<webview> refused', /on\('will-attach-webview', \(event\) => event\.preventDefault\(\)\)/],
  ])('%s', (_item, pattern) => {
    expect(mainSource).toMatch(pattern);
  });

  it('no longer loads file:// nor trusts a file:// sender', () => {
    expect(mainSource).not.toMatch(/loadFile\(|file:\/\//);
    expect(mainSource).toMatch(/const production = app\.isPackaged;/);
  });

  it('opens attachments by the checked type only', () => {
    expect(mainSource).toMatch(/const checked = sniffMime\(bytes\);\s*const name = checked === file\.mime \? attachmentTempName\(file\.fileName, checked\) : null;/);
    expect(mainSource).not.toMatch(/path\.basename\(file\.fileName\)/);
  });

  it('preload exposes named calls only, never ipcRenderer itself', () => {
    expect(preloadSource).toMatch(/exposeInMainWorld\('reviewDesk', Object\.freeze\(api\)\)/);
    expect(preloadSource).not.toMatch(/exposeInMainWorld\([^)]*ipcRenderer/);
  });
});

describe('packaging (electron-builder.yml)', () => {
  let config: Awaited<ReturnType<typeof getConfig>>;
  beforeAll(async () => {
    config = await getConfig(process.cwd(), null, null);
  });

  it('is a valid configuration for the installed electron-builder', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('flips the fuses: RunAsNode off, cookie encryption on, NODE_OPTIONS and --inspect off, ASAR integrity on, only load from ASAR', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).not.toBe(false);
    expect(config.disableAsarIntegrity).not.toBe(true); // the integrity fuse needs the embedded hash
  });

  it('unpacks better-sqlite3 from the archive', () => {
    expect(config.asarUnpack).toContain('node_modules/better-sqlite3/**');
  });

  it('targets NSIS (zh-CN), dmg, AppImage and deb', () => {
    expect(config.win?.target).toBe('nsis');
    expect(config.nsis).toMatchObject({ language: '2052' });
    expect(config.nsis?.installerLanguages?.[0]).toBe('zh_CN');
    expect(config.mac?.target).toBe('dmg');
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
  });
});
