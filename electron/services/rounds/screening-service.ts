// 资格审查: every admission rule of the program, per application and region (the same-city rule depends on
// the region), with the chair's recorded overrides. Re-admission bans (再准入限制) live here too: a ban
// belongs to one program (platform + program) and is judged as of the round's reference date
// (shared/eligibility/evaluate.ts); bans recorded before bans had a program (program_id NULL) apply to
// every program, as they did then. A finalized round shows the screening frozen when it was finalized.
import crypto from 'node:crypto';
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { assertSetupEditable, getProgram, getRound, touchRound } from './round-repo';
import { ROUND_ENTITY } from './setup-service';
import { getApplication, listApplications, statementAcceptances } from './application-service';
import { currentFinalization } from './finalization-repo';
import { createDossierRepo } from '../dossiers/dossier-repo';
import { roundCache } from '../cache/change-tracker';
import { evaluateEligibility, type ReadmissionBan as BanFact, type RuleResult } from '../../../shared/eligibility/evaluate';
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

/**
 * Every ban that may concern a round of the program, lifted ones included: whether one applies is decided
 * as of the round's reference date, so a ban lifted after that date still counts for the round.
 */
export function bansForProgram(ctx: ServiceContext, programId: string): BanFact[] {
  return ctx.db
    .prepare(
      `SELECT credit_code AS creditCode, coalesce(starts_on, substr(created_at, 1, 10)) AS startsOn, until,
              CASE WHEN lifted_at IS NULL THEN NULL ELSE coalesce(lifted_on, starts_on, substr(created_at, 1, 10)) END AS liftedOn, reason
       FROM readmission_bans WHERE program_id = ? OR program_id IS NULL ORDER BY created_at, id`,
    )
    .all(programId) as BanFact[];
}

/**
 * Screens the round's applications, or just one of them (scoring checks one cell at a time). A finalized
 * round answers with the screening frozen at finalization, so neither a later ban nor a later edit changes
 * what the committee signed; finalizations from before it was stored fall back to a recomputation.
 */
export function screenRound(ctx: ServiceContext, roundId: string, onlyApplicationId?: string): ScreeningRow[] {
  const screened = cachedScreening(ctx, roundId);
  return onlyApplicationId === undefined ? screened.rows : (screened.byApplication.get(onlyApplicationId) ?? []);
}

interface Screened {
  rows: ScreeningRow[];
  byApplication: Map<string, ScreeningRow[]>;
  scorable: Set<string>;
}

// One screening per round and change (services/cache/change-tracker.ts): a score save looks up one
// application instead of screening the whole round, and the tabs share one computation.
const screeningCache = roundCache<Screened>('screening');

/**
 * The cached rows' rule verdicts share one object per distinct verdict (issue 8, memory): most are the same
 * across applications (实名认证 passed, no cooldown, 杭州 in 杭州 with the same division paths…), and at 20,000
 * applications × 2 regions × ~10 rules they were ≈ 800,000 objects in each worker that caches the screening.
 * Nothing mutates a verdict (they are read, or cloned across to the window). Equal content, equal JSON: the
 * verdicts are built by one function, so equal ones list their fields in the same order.
 */
export function shareVerdicts(rows: ScreeningRow[]): ScreeningRow[] {
  const shared = new Map<string, RuleResult>();
  return rows.map((row) => ({
    ...row,
    results: row.results.map((result) => {
      const key = JSON.stringify(result);
      const hit = shared.get(key);
      if (hit) return hit;
      shared.set(key, result);
      return result;
    }),
  }));
}

function screened(rows: ScreeningRow[]): Screened {
  const byApplication = new Map<string, ScreeningRow[]>();
  for (const row of rows) {
    const list = byApplication.get(row.applicationId);
    if (list) list.push(row);
    else byApplication.set(row.applicationId, [row]);
  }
  return { rows, byApplication, scorable: new Set(rows.filter((row) => row.eligible).map((row) => row.applicationId)) };
}

function cachedScreening(ctx: ServiceContext, roundId: string): Screened {
  return screeningCache.get(ctx.db, roundId, () => screened(shareVerdicts(freshScreening(ctx, roundId))));
}

/** A cache that such a write (rescreeningAfter) leaves valid in part: held before the write, carried after. */
export interface ScreeningWriteCompanion {
  hold(db: ServiceContext['db']): unknown;
  carry(db: ServiceContext['db'], held: unknown): void;
}
const companions: ScreeningWriteCompanion[] = [];
/** Registered by the caches that read the screening (list-pages.ts: its applications index reads no verdict). */
export function carryAlsoOnScreeningWrites(companion: ScreeningWriteCompanion): void {
  companions.push(companion);
}

