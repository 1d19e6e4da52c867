// Independent scoring (独立评分). Each member fills their own score sheet; submitting locks it; a change after
// submission needs a reason and the earlier value stays in the history. A member sees the others' scores
// only after submitting their own sheet.
import type { ServiceContext } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { getRound } from './round-repo';
import { ROUND_ENTITY } from './setup-service';
import { getApplication } from './application-service';
import { hasAtMost2Decimals } from '../../../shared/ranking/decimal';
import { isScorable, scorableApplicationIds } from './screening-service';
import type { Round, ScoreCell, ScoreSheet } from '../../../shared/rounds/views';
import { roundCache } from '../cache/change-tracker';
import { assertMayScoreHere } from '../exchange/sheet-exchange';

export interface SheetRow {
  sheet_id: string;
  member_id: string;
  member_name: string;
  round_id: string;
  submitted_at: string | null;
}

export function sheetOf(ctx: ServiceContext, memberId: string): SheetRow {
  const row = ctx.db
    .prepare('SELECT s.id AS sheet_id, m.id AS member_id, m.name AS member_name, m.round_id, s.submitted_at FROM members m JOIN score_sheets s ON s.member_id = m.id WHERE m.id = ?')
    .get(memberId) as SheetRow | undefined;
  if (!row) throw new AppError('NOT_FOUND', zh('error.notFound'));
  return row;
}

// The round as a score save needs it (status, options, scale), read once per change to the round's rows
// (services/cache/change-tracker.ts) instead of re-reading its 300 regions and options on every cell.
const roundCacheForScoring = roundCache<Round>('screening');
export const cachedRound = (ctx: ServiceContext, roundId: string): Round => roundCacheForScoring.get(ctx.db, roundId, () => getRound(ctx.db, roundId));

/** The criteria members score by hand: all of them, except price when it is computed (低价优先法). */
export function scoredCriteria(ctx: ServiceContext, roundId: string): string[] {
  const { options } = cachedRound(ctx, roundId);
  return options.criteria.map((c) => c.key).filter((key) => !(options.priceMode === 'lowestPrice' && key === options.priceCriterion));
}

function cellsOf(ctx: ServiceContext, sheetId: string): ScoreCell[] {
  const rows = ctx.db.prepare('SELECT application_id, criterion, value, comment FROM scores WHERE sheet_id = ? ORDER BY application_id, criterion').all(sheetId) as { application_id: string; criterion: string; value: number; comment: string }[];
  return rows.map((r) => ({ applicationId: r.application_id, criterion: r.criterion, value: r.value, comment: r.comment }));
}

export function getSheet(ctx: ServiceContext, memberId: string): ScoreSheet {
  const sheet = sheetOf(ctx, memberId);
  const round = getRound(ctx.db, sheet.round_id);
  // Ineligible applications are not scored: screening comes first.
  const scorable = scorableApplicationIds(ctx, sheet.round_id);
  const applications = (
    ctx.db.prepare('SELECT a.id FROM applications a JOIN dossiers d ON d.id = a.dossier_id WHERE a.round_id = ? AND a.withdrawn_at IS NULL ORDER BY d.name_sort, d.legal_name, a.id').all(sheet.round_id) as { id: string }[]
  ).filter((a) => scorable.has(a.id));
  const recused = new Set((ctx.db.prepare('SELECT application_id FROM recusals WHERE member_id = ?').all(memberId) as { application_id: string }[]).map((r) => r.application_id));
  return {
    sheetId: sheet.sheet_id,
    memberId,
    memberName: sheet.member_name,
    submittedAt: sheet.submitted_at,
    criteria: scoredCriteria(ctx, sheet.round_id),
    scale: round.options.scale,
    applicationIds: applications.map((a) => a.id).filter((id) => !recused.has(id)),
    recusedApplicationIds: applications.map((a) => a.id).filter((id) => recused.has(id)),
    cells: cellsOf(ctx, sheet.sheet_id),
  };
}

interface Entry {
  memberId: string;
  applicationId: string;
  criterion: string;
  value: number | null;
  comment: string;
}

