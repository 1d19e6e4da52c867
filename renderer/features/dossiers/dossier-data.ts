import type { Dossier, DossierInput } from '../../../shared/dossiers/schema';

/** The editable part of a stored dossier, as the form holds it. */
export function dataOf(d: Dossier): DossierInput {
  const { id: _id, version: _v, archivedAt: _a, createdAt: _c, updatedAt: _u, ...data } = d;
  return data;
}
