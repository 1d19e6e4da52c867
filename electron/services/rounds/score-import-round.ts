// What the score import (score-import.ts) checks its rows against, read once per file: the round, its
// members and sheets, recusals, criteria, applications, the screening, the stored cells; and `refusal`, the
// scoring service's rules (setScore's order and words) applied to one row against those sets. Issue 8: the
// lookups are per row, so they avoid building strings per row (cells are looked up by application, then
// criterion, with the id strings the sets already hold) and what repeats is worked out once (criteria and
// credit codes as written, who may score on this computer).
import type { ServiceContext } from '../context';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { roundCache } from '../cache/change-tracker';
import { cachedRound, scoredCriteria } from './scoring-service';
import { scorableApplicationIds } from './screening-service';
import { assertMayScoreHere } from '../exchange/sheet-exchange';
import { normalizeHeader } from '../../../shared/dossiers/columns';
import { creditCodeProblem, normalizeCreditCode } from '../../../shared/dossiers/credit-code';
import { hasAtMost2Decimals } from '../../../shared/ranking/decimal';

/** The zh-CN names of the default criteria (shared/ranking/defaults.ts); other criteria go by their key. */
export const CRITERION_LABELS: Readonly<Record<string, string>> = { strength: '公司实力', technical: '技术水平', reputation: '业内口碑', price: '服务报价' };

/** One checked row: a cell of a member's sheet. */
export interface Entry {
  row: number;
  memberId: string;
  applicationId: string;
  criterion: string;
  value: number;
  comment: string;
}

/** Values per cell of one sheet, by application then criterion (no key string built per row). */
export class CellMap<T> {
  private readonly byApplication = new Map<string, Map<string, T>>();
  get(applicationId: string, criterion: string): T | undefined {
    return this.byApplication.get(applicationId)?.get(criterion);
  }
  set(applicationId: string, criterion: string, value: T): void {
    let byCriterion = this.byApplication.get(applicationId);
    if (!byCriterion) this.byApplication.set(applicationId, (byCriterion = new Map()));
    byCriterion.set(criterion, value);
  }
}

interface ApplicationFacts {
  id: string;
  creditCode: string;
  legalName: string;
  withdrawnAt: string | null;
}
/**
 * The round's applications by credit code and by id: only what the row checks read (not listApplications:
 * its per-row shop-facts parse and region list cost more than the whole check at 20,000 applications).
 * Cached per round until an application or a dossier changes (the screening's generation, which the scores
 * an import writes do not move), so a committee's 15 files do not read them 30 times.
 */
const applicationsCache = roundCache<{ byCode: Map<string, ApplicationFacts>; byId: Map<string, ApplicationFacts> }>('screening');
function readApplications(ctx: ServiceContext, roundId: string) {
  const rows = ctx.db
    .prepare('SELECT a.id, d.credit_code AS creditCode, d.legal_name AS legalName, a.withdrawn_at AS withdrawnAt FROM applications a JOIN dossiers d ON d.id = a.dossier_id WHERE a.round_id = ?')
    .all(roundId) as ApplicationFacts[];
  return { byCode: new Map(rows.map((a) => [a.creditCode, a])), byId: new Map(rows.map((a) => [a.id, a])) };
}

function memo<K, T>(compute: (key: K) => T): (key: K) => T {
  const known = new Map<K, T>();
  return (key) => {
    if (known.has(key)) return known.get(key)!;
    const value = compute(key);
    known.set(key, value);
    return value;
  };
}

