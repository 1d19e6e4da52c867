// The handler table: one function per worker call of the contract (dossiers here, rounds in
// handlers-rounds.ts). Inputs arrive already validated and parsed by dispatch(); handlers may be sync or
// async and throw AppError for expected failures.
import type { CallOutput } from '../../shared/api/contract';
import type { CoreHandlerTable, HandlerTable } from './handler-types';
import { roundsHandlers } from './handlers-rounds';
import { lifecycleHandlers } from './handlers-lifecycle';
import { exchangeHandlers } from './handlers-exchange';
import { backupHandlers } from './handlers-backup';
import type { ServiceContext } from '../services/context';
import { SETTING_USER, getSetting, setSetting } from '../services/context';
import { createDossierRepo } from '../services/dossiers/dossier-repo';
import { createDossier, mustGetDossier, setDossierArchived, updateDossier, DOSSIER_ENTITY } from '../services/dossiers/dossier-service';
import { listChanges } from '../services/history/change-log';
import { findHead, verifyHistory } from '../services/history/verify-service';
import { commitImport, previewImport } from '../services/dossiers/dossier-import';
import { exportDossiersXlsx, importTemplateXlsx } from '../services/dossiers/dossier-export';
import { addAttachment, listAttachments, readAttachment, setAttachmentRemoved } from '../services/attachments/attachment-service';
import { FileAnswer } from './file-answer';

const coreHandlers: CoreHandlerTable = {
  'session.get': (_input, ctx) => session(ctx),
  'session.setUser': ({ name }, ctx) => {
    setSetting(ctx.db, SETTING_USER, name);
    return session(ctx);
  },

  'dossiers.list': (query, ctx) => createDossierRepo(ctx.db).list(query),
  'dossiers.get': ({ id }, ctx) => ({ dossier: mustGetDossier(ctx, id), attachments: listAttachments(ctx, id) }),
  'dossiers.create': (data, ctx) => createDossier(ctx, data),
  'dossiers.update': ({ id, version, data }, ctx) => updateDossier(ctx, id, version, data),
  'dossiers.setArchived': ({ id, archived }, ctx) => setDossierArchived(ctx, id, archived),
  'dossiers.history': ({ id }, ctx) => {
    mustGetDossier(ctx, id);
    return listChanges(ctx.db, DOSSIER_ENTITY, id);
  },
  'history.verify': ({ jobId }, ctx) => verifyHistory(ctx, jobId),
  'dossiers.importPreview': (input, ctx) => previewImport(ctx, input),
  'dossiers.importCommit': (input, ctx) => commitImport(ctx, input),
  'dossiers.exportXlsx': ({ status, jobId }, ctx) => exportDossiersXlsx(ctx, status, jobId),

  'attachments.add': (input, ctx) => addAttachment(ctx, input),
  'attachments.remove': ({ id }, ctx) => ({ id: setAttachmentRemoved(ctx, id, true).id }),
  'attachments.restore': ({ id }, ctx) => setAttachmentRemoved(ctx, id, false),
  'attachments.read': ({ id }, ctx) => {
    const file = readAttachment(ctx, id);
    return new FileAnswer(file.fileName, file.mime, file.bytes);
  },
  'history.findHead': ({ fingerprint, jobId }, ctx) => findHead(ctx, fingerprint, jobId),
  'dossiers.importTemplate': (_input, ctx) => importTemplateXlsx(ctx),
};

export const handlers: HandlerTable = { ...coreHandlers, ...roundsHandlers, ...lifecycleHandlers, ...exchangeHandlers, ...backupHandlers };

function session(ctx: ServiceContext): CallOutput<'session.get'> {
  return {
    userName: getSetting(ctx.db, SETTING_USER),
    dataDir: ctx.dataDir,
    schemaVersion: ctx.db.pragma('user_version', { simple: true }) as number,
    transport: ctx.transport,
  };
}
