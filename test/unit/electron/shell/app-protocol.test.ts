// app:// serves the built renderer and nothing else: every escape attempt resolves to null (404).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, APP_ORIGIN, appResponseHeaders, createAppProtocolHandler, resolveAppUrl } from '../../../../electron/shell/app-protocol';
import { CONTENT_SECURITY_POLICY } from '../../../../electron/browser/http-server';
import { tempDir } from '../../../support/service-context';

const root = path.resolve('/srv/review-desk/dist/renderer');

describe('resolveAppUrl', () => {
  it('maps the entry and the built assets to files inside the renderer directory', () => {
    expect(APP_ENTRY_URL).toBe('app://renderer/index.html');
    expect(resolveAppUrl(APP_ENTRY_URL, root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(`${APP_ORIGIN}/`, root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(`${APP_ORIGIN}`, root)).toBe(path.join(root, 'index.html'));
    expect(resolveAppUrl(`${APP_ORIGIN}/assets/index-B1x_9zQ.js?v=1#/dossiers`, root)).toBe(path.join(root, 'assets', 'index-B1x_9zQ.js'));
    expect(resolveAppUrl(`${APP_ORIGIN}/assets/noto-sans-sc-chinese-simplified-400-normal.woff2`, root)).toBe(path.join(root, 'assets', 'noto-sans-sc-chinese-simplified-400-normal.woff2'));
  });

  it.each([
    ['another scheme', 'file:///etc/passwd'],
    ['https', 'https://renderer/index.html'],
    ['another host', 'app://evil/index.html'],
    ['credentials', 'app://user:pw@renderer/index.html'],
    ['a port', 'app://renderer:8080/index.html'],
    ['dot-dot with encoded slashes', 'app://renderer/..%2f..%2fetc%2fpasswd.html'],
    ['encoded dots and slash', 'app://renderer/%2e%2e%2f%2e%2e%2fsecret.js'],
    ['encoded backslash (a separator on Windows)', 'app://renderer/..%5c..%5cwindows%5cwin.ini.js'],
    ['a drive letter', 'app://renderer/C:%2fWindows%2fx.js'],
    ['an NTFS stream', 'app://renderer/index.html:evil.js'],
    ['a NUL byte', 'app://renderer/index.html%00.js'],
    ['a malformed escape', 'app://renderer/%E0%A4%A.js'],
    ['a dot-file', 'app://renderer/.env.json'],
    ['a file type we do not serve', 'app://renderer/../../../data/review-desk.sqlite'],
    ['a source map', 'app://renderer/assets/index.js.map'],
    ['garbage', 'not a url'],
  ])('refuses %s', (_why, url) => {
    expect(resolveAppUrl(url, root)).toBeNull();
  });

  it('never leaves the root, whatever the path (generated hostile paths)', () => {
    const pieces = ['..', '.', '%2e%2e', '%2f', '%5c', 'a', 'assets', '%00', '..%2f', 'x.js', '%252e', '~', ':'];
    for (const a of pieces) for (const b of pieces) for (const c of pieces) {
      const file = resolveAppUrl(`app://renderer/${a}/${b}/${c}`, root);
      if (file !== null) expect(path.relative(root, file).startsWith('..')).toBe(false);
    }
  });
});

describe('the app:// handler', () => {
  const dir = tempDir();
  fs.mkdirSync(path.join(dir, 'renderer', 'assets'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'renderer', 'index.html'), '<!doctype html><title>评审台</title>');
  fs.writeFileSync(path.join(dir, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  fs.writeFileSync(path.join(dir, 'secret.js'), 'secret');
  const handle = createAppProtocolHandler(path.join(dir, 'renderer'));

  it('serves the page with its type and the Content-Security-Policy', async () => {
    const res = await handle(new Request(APP_ENTRY_URL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toContain('评审台');
    const js = await handle(new Request('app://renderer/assets/app.js'));
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(await js.text()).toBe('console.log(1)');
  });

  it('answers 404 for a sibling outside the renderer, a missing file and a write', async () => {
    expect((await handle(new Request('app://renderer/..%2fsecret.js'))).status).toBe(404);
    expect((await handle(new Request('app://renderer/missing.js'))).status).toBe(404);
    expect((await handle(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))).status).toBe(404);
  });

  it('puts the CSP on every type it serves', () => {
    for (const f of ['a.html', 'a.js', 'a.css', 'a.woff2', 'a.svg']) expect(appResponseHeaders(f)['Content-Security-Policy']).toBe(CONTENT_SECURITY_POLICY);
  });
});
