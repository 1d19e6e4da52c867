// Ranking a round: gathers the stored inputs (applications after screening, the scores of SUBMITTED sheets,
// recusals, regions), runs the pure ranking core (shared/ranking), and freezes the result when the chair
// finalizes.
import crypto from 'node:crypto';
import type { ServiceContext } from '../context';
import { isoNow } from '../context';
import { write } from '../write';
import { AppError } from '../../backend/app-error';
import { zh } from '../../backend/messages';
import { assertRoundOpen, getRound, touchRound } from './round-repo';
import { applicationsByRegion, assertCommitteeOrder } from './committee-order';
import { ROUND_ENTITY } from './setup-service';
import { chainHead, fingerprint } from '../history/chain';
import { screenRound } from './screening-service';
import { ScoreStream, type RoundBase } from '../../../shared/ranking/stream';
import { allocate } from '../../../shared/ranking/allocate';
import { explain } from '../../../shared/ranking/explain';
import { analyseRegion, type RegionAnalysis } from '../../../shared/ranking/analysis';
import { weightSensitivity, type RegionSensitivity } from '../../../shared/ranking/sensitivity';
import type { RoundInput, ScoreInput } from '../../../shared/ranking/types';
import type { RoundResults } from '../../../shared/rounds/results-view';
import type { ScreeningRow } from '../../../shared/rounds/views';
import { groupByRegion, regionResults, resultsSummary, type ByRegion, type RegionResults, type RoundResultsSummary } from '../../../shared/rounds/region-results';
import { roundCache } from '../cache/change-tracker';

interface Gathered {
  input: RoundBase;
  labels: RoundResults['labels'];
  ineligible: RoundResults['ineligible'];
  sheets: { memberId: string; submitted: boolean }[];
}

/**
 * The round's applications still in the running, in listApplications' order, with only what the ranking
 * reads: no shop-facts parse (zod) and no per-application region subquery, which at 20,000 applications
 * cost more than the rest of the gather.
 */
function rankedApplications(ctx: ServiceContext, roundId: string) {
  const rows = ctx.db
    .prepare('SELECT a.id, a.dossier_id, a.price_quote_fen, d.legal_name, d.credit_code FROM applications a JOIN dossiers d ON d.id = a.dossier_id WHERE a.round_id = ? AND a.withdrawn_at IS NULL ORDER BY d.name_sort, d.legal_name, a.id')
    .all(roundId) as { id: string; dossier_id: number; price_quote_fen: number | null; legal_name: string; credit_code: string }[];
  const regionIds = new Map<string, string[]>();
  const choices = ctx.db.prepare('SELECT r.application_id, r.region_id FROM application_regions r JOIN applications a ON a.id = r.application_id WHERE a.round_id = ? AND a.withdrawn_at IS NULL ORDER BY r.application_id, r.preference').raw().all(roundId) as [string, string][];
  for (const [applicationId, regionId] of choices) {
    const list = regionIds.get(applicationId);
    if (list) list.push(regionId);
    else regionIds.set(applicationId, [regionId]);
  }
  return rows.map((r) => ({
    id: r.id,
    dossierId: r.dossier_id,
    legalName: r.legal_name,
    creditCode: r.credit_code,
    priceQuoteYuan: r.price_quote_fen == null ? null : r.price_quote_fen / 100,
    regionIds: regionIds.get(r.id) ?? [],
  }));
}

/**
 * Everything the ranking reads except the scores, which are streamed into the core (feedScores): at 1.2 M
 * scores an array of score objects was most of the server's memory during a ranking (issue 8).
 */