/**
 * Runs a write whose whole effect on the screening is the rows of some applications (an override, an
 * acceptance of a statement, a ban on a credit code): a round's cached screening that held just before is
 * carried over with those applications screened afresh, instead of the whole round screened again at the
 * next read (≈ 1.5 s at 20,000 applications, paid by the list that reloads after the chair's click).
 * `affected` names them per round, after the write. cache-consistency.test.ts compares with a fresh screening.
 */
function rescreeningAfter<T>(ctx: ServiceContext, fn: () => T, affected: (roundId: string, result: T) => readonly string[]): T {
  const held = screeningCache.hold(ctx.db);
  const others = companions.map((c) => ({ c, held: c.hold(ctx.db) }));
  const result = fn();
  for (const { c, held } of others) c.carry(ctx.db, held);
  screeningCache.carry(ctx.db, held, (value, roundId) => {
    const ids = new Set(affected(roundId, result));
    if (ids.size === 0) return value;
    // A finalized round shows its frozen screening (or, from before it was stored, a recomputation): let
    // freshScreening decide at the next read.
    if (getRound(ctx.db, roundId).status === 'finalized') return undefined;
    const fresh = new Map<string, ScreeningRow>();
    for (const id of ids) for (const row of computeScreening(ctx, roundId, id)) fresh.set(`${row.applicationId}|${row.regionId}`, row);
    let replaced = 0;
    const rows = value.rows.map((row) => {
      const next = fresh.get(`${row.applicationId}|${row.regionId}`);
      if (!ids.has(row.applicationId)) return row;
      if (next) replaced++;
      return next;
    });
    // Rows that appear or vanish (not what these writes do): compute the round again when next asked.
    if (replaced !== fresh.size || rows.some((row) => row === undefined)) return undefined;
    return screened(rows as ScreeningRow[]);
  });
  return result;
}

/** `fn` changes only how one application screens (the acceptance of its 主体优势说明): see rescreeningAfter. */
export function withRescreenedApplication<T>(ctx: ServiceContext, applicationId: string, fn: () => T): T {
  const roundOf = ctx.db.prepare('SELECT round_id FROM applications WHERE id = ?').pluck().get(applicationId) as string | undefined;
  return rescreeningAfter(ctx, fn, (roundId) => (roundId === roundOf ? [applicationId] : []));
}

/** The round's applications whose dossier holds the credit code (a ban on it changes how they screen). */
const applicationsOfCode = (ctx: ServiceContext, roundId: string, creditCode: string) =>
  ctx.db.prepare('SELECT a.id FROM applications a JOIN dossiers d ON d.id = a.dossier_id WHERE a.round_id = ? AND d.credit_code = ?').pluck().all(roundId, creditCode) as string[];

/** screenRound without the cache (the property tests compare the two). */
export function freshScreening(ctx: ServiceContext, roundId: string): ScreeningRow[] {
  const round = getRound(ctx.db, roundId);
  if (round.status === 'finalized') {
    const frozen = currentFinalization(ctx.db, roundId)?.snapshot.screening;
    if (frozen) return frozen;
  }
  return computeScreening(ctx, roundId);
}

