// Browser mode refuses hostile bodies before they reach the data worker: an oversized declared length
// (refused without reading), an oversized stream (cut at the limit), invalid UTF-8, and deep nesting.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBrowserServer, TOKEN_HEADER } from '../../../electron/browser/http-server';
import { MAX_UPLOAD_BYTES } from '../../../shared/api/contract';
import type { Result } from '../../../shared/api/result';
import { tempDir } from '../../support/service-context';

const TOKEN = 'test-token-limits-0123456789';
const calls: unknown[] = [];
let server: http.Server;
let port: number;

beforeAll(async () => {
  const staticDir = path.join(tempDir(), 'renderer');
  fs.mkdirSync(staticDir);
  server = createBrowserServer({ staticDir, token: TOKEN, invoke: async (_name, input): Promise<Result<unknown>> => (calls.push(input), { ok: true, value: null }) });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as { port: number }).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => void (calls.length = 0));

function post(body: Buffer | string | null, extraHeaders: Record<string, string> = {}, stream?: (req: http.ClientRequest) => void): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const headers = { host: `127.0.0.1:${port}`, 'content-type': 'application/json', [TOKEN_HEADER]: TOKEN, ...extraHeaders };
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/dossiers.list', headers }, (res) => {
      const chunks: Buffer[] = [];
      const done = () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('utf8') });
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', done);
      // After a 413 the server closes the connection while the client may still be sending: the response
      // can then end in 'close' (or an aborted error) rather than 'end'. The status is what the test reads.
      res.on('close', done);
      res.on('error', done);
    });
    req.on('error', (error: NodeJS.ErrnoException) => (error.code === 'ECONNRESET' || error.code === 'EPIPE' ? undefined : reject(error)));
    if (stream) stream(req);
    else req.end(body);
  });
}

describe('browser-mode request bodies', () => {
  it('refuses a declared Content-Length over the limit without reading the body', async () => {
    const reply = await post(null, { 'content-length': String(MAX_UPLOAD_BYTES * 2) }, (req) => req.flushHeaders());
    expect(reply.status).toBe(413);
    expect(calls).toHaveLength(0);
  });

  it('cuts a chunked body once it passes the limit', async () => {
    const chunk = Buffer.alloc(1024 * 1024, 0x20);
    const reply = await post(null, { 'transfer-encoding': 'chunked' }, (req) => {
      let sent = 0;
      const pump = () => {
        while (sent < 60 && req.write(chunk)) sent++;
        if (sent < 60) req.once('drain', pump);
        else req.end();
      };
      pump();
    });
    expect(reply.status).toBe(413);
    expect(calls).toHaveLength(0);
  });

  it('refuses invalid UTF-8 instead of silently replacing it', async () => {
    const reply = await post(Buffer.concat([Buffer.from('{"search":"'), Buffer.from([0xe6, 0x9d]), Buffer.from('"}')]));
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body).error).toContain('UTF-8');
    expect(calls).toHaveLength(0);
  });

  it('refuses deep nesting with a 400, not a 500', async () => {
    const deep = '['.repeat(100_000) + ']'.repeat(100_000);
    const reply = await post(deep);
    expect(reply.status).toBe(400);
    expect(calls).toHaveLength(0);
  });

  it('still accepts ordinary nesting and Chinese text', async () => {
    const reply = await post(JSON.stringify({ search: '安心鉴', nested: [[{ a: [1, { b: '杭州' }] }]] }));
    expect(reply.status).toBe(200);
    expect(calls).toEqual([{ search: '安心鉴', nested: [[{ a: [1, { b: '杭州' }] }]] }]);
  });
});
