// Cooperations (合作): created for the admitted applications of a finalized round, moved only by dated events
// the lifecycle core allows (shared/lifecycle/cooperation.ts). Ending one records the re-admission ban the
// PROGRAM's rules give for that kind of ending (shared/lifecycle/bans.ts; none where they state none), names
// the region it ends in, the rule it cites and who else is told, and opens the region's waitlist.
// A program may have no assessment at all (安心鉴, seed 000): its cooperations start formal and end only by
// hand — 清退, or 主动退出 once the institution's 《解除合作申请》 is received and the platform confirms.
import crypto from 'node:crypto';
import type { ServiceContext } from '../context';
import { write, type WriteScope } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { getCooperationRow, listCooperationRows } from './cooperation-repo';
import { roundResults } from '../rounds/ranking-service';
import { getProgram, getRound } from '../rounds/round-repo';
import { addBan } from '../rounds/screening-service';
import { nextStatus, type CooperationEvent, type CooperationStatus } from '../../../shared/lifecycle/cooperation';
import { initialStatus, isAssessed, kpiRuleSetSchema, type AssessedRuleSet, type KpiRuleSet } from '../../../shared/lifecycle/kpi-rules';
import { trialStart } from '../../../shared/lifecycle/periods';
import { banDaysFor, programReadmission } from '../../../shared/lifecycle/bans';
import { exitConditionsFor } from '../../../shared/lifecycle/exit';
import { readmissionAfter, type BanReason } from '../../../shared/eligibility/readmission';
import type { Cooperation, WaitlistCandidate } from '../../../shared/cooperations/views';

export const COOPERATION_ENTITY = 'cooperation';

