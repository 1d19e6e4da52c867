// The recusal picker's choices (issue 8): the committee tab used to load the round's whole applications list
// (11 MB at 20,000 applications) to offer a searchable picker. The backend keeps the active applicants in
// pinyin order per round (cached while the screening's generation holds: any write to applications or
// dossiers bumps it) and answers each filter with shared/rounds/applicant-choices.ts, the picker's own rule.
import type { ServiceContext } from '../context';
import type { ApplicantChoicesView } from '../../../shared/rounds/views';
import { choicesAmong, sortedActive } from '../../../shared/rounds/applicant-choices';
import { displayIdentityNumber, type IdentityKind } from '../../../shared/dossiers/identity';
import { roundCache } from '../cache/change-tracker';
import { getRound } from './round-repo';

interface Choice {
  id: string;
  legalName: string;
  /** The full number: the filter finds a person by it, the answer shows it masked. */
  creditCode: string;
  identityKind: IdentityKind;
  city: string;
  withdrawnAt: string | null;
}

const activeCache = roundCache<Choice[]>('screening');

function activeApplicants(ctx: ServiceContext, roundId: string): Choice[] {
  const rows = ctx.db
    .prepare('SELECT a.id, d.legal_name AS legalName, d.credit_code AS creditCode, d.identity_kind AS identityKind, d.city, a.withdrawn_at AS withdrawnAt FROM applications a JOIN dossiers d ON d.id = a.dossier_id WHERE a.round_id = ?')
    .all(roundId) as Choice[];
  return sortedActive(rows);
}

export function applicantChoicesOf(ctx: ServiceContext, roundId: string, filter: string, chosenId: string): ApplicantChoicesView {
  getRound(ctx.db, roundId); // NOT_FOUND for an unknown round
  const active = activeCache.get(ctx.db, roundId, () => activeApplicants(ctx, roundId));
  const { options, more, onlyMatch } = choicesAmong(active, filter, chosenId);
  return {
    options: options.map((a) => ({ id: a.id, legalName: a.legalName, creditCode: displayIdentityNumber(a.identityKind, a.creditCode), city: a.city })),
    more,
    onlyMatchId: onlyMatch?.id ?? null,
    activeCount: active.length,
  };
}