function checkEntry(ctx: ServiceContext, sheet: SheetRow, entry: Entry): void {
  const round = cachedRound(ctx, sheet.round_id);
  if (round.status === 'finalized') throw new AppError('CONFLICT', zh('error.roundFinalized'));
  assertMayScoreHere(ctx, sheet.round_id, entry.memberId);
  const application = getApplication(ctx, entry.applicationId);
  if (application.roundId !== sheet.round_id || application.withdrawnAt) throw new AppError('NOT_FOUND', zh('error.notFound'));
  if (!isScorable(ctx, sheet.round_id, entry.applicationId)) throw new AppError('CONFLICT', zh('error.notScorable'));
  if (!scoredCriteria(ctx, sheet.round_id).includes(entry.criterion)) throw new AppError('VALIDATION', zh('error.notScoredCriterion'), [{ path: 'criterion', key: 'error.notScoredCriterion' }]);
  if (ctx.db.prepare('SELECT 1 FROM recusals WHERE member_id = ? AND application_id = ?').get(entry.memberId, entry.applicationId)) throw new AppError('CONFLICT', zh('error.recusedCannotScore'));
  const { min, max } = round.options.scale;
  if (entry.value !== null && (entry.value < min || entry.value > max)) {
    throw new AppError('VALIDATION', zh('error.outOfScale', { min, max }), [{ path: 'value', key: 'error.outOfScale' }]);
  }
  if (entry.value !== null && !hasAtMost2Decimals(entry.value)) throw new AppError('VALIDATION', zh('error.decimals2'), [{ path: 'value', key: 'error.decimals2' }]);
}

function currentCell(ctx: ServiceContext, sheetId: string, entry: Entry) {
  return ctx.db.prepare('SELECT value, comment FROM scores WHERE sheet_id = ? AND application_id = ? AND criterion = ?').get(sheetId, entry.applicationId, entry.criterion) as { value: number; comment: string } | undefined;
}

function storeCell(ctx: ServiceContext, sheetId: string, entry: Entry, at: string): void {
  if (entry.value === null) {
    ctx.db.prepare('DELETE FROM scores WHERE sheet_id = ? AND application_id = ? AND criterion = ?').run(sheetId, entry.applicationId, entry.criterion);
    return;
  }
  ctx.db
    .prepare('INSERT INTO scores (sheet_id, application_id, criterion, value, comment, updated_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO UPDATE SET value = excluded.value, comment = excluded.comment, updated_at = excluded.updated_at')
    .run(sheetId, entry.applicationId, entry.criterion, entry.value, entry.comment, at);
}

/** Fills (or clears, with value null) one cell of a sheet that is not yet submitted. */
export function setScore(ctx: ServiceContext, entry: Entry): ScoreCell | null {
  return write(ctx, (w) => {
    const sheet = sheetOf(ctx, entry.memberId);
    if (sheet.submitted_at) throw new AppError('CONFLICT', zh('error.sheetSubmitted'));
    checkEntry(ctx, sheet, entry);
    const before = currentCell(ctx, sheet.sheet_id, entry);
    if (before && before.value === entry.value && before.comment === entry.comment) return { ...entry, value: before.value };
    storeCell(ctx, sheet.sheet_id, entry, w.at);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: sheet.round_id, action: 'score', before: before ? { sheetId: sheet.sheet_id, ...entry, ...before } : null, after: { sheetId: sheet.sheet_id, ...entry } });
    return entry.value === null ? null : { applicationId: entry.applicationId, criterion: entry.criterion, value: entry.value, comment: entry.comment };
  });
}

/** A change to a submitted sheet: allowed with a reason, logged with the earlier value. */
export function amendScore(ctx: ServiceContext, entry: Entry & { value: number; reason: string }): ScoreCell {
  return write(ctx, (w) => {
    const sheet = sheetOf(ctx, entry.memberId);
    if (!sheet.submitted_at) throw new AppError('CONFLICT', zh('error.sheetNotSubmitted'));
    checkEntry(ctx, sheet, entry);
    const before = currentCell(ctx, sheet.sheet_id, entry);
    storeCell(ctx, sheet.sheet_id, entry, w.at);
    w.log({
      entity: ROUND_ENTITY,
      entityId: null,
      entityKey: sheet.round_id,
      action: 'amend',
      before: { sheetId: sheet.sheet_id, memberId: entry.memberId, applicationId: entry.applicationId, criterion: entry.criterion, value: before?.value ?? null, comment: before?.comment ?? '' },
      after: { sheetId: sheet.sheet_id, memberId: entry.memberId, applicationId: entry.applicationId, criterion: entry.criterion, value: entry.value, comment: entry.comment, reason: entry.reason },
    });
    return { applicationId: entry.applicationId, criterion: entry.criterion, value: entry.value, comment: entry.comment };
  });
}

/** All sheets of the round, for a viewer who has submitted their own (otherwise refused). */
export function revealSheets(ctx: ServiceContext, roundId: string, viewerMemberId: string): ScoreSheet[] {
  const viewer = sheetOf(ctx, viewerMemberId);
  if (viewer.round_id !== roundId) throw new AppError('CONFLICT', zh('error.notSameRound'));
  if (!viewer.submitted_at) throw new AppError('CONFLICT', zh('error.submitFirst'));
  const members = ctx.db.prepare('SELECT id FROM members WHERE round_id = ? ORDER BY sort').all(roundId) as { id: string }[];
  return members.map((m) => getSheet(ctx, m.id));
}
