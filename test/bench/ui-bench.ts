// UI benchmark at platform scale (issue 8): the built renderer in Debian Chromium against browser mode
// (dist/electron/browser.cjs), on a round of SIZES applications in 300 regions with 15 members and 4 criteria
// (1.2 M scores at 20,000), the data built as test/bench/platform-bench.ts builds it (same dossier rows, same
// application/region spread, same score formula). Measured: the time from the user's action to the next frame
// after the result is in the DOM — performance.now() before the action is dispatched in the page, a
// MutationObserver (and focus events) watching for the result, then one requestAnimationFrame; a mark/measure
// pair (performance.getEntriesByName) records each. Actions: open the ranking tab, switch region (a button in
// view and a far region through the search), switch tabs, Enter in the scoring grid, open the applications
// and screening tabs and, in each, sort by a header, filter by region and scroll to the last row. Not timed
// tests: figures only (target < 100 ms each at 20,000).
// Run: `npm run build && BENCH_ONLY=ui-bench npm run bench` (BENCH_SIZES=2000,20000 by default, BENCH_REPEAT=5).
// `performance` is the global one on both sides: an import of node:perf_hooks would be renamed by the bundler
// inside the functions handed to page.evaluate, which run in the page.
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { chromium, type Page } from 'playwright-core';
import { DOSSIER_COLUMNS } from '../../shared/dossiers/columns';
import { CITIES, MEMBERS, REGIONS, creditCode, dossierRow } from './bench-data';
import { SEED_003_RULES, shopFactsSchema } from '../../shared/eligibility/rules';

const SERVER = path.resolve('dist/electron/browser.cjs');
const CHROMIUM = '/usr/bin/chromium';
const SIZES = (process.env.BENCH_SIZES ?? '2000,20000').split(',').map(Number);
const CRITERIA = ['strength', 'technical', 'reputation', 'price'] as const;
const LOADING = '正在加载…';
const REPEAT = Number(process.env.BENCH_REPEAT ?? 5);
/** BENCH_UI_LISTS=1: only the applications and screening tabs (no scores, no ranking or grid), for a quicker 20,000 run. */
const LISTS_ONLY = !!process.env.BENCH_UI_LISTS;
// BENCH_UI_RANKING_ONLY=1: the ranking tab's actions (and the tab switch) only, without the other tabs and the grid.
const RANKING_ONLY = process.env.BENCH_UI_RANKING_ONLY === '1';

// ---------------------------------------------------------------------------------------------- data
// The generator of platform-bench.ts (kept in step with it; copied rather than imported because that file
// runs its benchmark on import).
const scoreValue = (i: number, m: number, c: number) => 60 + ((i * 31 + m * 17 + c * 7) % 4000) / 100;

interface Server {
  url: string;
  origin: string;
  token: string;
  dataDir: string;
  child: ChildProcess;
  /** What the server printed (shown when a call fails). */
  output: () => string;
}

