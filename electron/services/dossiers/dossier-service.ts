// Dossier writes: each one validated, checked against the current row, and recorded in the change log
// in the same transaction.
import type { ServiceContext } from '../context';
import { actorOf, isoNow } from '../context';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { createDossierRepo } from './dossier-repo';
import { diffFields, recordChange } from '../history/change-log';
import type { DossierData, Dossier } from '../../../shared/dossiers/schema';
import { residentIdProblem } from '../../../shared/dossiers/resident-id';

export const DOSSIER_ENTITY = 'dossier';

export function creditCodeTaken(): AppError {
  return new AppError('CONFLICT', zh('error.creditCode.taken'), [{ path: 'creditCode', key: 'error.creditCode.taken' }]);
}

/**
 * The one identity check that needs the day (shared/dossiers/resident-id.ts): a 居民身份证号's birth date may
 * not be after today. The schema checks everything else; this runs with the service's clock.
 */
export function assertIdentityAsOf(ctx: ServiceContext, data: DossierData): void {
  if (data.identityKind !== 'individual') return;
  const today = ctx.now().toISOString().slice(0, 10);
  if (residentIdProblem(data.creditCode, today) === 'birthInFuture') {
    throw new AppError('VALIDATION', zh('error.residentId.birthInFuture'), [{ path: 'creditCode', key: 'error.residentId.birthInFuture' }]);
  }
}

export function mustGetDossier(ctx: ServiceContext, id: number): Dossier {
  const dossier = createDossierRepo(ctx.db).get(id);
  if (!dossier) throw new AppError('NOT_FOUND', zh('error.notFound'));
  return dossier;
}

export function createDossier(ctx: ServiceContext, data: DossierData): Dossier {
  const repo = createDossierRepo(ctx.db);
  return ctx.db.transaction(() => {
    const actor = actorOf(ctx);
    assertIdentityAsOf(ctx, data);
    if (repo.getByCreditCode(data.creditCode)) throw creditCodeTaken();
    const at = isoNow(ctx);
    const id = repo.insert(data, at);
    recordChange(ctx.db, { at, actor, entity: DOSSIER_ENTITY, entityId: id, action: 'create', before: null, after: data });
    return repo.get(id)!;
  }).immediate();
}

/** Optimistic concurrency: `version` is what the editor loaded; a newer row means someone else saved first. */
export function updateDossier(ctx: ServiceContext, id: number, version: number, data: DossierData): Dossier {
  const repo = createDossierRepo(ctx.db);
  return ctx.db.transaction(() => {
    const actor = actorOf(ctx);
    const current = mustGetDossier(ctx, id);
    if (current.version !== version) throw new AppError('CONFLICT', zh('error.versionConflict'));
    assertIdentityAsOf(ctx, data);
    const other = repo.getByCreditCode(data.creditCode);
    if (other && other.id !== id) throw creditCodeTaken();
    const diff = diffFields(dataOf(current), data);
    if (!diff) return current;
    const at = isoNow(ctx);
    repo.update(id, data, at);
    recordChange(ctx.db, { at, actor, entity: DOSSIER_ENTITY, entityId: id, action: 'update', ...diff });
    return repo.get(id)!;
  }).immediate();
}

export function setDossierArchived(ctx: ServiceContext, id: number, archived: boolean): Dossier {
  const repo = createDossierRepo(ctx.db);
  return ctx.db.transaction(() => {
    const actor = actorOf(ctx);
    const current = mustGetDossier(ctx, id);
    if ((current.archivedAt !== null) === archived) return current;
    const at = isoNow(ctx);
    repo.setArchived(id, archived ? at : null, at);
    recordChange(ctx.db, {
      at,
      actor,
      entity: DOSSIER_ENTITY,
      entityId: id,
      action: archived ? 'archive' : 'restore',
      before: { archivedAt: current.archivedAt },
      after: { archivedAt: archived ? at : null },
    });
    return repo.get(id)!;
  }).immediate();
}

/** The editable fields of a stored dossier, in the same key order as the input schema. */
export function dataOf(d: Dossier): DossierData {
  const { id: _id, version: _v, archivedAt: _a, createdAt: _c, updatedAt: _u, ...data } = d;
  return data;
}
