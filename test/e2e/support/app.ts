// The app under test: the built browser-mode server (dist/electron/browser.cjs) on a free port with a fresh
// data directory, and Debian Chromium driving the built renderer. One server and one data directory per
// test file (Actual's e2e/fixtures.ts gives each test its own; starting one takes about a second here), a
// fresh browser context per test. Tests in a file share the data, so each one states or creates what it
// relies on and can run alone (`-t`). Call `npm run build` first; `npm run test:e2e` does.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import type { CallName } from '../../../shared/api/call-names';
import type { CallInput, CallOutput } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { request } from './http';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const SERVER_ENTRY = path.join(REPO_ROOT, 'dist/electron/browser.cjs');
const CHROMIUM = '/usr/bin/chromium';
export const VIEWPORT = { width: 1280, height: 800 } as const;
const STARTUP_TIMEOUT_MS = 30_000;
/** For expect.poll on what the page shows: its default 1 s is shorter than an import plus a list refresh. */
export const POLL = { timeout: 15_000, interval: 100 } as const;

export interface RunningServer {
  /** The launch URL exactly as printed, token in the fragment. */
  url: string;
  /** http://127.0.0.1:PORT */
  origin: string;
  port: number;
  token: string;
  dataDir: string;
  /** A well-formed API call with the token; returns the Result as the server sent it. */
  send<K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>>;
  /** Like send, but the value; fails the test with the API error when the call did not succeed. */
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  /** Number of dossiers in every status, read through the API (the renderer's own view of the data). */
  dossierTotal(): Promise<number>;
  stop(): Promise<void>;
}

