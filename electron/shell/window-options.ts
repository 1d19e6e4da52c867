// The main window's options as plain data, so a unit test can assert every hardening item without
// Electron. Electron security checklist: context isolation, sandbox, no Node integration, web security
// on, no insecure content, no <webview>, DevTools off in the packaged (production) app.
import type { BrowserWindowConstructorOptions } from 'electron';

export interface WindowEnv {
  /** Absolute path of the built preload script. */
  preload: string;
  /** app.isPackaged: an installed build, where DevTools stay closed. */
  production: boolean;
}

export function mainWindowOptions(env: WindowEnv): BrowserWindowConstructorOptions {
  return {
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 640,
    title: '评审台 Review Desk',
    show: false, // shown on ready-to-show: no white flash
    webPreferences: {
      preload: env.preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      devTools: !env.production,
      spellcheck: false,
    },
  };
}
