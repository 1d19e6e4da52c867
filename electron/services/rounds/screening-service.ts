// 资格审查: every admission rule of the program, per application and region (the same-city rule depends on
// the region), with the chair's recorded overrides. Re-admission bans (再准入限制) live here too.
import crypto from 'node:crypto';
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { assertRoundOpen, getProgram, getRound, touchRound } from './round-repo';
import { ROUND_ENTITY } from './setup-service';
import { getApplication, listApplications, statementAcceptances } from './application-service';
import { createDossierRepo } from '../dossiers/dossier-repo';
import { evaluateEligibility, type ReadmissionBan as BanFact } from '../../../shared/eligibility/evaluate';
import type { BanReason } from '../../../shared/eligibility/readmission';
import type { ReadmissionBan, ScreeningRow } from '../../../shared/rounds/views';

export const BAN_ENTITY = 'readmissionBan';

interface OverrideRow {
  application_id: string;
  region_id: string;
  eligible: number;
  reason: string;
  decided_by: string;
  decided_at: string;
}

export function activeBans(ctx: ServiceContext): BanFact[] {
  return ctx.db.prepare('SELECT credit_code AS creditCode, until, reason FROM readmission_bans WHERE lifted_at IS NULL').all() as BanFact[];
}

/** Screens the round's applications, or just one of them (scoring checks one cell at a time). */
export function screenRound(ctx: ServiceContext, roundId: string, onlyApplicationId?: string): ScreeningRow[] {
  const round = getRound(ctx.db, roundId);
  const program = getProgram(ctx.db, round.programId);
  const repo = createDossierRepo(ctx.db);
  const bans = activeBans(ctx);
  const regions = new Map(round.regions.map((r) => [r.id, r]));
  const overrides = new Map(
    (ctx.db.prepare('SELECT o.* FROM eligibility_overrides o JOIN applications a ON a.id = o.application_id WHERE a.round_id = ?').all(roundId) as OverrideRow[]).map((o) => [`${o.application_id}|${o.region_id}`, o]),
  );
  const applications = listApplications(ctx, roundId, false).filter((a) => onlyApplicationId === undefined || a.id === onlyApplicationId);
  const acceptances = statementAcceptances(ctx, roundId);
  return applications.flatMap((application) => {
    const dossier = repo.get(application.dossierId)!;
    return application.regionIds.map((regionId): ScreeningRow => {
      const verdict = evaluateEligibility(program.rules, dossier, {
        referenceDate: round.referenceDate,
        regionCity: regions.get(regionId)?.city ?? '',
        strengthStatement: application.strengthStatement,
        statementAcceptance: acceptances.get(application.id) ?? null,
        shopFacts: application.shopFacts,
        bans,
      });
      const o = overrides.get(`${application.id}|${regionId}`);
      const override = o ? { eligible: o.eligible === 1, reason: o.reason, decidedBy: o.decided_by, decidedAt: o.decided_at } : null;
      return { applicationId: application.id, regionId, eligible: override ? override.eligible : verdict.eligible, rulesEligible: verdict.eligible, results: verdict.results, override };
    });
  });
}

/** Applications that passed screening for at least one region: only these are scored (资格审查 first). */
export function scorableApplicationIds(ctx: ServiceContext, roundId: string): Set<string> {
  return new Set(screenRound(ctx, roundId).filter((row) => row.eligible).map((row) => row.applicationId));
}

export function isScorable(ctx: ServiceContext, roundId: string, applicationId: string): boolean {
  return screenRound(ctx, roundId, applicationId).some((row) => row.eligible);
}

/** The chair overrides the rules for one application and region, with a reason (or removes the override: eligible null). */
export function overrideEligibility(ctx: ServiceContext, data: { applicationId: string; regionId: string; eligible: boolean | null; reason: string }): ScreeningRow {
  const roundId = write(ctx, (w) => {
    const application = getApplication(ctx, data.applicationId);
    assertRoundOpen(ctx.db, application.roundId);
    if (!application.regionIds.includes(data.regionId)) throw new AppError('NOT_FOUND', zh('error.regionNotInRound'));
    const before = ctx.db.prepare('SELECT eligible, reason FROM eligibility_overrides WHERE application_id = ? AND region_id = ?').get(data.applicationId, data.regionId) ?? null;
    if (data.eligible === null) ctx.db.prepare('DELETE FROM eligibility_overrides WHERE application_id = ? AND region_id = ?').run(data.applicationId, data.regionId);
    else
      ctx.db
        .prepare('INSERT INTO eligibility_overrides (application_id, region_id, eligible, reason, decided_by, decided_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET eligible = excluded.eligible, reason = excluded.reason, decided_by = excluded.decided_by, decided_at = excluded.decided_at')
        .run(data.applicationId, data.regionId, data.eligible ? 1 : 0, data.reason, w.actor, w.at);
    touchRound(ctx.db, application.roundId, w.at);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: application.roundId, action: 'override', before: before && { override: before }, after: { override: { ...data, applicant: application.legalName } } });
    return application.roundId;
  });
  return screenRound(ctx, roundId).find((r) => r.applicationId === data.applicationId && r.regionId === data.regionId)!;
}

interface BanRow {
  id: string;
  credit_code: string;
  until: string | null;
  reason: BanReason;
  note: string;
  created_at: string;
  created_by: string;
}
const toBan = (r: BanRow): ReadmissionBan => ({ id: r.id, creditCode: r.credit_code, until: r.until, reason: r.reason, note: r.note, createdAt: r.created_at, createdBy: r.created_by });

export function listBans(ctx: ServiceContext): ReadmissionBan[] {
  return (ctx.db.prepare('SELECT * FROM readmission_bans WHERE lifted_at IS NULL ORDER BY created_at DESC').all() as BanRow[]).map(toBan);
}

export function addBan(ctx: ServiceContext, data: { creditCode: string; until: string | null; reason: BanReason; note: string }): ReadmissionBan {
  return write(ctx, (w) => {
    const id = crypto.randomUUID();
    ctx.db.prepare('INSERT INTO readmission_bans (id, credit_code, until, reason, note, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, data.creditCode, data.until, data.reason, data.note, w.at, w.actor);
    w.log({ entity: BAN_ENTITY, entityId: null, entityKey: id, action: 'create', before: null, after: data });
    return toBan(ctx.db.prepare('SELECT * FROM readmission_bans WHERE id = ?').get(id) as BanRow);
  });
}

export function liftBan(ctx: ServiceContext, id: string, reason: string): void {
  write(ctx, (w) => {
    const row = ctx.db.prepare('SELECT * FROM readmission_bans WHERE id = ? AND lifted_at IS NULL').get(id) as BanRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', zh('error.notFound'));
    ctx.db.prepare('UPDATE readmission_bans SET lifted_at = ?, lifted_by = ?, lift_reason = ? WHERE id = ?').run(w.at, w.actor, reason, id);
    w.log({ entity: BAN_ENTITY, entityId: null, entityKey: id, action: 'delete', before: toBan(row), after: { liftReason: reason } });
  });
}
