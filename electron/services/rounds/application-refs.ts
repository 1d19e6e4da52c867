// Two small reads about a round's applications for dialogs that used to load the whole applications list
// (11.6 MB at 20,000 applications, issue 8): the dossiers already in the round (the add-application picker
// marks them) and the applicants' names for the credit codes a dialog shows (the bans dialog).
import type { ServiceContext } from '../context';
import { getRound } from './round-repo';

/** Every dossier with an application in the round, withdrawn ones included (as applications.list has them). */
export function appliedDossierIds(ctx: ServiceContext, roundId: string): number[] {
  getRound(ctx.db, roundId); // NOT_FOUND for an unknown round
  return ctx.db.prepare('SELECT dossier_id FROM applications WHERE round_id = ? ORDER BY dossier_id').pluck().all(roundId) as number[];
}

/** The names of the round's applicants with these numbers (numbers with no applicant are left out). */
export function applicantNamesByCode(ctx: ServiceContext, roundId: string, creditCodes: readonly string[]): Record<string, string> {
  getRound(ctx.db, roundId);
  if (creditCodes.length === 0) return {};
  const rows = ctx.db
    .prepare('SELECT d.credit_code, d.legal_name FROM applications a JOIN dossiers d ON d.id = a.dossier_id WHERE a.round_id = ? AND d.credit_code IN (SELECT value FROM json_each(?))')
    .raw()
    .all(roundId, JSON.stringify(creditCodes)) as [string, string][];
  return Object.fromEntries(rows);
}
