// Handlers of the rounds part of the contract (shared/api/contract-rounds.ts).
import type { RoundsHandlerTable } from './handler-types';
import { addRegion, createProgram, createRound, getRound, listRounds, removeRegion, updateProgram, updateRegion, updateRound, ROUND_ENTITY } from '../services/rounds/setup-service';
import { listPrograms } from '../services/rounds/round-repo';
import { acceptStatement, addApplication, listApplications, setApplicationWithdrawn, updateApplication } from '../services/rounds/application-service';
import { addMember, declareRecusal, listMembers, listRecusals, removeMember, updateMember, withdrawRecusal } from '../services/rounds/committee-service';
import { amendScore, getSheet, revealSheets, setScore } from '../services/rounds/scoring-service';
import { submitSheet } from '../services/rounds/sheet-submit';
import { FileAnswer } from './file-answer';
import { addBan, liftBan, listBans, overrideEligibility, screenRound, withRescreenedApplication } from '../services/rounds/screening-service';
import { finalizeRound, rankingSummary, regionAnalysis, regionRanking, regionSensitivity, reopenRound, roundResults, setCommitteeOrder } from '../services/rounds/ranking-service';
import { reopenPreview } from '../services/rounds/reopen-preview';
import { selectionCsv, selectionXlsx } from '../services/rounds/round-export';
import { prettyJsonBuffer } from '../services/rounds/json-pretty';
import { listChanges } from '../services/history/change-log';
import { resolveRankingOptions } from '../../shared/ranking/schema';
import { loadDemoRound } from '../services/demo/demo-round';
import { commitScoreImport, previewScoreImport } from '../services/rounds/score-import';
import { getGridMissing, getGridOutline, getGridRows } from '../services/rounds/score-grid-pages';
import { applicantChoicesOf } from '../services/rounds/applicant-choices-service';
import { appliedDossierIds, applicantNamesByCode } from '../services/rounds/application-refs';
import { applicationsPage, screeningPage } from '../services/rounds/list-pages';
import { importedCellsPage } from '../services/rounds/score-import-history';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const roundsHandlers: RoundsHandlerTable = {
  'programs.list': (_input, ctx) => listPrograms(ctx.db),
  'programs.create': (data, ctx) => createProgram(ctx, data),
  'programs.update': ({ id, version, data }, ctx) => updateProgram(ctx, id, version, data),

  'rounds.list': (_input, ctx) => listRounds(ctx),
  'rounds.get': ({ id }, ctx) => getRound(ctx.db, id),
  'rounds.create': ({ programId, name, referenceDate, options }, ctx) => createRound(ctx, { programId, name, referenceDate, options: resolveRankingOptions(options) }),
  'rounds.update': ({ id, version, name, referenceDate, options }, ctx) => updateRound(ctx, id, version, { name, referenceDate, options: resolveRankingOptions(options) }),
  'rounds.history': ({ id }, ctx) => {
    getRound(ctx.db, id);
    return listChanges(ctx.db, ROUND_ENTITY, id);
  },
  'rounds.finalize': ({ roundId, memberId }, ctx) => finalizeRound(ctx, roundId, memberId),
  'rounds.reopenPreview': ({ roundId }, ctx) => reopenPreview(ctx, roundId),
  'rounds.reopen': ({ roundId, reason, memberId }, ctx) => (reopenRound(ctx, roundId, reason, memberId), {}),

  'regions.add': ({ roundId, data }, ctx) => addRegion(ctx, roundId, data),
  'regions.update': ({ roundId, regionId, version, data }, ctx) => updateRegion(ctx, roundId, regionId, version, data),
  'regions.remove': ({ roundId, regionId }, ctx) => (removeRegion(ctx, roundId, regionId), {}),

  'applications.list': ({ roundId }, ctx) => {
    getRound(ctx.db, roundId);
    return listApplications(ctx, roundId);
  },
  'applications.add': ({ roundId, data }, ctx) => addApplication(ctx, roundId, data),
  'applications.update': ({ id, data }, ctx) => updateApplication(ctx, id, data),
  'applications.setWithdrawn': ({ id, withdrawn }, ctx) => setApplicationWithdrawn(ctx, id, withdrawn),
  'applications.acceptStatement': ({ id, accepted, reason }, ctx) => (withRescreenedApplication(ctx, id, () => acceptStatement(ctx, id, accepted, reason)), {}),

  'members.list': ({ roundId }, ctx) => listMembers(ctx, roundId),
  'members.add': ({ roundId, data }, ctx) => addMember(ctx, roundId, data),
  'members.update': ({ id, data }, ctx) => updateMember(ctx, id, data),
  'members.remove': ({ id }, ctx) => (removeMember(ctx, id), {}),
  'recusals.list': ({ roundId }, ctx) => listRecusals(ctx, roundId),
  'recusals.declare': (data, ctx) => declareRecusal(ctx, data),
  'recusals.withdraw': (data, ctx) => (withdrawRecusal(ctx, data), {}),

  'scores.sheet': ({ memberId }, ctx) => getSheet(ctx, memberId),
  'applications.choices': ({ roundId, filter, chosenId }, ctx) => applicantChoicesOf(ctx, roundId, filter, chosenId),
  'applications.dossierIds': ({ roundId }, ctx) => appliedDossierIds(ctx, roundId),
  'applications.namesByCode': ({ roundId, creditCodes }, ctx) => applicantNamesByCode(ctx, roundId, creditCodes),
  'scores.set': (entry, ctx) => setScore(ctx, entry),
  'scores.submit': ({ memberId }, ctx) => submitSheet(ctx, memberId),
  'scores.amend': (entry, ctx) => amendScore(ctx, entry),
  'scores.reveal': ({ roundId, viewerMemberId }, ctx) => revealSheets(ctx, roundId, viewerMemberId),
  'scores.importPreview': (input, ctx) => previewScoreImport(ctx, input),
  'scores.importCommit': (input, ctx) => commitScoreImport(ctx, input),

  'screening.list': ({ roundId }, ctx) => screenRound(ctx, roundId),
  'screening.override': (data, ctx) => overrideEligibility(ctx, data),
  'bans.list': (_input, ctx) => listBans(ctx),
  'bans.add': (data, ctx) => addBan(ctx, data),
  'bans.lift': ({ id, reason, liftedOn }, ctx) => (liftBan(ctx, id, reason, liftedOn), {}),

  'ranking.results': ({ roundId, viewerMemberId }, ctx) => roundResults(ctx, roundId, viewerMemberId),
  'ranking.analysis': ({ roundId, regionId, viewerMemberId }, ctx) => regionAnalysis(ctx, roundId, regionId, viewerMemberId),
  'ranking.sensitivity': ({ roundId, regionId, viewerMemberId }, ctx) => regionSensitivity(ctx, roundId, regionId, viewerMemberId),
  'ranking.committeeOrder': ({ roundId, regionId, applicationIds, reason }, ctx) => (setCommitteeOrder(ctx, roundId, regionId, applicationIds, reason), {}),
  'demo.load': ({ jobId }, ctx) => loadDemoRound(ctx, jobId),
  'ranking.export': async ({ roundId, viewerMemberId, format }, ctx) => {
    const results = roundResults(ctx, roundId, viewerMemberId);
    const base = `${results.roundName}-入选名单-${(results.finalized?.at ?? results.computedAt).slice(0, 10)}`;
    if (format === 'csv') return new FileAnswer(`${base}.csv`, 'text/csv;charset=utf-8', Buffer.from(selectionCsv(results)));
    if (format === 'json') return new FileAnswer(`${base}.json`, 'application/json', prettyJsonBuffer(results));
    return new FileAnswer(`${base}.xlsx`, XLSX_MIME, await selectionXlsx(results));
  },
  'ranking.region': ({ roundId, regionId, viewerMemberId }, ctx) => regionRanking(ctx, roundId, regionId, viewerMemberId),
  'ranking.summary': ({ roundId, viewerMemberId }, ctx) => rankingSummary(ctx, roundId, viewerMemberId),
  'applications.page': (query, ctx) => applicationsPage(ctx, query),
  'screening.page': (query, ctx) => screeningPage(ctx, query),
  'rounds.importedCells': (input, ctx) => importedCellsPage(ctx, input),
  'scores.gridOutline': ({ memberId }, ctx) => getGridOutline(ctx, memberId),
  'scores.gridRows': ({ memberId, offset, limit }, ctx) => getGridRows(ctx, memberId, offset, limit),
  'scores.gridMissing': ({ memberId, limit, withRows }, ctx) => getGridMissing(ctx, memberId, limit, withRows),
};
