// The committee (评审小组): members (one chair at most), each with one score sheet, and conflict-of-interest
// declarations (回避) per application.
import crypto from 'node:crypto';
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { assertSetupEditable, touchRound } from './round-repo';
import { ROUND_ENTITY } from './setup-service';
import { getApplication } from './application-service';
import { scoredCriteria } from './scoring-service';
import { scorableApplicationIds } from './screening-service';
import type { Member, Recusal, ListedRecusal } from '../../../shared/rounds/views';
import { roundCache, sheetCellCounts } from '../cache/change-tracker';

interface MemberRow {
  id: string;
  round_id: string;
  name: string;
  role: 'chair' | 'member';
  sheet_id: string;
  submitted_at: string | null;
}

function memberRow(ctx: ServiceContext, id: string): MemberRow {
  const row = ctx.db.prepare('SELECT m.*, s.id AS sheet_id, s.submitted_at FROM members m JOIN score_sheets s ON s.member_id = m.id WHERE m.id = ?').get(id) as MemberRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', zh('error.notFound'));
  return row;
}

export function getMemberRoundId(ctx: ServiceContext, memberId: string): string {
  return memberRow(ctx, memberId).round_id;
}

// The applications to score and the others, read once per change to the screening's inputs.
const notScorableCache = roundCache<{ scorable: Set<string>; notScorable: string }>('screening');

/**
 * Members with their sheet's progress: cells filled out of the cells they have to fill, never by reading the
 * cells. Filled cells per sheet and criterion come from counters kept by the scores triggers
 * (services/cache/change-tracker.ts; a GROUP BY where the connection is not tracked); the cells on
 * applications not to be scored (screened out, withdrawn) and on recused ones are counted apart, by primary-key
 * seeks (CROSS JOIN fixes that order), and taken off.
 */
export function listMembers(ctx: ServiceContext, roundId: string): Member[] {
  const rows = ctx.db.prepare('SELECT m.*, s.id AS sheet_id, s.submitted_at FROM members m JOIN score_sheets s ON s.member_id = m.id WHERE m.round_id = ? ORDER BY m.sort').all(roundId) as MemberRow[];
  const criteriaList = scoredCriteria(ctx, roundId);
  const criteria = JSON.stringify(criteriaList);
  const { scorable, notScorable } = notScorableCache.get(ctx.db, roundId, () => {
    const ids = scorableApplicationIds(ctx, roundId);
    return { scorable: ids, notScorable: JSON.stringify((ctx.db.prepare('SELECT id FROM applications WHERE round_id = ?').all(roundId) as { id: string }[]).map((a) => a.id).filter((id) => !ids.has(id))) };
  });
  const perSheet = (sql: string, ...params: unknown[]) => new Map((ctx.db.prepare(sql).all(...params) as { sheet_id: string; n: number }[]).map((r) => [r.sheet_id, r.n]));
  const criterionIn = 's.criterion IN (SELECT value FROM json_each(?))';
  const offList = perSheet(
    `SELECT h.id AS sheet_id, COUNT(*) AS n FROM json_each(?) x CROSS JOIN score_sheets h CROSS JOIN scores s ON s.sheet_id = h.id AND s.application_id = x.value WHERE h.round_id = ? AND ${criterionIn} GROUP BY h.id`,
    notScorable,
    roundId,
    criteria,
  );
  const recused = perSheet(
    `SELECT h.id AS sheet_id, COUNT(*) AS n FROM members m CROSS JOIN recusals r ON r.member_id = m.id CROSS JOIN score_sheets h ON h.member_id = m.id CROSS JOIN scores s ON s.sheet_id = h.id AND s.application_id = r.application_id
     WHERE m.round_id = ? AND ${criterionIn} AND r.application_id NOT IN (SELECT value FROM json_each(?)) GROUP BY h.id`,
    roundId,
    criteria,
    notScorable,
  );
  const recusedScorable = new Map(
    (ctx.db.prepare('SELECT r.member_id, r.application_id FROM recusals r JOIN members m ON m.id = r.member_id WHERE m.round_id = ?').all(roundId) as { member_id: string; application_id: string }[])
      .filter((r) => scorable.has(r.application_id))
      .reduce((counts, r) => counts.set(r.member_id, (counts.get(r.member_id) ?? 0) + 1), new Map<string, number>()),
  );
  const countAll = ctx.db.prepare(`SELECT COUNT(*) AS n FROM scores s WHERE s.sheet_id = ? AND ${criterionIn}`);
  const filledOf = (sheetId: string): number => {
    const counts = sheetCellCounts(ctx.db, sheetId);
    if (!counts) return (countAll.get(sheetId, criteria) as { n: number }).n;
    return criteriaList.reduce((n, c) => n + (counts.get(c) ?? 0), 0);
  };
  return rows.map((r) => {
    const filled = filledOf(r.sheet_id) - (offList.get(r.sheet_id) ?? 0) - (recused.get(r.sheet_id) ?? 0);
    return { id: r.id, name: r.name, role: r.role, sheetId: r.sheet_id, submittedAt: r.submitted_at, filled, required: (scorable.size - (recusedScorable.get(r.id) ?? 0)) * criteriaList.length };
  });
}

