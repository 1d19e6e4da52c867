// Rows ⇄ views for programs, rounds and regions.
import type { Db } from '../../db/open';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { resolveRankingOptions } from '../../../shared/ranking/schema';
import type { Program, Region, Round } from '../../../shared/rounds/views';
import { parseStoredRules } from '../../../shared/eligibility/rules';
import { cleanStoredCommitteeOrder } from './committee-order';

interface RoundRow {
  id: string;
  program_id: string;
  name: string;
  reference_date: string;
  options: string;
  status: 'open' | 'finalized';
  origin: 'local' | 'package';
  version: number;
  created_at: string;
  updated_at: string;
}
interface RegionRow {
  id: string;
  name: string;
  city: string;
  quota: number;
  waitlist_length: number;
  version: number;
}
interface ProgramRow {
  id: string;
  platform: string;
  name: string;
  rules: string;
  version: number;
}

export const toProgram = (r: ProgramRow): Program => ({ id: r.id, platform: r.platform, name: r.name, rules: parseStoredRules(r.rules), version: r.version }); // earlier versions' rule kinds are read as today's
const toRegion = (r: RegionRow): Region => ({ id: r.id, name: r.name, city: r.city, quota: r.quota, waitlistLength: r.waitlist_length, version: r.version });

export function getProgram(db: Db, id: string): Program {
  const row = db.prepare('SELECT * FROM programs WHERE id = ?').get(id) as ProgramRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', zh('error.notFound'));
  return toProgram(row);
}

export function listPrograms(db: Db): Program[] {
  return (db.prepare('SELECT * FROM programs ORDER BY created_at').all() as ProgramRow[]).map(toProgram);
}

export function listRegions(db: Db, roundId: string): Region[] {
  return (db.prepare('SELECT * FROM round_regions WHERE round_id = ? ORDER BY sort, name').all(roundId) as RegionRow[]).map(toRegion);
}

export function getRound(db: Db, id: string): Round {
  const row = db.prepare('SELECT * FROM rounds WHERE id = ?').get(id) as RoundRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', zh('error.notFound'));
  return {
    id: row.id,
    programId: row.program_id,
    name: row.name,
    referenceDate: row.reference_date,
    status: row.status,
    origin: row.origin,
    options: readOptions(db, id, row.options),
    version: row.version,
    regions: listRegions(db, id),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/**
 * Stored options were validated on the way in; resolving fills defaults added by later versions. The
 * committee order alone is cleaned first: older versions stored any list (committee-order.ts).
 */
function readOptions(db: Db, roundId: string, json: string) {
  const raw = JSON.parse(json) as Record<string, unknown>;
  if (raw.committeeOrder !== undefined) raw.committeeOrder = cleanStoredCommitteeOrder(db, roundId, raw.committeeOrder);
  return resolveRankingOptions(raw);
}

/** Rounds are frozen once finalized: every change to one goes through here first. */
export function assertRoundOpen(db: Db, roundId: string): Round {
  const round = getRound(db, roundId);
  if (round.status === 'finalized') throw new AppError('CONFLICT', zh('error.roundFinalized'));
  return round;
}

/**
 * Set-up writes (round, regions, applications, screening overrides, members, recusals): the round must be
 * open AND this laptop's own. A round imported from a 评审包 mirrors the chair's set-up; changing it here
 * would make the member score something the chair never sent (docs/exchange.md). Scoring is not set-up.
 */
export function assertSetupEditable(db: Db, roundId: string): Round {
  const round = assertRoundOpen(db, roundId);
  if (round.origin === 'package') throw new AppError('CONFLICT', '这是从评审包导入的批次：设置、区域、申请、委员与回避都以组长发来的评审包为准，不能在这台电脑上修改');
  return round;
}

export function touchRound(db: Db, roundId: string, at: string): void {
  db.prepare('UPDATE rounds SET updated_at = ?, version = version + 1 WHERE id = ?').run(at, roundId);
}
