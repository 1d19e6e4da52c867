// Attachments (营业执照、资质证书): content-addressed files under <data>/attachments/<sha[0..2]>/<sha>.
// The same bytes are stored once; removing an attachment hides the row (undo-able) and keeps the file.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { ServiceContext } from '../context';
import { actorOf, isoNow } from '../context';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { recordChange } from '../history/change-log';
import { DOSSIER_ENTITY, mustGetDossier } from '../dossiers/dossier-service';
import type { Attachment } from '../../../shared/dossiers/schema';
import { sniffMime } from './file-types';

// The magic-byte check lives in file-types.ts (no dependencies) so the desktop shell can use it too.
export { sniffMime };

export function blobPath(dataDir: string, sha256: string): string {
  return path.join(dataDir, 'attachments', sha256.slice(0, 2), sha256);
}

interface AttachmentRow {
  id: number;
  dossier_id: number;
  kind: Attachment['kind'];
  file_name: string;
  mime: string;
  size: number;
  sha256: string;
  added_at: string;
  added_by: string;
  removed_at: string | null;
}

const toAttachment = (r: AttachmentRow): Attachment => ({
  id: r.id,
  dossierId: r.dossier_id,
  kind: r.kind,
  fileName: r.file_name,
  mime: r.mime,
  size: r.size,
  sha256: r.sha256,
  addedAt: r.added_at,
  addedBy: r.added_by,
});

export function listAttachments(ctx: ServiceContext, dossierId: number): Attachment[] {
  const rows = ctx.db.prepare('SELECT * FROM attachments WHERE dossier_id = ? AND removed_at IS NULL ORDER BY id').all(dossierId) as AttachmentRow[];
  return rows.map(toAttachment);
}

function mustGetRow(ctx: ServiceContext, id: number): AttachmentRow {
  const row = ctx.db.prepare('SELECT * FROM attachments WHERE id = ?').get(id) as AttachmentRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', zh('error.notFound'));
  return row;
}

export function addAttachment(ctx: ServiceContext, input: { dossierId: number; kind: Attachment['kind']; fileName: string; dataBase64: string }): Attachment {
  const bytes = Buffer.from(input.dataBase64, 'base64');
  const mime = sniffMime(bytes);
  if (!mime) throw new AppError('BAD_FILE', zh('error.attachmentType'));
  const sha256 = crypto.createHash('sha256').update(bytes).digest('hex');
  // Refusals that need no file come before it is written (no user yet, no such dossier).
  actorOf(ctx);
  mustGetDossier(ctx, input.dossierId);
  // The file lands first (atomically, via rename): a row must never point at a missing file. If the
  // transaction below still fails, a blob this call created and nothing references is removed again.
  const target = blobPath(ctx.dataDir, sha256);
  const created = !fs.existsSync(target);
  if (created) {
    fs.mkdirSync(path.dirname(target), { recursive: true });
    const temp = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temp, bytes, { flush: true });
    fs.renameSync(temp, target);
  }
  try {
    return insertAttachmentRow(ctx, input, mime, bytes.length, sha256);
  } catch (error) {
    if (created && !ctx.db.prepare('SELECT 1 FROM attachments WHERE sha256 = ?').get(sha256)) fs.rmSync(target, { force: true });
    throw error;
  }
}

function insertAttachmentRow(ctx: ServiceContext, input: { dossierId: number; kind: Attachment['kind']; fileName: string }, mime: string, size: number, sha256: string): Attachment {
  return ctx.db.transaction(() => {
    const actor = actorOf(ctx);
    mustGetDossier(ctx, input.dossierId);
    const at = isoNow(ctx);
    const id = Number(
      ctx.db
        .prepare('INSERT INTO attachments (dossier_id, kind, file_name, mime, size, sha256, added_at, added_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
        .run(input.dossierId, input.kind, input.fileName, mime, size, sha256, at, actor).lastInsertRowid,
    );
    const attachment = toAttachment(mustGetRow(ctx, id));
    recordChange(ctx.db, { at, actor, entity: DOSSIER_ENTITY, entityId: input.dossierId, action: 'attach', before: null, after: attachment });
    return attachment;
  }).immediate();
}

export function setAttachmentRemoved(ctx: ServiceContext, id: number, removed: boolean): Attachment {
  return ctx.db.transaction(() => {
    const actor = actorOf(ctx);
    const row = mustGetRow(ctx, id);
    const attachment = toAttachment(row);
    if ((row.removed_at !== null) === removed) return attachment;
    const at = isoNow(ctx);
    ctx.db.prepare('UPDATE attachments SET removed_at = ? WHERE id = ?').run(removed ? at : null, id);
    recordChange(ctx.db, {
      at,
      actor,
      entity: DOSSIER_ENTITY,
      entityId: row.dossier_id,
      action: removed ? 'detach' : 'attach',
      before: removed ? attachment : null,
      after: removed ? null : attachment,
    });
    return attachment;
  }).immediate();
}

/**
 * The attachment's bytes, re-hashed before they are handed out: the file is stored under its sha256, so a
 * file changed on disk (edited, damaged, swapped) no longer matches its name and is refused, naming the
 * file, rather than served silently as the document the committee registered.
 */
export function readAttachment(ctx: ServiceContext, id: number): { fileName: string; mime: string; bytes: Buffer } {
  const row = mustGetRow(ctx, id);
  const file = blobPath(ctx.dataDir, row.sha256);
  if (!fs.existsSync(file)) throw new AppError('NOT_FOUND', zh('error.attachmentMissing', { name: row.file_name }));
  const bytes = fs.readFileSync(file);
  if (crypto.createHash('sha256').update(bytes).digest('hex') !== row.sha256) throw new AppError('BAD_FILE', zh('error.attachmentTampered', { name: row.file_name }));
  return { fileName: row.file_name, mime: row.mime, bytes };
}