function gather(ctx: ServiceContext, roundId: string, screened?: ScreeningRow[]): Gathered {
  const round = getRound(ctx.db, roundId);
  const screening = screened ?? screenRound(ctx, roundId);
  const eligibleOf = new Map(screening.map((s) => [`${s.applicationId}|${s.regionId}`, s.eligible]));
  const applications = rankedApplications(ctx, roundId);
  const ineligible: Gathered['ineligible'] = [];

  const inputApplications = applications.map((a) => {
    const choices = a.regionIds.map((regionId, i) => ({ regionId, preference: i + 1 }));
    const eligibleChoices = choices.filter((c) => eligibleOf.get(`${a.id}|${c.regionId}`));
    // The core takes one eligibility flag per application. Screening is per region (same-city rule), so a
    // partly eligible application competes only where it passed; the rest is reported as ineligible there.
    if (eligibleChoices.length === 0) return { applicationId: a.id, applicantId: String(a.dossierId), priceQuote: a.priceQuoteYuan, eligible: false, regions: choices };
    for (const c of choices) if (!eligibleChoices.includes(c)) ineligible.push({ applicationId: a.id, regionId: c.regionId, preference: c.preference });
    return { applicationId: a.id, applicantId: String(a.dossierId), priceQuote: a.priceQuoteYuan, eligible: true, regions: eligibleChoices };
  });

  const active = new Set(applications.map((a) => a.id));
  const recusals = (ctx.db.prepare('SELECT c.application_id AS applicationId, c.member_id AS memberId FROM recusals c JOIN members m ON m.id = c.member_id WHERE m.round_id = ?').all(roundId) as RoundInput['recusals'][number][]).filter((r) => active.has(r.applicationId));
  const members = ctx.db.prepare('SELECT m.id, m.name, m.role, s.submitted_at FROM members m JOIN score_sheets s ON s.member_id = m.id WHERE m.round_id = ? ORDER BY m.sort').all(roundId) as { id: string; name: string; role: string; submitted_at: string | null }[];

  return {
    input: { applications: inputApplications, regions: round.regions.map((r) => ({ regionId: r.id, quota: r.quota, waitlistLength: r.waitlistLength })), recusals },
    labels: {
      applications: Object.fromEntries(applications.map((a) => [a.id, { legalName: a.legalName, creditCode: a.creditCode, priceQuoteYuan: a.priceQuoteYuan }])),
      regions: Object.fromEntries(round.regions.map((r) => [r.id, { name: r.name, city: r.city }])),
      members: Object.fromEntries(members.map((m) => [m.id, { name: m.name, role: m.role }])),
    },
    ineligible,
    sheets: members.map((m) => ({ memberId: m.id, submitted: m.submitted_at !== null })),
  };
}

/**
 * The scores of SUBMITTED sheets, fed to the core row by row as SQLite returns them: one pass per sheet along
 * the primary key, in chunks (the aggregates do not depend on the order), no score object kept.
 * Submitted sheets only (issue 7): a draft is a member's work in progress, which they may still change
 * freely, so counting it would let the live ranking move under the committee and show numbers no member has
 * stood behind. The sheets list tells the viewer how many drafts are left out; finalizing requires every
 * sheet to be submitted anyway. Scores of withdrawn applications are skipped (they are not in the round's
 * input).
 */
function feedScores(ctx: ServiceContext, roundId: string, stream: ScoreStream): void {
  const submitted = ctx.db.prepare('SELECT id, member_id FROM score_sheets WHERE round_id = ? AND submitted_at IS NOT NULL').all(roundId) as { id: string; member_id: string }[];
  const first = ctx.db.prepare('SELECT application_id, criterion, value FROM scores WHERE sheet_id = ? ORDER BY application_id, criterion LIMIT ?').raw();
  const next = ctx.db.prepare('SELECT application_id, criterion, value FROM scores WHERE sheet_id = ? AND (application_id, criterion) > (?, ?) ORDER BY application_id, criterion LIMIT ?').raw();
  for (const sheet of submitted) {
    const member = stream.member(sheet.member_id);
    // A sheet's rows in chunks along its primary key (the ORDER BY is the index's own order: no sort), not
    // its 80,000 rows at once (issue 8, memory): a whole sheet's rows outlived V8's young generation, so each
    // sheet left ≈ 20 MB of promoted garbage in the old space — ≈ 300 MB per ranking at 20,000 applications,
    // and the heap grew by that much before collecting. A chunk dies young. The aggregates do not depend
    // on the order rows come in.
    let rows = first.all(sheet.id, scoreChunk) as [string, string, number][];
    while (rows.length > 0) {
      for (const [applicationId, criterion, value] of rows) stream.addIfPresent(applicationId, member, criterion, value);
      if (rows.length < scoreChunk) break;
      const [lastApplication, lastCriterion] = rows[rows.length - 1]!;
      rows = next.all(sheet.id, lastApplication, lastCriterion, scoreChunk) as [string, string, number][];
    }
  }
}

