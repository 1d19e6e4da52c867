// Issue 9 "Re-check letter and attachment hashes when read; a mismatch is shown, never served silently":
// every single-byte change of a letter's archived content is flagged by letters.get and letters.list (the
// print page reads through them), and every single-byte change of an attachment file is refused by
// attachments.read with a zh-CN message naming the file.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../../support/service-context';
import { call, callError } from '../../support/call';
import { dossierInput, REAL_CREDIT_CODES } from '../../support/dossiers';
import { blobPath } from '../../../electron/services/attachments/attachment-service';

const FIELDS = {
  addressee: '杭州甲鉴定有限公司',
  creditCode: REAL_CREDIT_CODES[0]!,
  program: '淘宝直播区域产业服务商',
  region: '杭州',
  letterDate: '2026年11月23日',
  issuerName: '评审小组',
  issuerDepartment: '运营部',
  issuerContact: '王评审 0571-88886666',
  deadline: '2026年12月31日',
};

async function twoLetters(ctx: TestContext) {
  const { id: dossierId } = await call(ctx, 'dossiers.create', dossierInput());
  const first = await call(ctx, 'letters.issue', { kind: 'selectionNotice', dossierId, fields: FIELDS, year: 2026 });
  const second = await call(ctx, 'letters.issue', { kind: 'selectionNotice', dossierId, fields: { ...FIELDS, region: '深圳' }, year: 2026 });
  return { dossierId, first, second };
}

/** The stored text with one UTF-8 byte's lowest bit flipped (a multi-byte character becomes another or U+FFFD). */
function flipByte(text: string, at: number): string {
  const bytes = Buffer.from(text, 'utf8');
  bytes[at] = bytes[at]! ^ 1;
  return bytes.toString('utf8');
}

describe('letters re-checked on reading', () => {
  it('reads an untouched letter as ok, identical on every read', async () => {
    const ctx = await createTestContext();
    const { first } = await twoLetters(ctx);
    expect(first.integrity).toBe('ok');
    const again = await call(ctx, 'letters.get', { id: first.id });
    expect(again).toEqual(first);
  });

  it('flags every single-byte change of the archived content, in letters.get and letters.list, naming that letter only', async () => {
    const ctx = await createTestContext();
    const { dossierId, first, second } = await twoLetters(ctx);
    const stored = (ctx.db.prepare('SELECT content FROM letters WHERE id = ?').get(first.id) as { content: string }).content;
    const set = ctx.db.prepare('UPDATE letters SET content = ? WHERE id = ?');
    const length = Buffer.byteLength(stored, 'utf8');
    expect(length).toBeGreaterThan(500);
    let flagged = 0;
    for (let at = 0; at < length; at++) {
      set.run(flipByte(stored, at), first.id);
      const got = await call(ctx, 'letters.get', { id: first.id });
      if (got.integrity === 'mismatch' && got.number === first.number) flagged++;
      // Every 50th byte: the list flags this letter and only this one.
      if (at % 50 === 0) {
        const listed = await call(ctx, 'letters.list', { dossierId });
        expect(listed.map((l) => [l.number, l.integrity])).toEqual([[first.number, 'mismatch'], [second.number, 'ok']]);
      }
    }
    expect(flagged).toBe(length);
    set.run(stored, first.id);
    expect((await call(ctx, 'letters.get', { id: first.id })).integrity).toBe('ok');
  });

  it('flags a changed hash as well as changed content', async () => {
    const ctx = await createTestContext();
    const { first } = await twoLetters(ctx);
    ctx.db.prepare('UPDATE letters SET sha256 = ? WHERE id = ?').run('f'.repeat(64), first.id);
    expect((await call(ctx, 'letters.get', { id: first.id })).integrity).toBe('mismatch');
  });
});

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('attachments re-checked on reading', () => {
  it('refuses every single-byte change of the stored file with a zh-CN error naming the file, and serves it again once restored', async () => {
    const ctx = await createTestContext();
    const { id: dossierId } = await call(ctx, 'dossiers.create', dossierInput());
    const att = await call(ctx, 'attachments.add', { dossierId, kind: 'licence', fileName: '营业执照.pdf', dataBase64: PDF.toString('base64') });
    expect(Buffer.from((await call(ctx, 'attachments.read', { id: att.id })).dataBase64, 'base64')).toEqual(PDF);
    const file = blobPath(ctx.dataDir, att.sha256);
    for (let at = 0; at < PDF.length; at++) {
      const bytes = Buffer.from(PDF);
      bytes[at] = bytes[at]! ^ 1;
      fs.writeFileSync(file, bytes);
      const error = await callError(ctx, 'attachments.read', { id: att.id });
      expect(error.code).toBe('BAD_FILE');
      expect(error.message).toContain('“营业执照.pdf”');
      expect(error.message).toContain('校验值');
    }
    // A truncated or extended file too.
    fs.writeFileSync(file, PDF.subarray(0, PDF.length - 1));
    expect((await callError(ctx, 'attachments.read', { id: att.id })).code).toBe('BAD_FILE');
    fs.writeFileSync(file, Buffer.concat([PDF, Buffer.from('\n')]));
    expect((await callError(ctx, 'attachments.read', { id: att.id })).code).toBe('BAD_FILE');
    fs.writeFileSync(file, PDF);
    expect((await call(ctx, 'attachments.read', { id: att.id })).fileName).toBe('营业执照.pdf');
    fs.rmSync(file);
    expect(await callError(ctx, 'attachments.read', { id: att.id })).toMatchObject({ code: 'NOT_FOUND', message: expect.stringContaining('“营业执照.pdf”') });
  });
});
