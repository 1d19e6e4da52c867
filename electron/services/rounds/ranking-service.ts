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
import { rankRound } from '../../../shared/ranking/rank-round';
import { allocate } from '../../../shared/ranking/allocate';
import { explain } from '../../../shared/ranking/explain';
import { analyseRegion } from '../../../shared/ranking/analysis';
import { weightSensitivity } from '../../../shared/ranking/sensitivity';
import type { RoundInput } from '../../../shared/ranking/types';
import type { RoundResults } from '../../../shared/rounds/results-view';
import type { ScreeningRow } from '../../../shared/rounds/views';
import { groupByRegion, regionResults, resultsSummary, type ByRegion, type RegionResults, type RoundResultsSummary } from '../../../shared/rounds/region-results';
import { roundCache } from '../cache/change-tracker';

interface Gathered {
  input: RoundInput;
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

/** `only`: the scores and recusals of these applications alone (one region's analysis). */
function gather(ctx: ServiceContext, roundId: string, screened?: ScreeningRow[], only?: ReadonlySet<string>): Gathered {
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
  // Submitted sheets only (issue 7): a draft is a member's work in progress, which they may still change
  // freely, so counting it would let the live ranking move under the committee and show numbers no member
  // has stood behind. The sheets list below tells the viewer how many drafts are left out; finalizing
  // requires every sheet to be submitted anyway.
  // Set-based, sheet by sheet over the primary key, without ORDER BY: the core sorts what it needs (aggregate.ts
  // orders each cell's scores by member), so the order rows arrive in changes nothing.
  // Every score refers to the application's and the criterion's own id strings (one copy each, not one per
  // row as SQLite hands them out): at 1.2 M scores that is ~100 MB less held by the cached input, and the
  // core's maps hash each id once instead of once per score (issue 8).
  const scores: RoundInput['scores'][number][] = [];
  const submitted = ctx.db.prepare('SELECT id, member_id FROM score_sheets WHERE round_id = ? AND submitted_at IS NOT NULL').all(roundId) as { id: string; member_id: string }[];
  const cellsOf = only
    ? ctx.db.prepare('SELECT application_id, criterion, value FROM scores WHERE sheet_id = ? AND application_id IN (SELECT value FROM json_each(?))').raw()
    : ctx.db.prepare('SELECT application_id, criterion, value FROM scores WHERE sheet_id = ?').raw();
  const onlyArgs = only ? [JSON.stringify([...only])] : [];
  const activeId = new Map(applications.filter((a) => !only || only.has(a.id)).map((a) => [a.id, a.id]));
  const criterionKey = new Map(round.options.criteria.map((c) => [c.key, c.key]));
  for (const sheet of submitted) {
    for (const [applicationId, criterion, value] of cellsOf.all(sheet.id, ...onlyArgs) as [string, string, number][]) {
      const id = activeId.get(applicationId);
      if (id !== undefined) scores.push({ applicationId: id, memberId: sheet.member_id, criterion: criterionKey.get(criterion) ?? criterion, value });
    }
  }
  const recusals = (ctx.db.prepare('SELECT c.application_id AS applicationId, c.member_id AS memberId FROM recusals c JOIN members m ON m.id = c.member_id WHERE m.round_id = ?').all(roundId) as RoundInput['recusals'][number][]).filter(
    (r) => active.has(r.applicationId) && (!only || only.has(r.applicationId)),
  );
  const members = ctx.db.prepare('SELECT m.id, m.name, m.role, s.submitted_at FROM members m JOIN score_sheets s ON s.member_id = m.id WHERE m.round_id = ? ORDER BY m.sort').all(roundId) as { id: string; name: string; role: string; submitted_at: string | null }[];

  return {
    input: { applications: inputApplications, regions: round.regions.map((r) => ({ regionId: r.id, quota: r.quota, waitlistLength: r.waitlistLength })), scores, recusals },
    labels: {
      applications: Object.fromEntries(applications.map((a) => [a.id, { legalName: a.legalName, creditCode: a.creditCode, priceQuoteYuan: a.priceQuoteYuan }])),
      regions: Object.fromEntries(round.regions.map((r) => [r.id, { name: r.name, city: r.city }])),
      members: Object.fromEntries(members.map((m) => [m.id, { name: m.name, role: m.role }])),
    },
    ineligible,
    sheets: members.map((m) => ({ memberId: m.id, submitted: m.submitted_at !== null })),
  };
}

/** The ranking from the stored inputs; `screening` replaces the round's own (the reopen preview passes a fresh one). */
export function computeResults(ctx: ServiceContext, roundId: string, screening?: ScreeningRow[]): RoundResults {
  return resultsOf(ctx, getRound(ctx.db, roundId), gather(ctx, roundId, screening));
}

function resultsOf(ctx: ServiceContext, round: ReturnType<typeof getRound>, g: Gathered): RoundResults {
  const roundId = round.id;
  const ranking = rankRound(g.input, round.options);
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
}

// Ranking computed once per change, not per view (issue 8): the live ranking of a round is cached with its
// inputs until any of them changes (services/cache/change-tracker.ts: scores, sheets, recusals, members, the
// screening's inputs, regions, options and committee order all live in tracked tables); results, analysis,
// sensitivity, one region's slice and the summary are all served from it. The finalized snapshot is parsed
// once per finalization the same way.
const liveCache = roundCache<Live>('ranking');
const frozenCache = roundCache<{ results: RoundResults; regions: Map<string, RegionResults | null>; summary: RoundResultsSummary | null; byRegion?: ByRegion } | null>('ranking');

function live(ctx: ServiceContext, roundId: string): Live {
  return liveCache.get(ctx.db, roundId, () => {
    const round = getRound(ctx.db, roundId);
    const g = gather(ctx, roundId);
    const results = resultsOf(ctx, round, g);
    // Not the input: 1.2 M score objects held for the analysis, which reads one region's (regionAnalysis).
    return { results, regions: new Map(), summary: null };
  });
}

function frozen(ctx: ServiceContext, roundId: string) {
  return frozenCache.get(ctx.db, roundId, () => {
    const f = currentFinalization(ctx, roundId);
    if (!f) return null;
    const results: RoundResults = { ...(JSON.parse(f.snapshot) as { results: RoundResults }).results, finalized: { at: f.finalized_at, by: f.finalized_by, fingerprint: f.chain_head ? fingerprint(f.chain_head) : null, memberId: f.finalized_by_member_id, role: f.finalized_by_member_id ? 'chair' : null } };
    return { results, regions: new Map<string, RegionResults | null>(), summary: null };
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

export function regionAnalysis(ctx: ServiceContext, roundId: string, regionId: string, viewerMemberId: string | null) {
  const round = getRound(ctx.db, roundId);
  // Found by the API fuzz: another round's region reached analyseRegion's RangeError (INTERNAL).
  if (!round.regions.some((r) => r.id === regionId)) throw new AppError('NOT_FOUND', zh('error.regionNotInRound'));
  if (round.status !== 'finalized') assertMaySee(ctx, roundId, viewerMemberId);
  // Over the live inputs, finalized or not, as before the cache (the screening is the frozen one then).
  const { results } = live(ctx, roundId);
  return analyseRegion(regionInput(ctx, roundId, results.ranking, regionId), results.ranking, regionId);
}

/**
 * The live input cut to one region's applications, read afresh (the cached ranking does not hold the round's
 * 1.2 M scores: issue 8, the server under 1 GB). analyseRegion reads only these applications' scores and
 * recusals (collectScores groups them per application), so the analysis is the one over the whole input; the
 * cached ranking is of the same generation, so both describe the same data (the consistency test compares
 * the analysis with analyseRegion of the whole input).
 */
function regionInput(ctx: ServiceContext, roundId: string, ranking: RoundResults['ranking'], regionId: string): RoundInput {
  const region = ranking.regions.find((r) => r.regionId === regionId);
  return gather(ctx, roundId, undefined, new Set(region?.entries.map((e) => e.applicationId) ?? [])).input;
}

/**
 * Weight sensitivity of one region's admission cutoff, over the ranking the viewer sees (the frozen snapshot
 * once finalized), so it always describes the table shown beside it.
 */
export function regionSensitivity(ctx: ServiceContext, roundId: string, regionId: string, viewerMemberId: string | null) {
  const results = roundResults(ctx, roundId, viewerMemberId);
  if (!results.ranking.regions.some((r) => r.regionId === regionId)) throw new AppError('NOT_FOUND', zh('error.regionNotInRound'));
  return weightSensitivity(results.ranking, regionId);
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
