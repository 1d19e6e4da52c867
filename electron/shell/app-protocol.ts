// app://renderer/ — the one origin the desktop window loads, in place of file://. Under file:// every
// local file shares one origin and a page may read its siblings; a privileged standard scheme gives the
// renderer a real origin that the IPC sender check, the CSP ('self') and the permission handlers can name,
// and a handler that serves only the built renderer (dist/renderer), nothing else on disk.
// Electron docs: protocol.registerSchemesAsPrivileged (before `ready`), protocol.handle (after).
import fs from 'node:fs';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { CONTENT_SECURITY_POLICY } from '../browser/http-server';

export const APP_SCHEME = 'app';
export const APP_HOST = 'renderer';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * standard: relative URLs resolve and web storage works; secure: treated like https (no mixed-content
 * downgrade). Deliberately NOT bypassCSP (the CSP must apply), nor service workers, CORS or streaming,
 * which the renderer does not use.
 */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true, bypassCSP: false, allowServiceWorkers: false, corsEnabled: false, stream: false },
};

const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
};

/** Vite's output uses only these characters in a path segment (hashed names like index-B1x_9.js). */
const SAFE_SEGMENT = /^[A-Za-z0-9_-][A-Za-z0-9._-]*$/;

/**
 * The file under `rendererDir` that `url` names, or null when the request must be refused: another
 * scheme or host, credentials or a port, a malformed escape, a `..`/`.` segment (also %2e%2e and %2f
 * smuggled past URL normalisation), backslashes, colons (drive letters, NTFS streams), dot-files, or a
 * type we do not serve. Pure: it never touches the disk.
 */
export function resolveAppUrl(url: string, rendererDir: string): string | null {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.hostname !== APP_HOST || parsed.port || parsed.username || parsed.password) return null;
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return null;
  }
  if (pathname === '' || pathname === '/') pathname = '/index.html';
  const segments = pathname.slice(1).split('/');
  if (!pathname.startsWith('/') || !segments.every((s) => SAFE_SEGMENT.test(s))) return null;
  if (!Object.hasOwn(CONTENT_TYPES, path.extname(pathname).toLowerCase())) return null;
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, ...segments);
  const relative = path.relative(root, file);
  // Belt and braces: the segment check already excludes this, the containment check proves it.
  if (!relative || relative.startsWith('..') || path.isAbsolute(relative)) return null;
  return file;
}

/** Headers for a served file: its type, and the CSP, so the policy applies to every app:// document. */
export function appResponseHeaders(file: string): Record<string, string> {
  return {
    'Content-Type': CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  };
}

/**
 * The protocol.handle() handler: GET/HEAD of a file resolveAppUrl allows and that exists, else 404.
 * `readFile` is injectable for tests; in Electron it reads through the asar archive transparently.
 */
export function createAppProtocolHandler(rendererDir: string, readFile: (file: string) => Promise<Uint8Array> = (f) => fs.promises.readFile(f)) {
  return async (request: { url: string; method: string }): Promise<Response> => {
    const file = resolveAppUrl(request.url, rendererDir);
    if (!file || (request.method !== 'GET' && request.method !== 'HEAD')) return new Response('Not found', { status: 404 });
    let body: Uint8Array;
    try {
      body = await readFile(file);
    } catch {
      return new Response('Not found', { status: 404 });
    }
    return new Response(request.method === 'HEAD' ? null : new Uint8Array(body), { status: 200, headers: appResponseHeaders(file) });
  };
}
