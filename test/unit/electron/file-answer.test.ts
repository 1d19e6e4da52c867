// A file answer crosses from a worker to the main thread as bytes (issue 8): handed over when the file owns its
// buffer, copied when it is a slice of Node's shared pool (detaching the pool would corrupt other Buffers), and
// read on the other side exactly as { fileName, mime, dataBase64 } — the API's shape.
import { MessageChannel, receiveMessageOnPort } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { FileAnswer, resultForPosting, resultFromPosting, withPlainFile } from '../../../electron/backend/file-answer';
import type { Result } from '../../../shared/api/result';

function postAndReceive(result: Result<unknown>): { received: Result<unknown>; transferred: number } {
  const { port1, port2 } = new MessageChannel();
  const posted = resultForPosting(result);
  port1.postMessage(posted.result, posted.transfer);
  const received = resultFromPosting(receiveMessageOnPort(port2)!.message as Result<unknown>);
  port1.close();
  return { received, transferred: posted.transfer.length };
}

describe('FileAnswer', () => {
  it('reads, compares and serialises as { fileName, mime, dataBase64 }', () => {
    const file = new FileAnswer('名单.csv', 'text/csv', Buffer.from('序号,名称\n1,甲'));
    const plain = { fileName: '名单.csv', mime: 'text/csv', dataBase64: Buffer.from('序号,名称\n1,甲').toString('base64') };
    expect(file).toEqual(plain);
    expect(JSON.parse(JSON.stringify(file))).toEqual(plain);
    expect(Object.keys(file)).toEqual(['fileName', 'mime', 'dataBase64']);
  });

  it('hands a large file’s buffer over without copying, and arrives as the same file', () => {
    const bytes = Buffer.alloc(5 * 2 ** 20, 7);
    const { received, transferred } = postAndReceive({ ok: true, value: new FileAnswer('a.json', 'application/json', bytes) });
    expect(transferred).toBe(1);
    expect(bytes.buffer.byteLength).toBe(0); // detached here: the main thread holds the one copy
    expect(received.ok && received.value instanceof FileAnswer).toBe(true);
    const file = (received as { value: FileAnswer }).value;
    expect(file.fileName).toBe('a.json');
    expect(Buffer.from(file.dataBase64, 'base64').equals(Buffer.alloc(5 * 2 ** 20, 7))).toBe(true);
  });

  it('copies a small Buffer cut from the shared pool, leaving the pool intact', () => {
    const neighbour = Buffer.from('neighbour');
    const small = Buffer.from('小文件');
    expect(small.buffer.byteLength).toBeGreaterThan(small.byteLength); // a pool slice, as Buffer.from makes them
    const { received, transferred } = postAndReceive({ ok: true, value: new FileAnswer('s.txt', 'text/plain', small) });
    expect(transferred).toBe(0);
    expect(neighbour.toString()).toBe('neighbour');
    expect(small.toString()).toBe('小文件');
    expect((received as { value: FileAnswer }).value.dataBase64).toBe(Buffer.from('小文件').toString('base64'));
  });

  it('becomes a plain object for Electron’s IPC, with the same three fields', () => {
    const plain = withPlainFile({ ok: true, value: new FileAnswer('名单.xlsx', 'application/x', Buffer.from('PK')) });
    expect(plain).toEqual({ ok: true, value: { fileName: '名单.xlsx', mime: 'application/x', dataBase64: 'UEs=' } });
    expect(Object.getPrototypeOf((plain as { value: object }).value)).toBe(Object.prototype);
  });

  it('leaves every other result as it is', () => {
    const plain: Result<unknown> = { ok: true, value: { fileName: 'x', dataBase64: 'eA==' } };
    expect(postAndReceive(plain).received).toEqual(plain);
    const error: Result<unknown> = { ok: false, error: { code: 'NOT_FOUND', message: '找不到' } };
    expect(postAndReceive(error).received).toEqual(error);
    expect(withPlainFile(plain)).toBe(plain);
  });
});
