// The rounds part of the API contract: set-up, applications, committee, scoring, screening, ranking.
import { z } from 'zod';
import { msg, isoDate, humanText, requiredMultilineText, requiredText } from '../common/validation';
import { MAX_COMMITTEE_ORDER, roundRankingOptionsSchema } from '../ranking/schema';
import {
  applicationInputSchema,
  eligibilityOverrideSchema,
  memberInputSchema,
  programInputSchema,
  banLiftSchema,
  readmissionBanInputSchema,
  recusalInputSchema,
  regionInputSchema,
  scoreAmendmentSchema,
  scoreEntrySchema,
  uuid,
} from '../rounds/schema';
import { view, type Application, type Member, type Program, type ReadmissionBan, type Recusal, type Region, type Round, type RoundSummary, type ScoreCell, type ScoreSheet, type SubmittedSheet, type ListedRecusal, type ApplicantChoicesView, type ScreeningRow } from '../rounds/views';
import type { RoundResults } from '../rounds/results-view';
import { SCORE_GRID_MISSING_MAX, SCORE_GRID_PAGE_ROWS, type ScoreGridMissing, type ScoreGridOutline, type ScoreGridRowsPage } from '../rounds/score-grid-pages';
import type { RegionResults, RoundResultsSummary } from '../rounds/region-results';
import type { ReopenPreview } from '../rounds/reopen-diff';
import type { RegionAnalysis } from '../ranking/analysis';
import type { RegionSensitivity } from '../ranking/sensitivity';
import { changeSchema } from '../history/schema';
import { MAX_IMPORTED_CELLS_PAGE, type ImportedCellsPage } from '../history/score-import-entry';
import { scoreImportPreviewSchema, scoreImportResultSchema } from '../rounds/score-import';
import { call } from './call';
import { applicationsPageQuerySchema, screeningPageQuerySchema, type ApplicationsPage, type ScreeningPage } from './list-pages';

const done = z.object({});
const roundData = z.object({ name: requiredText(100), referenceDate: isoDate, options: roundRankingOptionsSchema });
// Reasons are typed in a textarea: line breaks allowed.
const reason = requiredMultilineText(500);
const file = z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() });
// The same cap and check as contract.ts's uploads (MAX_UPLOAD_BYTES, 30 MB), spelled out here because
// contract.ts imports this module: importing back from it would read the constant before it is defined.
const upload = z.string().max(Math.ceil((30 * 1024 * 1024) / 3) * 4 + 4, msg('error.fileTooLarge')).regex(/^[A-Za-z0-9+/]*={0,2}$/, msg('error.base64'));