/** The screening as the rules, the dossiers, the bans and the overrides give it now. */
export function computeScreening(ctx: ServiceContext, roundId: string, onlyApplicationId?: string): ScreeningRow[] {
  const round = getRound(ctx.db, roundId);
  const program = getProgram(ctx.db, round.programId);
  const repo = createDossierRepo(ctx.db);
  const bans = bansForProgram(ctx, round.programId);
  const regions = new Map(round.regions.map((r) => [r.id, r]));
  const overrides = new Map(
    (ctx.db.prepare('SELECT o.* FROM eligibility_overrides o JOIN applications a ON a.id = o.application_id WHERE a.round_id = ?').all(roundId) as OverrideRow[]).map((o) => [`${o.application_id}|${o.region_id}`, o]),
  );
  // One application (an override's answer) is read by its id, not cut from the round's list (issue 8: at
  // 20,000 applications the list alone is half a second).
  const applications = onlyApplicationId === undefined ? listApplications(ctx, roundId, false) : [getApplication(ctx, onlyApplicationId)].filter((a) => a.roundId === roundId && !a.withdrawnAt);
  const acceptances = statementAcceptances(ctx, roundId);
  // The dossiers in one query (a query per application was a tenth of a 20,000-application screening).
  const dossiers = repo.getByCreditCodes(applications.map((a) => a.creditCode));
  return applications.flatMap((application) => {
    const dossier = dossiers.get(application.creditCode) ?? repo.get(application.dossierId)!;
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
  return new Set(cachedScreening(ctx, roundId).scorable);
}

export function isScorable(ctx: ServiceContext, roundId: string, applicationId: string): boolean {
  return (cachedScreening(ctx, roundId).byApplication.get(applicationId) ?? []).some((row) => row.eligible);
}

/** The chair overrides the rules for one application and region, with a reason (or removes the override: eligible null). */
export function overrideEligibility(ctx: ServiceContext, data: { applicationId: string; regionId: string; eligible: boolean | null; reason: string }): ScreeningRow {
  const roundId = rescreeningAfter(ctx, () => write(ctx, (w) => {
    const application = getApplication(ctx, data.applicationId);
    assertSetupEditable(ctx.db, application.roundId);
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
  }), (roundId, changed) => (roundId === changed ? [data.applicationId] : []));
  // The answer screens this one application.
  return computeScreening(ctx, roundId, data.applicationId).find((r) => r.regionId === data.regionId)!;
}

interface BanRow {
  id: string;
  credit_code: string;
  program_id: string | null;
  program_name: string | null;
  starts_on: string | null;
  until: string | null;
  reason: BanReason;
  note: string;
  region_names: string;
  created_at: string;
  created_by: string;
}
const toBan = (r: BanRow): ReadmissionBan => ({
  id: r.id,
  creditCode: r.credit_code,
  programId: r.program_id,
  programName: r.program_name ?? '',
  startsOn: r.starts_on ?? r.created_at.slice(0, 10),
  until: r.until,
  reason: r.reason,
  note: r.note,
  regionNames: JSON.parse(r.region_names) as string[],
  createdAt: r.created_at,
  createdBy: r.created_by,
});
const BAN_SELECT = 'SELECT b.*, p.name AS program_name FROM readmission_bans b LEFT JOIN programs p ON p.id = b.program_id';

/** The bans not lifted, newest first, every program's (the dialog shows which program each is in). */
export function listBans(ctx: ServiceContext): ReadmissionBan[] {
  return (ctx.db.prepare(`${BAN_SELECT} WHERE b.lifted_at IS NULL ORDER BY b.created_at DESC`).all() as BanRow[]).map(toBan);
}

export interface BanData {
  creditCode: string;
  until: string | null;
  reason: BanReason;
  note: string;
  /** The program it applies to; null only for legacy unscoped bans (they apply to every program). */
  programId: string | null;
  /** The effective date of the termination or exit: screening applies the ban from this day on. */
  startsOn: string;
  /** Where the cooperation ended (informative: the ban covers the whole program). */
  regionNames: readonly string[];
}

export function addBan(ctx: ServiceContext, data: BanData): ReadmissionBan {
  return rescreeningAfter(ctx, () => write(ctx, (w) => {
    if (data.programId) getProgram(ctx.db, data.programId);
    const id = crypto.randomUUID();
    const record = { ...data, regionNames: [...data.regionNames] };
    ctx.db
      .prepare('INSERT INTO readmission_bans (id, credit_code, program_id, starts_on, until, reason, note, region_names, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
      .run(id, record.creditCode, record.programId, record.startsOn, record.until, record.reason, record.note, JSON.stringify(record.regionNames), w.at, w.actor);
    w.log({ entity: BAN_ENTITY, entityId: null, entityKey: id, action: 'create', before: null, after: record });
    return toBan(ctx.db.prepare(`${BAN_SELECT} WHERE b.id = ?`).get(id) as BanRow);
  }), (roundId, ban) => applicationsOfCode(ctx, roundId, ban.creditCode));
}

/**
 * Lifts a ban from `liftedOn` on: rounds whose reference date comes before it are still judged with the
 * ban (it was in force then); a ban recorded in error is lifted from its start day and so never applied.
 */
export function liftBan(ctx: ServiceContext, id: string, reason: string, liftedOn: string): void {
  rescreeningAfter(ctx, () => write(ctx, (w) => {
    const row = ctx.db.prepare(`${BAN_SELECT} WHERE b.id = ? AND b.lifted_at IS NULL`).get(id) as BanRow | undefined;
    if (!row) throw new AppError('NOT_FOUND', zh('error.notFound'));
    const ban = toBan(row);
    if (liftedOn < ban.startsOn) throw new AppError('VALIDATION', zh('error.banLiftBeforeStart', { date: ban.startsOn }), [{ path: 'liftedOn', key: 'error.banLiftBeforeStart', params: { date: ban.startsOn } }]);
    ctx.db.prepare('UPDATE readmission_bans SET lifted_at = ?, lifted_by = ?, lift_reason = ?, lifted_on = ? WHERE id = ?').run(w.at, w.actor, reason, liftedOn, id);
    w.log({ entity: BAN_ENTITY, entityId: null, entityKey: id, action: 'delete', before: ban, after: { liftReason: reason, liftedOn } });
    return ban.creditCode;
  }), (roundId, creditCode) => applicationsOfCode(ctx, roundId, creditCode));
}
