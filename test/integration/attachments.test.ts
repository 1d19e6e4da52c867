// Attachments through dispatch: content-addressed files, type decided by the bytes, undo-able removal,
// and every change in the dossier's history.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../support/service-context';
import { call, callError, countRows } from '../support/call';
import { dossierInput } from '../support/dossiers';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
// The 8-byte PNG signature followed by an IHDR chunk header: enough for sniffing.
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('\0\0\0\rIHDR\0\0\0\x01\0\0\0\x01\x08\x06\0\0\0', 'latin1')]);
const sha256 = (bytes: Buffer) => crypto.createHash('sha256').update(bytes).digest('hex');

async function withDossier(): Promise<{ ctx: TestContext; dossierId: number }> {
  const ctx = await createTestContext();
  const { id } = await call(ctx, 'dossiers.create', dossierInput());
  return { ctx, dossierId: id };
}

describe('attachments', () => {
  it('stores a PDF and a PNG under attachments/<sha[0..2]>/<sha>, typed by their bytes', async () => {
    const { ctx, dossierId } = await withDossier();
    const pdf = await call(ctx, 'attachments.add', { dossierId, kind: 'licence', fileName: '营业执照.pdf', dataBase64: PDF.toString('base64') });
    expect(pdf).toMatchObject({ dossierId, kind: 'licence', fileName: '营业执照.pdf', mime: 'application/pdf', size: PDF.length, sha256: sha256(PDF), addedBy: '王评审', addedAt: '2026-11-23T09:00:00.000Z' });
    const png = await call(ctx, 'attachments.add', { dossierId, kind: 'certificate', fileName: '资质证书', dataBase64: PNG.toString('base64') });
    expect(png).toMatchObject({ mime: 'image/png', size: PNG.length });

    for (const [bytes, att] of [[PDF, pdf], [PNG, png]] as const) {
      const file = path.join(ctx.dataDir, 'attachments', att.sha256.slice(0, 2), att.sha256);
      expect(fs.readFileSync(file)).toEqual(bytes);
    }
    expect((await call(ctx, 'dossiers.get', { id: dossierId })).attachments.map((a) => a.id)).toEqual([pdf.id, png.id]);
  });

  it('keeps one file for the same bytes attached twice', async () => {
    const { ctx, dossierId } = await withDossier();
    const a = await call(ctx, 'attachments.add', { dossierId, kind: 'licence', fileName: 'a.pdf', dataBase64: PDF.toString('base64') });
    const b = await call(ctx, 'attachments.add', { dossierId, kind: 'other', fileName: 'b.pdf', dataBase64: PDF.toString('base64') });
    expect(a.id).not.toBe(b.id);
    expect(fs.readdirSync(path.join(ctx.dataDir, 'attachments', a.sha256.slice(0, 2)))).toEqual([a.sha256]);
  });

  it.each([
    ['说明.txt', Buffer.from('这是一段文字，不是营业执照')],
    ['营业执照.pdf', Buffer.from('PDF-1.4 but missing the percent sign')], // the name says PDF, the bytes do not
    ['照片.png', Buffer.from([0x89, 0x50, 0x4e, 0x47])], // truncated signature
    ['empty.pdf', Buffer.alloc(0)],
  ])('refuses %s with BAD_FILE and records nothing', async (fileName, bytes) => {
    const { ctx, dossierId } = await withDossier();
    const error = await callError(ctx, 'attachments.add', { dossierId, kind: 'other', fileName, dataBase64: bytes.toString('base64') });
    expect(error).toEqual({ code: 'BAD_FILE', message: '只支持 PDF、PNG、JPEG、WebP 或 GIF 格式的附件' });
    expect(countRows(ctx, 'attachments')).toBe(0);
    expect(countRows(ctx, 'change_log')).toBe(1); // just the dossier's creation
    expect(fs.existsSync(path.join(ctx.dataDir, 'attachments'))).toBe(false);
  });

  it('refuses an attachment for a dossier that does not exist', async () => {
    const { ctx } = await withDossier();
    expect(await callError(ctx, 'attachments.add', { dossierId: 999, kind: 'other', fileName: 'a.pdf', dataBase64: PDF.toString('base64') })).toMatchObject({ code: 'NOT_FOUND' });
    expect(countRows(ctx, 'attachments')).toBe(0);
    // …and leaves no orphan file behind (issue 9).
    expect(fs.existsSync(path.join(ctx.dataDir, 'attachments', sha256(PDF).slice(0, 2), sha256(PDF)))).toBe(false);
  });

  it('leaves no orphan file when the write itself fails, and keeps a file another row still uses', async () => {
    const { ctx, dossierId } = await withDossier();
    const blob = (bytes: Buffer) => path.join(ctx.dataDir, 'attachments', sha256(bytes).slice(0, 2), sha256(bytes));
    // A trigger makes the INSERT fail after the file was written: the file this call created goes again.
    ctx.db.exec("CREATE TEMP TRIGGER refuse_png BEFORE INSERT ON attachments WHEN NEW.mime = 'image/png' BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;");
    expect((await callError(ctx, 'attachments.add', { dossierId, kind: 'other', fileName: 'a.png', dataBase64: PNG.toString('base64') })).code).toBe('INTERNAL');
    expect(fs.existsSync(blob(PNG))).toBe(false);
    // The same bytes already stored for another row: a failed second attach must not delete the shared file.
    await call(ctx, 'attachments.add', { dossierId, kind: 'other', fileName: 'a.pdf', dataBase64: PDF.toString('base64') });
    ctx.db.exec("CREATE TEMP TRIGGER refuse_all BEFORE INSERT ON attachments BEGIN SELECT RAISE(ABORT, 'refused for the test'); END;");
    await callError(ctx, 'attachments.add', { dossierId, kind: 'licence', fileName: 'b.pdf', dataBase64: PDF.toString('base64') });
    expect(fs.existsSync(blob(PDF))).toBe(true);
  });

  it('removes and restores (undo), reads back the same bytes, and shows attach/detach in the history', async () => {
    const { ctx, dossierId } = await withDossier();
    const pdf = await call(ctx, 'attachments.add', { dossierId, kind: 'licence', fileName: '营业执照.pdf', dataBase64: PDF.toString('base64') });

    ctx.tick();
    expect(await call(ctx, 'attachments.remove', { id: pdf.id })).toEqual({ id: pdf.id });
    expect((await call(ctx, 'dossiers.get', { id: dossierId })).attachments).toEqual([]);
    expect(fs.existsSync(path.join(ctx.dataDir, 'attachments', pdf.sha256.slice(0, 2), pdf.sha256))).toBe(true); // kept for undo

    ctx.tick();
    expect(await call(ctx, 'attachments.restore', { id: pdf.id })).toEqual(pdf);
    expect((await call(ctx, 'dossiers.get', { id: dossierId })).attachments).toEqual([pdf]);

    const read = await call(ctx, 'attachments.read', { id: pdf.id });
    expect(read).toEqual({ fileName: '营业执照.pdf', mime: 'application/pdf', dataBase64: PDF.toString('base64') });

    const history = await call(ctx, 'dossiers.history', { id: dossierId });
    expect(history.map((c) => c.action)).toEqual(['attach', 'detach', 'attach', 'create']);
    expect(history[1]).toMatchObject({ before: { id: pdf.id, fileName: '营业执照.pdf' }, after: null, at: '2026-11-23T09:00:01.000Z' });
    expect(history[0]).toMatchObject({ before: null, after: { id: pdf.id }, at: '2026-11-23T09:00:02.000Z' });
  });

  it('treats removing twice as one removal (no second history entry)', async () => {
    const { ctx, dossierId } = await withDossier();
    const png = await call(ctx, 'attachments.add', { dossierId, kind: 'other', fileName: 'a.png', dataBase64: PNG.toString('base64') });
    await call(ctx, 'attachments.remove', { id: png.id });
    await call(ctx, 'attachments.remove', { id: png.id });
    expect((await call(ctx, 'dossiers.history', { id: dossierId })).map((c) => c.action)).toEqual(['detach', 'attach', 'create']);
    expect(await callError(ctx, 'attachments.read', { id: 999 })).toMatchObject({ code: 'NOT_FOUND' });
  });
});
