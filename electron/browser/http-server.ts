// Browser mode's transport: the built renderer and the API over HTTP, on 127.0.0.1 only.
// Guards, in order: Host (defeats DNS rebinding), Origin (no other site may call us), the per-launch
// token (no other local program or page may call us), JSON content type and size. A request failing any
// of them gets a 4xx and never reaches the data worker. The body is then bounded before it is parsed: size
// (declared Content-Length first, then counted while streaming, the connection cut at the limit), strict
// UTF-8 (a replacement character silently changing a name is a lost edit), and nesting depth.
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { isCallName } from '../../shared/api/call-names';
import { MAX_UPLOAD_BYTES } from '../../shared/api/contract';
import type { Result } from '../../shared/api/result';
import { jsonTextTooDeep, MAX_INPUT_DEPTH } from '../backend/input-shape';
import { logMemory } from '../backend/memory-log';
import { FileAnswer } from '../backend/file-answer';

export const TOKEN_HEADER = 'x-review-desk-token';
const MAX_BODY_BYTES = Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 64 * 1024;

export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; font-src 'self'; img-src 'self' data: blob:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

export interface BrowserServerOptions {
  staticDir: string;
  token: string;
  invoke: (name: string, input: unknown) => Promise<Result<unknown>>;
}

export function createBrowserServer(options: BrowserServerOptions): http.Server {
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((error) => {
      console.error('[review-desk] request failed:', error);
      if (!res.headersSent) send(res, 500, { error: '内部错误' });
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const port = (server.address() as { port: number } | null)?.port;
    const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
    if (!allowedHosts.includes(req.headers.host ?? '')) return send(res, 421, { error: 'Host 不被允许' });
    const origin = req.headers.origin;
    if (origin !== undefined && !allowedHosts.some((h) => origin === `http://${h}`)) return send(res, 403, { error: '来源（Origin）不被允许' });

    const url = new URL(req.url ?? '/', `http://${req.headers.host}`);
    if (url.pathname.startsWith('/api/')) return handleApi(req, res, url.pathname.slice('/api/'.length));
    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, { error: '不支持的请求方法' });
    return serveStatic(res, url.pathname);
  }

  async function handleApi(req: http.IncomingMessage, res: http.ServerResponse, name: string): Promise<void> {
    if (req.method !== 'POST') return send(res, 405, { error: '只接受 POST' });
    if (!tokenMatches(req.headers[TOKEN_HEADER], options.token)) return send(res, 401, { error: '缺少或错误的访问令牌' });
    if (!(req.headers['content-type'] ?? '').startsWith('application/json')) return send(res, 415, { error: '只接受 JSON' });
    if (!isCallName(name)) return send(res, 404, { error: `没有名为 ${name} 的调用` });
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_BODY_BYTES) return refuseTooLarge(req, res);
    const body = await readBody(req);
    if (body === null) return refuseTooLarge(req, res);
    let text: string;
    try {
      text = STRICT_UTF8.decode(body);
    } catch {
      return send(res, 400, { error: '请求内容不是有效的 UTF-8 文本' });
    }
    if (jsonTextTooDeep(text)) return send(res, 400, { error: `请求的嵌套层数超过 ${MAX_INPUT_DEPTH} 层` });
    let input: unknown;
    try {
      input = text.length === 0 ? {} : JSON.parse(text);
    } catch {
      return send(res, 400, { error: 'JSON 格式错误' });
    }
    const result = await options.invoke(name, input);
    if (result.ok && result.value instanceof FileAnswer) await sendFileAnswer(res, result.value);
    else send(res, 200, result);
    logMemory('server', name);
  }

  function serveStatic(res: http.ServerResponse, pathname: string): void {
    const root = path.resolve(options.staticDir);
    let decoded: string;
    try {
      decoded = decodeURIComponent(pathname === '/' ? '/index.html' : pathname);
    } catch {
      return send(res, 400, { error: '请求地址无效' }); // a malformed %-escape is the client's error, not a 500
    }
    const file = path.resolve(root, '.' + decoded);
    if (!file.startsWith(root + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, { error: '找不到' });
    const ext = path.extname(file);
    res.writeHead(200, {
      'Content-Type': MIME[ext] ?? 'application/octet-stream',
      'Content-Security-Policy': CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cache-Control': ext === '.html' ? 'no-store' : 'max-age=3600',
    });
    fs.createReadStream(file).pipe(res);
  }

  return server;
}

function tokenMatches(given: string | string[] | undefined, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && crypto.timingSafeEqual(a, b);
}

const STRICT_UTF8 = new TextDecoder('utf-8', { fatal: true });

/** The body, or null as soon as it passes the limit: reading stops there instead of at the end. */
function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) return void chunks.push(chunk);
      req.off('data', onData);
      req.pause();
      resolve(null);
    };
    req.on('data', onData);
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/**
 * 413, then the connection is closed so the client stops sending the rest. Not at once: a socket destroyed
 * while the client is still sending is reset, and the reset can discard the 413 before the client reads it
 * (a CI run saw the client wait for an answer that never came). The rest is read and thrown away (nothing is
 * kept) for at most a second, then the connection goes.
 */
function refuseTooLarge(req: http.IncomingMessage, res: http.ServerResponse): void {
  res.setHeader('Connection', 'close');
  send(res, 413, { error: '请求过大' });
  res.on('finish', () => {
    req.resume();
    setTimeout(() => req.destroy(), 1_000).unref();
  });
}

function send(res: http.ServerResponse, status: number, body: unknown): void {
  const json = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  res.end(json);
}

/**
 * A file answer as the same JSON as send() would write ({"ok":true,"value":{…,"dataBase64":"…"}}), the base64
 * written 3 MB of file at a time and waiting for the socket to drain: the whole answer never exists as one
 * string (file-answer.ts). No Content-Length: the answer is chunked.
 */
async function sendFileAnswer(res: http.ServerResponse, file: FileAnswer): Promise<void> {
  res.writeHead(200, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' });
  const head = JSON.stringify({ ok: true, value: { fileName: file.fileName, mime: file.mime, dataBase64: '' } });
  const split = head.length - '"}}'.length;
  const bytes = Buffer.from(file.bytes.buffer, file.bytes.byteOffset, file.bytes.byteLength);
  // Or closed: a client that went away must not hold the file here forever.
  const drained = () =>
    new Promise<void>((resolve) => {
      const done = () => (res.off('drain', done), res.off('close', done), resolve());
      res.on('drain', done);
      res.on('close', done);
    });
  if (!res.write(head.slice(0, split))) await drained();
  for (let at = 0; at < bytes.length && !res.destroyed; at += FILE_PIECE_BYTES) {
    if (!res.write(bytes.subarray(at, at + FILE_PIECE_BYTES).toString('base64'))) await drained();
  }
  res.end(head.slice(split));
}

const FILE_PIECE_BYTES = 3 * 2 ** 20; // a multiple of 3: each piece's base64 ends without padding

export const newToken = (): string => crypto.randomBytes(24).toString('base64url');