function assertOneChair(ctx: ServiceContext, roundId: string, role: string, exceptId: string | null): void {
  if (role !== 'chair') return;
  const other = ctx.db.prepare("SELECT name FROM members WHERE round_id = ? AND role = 'chair' AND id IS NOT ?").get(roundId, exceptId) as { name: string } | undefined;
  if (other) throw new AppError('CONFLICT', zh('error.chairTaken', { name: other.name }), [{ path: 'role', key: 'error.chairTaken' }]);
}

export function addMember(ctx: ServiceContext, roundId: string, data: { name: string; role: 'chair' | 'member' }): Member {
  return write(ctx, (w) => {
    assertSetupEditable(ctx.db, roundId);
    if (ctx.db.prepare('SELECT 1 FROM members WHERE round_id = ? AND name = ?').get(roundId, data.name)) throw new AppError('CONFLICT', zh('error.memberNameTaken'), [{ path: 'name', key: 'error.memberNameTaken' }]);
    assertOneChair(ctx, roundId, data.role, null);
    const id = crypto.randomUUID();
    const sort = (ctx.db.prepare('SELECT coalesce(max(sort), 0) + 1 AS n FROM members WHERE round_id = ?').get(roundId) as { n: number }).n;
    ctx.db.prepare('INSERT INTO members (id, round_id, name, role, sort) VALUES (?, ?, ?, ?, ?)').run(id, roundId, data.name, data.role, sort);
    ctx.db.prepare('INSERT INTO score_sheets (id, round_id, member_id) VALUES (?, ?, ?)').run(crypto.randomUUID(), roundId, id);
    touchRound(ctx.db, roundId, w.at);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: roundId, action: 'create', before: null, after: { member: { id, ...data } } });
    return listMembers(ctx, roundId).find((m) => m.id === id)!;
  });
}

export function updateMember(ctx: ServiceContext, memberId: string, data: { name: string; role: 'chair' | 'member' }): Member {
  return write(ctx, (w) => {
    const before = memberRow(ctx, memberId);
    assertSetupEditable(ctx.db, before.round_id);
    if (ctx.db.prepare('SELECT 1 FROM members WHERE round_id = ? AND name = ? AND id <> ?').get(before.round_id, data.name, memberId)) throw new AppError('CONFLICT', zh('error.memberNameTaken'), [{ path: 'name', key: 'error.memberNameTaken' }]);
    assertOneChair(ctx, before.round_id, data.role, memberId);
    ctx.db.prepare('UPDATE members SET name = ?, role = ? WHERE id = ?').run(data.name, data.role, memberId);
    touchRound(ctx.db, before.round_id, w.at);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: before.round_id, action: 'update', before: { member: { id: memberId, name: before.name, role: before.role } }, after: { member: { id: memberId, ...data } } });
    return listMembers(ctx, before.round_id).find((m) => m.id === memberId)!;
  });
}

