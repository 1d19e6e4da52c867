// Applications (申请): a dossier entering a round for one or more regions, in order of preference.
import crypto from 'node:crypto';
import type { z } from 'zod';
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { assertSetupEditable, touchRound } from './round-repo';
import { ROUND_ENTITY } from './setup-service';
import { mustGetDossier } from '../dossiers/dossier-service';
import { shopFactsSchema } from '../../../shared/eligibility/rules';
import type { applicationInputSchema } from '../../../shared/rounds/schema';
import type { Application } from '../../../shared/rounds/views';
import type { IdentityKind } from '../../../shared/dossiers/identity';
import type { StatementAcceptance } from '../../../shared/eligibility/evaluate';

type ApplicationData = z.output<typeof applicationInputSchema>;

interface ApplicationRow {
  id: string;
  round_id: string;
  dossier_id: number;
  legal_name: string;
  identity_kind: IdentityKind;
  credit_code: string;
  city: string;
  accepted_by: string | null;
  accepted_at: string | null;
  accepted_reason: string | null;
  price_quote_fen: number | null;
  strength_statement: string;
  shop_facts: string;
  withdrawn_at: string | null;
  region_ids: string | null;
}

const SELECT_COLUMNS = `a.id, a.round_id, a.dossier_id, d.legal_name, d.identity_kind, d.credit_code, d.city, a.price_quote_fen, a.strength_statement, a.shop_facts, a.withdrawn_at,
         s.accepted_by, s.accepted_at, s.reason AS accepted_reason`;
const SELECT_FROM = `
  FROM applications a JOIN dossiers d ON d.id = a.dossier_id
  -- The acceptance covers the text it was given for (statementAcceptances below): an edited statement awaits again.
  LEFT JOIN statement_acceptances s ON s.application_id = a.id AND s.statement = a.strength_statement AND a.strength_statement <> ''`;
/** Without the regions (listApplications reads them in one query). */
const SELECT_BASE = `SELECT ${SELECT_COLUMNS}, NULL AS region_ids ${SELECT_FROM}`;
const SELECT = `SELECT ${SELECT_COLUMNS},
         (SELECT json_group_array(region_id) FROM (SELECT region_id FROM application_regions WHERE application_id = a.id ORDER BY preference)) AS region_ids
  ${SELECT_FROM}`;

const toApplication = (r: ApplicationRow): Application => ({
  id: r.id,
  dossierId: r.dossier_id,
  identityKind: r.identity_kind,
  legalName: r.legal_name,
  creditCode: r.credit_code,
  city: r.city,
  priceQuoteYuan: r.price_quote_fen == null ? null : r.price_quote_fen / 100,
  strengthStatement: r.strength_statement,
  statementAcceptance: r.accepted_by != null && r.accepted_at != null ? { by: r.accepted_by, at: r.accepted_at, reason: r.accepted_reason ?? '' } : null,
  shopFacts: shopFactsSchema.parse(JSON.parse(r.shop_facts)),
  regionIds: JSON.parse(r.region_ids ?? '[]') as string[],
  withdrawnAt: r.withdrawn_at,
});

/**
 * Each application's regions of the round in order of preference, in one query (a correlated subquery per
 * application was a third of the list's time at 20,000 applications, issue 8). Shared by every reader of a
 * whole round's applications (the list, its pages).
 */
export function regionsByApplication(ctx: ServiceContext, roundId: string): Map<string, string[]> {
  const regions = new Map<string, string[]>();
  for (const [app, region] of ctx.db
    .prepare('SELECT ar.application_id, ar.region_id FROM application_regions ar JOIN applications a ON a.id = ar.application_id WHERE a.round_id = ? ORDER BY ar.application_id, ar.preference')
    .raw()
    .all(roundId) as [string, string][]) {
    const list = regions.get(app);
    if (list) list.push(region);
    else regions.set(app, [region]);
  }
  return regions;
}

