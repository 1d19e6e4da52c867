// Setting up a round: its program (platform, name, admission rules), the round itself with its ranking
// options, and its regions with quotas. History is logged under the round's id.
import crypto from 'node:crypto';
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { assertSetupEditable, getProgram, getRound, listRegions, touchRound } from './round-repo';
import { applicationsByRegion, assertCommitteeOrder } from './committee-order';
import type { z } from 'zod';
import type { programInputSchema, regionInputSchema } from '../../../shared/rounds/schema';
import type { RankingOptions } from '../../../shared/ranking/types';
import type { Program, Region, Round, RoundSummary } from '../../../shared/rounds/views';

export const ROUND_ENTITY = 'round';
export const PROGRAM_ENTITY = 'program';

type ProgramData = z.output<typeof programInputSchema>;
type RegionData = z.output<typeof regionInputSchema>;

export function createProgram(ctx: ServiceContext, data: ProgramData): Program {
  return write(ctx, (w) => {
    const id = crypto.randomUUID();
    ctx.db.prepare('INSERT INTO programs (id, platform, name, rules, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?)').run(id, data.platform, data.name, JSON.stringify(data.rules), w.at, w.at);
    w.log({ entity: PROGRAM_ENTITY, entityId: null, entityKey: id, action: 'create', before: null, after: data });
    return getProgram(ctx.db, id);
  });
}

/** Optimistic concurrency: `version` is what the editor loaded; a newer row means someone else saved first. */
export function updateProgram(ctx: ServiceContext, id: string, version: number, data: ProgramData): Program {
  return write(ctx, (w) => {
    const before = getProgram(ctx.db, id);
    if (before.version !== version) throw new AppError('CONFLICT', zh('error.programVersionConflict'));
    ctx.db.prepare('UPDATE programs SET platform = ?, name = ?, rules = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(data.platform, data.name, JSON.stringify(data.rules), w.at, id);
    w.log({ entity: PROGRAM_ENTITY, entityId: null, entityKey: id, action: 'update', before, after: data });
    return getProgram(ctx.db, id);
  });
}

export interface RoundData {
  programId: string;
  name: string;
  referenceDate: string;
  options: RankingOptions;
}

export function createRound(ctx: ServiceContext, input: RoundData): Round {
  // A new round has no applications, so no committee order can name one (committee-order.ts): none is kept.
  const data: RoundData = { ...input, options: { ...input.options, committeeOrder: {} } };
  return write(ctx, (w) => {
    getProgram(ctx.db, data.programId);
    const id = crypto.randomUUID();
    ctx.db
      .prepare("INSERT INTO rounds (id, program_id, name, reference_date, options, status, created_at, updated_at) VALUES (?, ?, ?, ?, ?, 'open', ?, ?)")
      .run(id, data.programId, data.name, data.referenceDate, JSON.stringify(data.options), w.at, w.at);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: id, action: 'create', before: null, after: data });
    return getRound(ctx.db, id);
  });
}

/** Criteria that already hold scores cannot be removed: their scores would silently stop counting. */
export function updateRound(ctx: ServiceContext, id: string, version: number, data: Omit<RoundData, 'programId'>): Round {
  return write(ctx, (w) => {
    const before = assertSetupEditable(ctx.db, id);
    if (before.version !== version) throw new AppError('CONFLICT', zh('error.roundVersionConflict'));
    // The options carry the committee's orders too: a changed one is held to ranking.committeeOrder's checks.
    const changedOrders = Object.entries(data.options.committeeOrder).filter(([regionId, ids]) => JSON.stringify(ids) !== JSON.stringify(before.options.committeeOrder[regionId] ?? []));
    if (changedOrders.length > 0) {
      const byRegion = applicationsByRegion(ctx.db, id);
      for (const [regionId, ids] of changedOrders) assertCommitteeOrder(byRegion, regionId, ids);
    }
    const kept = new Set(data.options.criteria.map((c) => c.key));
    const scored = ctx.db.prepare('SELECT DISTINCT s.criterion FROM scores s JOIN score_sheets h ON h.id = s.sheet_id WHERE h.round_id = ?').all(id) as { criterion: string }[];
    const orphaned = scored.map((r) => r.criterion).filter((c) => !kept.has(c));
    if (orphaned.length > 0) throw new AppError('CONFLICT', zh('error.criterionHasScores', { criteria: orphaned.join('、') }));
    ctx.db.prepare('UPDATE rounds SET name = ?, reference_date = ?, options = ?, updated_at = ?, version = version + 1 WHERE id = ?').run(data.name, data.referenceDate, JSON.stringify(data.options), w.at, id);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: id, action: 'update', before: { name: before.name, referenceDate: before.referenceDate, options: before.options }, after: data });
    return getRound(ctx.db, id);
  });
}

interface RoundSummaryRow {
  id: string;
  name: string;
  program_name: string;
  platform: string;
  reference_date: string;
  status: RoundSummary['status'];
  origin: RoundSummary['origin'];
  updated_at: string;
  region_count: number;
  application_count: number;
  member_count: number;
}