/** Rows read per statement when feeding scores (see feedScores). */
let scoreChunk = 4_096;
/** For tests: a small chunk puts chunk boundaries inside every sheet. */
export function setScoreChunk(n: number): void {
  scoreChunk = Math.max(1, Math.floor(n));
}

/** The ranking from the stored inputs; `screening` replaces the round's own (the reopen preview passes a fresh one). */
export function computeResults(ctx: ServiceContext, roundId: string, screening?: ScreeningRow[]): RoundResults {
  return resultsOf(ctx, getRound(ctx.db, roundId), gather(ctx, roundId, screening));
}

function resultsOf(ctx: ServiceContext, round: ReturnType<typeof getRound>, g: Gathered): RoundResults {
  const roundId = round.id;
  const stream = new ScoreStream(g.input, round.options);
  feedScores(ctx, roundId, stream);
  const ranking = stream.rank();
  const allocation = allocate(ranking);
  return {
    roundId,
    roundName: round.name,
    referenceDate: round.referenceDate,
    computedAt: isoNow(ctx),
    options: round.options,
    ranking,
    allocation,
    explanations: explain(ranking, allocation),
    regionOrder: round.regions.map((r) => r.id),
    ineligible: g.ineligible,
    labels: g.labels,
    sheets: g.sheets,
    finalized: null,
  };
}

interface Live {
  results: RoundResults;
  regions: Map<string, RegionResults | null>;
  summary: RoundResultsSummary | null;
  byRegion?: ByRegion;
  /**
   * Per region, computed on first ask (issue 8: the ranking tab asks for both with every region it shows, and
   * at 20,000 applications a region's sensitivity takes up to ~0.7 s — the allocation redone per weight step —
   * which held the next region's ranking.region behind it on the reader's queue). Same generation as the
   * results, so dropped with them.
   */
  analysis: Map<string, RegionAnalysis>;
  sensitivity: Map<string, RegionSensitivity>;
}

// Ranking computed once per change, not per view (issue 8): the live ranking of a round is cached with its
// inputs until any of them changes (services/cache/change-tracker.ts: scores, sheets, recusals, members, the
// screening's inputs, regions, options and committee order all live in tracked tables); results, analysis,
// sensitivity, one region's slice and the summary are all served from it. The finalized snapshot is parsed
// once per finalization the same way.
const liveCache = roundCache<Live>('ranking');
const frozenCache = roundCache<Omit<Live, 'analysis'> | null>('ranking');

function live(ctx: ServiceContext, roundId: string): Live {
  return liveCache.get(ctx.db, roundId, () => {
    const round = getRound(ctx.db, roundId);
    const g = gather(ctx, roundId);
    const results = resultsOf(ctx, round, g);
    // Not the input: 1.2 M score objects held for the analysis, which reads one region's (regionAnalysis).
    return { results, regions: new Map(), summary: null, analysis: new Map(), sensitivity: new Map() };
  });
}

function frozen(ctx: ServiceContext, roundId: string) {
  return frozenCache.get(ctx.db, roundId, () => {
    const f = currentFinalization(ctx, roundId);
    if (!f) return null;
    const results: RoundResults = { ...(JSON.parse(f.snapshot) as { results: RoundResults }).results, finalized: { at: f.finalized_at, by: f.finalized_by, fingerprint: f.chain_head ? fingerprint(f.chain_head) : null, memberId: f.finalized_by_member_id, role: f.finalized_by_member_id ? 'chair' : null } };
    return { results, regions: new Map<string, RegionResults | null>(), summary: null, sensitivity: new Map<string, RegionSensitivity>() };
  });
}

/** The cached results the viewer may see, with their per-region slices. */
function visible(ctx: ServiceContext, roundId: string, viewerMemberId: string | null) {
  const round = getRound(ctx.db, roundId);
  if (round.status === 'finalized') {
    const f = frozen(ctx, roundId);
    if (f) return f;
  }
  assertMaySee(ctx, roundId, viewerMemberId);
  return live(ctx, roundId);
}