function refusalOf(check: () => void): AppError | null {
  try {
    check();
    return null;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
}

/** Everything the row checks look up, read once per preview (and again, inside the write, by the commit). */
export function roundFacts(ctx: ServiceContext, roundId: string) {
  // assertRoundOpen's check on the round as cached for scoring (its status is part of the screening's generation).
  const round = cachedRound(ctx, roundId);
  if (round.status === 'finalized') throw new AppError('CONFLICT', zh('error.roundFinalized'));
  const members = ctx.db
    .prepare('SELECT m.id, m.name, s.id AS sheet_id, s.submitted_at FROM members m JOIN score_sheets s ON s.member_id = m.id WHERE m.round_id = ? ORDER BY m.sort')
    .all(roundId) as { id: string; name: string; sheet_id: string; submitted_at: string | null }[];
  const recusals = new Map<string, Set<string>>(); // member → applications they recused themselves from
  for (const r of ctx.db.prepare('SELECT c.member_id, c.application_id FROM recusals c JOIN members m ON m.id = c.member_id WHERE m.round_id = ?').all(roundId) as { member_id: string; application_id: string }[]) {
    let set = recusals.get(r.member_id);
    if (!set) recusals.set(r.member_id, (set = new Set()));
    set.add(r.application_id);
  }
  const criteria = new Map<string, string>(); // normalised key or label → criterion key
  for (const { key } of round.options.criteria) {
    criteria.set(normalizeHeader(key), key);
    if (CRITERION_LABELS[key]) criteria.set(normalizeHeader(CRITERION_LABELS[key]), key);
  }
  const applications = applicationsCache.get(ctx.db, roundId, () => readApplications(ctx, roundId));
  // The stored cells of a sheet, read once per sheet (one indexed range scan) instead of one lookup per row.
  const cellsOf = ctx.db.prepare('SELECT application_id, criterion, value, comment FROM scores WHERE sheet_id = ?').raw();
  const stored = memo((sheetId: string) => {
    const cells = new CellMap<{ value: number; comment: string }>();
    for (const [applicationId, criterion, value, comment] of cellsOf.all(sheetId) as [string, string, number, string][]) cells.set(applicationId, criterion, { value, comment });
    return cells;
  });
  const byId = new Map(members.map((m) => [m.id, m]));
  return {
    round,
    members,
    memberById: byId,
    memberByName: new Map(members.map((m) => [m.name.trim(), m])),
    applicationByCode: applications.byCode,
    applicationById: applications.byId,
    recused: (memberId: string, applicationId: string) => recusals.get(memberId)?.has(applicationId) === true,
    /** The criterion a cell names (key or label, compared like headers), memoised: a file repeats a handful of names. */
    criterionOf: memo((text: string) => criteria.get(normalizeHeader(text))),
    /** A credit code as written → normalised, with its problem; memoised: each code recurs once per criterion. */
    creditCodeOf: memo((text: string) => {
      const code = normalizeCreditCode(text);
      return { code, problem: code ? creditCodeProblem(code) : null };
    }),
    scored: new Set(scoredCriteria(ctx, roundId)),
    labelOf: (key: string) => CRITERION_LABELS[key] ?? key,
    /** The stored cell an entry would overwrite, if any. */
    current: (e: Entry) => stored(byId.get(e.memberId)!.sheet_id).get(e.applicationId, e.criterion),
    scorable: scorableApplicationIds(ctx, roundId),
    /** setScore's refusal for a member scoring on this computer (signed sheets, review packages), once per member named. */
    mayScore: memo((memberId: string) => refusalOf(() => assertMayScoreHere(ctx, roundId, memberId))),
  };
}
export type Facts = ReturnType<typeof roundFacts>;

/**
 * What setScore would refuse an entry for, in setScore's order and words, or null: the sheet submitted, the
 * round finalized, a member who may not score here, an application withdrawn or not in the round, one not
 * passing screening, a criterion not scored by hand, a recusal, the scale, two decimals.
 */
export function refusal(facts: Facts, e: Entry): AppError | null {
  const member = facts.memberById.get(e.memberId);
  if (!member) return new AppError('NOT_FOUND', zh('error.notFound'));
  if (member.submitted_at) return new AppError('CONFLICT', zh('error.sheetSubmitted'));
  const may = facts.mayScore(e.memberId);
  if (may) return may;
  const application = facts.applicationById.get(e.applicationId);
  if (!application || application.withdrawnAt) return new AppError('NOT_FOUND', zh('error.notFound'));
  if (!facts.scorable.has(e.applicationId)) return new AppError('CONFLICT', zh('error.notScorable'));
  if (!facts.scored.has(e.criterion)) return new AppError('VALIDATION', zh('error.notScoredCriterion'), [{ path: 'criterion', key: 'error.notScoredCriterion' }]);
  if (facts.recused(e.memberId, e.applicationId)) return new AppError('CONFLICT', zh('error.recusedCannotScore'));
  const { min, max } = facts.round.options.scale;
  if (e.value < min || e.value > max) return new AppError('VALIDATION', zh('error.outOfScale', { min, max }), [{ path: 'value', key: 'error.outOfScale' }]);
  if (!hasAtMost2Decimals(e.value)) return new AppError('VALIDATION', zh('error.decimals2'), [{ path: 'value', key: 'error.decimals2' }]);
  return null;
}