export function listRounds(ctx: ServiceContext): RoundSummary[] {
  const rows = ctx.db
    .prepare(
      `SELECT r.id, r.name, p.name AS program_name, p.platform, r.reference_date, r.status, r.origin, r.updated_at,
              (SELECT count(*) FROM round_regions g WHERE g.round_id = r.id) AS region_count,
              (SELECT count(*) FROM applications a WHERE a.round_id = r.id AND a.withdrawn_at IS NULL) AS application_count,
              (SELECT count(*) FROM members m WHERE m.round_id = r.id) AS member_count
       FROM rounds r JOIN programs p ON p.id = r.program_id ORDER BY r.created_at DESC`,
    )
    .all() as RoundSummaryRow[];
  // Per member, whether the sheet is submitted (issue 11: the round list shows 评分表 5/7 已提交 with the
  // names): one join of members and their sheets for every round, in the committee's order — no cells read.
  const sheets = new Map<string, RoundSummary['sheets']>();
  const sheetRows = ctx.db.prepare('SELECT m.round_id, m.id, m.name, m.role, s.submitted_at FROM members m JOIN score_sheets s ON s.member_id = m.id ORDER BY m.round_id, m.sort').all() as { round_id: string; id: string; name: string; role: 'chair' | 'member'; submitted_at: string | null }[];
  for (const m of sheetRows) {
    const list = sheets.get(m.round_id) ?? [];
    list.push({ memberId: m.id, name: m.name, role: m.role, submitted: m.submitted_at !== null });
    sheets.set(m.round_id, list);
  }
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    programName: r.program_name,
    platform: r.platform,
    referenceDate: r.reference_date,
    status: r.status,
    origin: r.origin,
    regionCount: r.region_count,
    applicationCount: r.application_count,
    memberCount: r.member_count,
    sheets: sheets.get(r.id) ?? [],
    updatedAt: r.updated_at,
  }));
}

export function addRegion(ctx: ServiceContext, roundId: string, data: RegionData): Region {
  return write(ctx, (w) => {
    assertSetupEditable(ctx.db, roundId);
    if (ctx.db.prepare('SELECT 1 FROM round_regions WHERE round_id = ? AND name = ?').get(roundId, data.name)) throw new AppError('CONFLICT', zh('error.regionNameTaken'), [{ path: 'name', key: 'error.regionNameTaken' }]);
    const id = crypto.randomUUID();
    const sort = (ctx.db.prepare('SELECT coalesce(max(sort), 0) + 1 AS n FROM round_regions WHERE round_id = ?').get(roundId) as { n: number }).n;
    ctx.db.prepare('INSERT INTO round_regions (id, round_id, name, city, quota, waitlist_length, sort) VALUES (?, ?, ?, ?, ?, ?, ?)').run(id, roundId, data.name, data.city, data.quota, data.waitlistLength, sort);
    touchRound(ctx.db, roundId, w.at);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: roundId, action: 'create', before: null, after: { region: { id, ...data } } });
    return listRegions(ctx.db, roundId).find((r) => r.id === id)!;
  });
}

export function updateRegion(ctx: ServiceContext, roundId: string, regionId: string, version: number, data: RegionData): Region {
  return write(ctx, (w) => {
    assertSetupEditable(ctx.db, roundId);
    const before = listRegions(ctx.db, roundId).find((r) => r.id === regionId);
    if (!before) throw new AppError('NOT_FOUND', zh('error.notFound'));
    if (before.version !== version) throw new AppError('CONFLICT', zh('error.regionVersionConflict'));
    const clash = ctx.db.prepare('SELECT 1 FROM round_regions WHERE round_id = ? AND name = ? AND id <> ?').get(roundId, data.name, regionId);
    if (clash) throw new AppError('CONFLICT', zh('error.regionNameTaken'), [{ path: 'name', key: 'error.regionNameTaken' }]);
    ctx.db.prepare('UPDATE round_regions SET name = ?, city = ?, quota = ?, waitlist_length = ?, version = version + 1 WHERE id = ?').run(data.name, data.city, data.quota, data.waitlistLength, regionId);
    touchRound(ctx.db, roundId, w.at);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: roundId, action: 'update', before: { region: before }, after: { region: { id: regionId, ...data } } });
    return listRegions(ctx.db, roundId).find((r) => r.id === regionId)!;
  });
}

/** A region that applications already name cannot be removed; the chair edits or withdraws those first. */
export function removeRegion(ctx: ServiceContext, roundId: string, regionId: string): void {
  write(ctx, (w) => {
    assertSetupEditable(ctx.db, roundId);
    const before = listRegions(ctx.db, roundId).find((r) => r.id === regionId);
    if (!before) throw new AppError('NOT_FOUND', zh('error.notFound'));
    const used = ctx.db.prepare('SELECT count(*) AS n FROM application_regions WHERE region_id = ?').get(regionId) as { n: number };
    if (used.n > 0) throw new AppError('CONFLICT', zh('error.regionInUse', { count: used.n }));
    ctx.db.prepare('DELETE FROM eligibility_overrides WHERE region_id = ?').run(regionId);
    ctx.db.prepare('DELETE FROM round_regions WHERE id = ?').run(regionId);
    touchRound(ctx.db, roundId, w.at);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: roundId, action: 'delete', before: { region: before }, after: null });
  });
}

export { getRound };