/** The cached live ranking, without the viewer check (for services; the ranking calls check the viewer). */
export const liveResults = (ctx: ServiceContext, roundId: string): RoundResults => live(ctx, roundId).results;

/** The live ranking without the cache (the property tests compare the two). */
export function freshResults(ctx: ServiceContext, roundId: string): RoundResults {
  return computeResults(ctx, roundId);
}

/** One region of the ranking the viewer may see, cut from the cached results. */
export function regionRanking(ctx: ServiceContext, roundId: string, regionId: string, viewerMemberId: string | null): RegionResults {
  const v = visible(ctx, roundId, viewerMemberId);
  if (!v.regions.has(regionId)) v.regions.set(regionId, regionResults(v.results, regionId, (v.byRegion ??= groupByRegion(v.results))));
  const slice = v.regions.get(regionId);
  if (!slice) throw new AppError('NOT_FOUND', zh('error.regionNotInRound'));
  return slice;
}

/** Every region's counts, cut from the cached results. */
export function rankingSummary(ctx: ServiceContext, roundId: string, viewerMemberId: string | null): RoundResultsSummary {
  const v = visible(ctx, roundId, viewerMemberId);
  v.summary ??= resultsSummary(v.results);
  return v.summary;
}

interface FinalizationRow {
  id: string;
  finalized_at: string;
  finalized_by: string;
  finalized_by_member_id: string | null;
  snapshot: string;
  chain_head: string | null;
}

function currentFinalization(ctx: ServiceContext, roundId: string): FinalizationRow | undefined {
  return ctx.db.prepare('SELECT * FROM finalizations WHERE round_id = ? AND reopened_at IS NULL ORDER BY finalized_at DESC LIMIT 1').get(roundId) as FinalizationRow | undefined;
}

/**
 * The ranking as the viewer may see it: the frozen snapshot of a finalized round, or a fresh computation
 * for a member who has submitted their own sheet (before that, others' scores stay hidden).
 */
export function roundResults(ctx: ServiceContext, roundId: string, viewerMemberId: string | null): RoundResults {
  return visible(ctx, roundId, viewerMemberId).results;
}

function assertMaySee(ctx: ServiceContext, roundId: string, viewerMemberId: string | null): void {
  const viewer = viewerMemberId ? (ctx.db.prepare('SELECT s.submitted_at FROM members m JOIN score_sheets s ON s.member_id = m.id WHERE m.id = ? AND m.round_id = ?').get(viewerMemberId, roundId) as { submitted_at: string | null } | undefined) : undefined;
  if (!viewer) throw new AppError('CONFLICT', zh('error.chooseMember'));
  if (!viewer.submitted_at) throw new AppError('CONFLICT', zh('error.submitFirst'));
}

const ANALYSES_KEPT = 16;

export function regionAnalysis(ctx: ServiceContext, roundId: string, regionId: string, viewerMemberId: string | null) {
  const round = getRound(ctx.db, roundId);
  // Found by the API fuzz: another round's region reached analyseRegion's RangeError (INTERNAL).
  if (!round.regions.some((r) => r.id === regionId)) throw new AppError('NOT_FOUND', zh('error.regionNotInRound'));
  if (round.status !== 'finalized') assertMaySee(ctx, roundId, viewerMemberId);
  // Over the live inputs, finalized or not, as before the cache (the screening is the frozen one then).
  const l = live(ctx, roundId);
  let analysis = l.analysis.get(regionId);
  if (!analysis) {
    l.analysis.set(regionId, (analysis = analyseRegion(regionInput(ctx, roundId, l.results.ranking, regionId), l.results.ranking, regionId)));
    // The last few regions only: an analysis holds every member's score of its region (≈ 8,000 objects at
    // 20,000 applications), and a chair going through all 300 regions must not keep them all.
    if (l.analysis.size > ANALYSES_KEPT) l.analysis.delete(l.analysis.keys().next().value!);
  }
  return analysis;
}

/**
 * The live input cut to one region: its applications as the region's ranking lists them, their scores on
 * submitted sheets and their recusals, read afresh (the cached ranking does not hold the round's 1.2 M
 * scores: issue 8, the server under 1 GB). analyseRegion reads only the region's applications' scores and
 * recusals (collectScores groups them per application), so the analysis is the one over the whole input, at
 * the cost of one region instead of the round's 20,000 applications per call (issue 8: each region shown asks
 * for its analysis). The cached ranking is of the same generation, so both describe the same data; the
 * consistency test compares the analysis with analyseRegion over the whole input.
 */
