// Browser mode's HTTP transport: every guard answers with its own status and none lets a request reach
// the data worker. node:http (not fetch) so the test controls Host and Origin like an attacker could.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, createBrowserServer, TOKEN_HEADER } from '../../../electron/browser/http-server';
import type { Result } from '../../../shared/api/result';
import { FileAnswer } from '../../../electron/backend/file-answer';
import { tempDir } from '../../support/service-context';

const TOKEN = 'test-token-0123456789abcdef';
const calls: { name: string; input: unknown }[] = [];
/** What the next ranking.export answers (a file), set by the test that asks for one. */
let fileToAnswer: FileAnswer | null = null;
const invoke = async (name: string, input: unknown): Promise<Result<unknown>> => {
  calls.push({ name, input });
  if (name === 'ranking.export' && fileToAnswer) return { ok: true, value: fileToAnswer };
  return { ok: true, value: { echoed: name } };
};

let server: http.Server;
let port: number;
let root: string;

beforeAll(async () => {
  root = tempDir();
  const staticDir = path.join(root, 'renderer');
  fs.mkdirSync(staticDir);
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>评审台</title>');
  fs.writeFileSync(path.join(root, 'secret.txt'), 'outside the static dir'); // what traversal would try to reach
  server = createBrowserServer({ staticDir, token: TOKEN, invoke });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => void (calls.length = 0));

interface Reply {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

function request(options: { method?: string; path: string; headers?: Record<string, string>; body?: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method: options.method ?? 'GET', path: options.path, headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/** An API call as the renderer makes it; override one thing per test. */
const api = (name: string, headers: Record<string, string> = {}, body = '{"search":"安心"}') =>
  request({ method: 'POST', path: `/api/${name}`, headers: { 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, origin: `http://127.0.0.1:${port}`, ...headers }, body });

describe('browser-mode HTTP transport', () => {
  it('passes a correct call to invoke and returns its result', async () => {
    const reply = await api('dossiers.list');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { echoed: 'dossiers.list' } });
    expect(calls).toEqual([{ name: 'dossiers.list', input: { search: '安心' } }]);
    expect(reply.headers['cache-control']).toBe('no-store');
  });

  it('writes a file answer piece by piece as exactly the JSON of the whole answer (issue 8: never one string)', async () => {
    // 0 bytes, under one piece, and 7 MB + 1 (two whole 3 MB pieces and a remainder whose base64 is padded).
    for (const size of [0, 1000, 7 * 2 ** 20 + 1]) {
      const bytes = Buffer.alloc(size);
      for (let i = 0; i < size; i++) bytes[i] = (i * 7919) % 251;
      fileToAnswer = new FileAnswer('入选名单 "甲".json', 'application/json', bytes);
      try {
        const reply = await api('ranking.export');
        expect(reply.status).toBe(200);
        expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
        expect(reply.body).toBe(JSON.stringify({ ok: true, value: { fileName: '入选名单 "甲".json', mime: 'application/json', dataBase64: bytes.toString('base64') } }));
      } finally {
        fileToAnswer = null;
      }
    }
  });

  it('lets a client leave in the middle of a large file answer, and goes on serving', async () => {
    fileToAnswer = new FileAnswer('大文件.json', 'application/json', Buffer.alloc(64 * 2 ** 20, 1));
    try {
      await new Promise<void>((resolve, reject) => {
        const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/ranking.export', headers: { host: `127.0.0.1:${port}`, 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN } }, (res) => {
          res.once('data', () => {
            req.destroy(); // gone after the first piece
            resolve();
          });
        });
        req.on('error', (error) => ((error as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(error)));
        req.end('{}');
      });
    } finally {
      fileToAnswer = null;
    }
    const reply = await api('dossiers.list');
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toEqual({ ok: true, value: { echoed: 'dossiers.list' } });
  });

  it('accepts localhost as Host, no Origin (same-origin tools) and an empty body', async () => {
    const reply = await request({ method: 'POST', path: '/api/session.get', headers: { host: `localhost:${port}`, 'content-type': 'application/json; charset=utf-8', [TOKEN_HEADER]: TOKEN } });
    expect(reply.status).toBe(200);
    expect(calls).toEqual([{ name: 'session.get', input: {} }]);
  });

  describe('refuses, without calling the backend,', () => {
    it.each([
      ['a request without the token', () => api('dossiers.list', { [TOKEN_HEADER]: '' }), 401],
      ['a request with a wrong token', () => api('dossiers.list', { [TOKEN_HEADER]: TOKEN.replace(/f$/, 'e') }), 401],
      ['a request with a longer token', () => api('dossiers.list', { [TOKEN_HEADER]: TOKEN + 'x' }), 401],
      ['another site (Origin)', () => api('dossiers.list', { origin: 'http://evil.example' }), 403],
      ['a look-alike Origin on another port', () => api('dossiers.list', { origin: `http://127.0.0.1:${port + 1}` }), 403],
      ['a DNS-rebinding Host', () => api('dossiers.list', { host: `evil.example:${port}` }), 421],
      ['a Host on another port', () => api('dossiers.list', { host: `127.0.0.1:${port + 1}` }), 421],
      ['malformed JSON', () => api('dossiers.list', {}, '{"search": '), 400],
      ['a form post (not JSON)', () => api('dossiers.list', { 'content-type': 'text/plain' }), 415],
      ['an unknown call', () => api('dossiers.dropAll'), 404],
      ['a GET on the API', () => request({ path: '/api/dossiers.list', headers: { [TOKEN_HEADER]: TOKEN } }), 405],
    ])('%s', async (_what, send, status) => {
      const reply = await send();
      expect(reply.status).toBe(status);
      expect(reply.headers['content-type']).toBe('application/json; charset=utf-8');
      expect(JSON.parse(reply.body)).toEqual({ error: expect.any(String) });
      expect(calls).toEqual([]);
    });
  });

  describe('static files', () => {
    it('serves index.html with a Content-Security-Policy', async () => {
      const reply = await request({ path: '/' });
      expect(reply.status).toBe(200);
      expect(reply.body).toContain('<title>评审台</title>');
      expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(reply.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
      expect(CONTENT_SECURITY_POLICY).toMatch(/default-src 'self'/);
      expect(CONTENT_SECURITY_POLICY).toMatch(/frame-ancestors 'none'/);
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
    });

    it('refuses to serve index.html to a foreign Host', async () => {
      expect((await request({ path: '/', headers: { host: 'evil.example' } })).status).toBe(421);
    });

    it.each(['/../secret.txt', '/..%2fsecret.txt', '/%2e%2e/secret.txt', '/%2e%2e%2fsecret.txt', '/..%5csecret.txt', '/../../package.json', '/nope.js'])(
      'answers %s with 404 and never the file outside the static dir',
      async (requestPath) => {
        const reply = await request({ path: requestPath });
        expect(reply.status).toBe(404);
        expect(reply.body).not.toContain('outside the static dir');
        expect(calls).toEqual([]);
      },
    );

    it('answers a malformed escape in the path with 400, not a server error', async () => {
      const reply = await request({ path: '/%E0%A4%A' });
      expect(reply.status).toBe(400);
    });
  });
});