export const roundsContract = {
  'programs.list': call(z.object({}).strict(), view<Program[]>()),
  'programs.create': call(programInputSchema.strict(), view<Program>()),
  'programs.update': call(z.object({ id: uuid, version: z.number().int().positive(), data: programInputSchema.strict() }).strict(), view<Program>()),

  'rounds.list': call(z.object({}).strict(), view<RoundSummary[]>()),
  'rounds.get': call(z.object({ id: uuid }).strict(), view<Round>()),
  'rounds.create': call(roundData.extend({ programId: uuid }).strict(), view<Round>()),
  'rounds.update': call(roundData.extend({ id: uuid, version: z.number().int().positive() }).strict(), view<Round>()),
  'rounds.history': call(z.object({ id: uuid }).strict(), z.array(changeSchema)),
  // memberId: the committee chair who confirms (issue 11), recorded as the finalizer; the UI always names
  // one. Optional so scripted callers keep working: without it the app user's name is recorded, as before.
  'rounds.finalize': call(z.object({ roundId: uuid, memberId: uuid.optional() }).strict(), view<RoundResults>()),
  // What reopening would change (screening and selection, finalized vs now); reads only.
  'rounds.reopenPreview': call(z.object({ roundId: uuid }).strict(), view<ReopenPreview>()),
  'rounds.reopen': call(z.object({ roundId: uuid, reason, memberId: uuid.optional() }).strict(), done),

  'regions.add': call(z.object({ roundId: uuid, data: regionInputSchema.strict() }).strict(), view<Region>()),
  'regions.update': call(z.object({ roundId: uuid, regionId: uuid, version: z.number().int().positive(), data: regionInputSchema.strict() }).strict(), view<Region>()),
  'regions.remove': call(z.object({ roundId: uuid, regionId: uuid }).strict(), done),

  'applications.list': call(z.object({ roundId: uuid }).strict(), view<Application[]>()),
  'applications.add': call(z.object({ roundId: uuid, data: applicationInputSchema.strict() }).strict(), view<Application>()),
  'applications.update': call(z.object({ id: uuid, data: applicationInputSchema.omit({ dossierId: true }).strict() }).strict(), view<Application>()),
  'applications.setWithdrawn': call(z.object({ id: uuid, withdrawn: z.boolean() }).strict(), view<Application>()),
  // The committee accepts (or withdraws its acceptance of) a 主体优势说明, with a reason; screening re-reads it.
  'applications.acceptStatement': call(z.object({ id: uuid, accepted: z.boolean(), reason }).strict(), done),

  'members.list': call(z.object({ roundId: uuid }).strict(), view<Member[]>()),
  'members.add': call(z.object({ roundId: uuid, data: memberInputSchema.strict() }).strict(), view<Member>()),
  'members.update': call(z.object({ id: uuid, data: memberInputSchema.strict() }).strict(), view<Member>()),
  'members.remove': call(z.object({ id: uuid }).strict(), done),
  'recusals.list': call(z.object({ roundId: uuid }).strict(), view<ListedRecusal[]>()),
  'recusals.declare': call(recusalInputSchema.strict(), view<Recusal>()),
  'recusals.withdraw': call(z.object({ applicationId: uuid, memberId: uuid }).strict(), done),

  'scores.sheet': call(z.object({ memberId: uuid }).strict(), view<ScoreSheet>()),
  'scores.set': call(scoreEntrySchema.strict(), view<ScoreCell | null>()),
  'scores.submit': call(z.object({ memberId: uuid }).strict(), view<SubmittedSheet>()),
  'scores.amend': call(scoreAmendmentSchema.strict(), view<ScoreCell>()),
  'scores.reveal': call(z.object({ roundId: uuid, viewerMemberId: uuid }).strict(), view<ScoreSheet[]>()),
  'scores.importPreview': call(z.object({ roundId: uuid, fileName: requiredText(255), dataBase64: upload }).strict(), scoreImportPreviewSchema),
  'scores.importCommit': call(z.object({ previewId: z.string().min(1).max(64) }).strict(), scoreImportResultSchema),

  'screening.list': call(z.object({ roundId: uuid }).strict(), view<ScreeningRow[]>()),
  'screening.override': call(eligibilityOverrideSchema.extend({ eligible: z.boolean().nullable() }).strict(), view<ScreeningRow>()),
  'bans.list': call(z.object({}).strict(), view<ReadmissionBan[]>()),
  'bans.add': call(readmissionBanInputSchema, view<ReadmissionBan>()),
  'bans.lift': call(banLiftSchema, done),

  'ranking.results': call(z.object({ roundId: uuid, viewerMemberId: uuid.nullable() }).strict(), view<RoundResults>()),
  'ranking.analysis': call(z.object({ roundId: uuid, regionId: uuid, viewerMemberId: uuid.nullable() }).strict(), view<RegionAnalysis>()),
  'ranking.sensitivity': call(z.object({ roundId: uuid, regionId: uuid, viewerMemberId: uuid.nullable() }).strict(), view<RegionSensitivity>()),
  'ranking.committeeOrder': call(z.object({ roundId: uuid, regionId: uuid, applicationIds: z.array(uuid).min(2, msg('error.invalid')).max(MAX_COMMITTEE_ORDER, msg('error.tooMany')), reason }).strict(), done),
  // jobId: poll jobs.progress with it while the demo loads (issue 11).
  'demo.load': call(z.object({ jobId: z.string().regex(/^[A-Za-z0-9-]{8,64}$/).optional() }).strict(), z.object({ roundId: z.string() })),
  'ranking.export': call(z.object({ roundId: uuid, viewerMemberId: uuid.nullable(), format: z.enum(['xlsx', 'csv', 'json']) }).strict(), file),
  // One region of the ranking and a summary of all regions, cut from the same cached results (issue 8).
  'ranking.region': call(z.object({ roundId: uuid, regionId: uuid, viewerMemberId: uuid.nullable() }).strict(), view<RegionResults>()),
  'ranking.summary': call(z.object({ roundId: uuid, viewerMemberId: uuid.nullable() }).strict(), view<RoundResultsSummary>()),
  // The recusal picker asks the backend (issue 8): the committee tab never loads the round's applications.
  'applications.choices': call(z.object({ roundId: uuid, filter: humanText(100).default(''), chosenId: z.union([uuid, z.literal('')]).default('') }).strict(), view<ApplicantChoicesView>()),
  // What the add-application and bans dialogs need, instead of the whole applications list (issue 8).
  'applications.dossierIds': call(z.object({ roundId: uuid }).strict(), view<number[]>()),
  'applications.namesByCode': call(z.object({ roundId: uuid, creditCodes: z.array(requiredText(64)).max(2000, msg('error.tooMany')) }).strict(), view<Record<string, string>>()),
  // One page of the applications / screening tab, sorted, filtered and searched by the service (issue 8).
  'applications.page': call(applicationsPageQuerySchema.strict(), view<ApplicationsPage>()),
  'screening.page': call(screeningPageQuerySchema.strict(), view<ScreeningPage>()),
  // The cells a score import wrote, a page at a time, from its one history entry (rounds.history lists the
  // entry without them; issue 8). seq: the entry's.
  'rounds.importedCells': call(
    z.object({ roundId: uuid, seq: z.number().int().positive().max(Number.MAX_SAFE_INTEGER), offset: z.number().int().min(0).max(100_000_000), limit: z.number().int().min(1).max(MAX_IMPORTED_CELLS_PAGE) }).strict(),
    view<ImportedCellsPage>(),
  ),
  // The scoring grid in pages (issue 8): the outline (counts, groups, first empty cell and the rows around it),
  // a page of rows in display order, and the empty cells (with the rows "只看未评分" keeps).
  'scores.gridOutline': call(z.object({ memberId: uuid }).strict(), view<ScoreGridOutline>()),
  'scores.gridRows': call(z.object({ memberId: uuid, offset: z.number().int().min(0).max(1_000_000), limit: z.number().int().min(1).max(SCORE_GRID_PAGE_ROWS) }).strict(), view<ScoreGridRowsPage>()),
  'scores.gridMissing': call(z.object({ memberId: uuid, limit: z.number().int().min(0).max(SCORE_GRID_MISSING_MAX), withRows: z.boolean() }).strict(), view<ScoreGridMissing>()),
} as const;