function regionInput(ctx: ServiceContext, roundId: string, ranking: RoundResults['ranking'], regionId: string): RoundInput {
  const entries = ranking.regions.find((r) => r.regionId === regionId)?.entries ?? [];
  const ids = new Set(entries.map((e) => e.applicationId));
  const idsJson = JSON.stringify([...ids]);
  const scores: ScoreInput[] = [];
  const submitted = ctx.db.prepare('SELECT id, member_id FROM score_sheets WHERE round_id = ? AND submitted_at IS NOT NULL').all(roundId) as { id: string; member_id: string }[];
  const cells = ctx.db.prepare('SELECT application_id, criterion, value FROM scores WHERE sheet_id = ? AND application_id IN (SELECT value FROM json_each(?))').raw();
  for (const sheet of submitted) {
    for (const [applicationId, criterion, value] of cells.all(sheet.id, idsJson) as [string, string, number][]) scores.push({ applicationId, memberId: sheet.member_id, criterion, value });
  }
  const recusals = ctx.db.prepare('SELECT c.application_id AS applicationId, c.member_id AS memberId FROM recusals c JOIN members m ON m.id = c.member_id WHERE m.round_id = ? AND c.application_id IN (SELECT value FROM json_each(?))').all(roundId, idsJson) as RoundInput['recusals'][number][];
  return {
    applications: entries.map((e) => ({ applicationId: e.applicationId, applicantId: e.applicantId, priceQuote: e.priceQuote, eligible: e.standing !== 'ineligible', regions: [{ regionId, preference: e.preference }] })),
    regions: ranking.regions.filter((r) => r.regionId === regionId).map((r) => ({ regionId, quota: r.quota, waitlistLength: r.waitlistLength })),
    scores,
    recusals,
  };
}

/**
 * Weight sensitivity of one region's admission cutoff, over the ranking the viewer sees (the frozen snapshot
 * once finalized), so it always describes the table shown beside it.
 */
export function regionSensitivity(ctx: ServiceContext, roundId: string, regionId: string, viewerMemberId: string | null) {
  const v = visible(ctx, roundId, viewerMemberId);
  if (!v.results.ranking.regions.some((r) => r.regionId === regionId)) throw new AppError('NOT_FOUND', zh('error.regionNotInRound'));
  let sensitivity = v.sensitivity.get(regionId);
  if (!sensitivity) v.sensitivity.set(regionId, (sensitivity = weightSensitivity(v.results.ranking, regionId)));
  return sensitivity;
}

/** The committee's decision on a still-tied group, recorded in the round's options. */
export function setCommitteeOrder(ctx: ServiceContext, roundId: string, regionId: string, applicationIds: string[], reason: string) {
  write(ctx, (w) => {
    const round = assertRoundOpen(ctx.db, roundId);
    if (!round.regions.some((r) => r.id === regionId)) throw new AppError('NOT_FOUND', zh('error.regionNotInRound'));
    // Duplicates, foreign ids and oversized orders are refused before storing (committee-order.ts; the API
    // fuzz found a stored duplicate breaking every later read of the round).
    assertCommitteeOrder(applicationsByRegion(ctx.db, roundId), regionId, applicationIds);
    const options = { ...round.options, committeeOrder: { ...round.options.committeeOrder, [regionId]: applicationIds } };
    ctx.db.prepare('UPDATE rounds SET options = ? WHERE id = ?').run(JSON.stringify(options), roundId);
    touchRound(ctx.db, roundId, w.at);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: roundId, action: 'update', before: { committeeOrder: { [regionId]: round.options.committeeOrder[regionId] ?? [] } }, after: { committeeOrder: { [regionId]: applicationIds }, reason } });
  });
}