async function startServer(): Promise<Server> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'review-desk-ui-bench-'));
  // BENCH_PROFILE=<dir>: the server (and its data workers) write CPU profiles there (node --cpu-prof).
  const profile = process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_PROFILE] : [];
  const child = spawn(process.execPath, [...profile, SERVER, '--data', dataDir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stderr!.setEncoding('utf8').on('data', (c: string) => void (output += c));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no REVIEW_DESK_URL within 30 s\n${output}`)), 30_000);
    child.stdout!.setEncoding('utf8').on('data', (c: string) => {
      output += c;
      const m = /^REVIEW_DESK_URL=(\S+)$/m.exec(output);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.once('exit', (code) => reject(new Error(`browser mode exited (${code})\n${output}`)));
  });
  const parsed = new URL(url);
  return { url, origin: parsed.origin, token: /token=([^&]+)/.exec(parsed.hash)![1]!, dataDir, child, output: () => output.slice(-4000) };
}

/**
 * One API call on a fresh connection (no keep-alive: a pooled socket the server closed while the bench was
 * writing to SQLite directly failed the next call with "other side closed").
 */
async function call<T = unknown>(server: Server, name: string, input: unknown): Promise<T> {
  const body = Buffer.from(JSON.stringify(input));
  const text = await new Promise<string>((resolve, reject) => {
    const req = http.request(`${server.origin}/api/${name}`, { method: 'POST', agent: false, headers: { 'Content-Type': 'application/json', 'Content-Length': body.length, 'X-Review-Desk-Token': server.token } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
      res.on('error', reject);
    });
    req.on('error', (error) => reject(new Error(`${name}: ${error.message}\n--- server output ---\n${server.output()}`, { cause: error })));
    req.end(body);
  });
  const result = JSON.parse(text) as { ok: boolean; value?: T; error?: { code: string; message: string } };
  if (!result.ok) throw new Error(`${name}: ${result.error?.code} ${result.error?.message}`);
  return result.value as T;
}

interface Built {
  roundId: string;
  regions: { id: string; name: string }[];
  draftMember: string;
}

/** The round of platform-bench: 300 regions, n applications (two preferences each), 15 members, all sheets scored. */
async function build(server: Server, n: number): Promise<Built> {
  await call(server, 'session.setUser', { name: '基准测试' });
  const csv = [DOSSIER_COLUMNS.map((c) => c.header), ...Array.from({ length: n }, (_, i) => dossierRow(i))].map((r) => r.join(',')).join('\n');
  const preview = await call<{ previewId: string }>(server, 'dossiers.importPreview', { fileName: 'dossiers.csv', dataBase64: Buffer.from(csv).toString('base64') });
  await call(server, 'dossiers.importCommit', { previewId: preview.previewId });
  const program = await call<{ id: string }>(server, 'programs.create', { platform: '淘宝直播', name: '区域产业服务商', rules: [...SEED_003_RULES] });
  const round = await call<{ id: string }>(server, 'rounds.create', { programId: program.id, name: '界面基准批次', referenceDate: '2026-11-23', options: {} });
  const regions: Built['regions'] = [];
  for (let r = 0; r < REGIONS; r++) {
    const name = `产业带${r}`;
    regions.push({ id: (await call<{ id: string }>(server, 'regions.add', { roundId: round.id, data: { name, city: CITIES[r % CITIES.length]!, quota: 10, waitlistLength: 3 } })).id, name });
  }
  const members: string[] = [];
  for (let m = 0; m < MEMBERS; m++) members.push((await call<{ id: string }>(server, 'members.add', { roundId: round.id, data: { name: `委员${m + 1}`, role: m === 0 ? 'chair' : 'member' } })).id);

  // Applications and scores written directly (set-up, not measured; the server notices another connection's
  // commit through PRAGMA data_version, as the change tracker documents).
  const db = new Database(path.join(server.dataDir, 'review-desk.sqlite'));
  db.pragma('busy_timeout = 10000');
  const dossierIds = new Map((db.prepare('SELECT id, credit_code FROM dossiers').all() as { id: number; credit_code: string }[]).map((d) => [d.credit_code, d.id]));
  const sheets = new Map((db.prepare('SELECT id, member_id FROM score_sheets').all() as { id: string; member_id: string }[]).map((s) => [s.member_id, s.id]));
  const appIds: string[] = [];
  db.transaction(() => {
    const app = db.prepare('INSERT INTO applications (id, round_id, dossier_id, price_quote_fen, strength_statement, shop_facts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    const choice = db.prepare('INSERT INTO application_regions (application_id, region_id, preference) VALUES (?, ?, ?)');
    const facts = JSON.stringify(shopFactsSchema.parse({}));
    for (let i = 0; i < n; i++) {
      const id = crypto.randomUUID();
      appIds.push(id);
      app.run(id, round.id, dossierIds.get(creditCode(i))!, 2_000_000 + ((i * 7919) % 4_000_000), '', facts, new Date().toISOString());
      choice.run(id, regions[i % REGIONS]!.id, 1);
      choice.run(id, regions[((i % REGIONS) + 6) % REGIONS]!.id, 2);
    }
  })();
  // The last member's sheet is a draft with its second half empty: the grid opens half-way down, on the first empty cell.
  const draftMember = members.at(-1)!;
  if (LISTS_ONLY) {
    db.close();
    // Warm the lists' caches (the screening and the per-round index), as on a second visit.
    await call(server, 'screening.page', { roundId: round.id, offset: 0, limit: 50 });
    return { roundId: round.id, regions, draftMember };
  }
  db.transaction(() => {
    const insert = db.prepare("INSERT INTO scores (sheet_id, application_id, criterion, value, comment, updated_at) VALUES (?, ?, ?, ?, '', ?)");
    const at = new Date().toISOString();
    for (const [m, member] of members.entries()) {
      const sheet = sheets.get(member)!;
      const rows = member === draftMember ? Math.floor(n / 2) : n;
      for (let i = 0; i < rows; i++) for (const [c, criterion] of CRITERIA.entries()) insert.run(sheet, appIds[i]!, criterion, scoreValue(i, m, c), at);
    }
  })();
  db.close();
  for (const m of members.slice(0, -1)) await call(server, 'scores.submit', { memberId: m });
  // Warm the server's caches (screening, ranking) so the figures are the renderer's, as on a second visit.
  await call(server, 'ranking.summary', { roundId: round.id, viewerMemberId: members[0]! });
  // Twice: the first read starts the reader worker and is answered by the writer meanwhile; the second is the
  // reader's, whose cache the ranking tab then reads (before, the first measured open computed the ranking).
  await call(server, 'ranking.summary', { roundId: round.id, viewerMemberId: members[0]! });
  return { roundId: round.id, regions, draftMember };
}

// ------------------------------------------------------------------------------------------- measuring
type Action =
  | { kind: 'hash'; hash: string }
  | { kind: 'click'; selector: string; text?: string }
  | { kind: 'enter' }
  | { kind: 'search'; selector: string; text: string }
  | { kind: 'select'; selector: string; value: string }
  | { kind: 'scrollEnd'; selector: string };
/** selector: present; text: the element's text includes it; focusMoved: another input has the focus; tab: that tab selected, its content loaded (rows, no "loading"). */
type Ready = { kind: 'selector'; selector: string } | { kind: 'text'; selector: string; text: string } | { kind: 'focusMoved' } | { kind: 'tab'; text: string };

/** Dispatches the action in the page and returns the ms to the frame after the result is in the DOM. */
async function measure(page: Page, name: string, action: Action, ready: Ready): Promise<number> {
  return page.evaluate(
    async ({ name, action, ready, loading, debug }) => {
      const from = document.activeElement?.id ?? '';
      const done = (): boolean => {
        if (ready.kind === 'selector') return document.querySelector(ready.selector) !== null;
        if (ready.kind === 'text') return (document.querySelector(ready.selector)?.textContent ?? '').includes(ready.text);
        if (ready.kind === 'focusMoved') return (document.activeElement?.id ?? '') !== from && document.activeElement?.tagName === 'INPUT';
        const tab = document.querySelector('[role="tab"][aria-selected="true"]');
        const page = document.querySelector('.page');
        return !!tab && tab.textContent!.includes(ready.text) && !!page && !page.textContent!.includes(loading) && page.querySelector('tbody tr, [role="row"]') !== null;
      };
      const start = `${name}-start`;
      performance.clearMarks(start);
      performance.mark(start);
      const t0 = performance.now();
      if (action.kind === 'hash') window.location.hash = action.hash;
      else if (action.kind === 'click') {
        const el = [...document.querySelectorAll<HTMLElement>(action.selector)].find((e) => !action.text || e.textContent!.includes(action.text));
        if (!el) throw new Error(`${name}: nothing to click at ${action.selector} ${action.text ?? ''}`);
        el.click();
      } else if (action.kind === 'search') {
        const input = document.querySelector<HTMLInputElement>(action.selector)!;
        // React's own value setter, so its onChange sees the text; then Enter picks the first match.
        Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')!.set!.call(input, action.text);
        input.dispatchEvent(new Event('input', { bubbles: true }));
        input.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
      } else if (action.kind === 'select') {
        const select = document.querySelector<HTMLSelectElement>(action.selector)!;
        Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!.call(select, action.value);
        select.dispatchEvent(new Event('change', { bubbles: true }));
      } else if (action.kind === 'scrollEnd') {
        const box = document.querySelector<HTMLElement>(action.selector)!;
        box.scrollTop = box.scrollHeight;
      } else document.activeElement!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', code: 'Enter', bubbles: true, cancelable: true }));
      await new Promise<void>((resolve, reject) => {
        const timeout = setTimeout(() => finish(new Error(`${name}: not done within 180 s`)), 180_000);
        const observer = new MutationObserver(() => check());
        const check = () => done() && finish(null);
        function finish(error: Error | null) {
          observer.disconnect();
          clearTimeout(timeout);
          document.removeEventListener('focusin', check);
          if (error) reject(error);
          else resolve();
        }
        observer.observe(document.body, { childList: true, subtree: true, attributes: true, characterData: true });
        document.addEventListener('focusin', check);
        check();
      });
      await new Promise((resolve) => requestAnimationFrame(resolve));
      const measured = performance.measure(name, start);
      // BENCH_DEBUG: which API calls the action waited for (start and duration, ms from the action).
      if (debug) {
        const calls = performance.getEntriesByType('resource').filter((e) => e.name.includes('/api/') && e.startTime >= t0);
        console.log(`${name}: ${calls.map((e) => `${e.name.split('/api/')[1]} +${(e.startTime - t0).toFixed(0)} ${e.duration.toFixed(0)}ms`).join(', ')}`);
      }
      return Math.max(measured.duration, performance.now() - t0 - 0.001);
    },
    { name, action, ready, loading: LOADING, debug: !!process.env.BENCH_DEBUG },
  );
}

// The applications and screening tabs page through the service (applications.page / screening.page): a sort,
// a filter and a scroll to the end each wait for the rows that answer them (the table's aria-busy gone, the
// count, the last row loaded rather than a placeholder). Each is undone afterwards, unmeasured.
type RecordFn = (name: string, ms: number) => void;
const notBusy = (table: string) => `table.${table}[aria-busy="false"]`;
/** Applications with a preference for region r (platform-bench's spread: regions i % 300 and (i % 300 + 6) % 300). */
const inRegion = (n: number, r: number) => Array.from({ length: n }, (_, i) => i % REGIONS === r || ((i % REGIONS) + 6) % REGIONS === r).filter(Boolean).length;

async function undo(page: Page, action: () => Promise<void>, ready: string): Promise<void> {
  await action();
  await page.waitForSelector(ready);
}

async function measureLists(page: Page, n: number, r: string, built: Built, record: RecordFn): Promise<void> {
  // From the set-up tab (light at any size; the committee tab reads every application for its recusal picker).
  await page.evaluate((h) => void (window.location.hash = h), tabHash(r, 'setup'));
  await page.waitForFunction(() => document.querySelector('.applications, .screening') === null);
  await settle(page);
  record('open the applications tab', await measure(page, 'applications-open', { kind: 'hash', hash: tabHash(r, 'applications') }, { kind: 'tab', text: '申请' }));
  await listActions(page, n, built, record);
  await page.evaluate((h) => void (window.location.hash = h), tabHash(r, 'setup'));
  await page.waitForFunction(() => document.querySelector('.applications, .screening') === null);
  await settle(page);
  record('open the screening tab', await measure(page, 'screening-open', { kind: 'hash', hash: tabHash(r, 'screening') }, { kind: 'tab', text: '资格审查' }));
  await screeningActions(page, n, built, record);
}

async function listActions(page: Page, n: number, built: Built, record: RecordFn): Promise<void> {
  const t = 'applications-table';
  record('sort the applications (服务报价 header)', await measure(page, 'applications-sort', { kind: 'click', selector: `table.${t} th button`, text: '服务报价' }, { kind: 'selector', selector: `${notBusy(t)} thead th:nth-child(4)[aria-sort="ascending"]` }));
  await undo(page, () => page.click(`table.${t} th button:has-text("申请机构")`), `${notBusy(t)} thead th:nth-child(1)[aria-sort="ascending"]`);
  const region = built.regions[7]!;
  record('filter the applications by region', await measure(page, 'applications-filter', { kind: 'select', selector: 'select[aria-label="区域"]', value: region.id }, { kind: 'text', selector: '[data-testid="list-count"]', text: `显示 ${inRegion(n, 7)} 条` }));
  await undo(page, async () => void (await page.selectOption('select[aria-label="区域"]', '')), `${notBusy(t)}`);
  await page.waitForFunction((text) => document.querySelector('[data-testid="list-count"]')?.textContent?.includes(text), `显示 ${n} 条`);
  record('scroll the applications to the end', await measure(page, 'applications-scroll', { kind: 'scrollEnd', selector: '.vt-scroll' }, { kind: 'selector', selector: `table.${t} tbody tr[aria-rowindex="${n + 1}"]:not([data-pending])` }));
  await page.evaluate(() => void (document.querySelector('.vt-scroll')!.scrollTop = 0));
}

async function screeningActions(page: Page, n: number, built: Built, record: RecordFn): Promise<void> {
  const t = 'screening-table';
  record('sort the screening (区域 header)', await measure(page, 'screening-sort', { kind: 'click', selector: `table.${t} th button`, text: '区域' }, { kind: 'selector', selector: `${notBusy(t)} thead th:nth-child(2)[aria-sort="ascending"]` }));
  await undo(page, () => page.click(`table.${t} th button:has-text("申请机构")`), `${notBusy(t)} thead th:nth-child(1)[aria-sort="ascending"]`);
  const region = built.regions[7]!;
  record('filter the screening by region', await measure(page, 'screening-filter', { kind: 'select', selector: 'select[aria-label="区域"]', value: region.id }, { kind: 'text', selector: '[data-testid="list-count"]', text: `显示 ${inRegion(n, 7)} 条` }));
  await undo(page, async () => void (await page.selectOption('select[aria-label="区域"]', '')), `${notBusy(t)}`);
  await page.waitForFunction((text) => document.querySelector('[data-testid="list-count"]')?.textContent?.includes(text), `显示 ${2 * n} 条`);
  record('scroll the screening to the end', await measure(page, 'screening-scroll', { kind: 'scrollEnd', selector: '.vt-scroll' }, { kind: 'selector', selector: `table.${t} tbody tr[aria-rowindex="${2 * n + 1}"]:not([data-pending])` }));
  await page.evaluate(() => void (document.querySelector('.vt-scroll')!.scrollTop = 0));
}

/**
 * The tab an action starts from has finished loading, as it has when a person acts on it: no "loading" text,
 * then 400 ms for its last answers to render. Without this an open could start while the tab before it was
 * still rendering an answer (the request of the tab measured then went out 5–75 ms after the click).
 */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction((loading) => !(document.querySelector('.page')?.textContent ?? '').includes(loading), LOADING);
  await page.waitForTimeout(400);
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const tabHash = (roundId: string, tab: string) => `#/rounds/${roundId}/${tab}`;

async function runSize(n: number): Promise<[string, number[]][]> {
  const server = await startServer();
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--lang=zh-CN'] });
  const out: [string, number[]][] = [];
  try {
    const t = performance.now();
    const built = await build(server, n);
    console.log(`  (set-up of ${n} applications: ${((performance.now() - t) / 1000).toFixed(0)} s)`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    const page = await context.newPage();
    page.setDefaultTimeout(180_000);
    if (process.env.BENCH_DEBUG) page.on('console', (m) => console.log(`    [page] ${m.text()}`));
    await page.goto(server.url);
    await page.waitForSelector('.topbar');
    const r = built.roundId;
    const record = (name: string, ms: number) => {
      const row = out.find(([x]) => x === name);
      if (row) row[1].push(ms);
      else out.push([name, [ms]]);
    };

    // The round opens on its setup tab (not measured); then each action REPEAT times, from another tab.
    await page.evaluate((h) => void (window.location.hash = h), tabHash(r, 'committee'));
    await page.waitForSelector('[role="tab"][aria-selected="true"]');
    for (let k = 0; k < REPEAT; k++) {
      if (LISTS_ONLY) {
        await measureLists(page, n, r, built, record);
        continue;
      }
      // Ranking tab, as the chair (nobody chosen at the keyboard).
      await page.evaluate((h) => void (window.location.hash = h), tabHash(r, 'committee'));
      await page.waitForFunction(() => document.querySelector('.ranking-tab') === null);
      await settle(page);
      record('open the ranking tab (summary + first region)', await measure(page, 'ranking-open', { kind: 'hash', hash: tabHash(r, 'ranking') }, { kind: 'selector', selector: 'table.ranking-table tbody tr[data-application]' }));
      const target = built.regions[1 + k]!.name;
      record('switch region (a region in the list)', await measure(page, 'region-switch', { kind: 'click', selector: '.region-option', text: target }, { kind: 'selector', selector: `table.ranking-table[aria-label="${target} 排名"] tbody tr[data-application]` }));
      const far = built.regions[249 - k]!.name;
      record('switch region (the 250th, through the search)', await measure(page, 'region-far', { kind: 'search', selector: '.region-search', text: far }, { kind: 'selector', selector: `table.ranking-table[aria-label="${far} 排名"] tbody tr[data-application]` }));
      await page.fill('.region-search', '');
      record('switch tabs (ranking → committee)', await measure(page, 'tab-switch', { kind: 'click', selector: '[role="tab"]', text: '评审小组' }, { kind: 'tab', text: '评审小组' }));
      if (RANKING_ONLY) continue;
      await measureLists(page, n, r, built, record);
    }
    if (LISTS_ONLY || RANKING_ONLY) {
      await context.close();
      return out;
    }

    // The scoring grid: the draft member at the keyboard, opened on the first empty cell (half-way down).
    await page.evaluate((h) => void (window.location.hash = h), tabHash(r, 'committee'));
    await page.waitForSelector('.tab-step');
    await page.evaluate(({ roundId, memberId }) => sessionStorage.setItem('review-desk-current-member', JSON.stringify({ state: { byRound: { [roundId]: memberId } }, version: 0 })), { roundId: r, memberId: built.draftMember });
    await page.reload();
    // The reload (the only way to choose the member before the app reads it) is not what is measured: the
    // committee tab it lands on settles first, as it has when a person goes on to the scoring tab. Then the
    // tab is opened REPEAT times from the committee tab, as the other actions are (the first time is cold).
    await page.waitForSelector('.tab-step');
    await page.waitForLoadState('networkidle');
    for (let k = 0; k < REPEAT; k++) {
      if (k > 0) {
        await page.evaluate((h) => void (window.location.hash = h), tabHash(r, 'committee'));
        await page.waitForFunction(() => document.querySelector('.score-grid') === null && document.querySelector('.tab-step') !== null);
      }
      await settle(page);
      record('open the scoring tab with a member chosen', await measure(page, 'scoring-open', { kind: 'hash', hash: tabHash(r, 'scoring') }, { kind: 'focusMoved' }));
    }
    const enters: number[] = [];
    for (let k = 0; k < 12; k++) {
      await page.keyboard.type(String(50 + k)); // typing itself is not measured; the Enter that saves and moves is
      enters.push(await measure(page, 'grid-enter', { kind: 'enter' }, { kind: 'focusMoved' }));
    }
    out.push(['Enter in the scoring grid (save + next cell)', enters]);
    const heap = await page.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0);
    const inputs = await page.evaluate(() => document.querySelectorAll('.score-grid input').length);
    out.push([`(scoring grid: ${inputs} inputs rendered of ${(n * CRITERIA.length).toLocaleString('en')}; JS heap ${(heap / 2 ** 20).toFixed(0)} MB)`, []]);
    await context.close();
  } finally {
    await browser.close();
    server.child.kill('SIGTERM');
    await new Promise((resolve) => server.child.once('exit', resolve));
    fs.rmSync(server.dataDir, { recursive: true, force: true });
  }
  return out;
}

async function main(): Promise<void> {
  if (!fs.existsSync(SERVER)) throw new Error(`${SERVER} is missing: run \`npm run build\` first.`);
  if (!fs.existsSync(CHROMIUM)) throw new Error(`Chromium not found at ${CHROMIUM}`);
  console.log(`\nReview Desk UI benchmark in Chromium (browser mode) — ${os.cpus().length} × ${os.cpus()[0]?.model ?? '?'}, ${Math.round(os.totalmem() / 2 ** 30)} GB, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  for (const n of SIZES) {
    console.log(`\n${n} applications, ${REGIONS} regions, ${MEMBERS} members, ${CRITERIA.length} criteria — ms to the next frame (median, min–max of the runs)`);
    for (const [name, times] of await runSize(n)) {
      if (times.length === 0) console.log(name);
      else console.log(`${name.padEnd(50)} ${median(times).toFixed(1).padStart(8)} ms   (${Math.min(...times).toFixed(1)}–${Math.max(...times).toFixed(1)}, n=${times.length})`);
    }
    console.log(`load after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