/** Only a member who has not scored anything can be removed: scores are committee records. */
export function removeMember(ctx: ServiceContext, memberId: string): void {
  write(ctx, (w) => {
    const before = memberRow(ctx, memberId);
    assertSetupEditable(ctx.db, before.round_id);
    const scored = ctx.db.prepare('SELECT count(*) AS n FROM scores WHERE sheet_id = ?').get(before.sheet_id) as { n: number };
    if (scored.n > 0) throw new AppError('CONFLICT', zh('error.memberHasScores', { count: scored.n }));
    ctx.db.prepare('DELETE FROM recusals WHERE member_id = ?').run(memberId);
    ctx.db.prepare('DELETE FROM score_sheets WHERE member_id = ?').run(memberId);
    ctx.db.prepare('DELETE FROM members WHERE id = ?').run(memberId);
    touchRound(ctx.db, before.round_id, w.at);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: before.round_id, action: 'delete', before: { member: { id: memberId, name: before.name, role: before.role } }, after: null });
  });
}

export function listRecusals(ctx: ServiceContext, roundId: string): ListedRecusal[] {
  const rows = ctx.db
    .prepare(
      `SELECT c.application_id, c.member_id, c.reason, c.declared_at, d.legal_name, a.withdrawn_at
       FROM recusals c JOIN members m ON m.id = c.member_id JOIN applications a ON a.id = c.application_id JOIN dossiers d ON d.id = a.dossier_id
       WHERE m.round_id = ? ORDER BY c.declared_at`,
    )
    .all(roundId) as { application_id: string; member_id: string; reason: string; declared_at: string; legal_name: string; withdrawn_at: string | null }[];
  return rows.map((r) => ({ applicationId: r.application_id, memberId: r.member_id, reason: r.reason, declaredAt: r.declared_at, applicantName: r.legal_name, applicantWithdrawn: r.withdrawn_at !== null }));
}

/** A recused member cannot score the application; scores already given stop counting (and are kept). */
export function declareRecusal(ctx: ServiceContext, data: { applicationId: string; memberId: string; reason: string }): Recusal {
  return write(ctx, (w) => {
    const member = memberRow(ctx, data.memberId);
    const application = getApplication(ctx, data.applicationId);
    if (application.roundId !== member.round_id) throw new AppError('CONFLICT', zh('error.notSameRound'));
    assertSetupEditable(ctx.db, member.round_id);
    ctx.db.prepare('INSERT INTO recusals (application_id, member_id, reason, declared_at) VALUES (?, ?, ?, ?) ON CONFLICT DO UPDATE SET reason = excluded.reason').run(data.applicationId, data.memberId, data.reason, w.at);
    touchRound(ctx.db, member.round_id, w.at);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: member.round_id, action: 'recuse', before: null, after: { recusal: { ...data, memberName: member.name, applicant: application.legalName } } });
    return { ...data, declaredAt: w.at };
  });
}

export function withdrawRecusal(ctx: ServiceContext, data: { applicationId: string; memberId: string }): void {
  write(ctx, (w) => {
    const member = memberRow(ctx, data.memberId);
    assertSetupEditable(ctx.db, member.round_id);
    const before = ctx.db.prepare('SELECT reason FROM recusals WHERE application_id = ? AND member_id = ?').get(data.applicationId, data.memberId) as { reason: string } | undefined;
    if (!before) throw new AppError('NOT_FOUND', zh('error.notFound'));
    ctx.db.prepare('DELETE FROM recusals WHERE application_id = ? AND member_id = ?').run(data.applicationId, data.memberId);
    touchRound(ctx.db, member.round_id, w.at);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: member.round_id, action: 'delete', before: { recusal: { ...data, reason: before.reason } }, after: null });
  });
}