/** Freezes the results: every sheet submitted, no seat waiting for the committee, confirmed by the chair. */
export function finalizeRound(ctx: ServiceContext, roundId: string, memberId?: string): RoundResults {
  return write(ctx, (w) => {
    assertRoundOpen(ctx.db, roundId);
    const signer = memberId === undefined ? null : confirmingChair(ctx, roundId, memberId);
    // The screening is frozen with the results: a later ban or edit must not change a finalized round.
    const screening = screenRound(ctx, roundId);
    const results = computeResults(ctx, roundId, screening);
    const unsubmitted = results.sheets.filter((s) => !s.submitted).length;
    if (results.sheets.length === 0) throw new AppError('CONFLICT', zh('error.noMembers'));
    if (unsubmitted > 0) throw new AppError('CONFLICT', zh('error.sheetsOutstanding', { count: unsubmitted }));
    if (results.allocation.pendingCommittee) throw new AppError('CONFLICT', zh('error.tieAtCutoff'));
    const id = crypto.randomUUID();
    const frozen = { ...results, computedAt: w.at };
    const by = signer?.name ?? w.actor;
    ctx.db.prepare('INSERT INTO finalizations (id, round_id, finalized_at, finalized_by, finalized_by_member_id, snapshot) VALUES (?, ?, ?, ?, ?, ?)').run(id, roundId, w.at, by, signer?.id ?? null, JSON.stringify({ results: frozen, screening }));
    ctx.db.prepare("UPDATE rounds SET status = 'finalized', updated_at = ?, version = version + 1 WHERE id = ?").run(w.at, roundId);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: roundId, action: 'finalize', before: null, after: { finalizationId: id, finalizedBy: by, memberId: signer?.id ?? null, admitted: results.allocation.regions.reduce((n, r) => n + r.admitted.length, 0) } });
    // The chain head right after the finalize entry: the fingerprint printed on the list covers the
    // finalization itself, so a later rewrite of anything up to it no longer matches the paper.
    const head = chainHead(ctx.db);
    ctx.db.prepare('UPDATE finalizations SET chain_head = ? WHERE id = ?').run(head, id);
    return { ...frozen, finalized: { at: w.at, by, fingerprint: fingerprint(head), memberId: signer?.id ?? null, role: signer ? 'chair' : null } };
  });
}

/**
 * The member who confirms a finalize or reopen must be this round's chair: DOMAIN.md "The chair (组长) …
 * finalises the ranking"; the committee has one chair at most (committee-service.ts). Checked before
 * anything is written, with the reason in words.
 */
function confirmingChair(ctx: ServiceContext, roundId: string, memberId: string): { id: string; name: string } {
  const member = ctx.db.prepare('SELECT id, name, role FROM members WHERE id = ? AND round_id = ?').get(memberId, roundId) as { id: string; name: string; role: string } | undefined;
  if (!member) throw new AppError('NOT_FOUND', zh('error.memberNotInRound'));
  if (member.role !== 'chair') {
    const chair = ctx.db.prepare("SELECT name FROM members WHERE round_id = ? AND role = 'chair'").get(roundId) as { name: string } | undefined;
    throw new AppError('CONFLICT', chair ? zh('error.onlyChairFinalizes', { name: member.name, chair: chair.name }) : zh('error.noChairToFinalize'));
  }
  return { id: member.id, name: member.name };
}

export function reopenRound(ctx: ServiceContext, roundId: string, reason: string, memberId?: string): void {
  write(ctx, (w) => {
    const round = getRound(ctx.db, roundId);
    if (round.status !== 'finalized') throw new AppError('CONFLICT', zh('error.roundNotFinalized'));
    const signer = memberId === undefined ? null : confirmingChair(ctx, roundId, memberId);
    const f = currentFinalization(ctx, roundId);
    if (f) ctx.db.prepare('UPDATE finalizations SET reopened_at = ?, reopened_by = ?, reopened_by_member_id = ?, reopen_reason = ? WHERE id = ?').run(w.at, signer?.name ?? w.actor, signer?.id ?? null, reason, f.id);
    ctx.db.prepare("UPDATE rounds SET status = 'open', updated_at = ?, version = version + 1 WHERE id = ?").run(w.at, roundId);
    w.log({ entity: ROUND_ENTITY, entityId: null, entityKey: roundId, action: 'reopen', before: { finalizationId: f?.id ?? null }, after: { reason, reopenedBy: signer?.name ?? w.actor, memberId: signer?.id ?? null } });
  });
}