/** Applications of a round in a stable order (by applicant name, then id). */
export function listApplications(ctx: ServiceContext, roundId: string, includeWithdrawn = true): Application[] {
  const regions = regionsByApplication(ctx, roundId);
  const rows = ctx.db.prepare(`${SELECT_BASE} WHERE a.round_id = ? ${includeWithdrawn ? '' : 'AND a.withdrawn_at IS NULL'} ORDER BY d.name_sort, d.legal_name, a.id`).all(roundId) as ApplicationRow[];
  return rows.map((r) => ({ ...toApplication(r), regionIds: regions.get(r.id) ?? [] }));
}

/** The applications with these ids, in the order given (a page of the applications list; unknown ids are left out). */
export function applicationsByIds(ctx: ServiceContext, ids: readonly string[]): Application[] {
  if (ids.length === 0) return [];
  const rows = ctx.db.prepare(`${SELECT} WHERE a.id IN (SELECT value FROM json_each(?))`).all(JSON.stringify(ids)) as ApplicationRow[];
  const byId = new Map(rows.map((r) => [r.id, r]));
  return ids.flatMap((id) => {
    const row = byId.get(id);
    return row ? [toApplication(row)] : [];
  });
}

export function getApplication(ctx: ServiceContext, id: string): Application & { roundId: string } {
  const row = ctx.db.prepare(`${SELECT} WHERE a.id = ?`).get(id) as ApplicationRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', zh('error.notFound'));
  return { ...toApplication(row), roundId: row.round_id };
}

function setRegions(ctx: ServiceContext, roundId: string, applicationId: string, regionIds: readonly string[]): void {
  const known = new Set((ctx.db.prepare('SELECT id FROM round_regions WHERE round_id = ?').all(roundId) as { id: string }[]).map((r) => r.id));
  const unknown = regionIds.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new AppError('NOT_FOUND', zh('error.regionNotInRound'));
  ctx.db.prepare('DELETE FROM application_regions WHERE application_id = ?').run(applicationId);
  const insert = ctx.db.prepare('INSERT INTO application_regions (application_id, region_id, preference) VALUES (?, ?, ?)');
  regionIds.forEach((regionId, index) => insert.run(applicationId, regionId, index + 1));
  // Overrides for regions no longer applied for would be stale decisions: drop them.
  ctx.db.prepare(`DELETE FROM eligibility_overrides WHERE application_id = ? AND region_id NOT IN (SELECT region_id FROM application_regions WHERE application_id = ?)`).run(applicationId, applicationId);
}

export function addApplication(ctx: ServiceContext, roundId: string, data: ApplicationData): Application {
  return write(ctx, (w) => {
    assertSetupEditable(ctx.db, roundId);
    const dossier = mustGetDossier(ctx, data.dossierId);
    if (dossier.archivedAt) throw new AppError('CONFLICT', zh('error.dossierArchived'));
    if (ctx.db.prepare('SELECT 1 FROM applications WHERE round_id = ? AND dossier_id = ?').get(roundId, data.dossierId)) {
      throw new AppError('CONFLICT', zh('error.alreadyApplied', { name: dossier.legalName }));
    }
    const id = crypto.randomUUID();
    ctx.db
      .prepare('INSERT INTO applications (id, round_id, dossier_id, price_quote_fen, strength_statement, shop_facts, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, roundId, data.dossierId, toFen(data.priceQuoteYuan), data.strengthStatement, JSON.stringify(data.shopFacts), w.at);
    setRegions(ctx, roundId, id, data.regionIds);
    touchRound(ctx.db, roundId, w.at);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: roundId, action: 'create', before: null, after: { application: { id, creditCode: dossier.creditCode, ...data } } });
    return getApplication(ctx, id);
  });
}

