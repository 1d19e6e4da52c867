// Handlers of the life-after-selection part of the contract (shared/api/contract-lifecycle.ts).
import { getProgramLetterSettings, saveProgramLetterSettings } from '../services/letters/program-letter-settings';
import type { LifecycleHandlerTable } from './handler-types';
import { admitFromWaitlist, applyEvent, createFromRound, findProgramKpiRules, getCooperation, listCooperations, setProgramKpiRules, waitlistCandidates } from '../services/cooperations/cooperation-service';
import { getLetter, getTemplate, issueLetter, listLetters, saveTemplate, voidLetter } from '../services/letters/letter-service';
import { LETTER_KINDS } from '../../shared/letters/kinds';
import { listFigures, setFigures } from '../services/assessments/kpi-figures-service';
import { confirmActions, getRun, runAssessment } from '../services/assessments/assessment-service';
import { listRuns } from '../services/assessments/assessment-queries';
import { commitKpiImport, previewKpiImport } from '../services/assessments/kpi-import';

export const lifecycleHandlers: LifecycleHandlerTable = {
  'programs.setKpiRules': ({ programId, rules }, ctx) => (setProgramKpiRules(ctx, programId, rules), {}),
  'programs.kpiRules': ({ programId }, ctx) => findProgramKpiRules(ctx, programId),

  'cooperations.createFromRound': ({ roundId, admittedOn }, ctx) => createFromRound(ctx, roundId, admittedOn),
  'cooperations.list': (filter, ctx) => listCooperations(ctx, filter),
  'cooperations.get': ({ id }, ctx) => getCooperation(ctx, id),
  'cooperations.applyEvent': (input, ctx) => applyEvent(ctx, input),
  'cooperations.waitlist': ({ cooperationId }, ctx) => waitlistCandidates(ctx, cooperationId),
  'cooperations.admitFromWaitlist': (input, ctx) => admitFromWaitlist(ctx, input),

  'kpi.figures': ({ cooperationId }, ctx) => listFigures(ctx, cooperationId),
  'kpi.setFigures': ({ cooperationId, figures }, ctx) => setFigures(ctx, cooperationId, figures),
  'kpi.importPreview': (input, ctx) => previewKpiImport(ctx, input),
  'kpi.importCommit': (input, ctx) => commitKpiImport(ctx, input),
  'assessments.list': ({ programId }, ctx) => listRuns(ctx, programId),
  'assessments.run': (input, ctx) => runAssessment(ctx, input),
  'assessments.get': ({ id }, ctx) => getRun(ctx, id),
  'assessments.confirm': ({ runId, confirmations }, ctx) => confirmActions(ctx, runId, confirmations),

  'letters.templates': (_input, ctx) => LETTER_KINDS.map((kind) => getTemplate(ctx, kind)),
  'letters.saveTemplate': (input, ctx) => saveTemplate(ctx, input),
  'letters.issue': (input, ctx) => issueLetter(ctx, input),
  'letters.list': (filter, ctx) => listLetters(ctx, filter),
  'letters.get': ({ id }, ctx) => getLetter(ctx, id),
  'letters.void': ({ id, reason }, ctx) => voidLetter(ctx, id, reason),
  'letters.programSettings': ({ programId }, ctx) => getProgramLetterSettings(ctx, programId),
  'letters.saveProgramSettings': ({ programId, settings }, ctx) => saveProgramLetterSettings(ctx, programId, settings),
};