/** Starts `node dist/electron/browser.cjs --data <fresh temp dir> --port 0` and waits for its URL line. */
export async function startServer(): Promise<RunningServer> {
  if (!fs.existsSync(SERVER_ENTRY)) {
    throw new Error(`${path.relative(REPO_ROOT, SERVER_ENTRY)} is missing: run \`npm run build\` before the end-to-end tests (\`npm run test:e2e\` builds first).`);
  }
  warnIfStale();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-desk-e2e-'));
  // process.execPath, not "node": the server must run on the Node that better-sqlite3 was built for, which
  // is the one `npm exec` put first on PATH for this test run.
  const child = spawn(process.execPath, [SERVER_ENTRY, '--data', dataDir, '--port', '0'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => void (output += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => void (output += chunk));

  let url: string;
  try {
    url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`browser mode printed no REVIEW_DESK_URL line within ${STARTUP_TIMEOUT_MS} ms`)), STARTUP_TIMEOUT_MS);
      const check = () => {
        const match = /^REVIEW_DESK_URL=(\S+)$/m.exec(output);
        if (match) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      };
      child.stdout.on('data', check);
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`browser mode exited (code ${code}, signal ${signal}) before printing its URL`));
      });
      child.once('error', (error) => {
        clearTimeout(timer);
        reject(error);
      });
    });
  } catch (error) {
    await killProcess(child);
    fs.rmSync(dataDir, { recursive: true, force: true });
    const hint = /NODE_MODULE_VERSION|better_sqlite3/.test(output) ? '\nbetter-sqlite3 was built for another Node: run the tests through npm (`npm exec -- vitest run --project e2e`) so Node 24 is used.' : '';
    throw new Error(`${(error as Error).message}\n--- server output ---\n${output}${hint}`);
  }

  let stopping = false;
  child.once('exit', (code, signal) => {
    if (!stopping) console.error(`[e2e] browser mode exited unexpectedly (code ${code}, signal ${signal})\n--- server output ---\n${output}`);
  });

  const parsed = new URL(url);
  const token = /token=([^&]+)/.exec(parsed.hash)?.[1];
  if (!token) throw new Error(`no token in the launch URL ${url}`);
  const origin = parsed.origin;
  const port = Number(parsed.port);

  const send = async <K extends CallName>(name: K, input: CallInput<K>): Promise<Result<CallOutput<K>>> => {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`browser mode is no longer running (code ${child.exitCode}, signal ${child.signalCode})\n--- server output ---\n${output}`);
    const response = await request(port, { path: `/api/${name}`, headers: { 'Content-Type': 'application/json', 'X-Review-Desk-Token': token }, body: JSON.stringify(input) });
    if (response.status !== 200) throw new Error(`${name}: HTTP ${response.status} ${response.text}`);
    return response.json() as Result<CallOutput<K>>;
  };
  const call = async <K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> => {
    const result = await send(name, input);
    if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
    return result.value;
  };

  return {
    url,
    origin,
    port,
    token,
    dataDir,
    send,
    call,
    dossierTotal: async () => (await call('dossiers.list', { status: 'all', limit: 1 })).total,
    stop: async () => {
      stopping = true;
      await killProcess(child);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** SIGTERM (the server closes its database cleanly), then SIGKILL if it is still there after 5 s. */
async function killProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}

/** A build older than the sources tests yesterday's app; say so rather than fail mysteriously. */
function warnIfStale(): void {
  const built = fs.statSync(SERVER_ENTRY).mtimeMs;
  const newest = (dir: string): number => {
    let max = 0;
    for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
      if (entry.isFile()) max = Math.max(max, fs.statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
    }
    return max;
  };
  const sources = Math.max(...['renderer', 'electron', 'shared', 'resources'].map((d) => newest(path.join(REPO_ROOT, d))));
  if (sources > built) console.warn('[e2e] dist/ is older than the sources: these tests run the last build. Run `npm run build` (or `npm run test:e2e`).');
}

export interface RunningBrowser {
  browser: Browser;
  /** A fresh context (own sessionStorage/localStorage) at 1280×800 with the app loaded from `url`. */
  openApp(url: string): Promise<AppPage>;
  close(): Promise<void>;
}

export interface AppPage {
  page: Page;
  context: BrowserContext;
  /** Uncaught exceptions and console errors seen so far; a test ends by checking there were none. */
  errors: string[];
  /** The message of every alert/confirm the page opened, in order. */
  dialogs: string[];
  /** How dialogs are answered: 'dismiss' (Playwright's default, and what 取消 does) unless a test says otherwise. */
  dialogAnswer: 'dismiss' | 'accept';
  /** Closes the context; when `failedTest` is given, first saves what the page showed for the post-mortem. Closing again does nothing. */
  close(failedTest?: string): Promise<void>;
}

export async function launchBrowser(): Promise<RunningBrowser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM} (apt-get install chromium)`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--lang=zh-CN'],
  });
  return {
    browser,
    openApp: async (url) => {
      const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: 1, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
      // Every wait is for something the app shows within a second or two here; 15 s leaves room for a
      // slow CI machine and still fails well before the test's own timeout, with the locator in the message.
      context.setDefaultTimeout(15_000);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(`console.error: ${message.text()}`);
      });
      page.on('dialog', (dialog) => {
        appPage.dialogs.push(dialog.message());
        void (appPage.dialogAnswer === 'accept' ? dialog.accept() : dialog.dismiss());
      });
      await page.goto(url);
      let closed = false;
      const close = async (failedTest?: string) => {
        if (closed) return;
        closed = true;
        if (failedTest) {
          const dir = path.join(REPO_ROOT, 'test-results', 'failures');
          fs.mkdirSync(dir, { recursive: true });
          const file = path.join(dir, `${failedTest.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 80)}.png`);
          await page.screenshot({ path: file, fullPage: true }).catch(() => undefined);
          console.error(`[e2e] page at failure: ${file}\n[e2e] url: ${page.url()}\n[e2e] errors: ${JSON.stringify(errors)}`);
        }
        await context.close();
      };
      const appPage: AppPage = { page, context, errors, dialogs: [], dialogAnswer: 'dismiss', close };
      return appPage;
    },
    close: () => browser.close(),
  };
}

export interface AppFixture {
  /** The file's server, started by the fixture's beforeAll. */
  readonly server: RunningServer;
  /** The file's Chromium, launched by the fixture's beforeAll. */
  readonly browser: RunningBrowser;
  /** Opens the app (the server's launch URL unless told otherwise) in a fresh context, closed and checked after the test. */
  open(url?: string): Promise<AppPage>;
}

/**
 * The lifecycle every e2e file shares, registered here once instead of copied into each file, so a file holds
 * only its own setup and none can drift or forget the renderer-error check: beforeAll starts the server and
 * the browser, afterAll stops them, and afterEach closes every page the test opened with `open()` (after a
 * failure, first saving what it showed) and fails the test on any renderer error. Call it first in the
 * file's describe; the file's own beforeAll (API seeding) comes after it and so runs after it (vitest runs
 * before-hooks in order). `server` and `browser` are there in hooks and tests, not while the file is collected.
 */
export function useAppFixture(): AppFixture {
  let server: RunningServer | undefined;
  let browser: RunningBrowser | undefined;
  let opened: AppPage[] = [];
  const started = <T>(value: T | undefined, name: string): T => {
    if (!value) throw new Error(`the e2e fixture's ${name} is read before its beforeAll has started it`);
    return value;
  };

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  afterEach(async ({ task }) => {
    const pages = opened;
    opened = [];
    const errors = pages.flatMap((app) => app.errors);
    for (const app of pages) await app.close(task.result?.state === 'fail' ? task.name : undefined);
    expect(errors, 'errors in the renderer').toEqual([]);
  });

  return {
    get server() {
      return started(server, 'server');
    },
    get browser() {
      return started(browser, 'browser');
    },
    open: async (url) => {
      const app = await started(browser, 'browser').openApp(url ?? started(server, 'server').url);
      opened.push(app);
      return app;
    },
  };
}