export function programKpiRules(ctx: ServiceContext, programId: string): KpiRuleSet {
  const row = ctx.db.prepare('SELECT kpi_rules FROM programs WHERE id = ?').get(programId) as { kpi_rules: string | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', zh('error.notFound'));
  if (!row.kpi_rules) throw new AppError('CONFLICT', zh('error.noKpiRules'));
  return kpiRuleSetSchema.parse(JSON.parse(row.kpi_rules));
}

/** The program's rule set when it assesses figures; a program without assessment (安心鉴) has no figures or runs. */
export function assessedRules(ctx: ServiceContext, programId: string): AssessedRuleSet {
  const rules = programKpiRules(ctx, programId);
  if (!isAssessed(rules)) throw new AppError('CONFLICT', zh('error.noAssessmentRegime'));
  return rules;
}

/** The program's rule set for the renderer: null while none is chosen (programKpiRules refuses then). */
export function findProgramKpiRules(ctx: ServiceContext, programId: string): KpiRuleSet | null {
  const row = ctx.db.prepare('SELECT kpi_rules FROM programs WHERE id = ?').get(programId) as { kpi_rules: string | null } | undefined;
  if (!row) throw new AppError('NOT_FOUND', zh('error.notFound'));
  return row.kpi_rules ? kpiRuleSetSchema.parse(JSON.parse(row.kpi_rules)) : null;
}

export function setProgramKpiRules(ctx: ServiceContext, programId: string, rules: KpiRuleSet): void {
  write(ctx, (w) => {
    const before = ctx.db.prepare('SELECT kpi_rules FROM programs WHERE id = ?').get(programId) as { kpi_rules: string | null } | undefined;
    if (!before) throw new AppError('NOT_FOUND', zh('error.notFound'));
    ctx.db.prepare('UPDATE programs SET kpi_rules = ?, updated_at = ? WHERE id = ?').run(JSON.stringify(rules), w.at, programId);
    w.log({ entity: 'program', entityId: null, entityKey: programId, action: 'update', before: { kpiRules: before.kpi_rules && JSON.parse(before.kpi_rules) }, after: { kpiRules: rules } });
  });
}

function insertCooperation(ctx: ServiceContext, w: WriteScope, c: { programId: string; dossierId: number; roundId: string; applicationId: string; regionId: string; regionName: string; status: CooperationStatus; startedOn: string; reason: string; detail: Record<string, unknown> }): string {
  const id = crypto.randomUUID();
  ctx.db
    .prepare('INSERT INTO cooperations (id, program_id, dossier_id, round_id, application_id, region_id, region_name, status, started_on, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(id, c.programId, c.dossierId, c.roundId, c.applicationId, c.regionId, c.regionName, c.status, c.startedOn, w.at, w.at);
  insertEvent(ctx, w, id, 'admit', c.startedOn, null, c.status, c.reason, c.detail);
  w.log({ entity: COOPERATION_ENTITY, entityId: null, entityKey: id, action: 'create', before: null, after: c });
  return id;
}

function insertEvent(ctx: ServiceContext, w: WriteScope, cooperationId: string, event: CooperationEvent | 'admit', effectiveOn: string, from: CooperationStatus | null, to: CooperationStatus, reason: string, detail: Record<string, unknown>): void {
  ctx.db
    .prepare('INSERT INTO cooperation_events (id, cooperation_id, event, effective_on, from_status, to_status, reason, detail, recorded_at, recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(crypto.randomUUID(), cooperationId, event, effectiveOn, from, to, reason, JSON.stringify(detail), w.at, w.actor);
}

const startOf = (rules: KpiRuleSet, admittedOn: string) => (rules.kind === 'periodic' ? trialStart(admittedOn) : admittedOn);

/** One cooperation per admitted (application, region) of a finalized round; running it again adds only the missing ones. */
export function createFromRound(ctx: ServiceContext, roundId: string, admittedOn: string): { created: number } {
  return write(ctx, (w) => {
    const round = getRound(ctx.db, roundId);
    if (round.status !== 'finalized') throw new AppError('CONFLICT', zh('error.roundNotFinalized'));
    const rules = programKpiRules(ctx, round.programId);
    const results = roundResults(ctx, roundId, null);
    let created = 0;
    for (const region of results.allocation.regions) {
      for (const applicationId of region.admitted) {
        if (ctx.db.prepare('SELECT 1 FROM cooperations WHERE application_id = ? AND region_id = ?').get(applicationId, region.regionId)) continue;
        const dossierId = (ctx.db.prepare('SELECT dossier_id FROM applications WHERE id = ?').get(applicationId) as { dossier_id: number }).dossier_id;
        insertCooperation(ctx, w, {
          programId: round.programId,
          dossierId,
          roundId,
          applicationId,
          regionId: region.regionId,
          regionName: results.labels.regions[region.regionId]?.name ?? '',
          status: initialStatus(rules),
          startedOn: startOf(rules, admittedOn),
          reason: zh('cooperation.admittedFromRound', { round: round.name }),
          detail: { admittedOn, roundId },
        });
        created++;
      }
    }
    return { created };
  });
}

export interface EventInput {
  cooperationId: string;
  event: CooperationEvent;
  effectiveOn: string;
  reason: string;
  /** terminate: the reason category of DOMAIN §5. */
  banReason?: BanReason;
  /** terminate with 'agencyRules': the date the agency rules set (the chair enters it); null = never. */
  readmissionUntil?: string | null;
  /**
   * exit: seed 003 第一条(二)1 — fees settled and trade obligations fulfilled; for a program without
   * assessment (安心鉴), seed 000 三、2 — the exit conditions of 《淘宝网“安心鉴”服务规范》 (serviceRulesMet).
   */
  exitChecklist?: { feesSettled?: boolean; obligationsFulfilled?: boolean; serviceRulesMet?: boolean };
  /** exit: the day the institution's 《解除合作申请》 was received (required without assessment, seed 000 三、2). */
  requestReceivedOn?: string;
  runId?: string;
  /** Extra facts kept with the event (e.g. the month an early confirmation covers). */
  detail?: Record<string, unknown>;
}

/** Applies one event inside the caller's transaction (assessment runs confirm many at once). */
export function applyEventIn(ctx: ServiceContext, w: WriteScope, input: EventInput): void {
  const before = getCooperationRow(ctx.db, input.cooperationId);
  const to = nextStatus(before.status, input.event);
  if (!to) throw new AppError('CONFLICT', zh('error.eventNotAllowed'));
  // A dated history stays in order: nothing takes effect before the cooperation began or before its last event.
  const last = before.events.at(-1)?.effectiveOn ?? before.startedOn;
  const floor = last > before.startedOn ? last : before.startedOn;
  if (input.effectiveOn < floor) throw new AppError('VALIDATION', zh('error.effectiveBefore', { date: floor }), [{ path: 'effectiveOn', key: 'error.effectiveBefore', params: { date: floor } }]);
  const detail: Record<string, unknown> = { ...input.detail, ...(input.runId ? { runId: input.runId } : {}) };
  const rules = findProgramKpiRules(ctx, before.programId);
  let banReason: BanReason | null = null;
  if (input.event === 'terminate') {
    if (!input.banReason) throw new AppError('VALIDATION', zh('error.chooseBanReason'), [{ path: 'banReason', key: 'error.chooseBanReason' }]);
    banReason = input.banReason;
  }
  if (input.event === 'exit') {
    const c = input.exitChecklist ?? {};
    const checked = { merchantFeesSettled: c.feesSettled, tradeObligationsFulfilled: c.obligationsFulfilled, serviceRulesConditionsMet: c.serviceRulesMet };
    if (exitConditionsFor(rules).some((k) => checked[k] !== true)) throw new AppError('CONFLICT', zh(rules?.kind === 'noAssessment' ? 'error.exitServiceRules' : 'error.exitConditions'));
    // Seed 000 三、2: the institution sends 《解除合作申请》, the platform confirms — both dates are recorded.
    const received = input.requestReceivedOn;
    if (rules?.kind === 'noAssessment' && !received) throw new AppError('VALIDATION', zh('error.exitRequestRequired'), [{ path: 'requestReceivedOn', key: 'error.required' }]);
    if (received && (received > input.effectiveOn || received < before.startedOn)) throw new AppError('VALIDATION', zh('error.exitRequestDate'), [{ path: 'requestReceivedOn', key: 'error.exitRequestDate' }]);
    if (received) detail.requestReceivedOn = received;
    banReason = 'voluntaryExit';
    detail.exitChecklist = c;
  }
  if (banReason) {
    // The program's waiting period for this kind of ending (none where its rules state none); the other
    // reason categories keep seed 003's table. Without a rule set (never the case once cooperations exist)
    // seed 003's table applies throughout.
    const readmission = rules ? programReadmission(rules, banReason, before.status, input.effectiveOn) : readmissionAfter(banReason, input.effectiveOn);
    let until: string | null | undefined;
    if (readmission.kind === 'date') until = readmission.until;
    else if (readmission.kind === 'never') until = null;
    else if (readmission.kind === 'chairSets') {
      if (input.readmissionUntil === undefined) throw new AppError('VALIDATION', zh('error.readmissionDateRequired'), [{ path: 'readmissionUntil', key: 'error.readmissionDateRequired' }]);
      until = input.readmissionUntil;
    }
    detail.banReason = banReason;
    detail.readmission = until === undefined ? { kind: 'whenRequirementsMet' } : until === null ? { kind: 'never' } : { kind: 'date', until };
    const days = rules ? banDaysFor(rules, banReason, before.status) : undefined;
    if (days !== undefined) detail.waitingDays = days;
    // The region(s) the ending concerns: a provider may serve several regions of a program, one cooperation
    // each; letters and the (per program) ban say where it ended.
    detail.regions = [before.regionName];
    if (rules?.ruleBasis) detail.ruleBasis = rules.ruleBasis;
    if (rules?.partnerToNotify) detail.partnerNotified = rules.partnerToNotify;
    // 不再符合准入要求 / no waiting period: screening itself keeps the provider out until it qualifies again.
    if (until !== undefined) addBan(ctx, { creditCode: before.creditCode, until, reason: banReason, note: zh('cooperation.banNote', { region: before.regionName, date: input.effectiveOn }), programId: before.programId, startsOn: input.effectiveOn, regionNames: [before.regionName] });
    ctx.db.prepare('UPDATE cooperations SET status = ?, ended_on = ?, end_reason = ?, version = version + 1, updated_at = ? WHERE id = ?').run(to, input.effectiveOn, banReason, w.at, input.cooperationId);
  } else {
    ctx.db.prepare('UPDATE cooperations SET status = ?, version = version + 1, updated_at = ? WHERE id = ?').run(to, w.at, input.cooperationId);
  }
  insertEvent(ctx, w, input.cooperationId, input.event, input.effectiveOn, before.status, to, input.reason, detail);
  w.log({ entity: COOPERATION_ENTITY, entityId: null, entityKey: input.cooperationId, action: 'update', before: { status: before.status }, after: { status: to, event: input.event, effectiveOn: input.effectiveOn, reason: input.reason, ...detail } });
}

export function applyEvent(ctx: ServiceContext, input: EventInput): Cooperation {
  write(ctx, (w) => applyEventIn(ctx, w, input));
  return getCooperationRow(ctx.db, input.cooperationId);
}

/** The region's waitlist from the finalized round, in rank order, without those already admitted there. */
export function waitlistCandidates(ctx: ServiceContext, cooperationId: string): WaitlistCandidate[] {
  const c = getCooperationRow(ctx.db, cooperationId);
  if (!c.roundId || !c.regionId) return [];
  const results = roundResults(ctx, c.roundId, null);
  const region = results.allocation.regions.find((r) => r.regionId === c.regionId);
  const entries = new Map(results.ranking.regions.find((r) => r.regionId === c.regionId)?.entries.map((e) => [e.applicationId, e]) ?? []);
  const taken = new Set((ctx.db.prepare('SELECT application_id FROM cooperations WHERE region_id = ?').all(c.regionId) as { application_id: string }[]).map((r) => r.application_id));
  return (region?.waitlist ?? [])
    .filter((id) => !taken.has(id))
    .map((applicationId, index) => ({ applicationId, legalName: results.labels.applications[applicationId]?.legalName ?? '', creditCode: results.labels.applications[applicationId]?.creditCode ?? '', waitlistPosition: index + 1, total: entries.get(applicationId)?.total ?? null }));
}

/** When a provider leaves, the chair admits the NEXT waitlisted applicant of its region (rank order), recorded. */
export function admitFromWaitlist(ctx: ServiceContext, input: { cooperationId: string; applicationId: string; admittedOn: string; reason: string }): Cooperation {
  const id = write(ctx, (w) => {
    const leaving = getCooperationRow(ctx.db, input.cooperationId);
    if (leaving.status !== 'terminated' && leaving.status !== 'exited') throw new AppError('CONFLICT', zh('error.seatNotFree'));
    const replaced = (ctx.db.prepare("SELECT count(*) AS n FROM cooperation_events WHERE event = 'admit' AND json_extract(detail, '$.replaces') = ?").get(input.cooperationId) as { n: number }).n;
    if (replaced > 0) throw new AppError('CONFLICT', zh('error.seatAlreadyRefilled'));
    const next = waitlistCandidates(ctx, input.cooperationId)[0];
    if (!next || next.applicationId !== input.applicationId) throw new AppError('CONFLICT', zh('error.notNextOnWaitlist'));
    const rules = programKpiRules(ctx, leaving.programId);
    getProgram(ctx.db, leaving.programId);
    const dossierId = (ctx.db.prepare('SELECT dossier_id FROM applications WHERE id = ?').get(input.applicationId) as { dossier_id: number }).dossier_id;
    return insertCooperation(ctx, w, {
      programId: leaving.programId,
      dossierId,
      roundId: leaving.roundId!,
      applicationId: input.applicationId,
      regionId: leaving.regionId!,
      regionName: leaving.regionName,
      status: initialStatus(rules),
      startedOn: startOf(rules, input.admittedOn),
      reason: input.reason,
      detail: { admittedOn: input.admittedOn, fromWaitlist: true, replaces: input.cooperationId, waitlistPosition: next.waitlistPosition },
    });
  });
  return getCooperationRow(ctx.db, id);
}

export const listCooperations = (ctx: ServiceContext, filter: { programId?: string; dossierId?: number; status?: string }) => listCooperationRows(ctx.db, filter);
export const getCooperation = (ctx: ServiceContext, id: string) => getCooperationRow(ctx.db, id);