export function updateApplication(ctx: ServiceContext, id: string, data: Omit<ApplicationData, 'dossierId'>): Application {
  return write(ctx, (w) => {
    const before = getApplication(ctx, id);
    assertSetupEditable(ctx.db, before.roundId);
    ctx.db.prepare('UPDATE applications SET price_quote_fen = ?, strength_statement = ?, shop_facts = ? WHERE id = ?').run(toFen(data.priceQuoteYuan), data.strengthStatement, JSON.stringify(data.shopFacts), id);
    setRegions(ctx, before.roundId, id, data.regionIds);
    touchRound(ctx.db, before.roundId, w.at);
    const { roundId: _r, ...snapshot } = before;
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: before.roundId, action: 'update', before: { application: snapshot }, after: { application: { id, ...data } } });
    return getApplication(ctx, id);
  });
}

/** Withdrawn applications keep their scores but are left out of screening, scoring and ranking. */
export function setApplicationWithdrawn(ctx: ServiceContext, id: string, withdrawn: boolean): Application {
  return write(ctx, (w) => {
    const before = getApplication(ctx, id);
    assertSetupEditable(ctx.db, before.roundId);
    if ((before.withdrawnAt !== null) === withdrawn) return before;
    ctx.db.prepare('UPDATE applications SET withdrawn_at = ? WHERE id = ?').run(withdrawn ? w.at : null, id);
    touchRound(ctx.db, before.roundId, w.at);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: before.roundId, action: withdrawn ? 'archive' : 'restore', before: { application: { id, withdrawnAt: before.withdrawnAt } }, after: { application: { id, withdrawnAt: withdrawn ? w.at : null } } });
    return getApplication(ctx, id);
  });
}

/**
 * The committee's acceptances of the round's 主体优势说明 (seed 003 "如注册时间未满1年，需补充主体优势说明"), by
 * application. An acceptance covers the text it was given for: a statement edited since is awaiting again.
 */
export function statementAcceptances(ctx: ServiceContext, roundId: string): Map<string, StatementAcceptance> {
  const rows = ctx.db
    .prepare('SELECT s.application_id, s.accepted_by, s.accepted_at, s.reason FROM statement_acceptances s JOIN applications a ON a.id = s.application_id WHERE a.round_id = ? AND s.statement = a.strength_statement')
    .all(roundId) as { application_id: string; accepted_by: string; accepted_at: string; reason: string }[];
  return new Map(rows.map((r) => [r.application_id, { by: r.accepted_by, at: r.accepted_at, reason: r.reason }]));
}

/** Records (or withdraws) the committee's acceptance of an application's 主体优势说明: who, when, why. */
export function acceptStatement(ctx: ServiceContext, id: string, accepted: boolean, reason: string): void {
  write(ctx, (w) => {
    const application = getApplication(ctx, id);
    assertSetupEditable(ctx.db, application.roundId);
    if (accepted && application.strengthStatement.trim() === '') throw new AppError('CONFLICT', zh('error.noStatement'));
    const before = (ctx.db.prepare('SELECT statement, accepted_by, accepted_at, reason FROM statement_acceptances WHERE application_id = ?').get(id) as object | undefined) ?? null;
    if (accepted) {
      ctx.db
        .prepare('INSERT INTO statement_acceptances (application_id, statement, accepted_by, accepted_at, reason) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET statement = excluded.statement, accepted_by = excluded.accepted_by, accepted_at = excluded.accepted_at, reason = excluded.reason')
        .run(id, application.strengthStatement, w.actor, w.at, reason);
    } else {
      ctx.db.prepare('DELETE FROM statement_acceptances WHERE application_id = ?').run(id);
    }
    touchRound(ctx.db, application.roundId, w.at);
    const after = { statementAcceptance: { applicant: application.legalName, accepted, reason } };
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: application.roundId, action: 'update', before: before && { statementAcceptance: before }, after });
  });
}

const toFen = (yuan: number | null) => (yuan == null ? null : Math.round(yuan * 100));
