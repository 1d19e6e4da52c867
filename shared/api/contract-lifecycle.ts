// The life-after-selection part of the API contract: cooperations, their events and waitlist, letters.
import { z } from 'zod';
import { humanText, isoDate, maxKeys, msg, optionalMultilineText, optionalText, requiredMultilineText, requiredText } from '../common/validation';
import { uuid } from '../rounds/schema';
import { kpiRuleSetSchema, type KpiRuleSet } from '../lifecycle/kpi-rules';
import { cooperationEventSchema, cooperationStatusSchema } from '../lifecycle/cooperation';
import { BAN_REASONS } from '../eligibility/readmission';
import { letterFieldsSchema, letterKindSchema } from '../letters/schema';
import { LETTER_NUMBER_STYLES } from '../letters/letter-number';
import { programLetterSettingsSchema } from '../letters/program-settings';
import { view } from '../rounds/views';
import type { Cooperation, CooperationSummary, EffectiveTemplate, IssuedLetter, ProgramLetterSettingsView, WaitlistCandidate } from '../cooperations/views';
import { call } from './call';
import { yearMonthSchema } from '../lifecycle/months';
import type { AssessmentRun, MonthFigures } from '../cooperations/assessment-views';
import type { AssessmentRunSummary } from '../cooperations/assessment-summary';
import { kpiImportPreviewSchema, kpiImportResultSchema } from '../cooperations/kpi-import';

// Reasons are typed in a textarea: line breaks allowed.
const reason = requiredMultilineText(500);
// The upload cap and check of contract.ts (MAX_UPLOAD_BYTES, 30 MB), spelled out as contract-rounds.ts does:
// contract.ts imports this module, so importing the constant back would read it before it is defined.
const upload = z.string().max(Math.ceil((30 * 1024 * 1024) / 3) * 4 + 4, msg('error.fileTooLarge')).regex(/^[A-Za-z0-9+/]*={0,2}$/, msg('error.base64'));

/**
 * One month's figures by name. The names depend on the program's rule-set kind (checked in the service), so
 * they are not an enum here: at most 50 of them, each a short name; a value is a number, a typed figure
 * ("12.5%", read by the service) or null for a blank.
 */
const kpiFigures = maxKeys(z.record(z.string().max(60, msg('error.tooLong')).regex(/^[A-Za-z0-9_.-]{1,60}$/, msg('error.invalid')), z.union([z.number(), humanText(100), z.null()])), 50);

/** A cooperation confirmed twice in one batch would have its event applied twice (the run is read once). */
const uniqueCooperations = (list: readonly { cooperationId: string }[]) => new Set(list.map((c) => c.cooperationId)).size === list.length;

export const lifecycleContract = {
  'programs.setKpiRules': call(z.object({ programId: uuid, rules: kpiRuleSetSchema }).strict(), z.object({})),
  /** The program's KPI rule set, or null while none is chosen (cooperations cannot be created yet). */
  'programs.kpiRules': call(z.object({ programId: uuid }).strict(), view<KpiRuleSet | null>()),

  'cooperations.createFromRound': call(z.object({ roundId: uuid, admittedOn: isoDate }).strict(), z.object({ created: z.number().int() })),
  'cooperations.list': call(z.object({ programId: uuid.optional(), dossierId: z.number().int().positive().optional(), status: cooperationStatusSchema.optional() }).strict(), view<CooperationSummary[]>()),
  'cooperations.get': call(z.object({ id: uuid }).strict(), view<Cooperation>()),
  'cooperations.applyEvent': call(
    z
      .object({
        cooperationId: uuid,
        event: cooperationEventSchema,
        effectiveOn: isoDate,
        reason,
        banReason: z.enum(BAN_REASONS, msg('error.choose')).optional(),
        readmissionUntil: isoDate.nullable().optional(),
        // Seed 003's two exit conditions, or (a program without assessment, seed 000) the service rules' ones.
        exitChecklist: z.object({ feesSettled: z.boolean().optional(), obligationsFulfilled: z.boolean().optional(), serviceRulesMet: z.boolean().optional() }).strict().optional(),
        /** The day the institution's 《解除合作申请》 was received (exit; required without assessment). */
        requestReceivedOn: isoDate.optional(),
      })
      .strict(),
    view<Cooperation>(),
  ),
  'cooperations.waitlist': call(z.object({ cooperationId: uuid }).strict(), view<WaitlistCandidate[]>()),
  'cooperations.admitFromWaitlist': call(z.object({ cooperationId: uuid, applicationId: uuid, admittedOn: isoDate, reason }).strict(), view<Cooperation>()),

  // Figures are checked against the program's rule-set kind in the service (the two kinds share no schema).
  'kpi.figures': call(z.object({ cooperationId: uuid }).strict(), view<MonthFigures[]>()),
  'kpi.setFigures': call(z.object({ cooperationId: uuid, figures: kpiFigures }).strict(), view<MonthFigures>()),
  // The figures import: preview writes nothing, commit writes all valid rows in one transaction (docs/kpi-import.md).
  'kpi.importPreview': call(z.object({ programId: uuid, fileName: requiredText(255), dataBase64: upload }).strict(), kpiImportPreviewSchema),
  'kpi.importCommit': call(z.object({ previewId: z.string().min(1).max(64) }).strict(), kpiImportResultSchema),
  'assessments.list': call(z.object({ programId: uuid }).strict(), view<AssessmentRunSummary[]>()),
  'assessments.run': call(z.object({ programId: uuid, asOf: yearMonthSchema, effectiveDate: isoDate }).strict(), view<AssessmentRun>()),
  'assessments.get': call(z.object({ id: uuid }).strict(), view<AssessmentRun>()),
  'assessments.confirm': call(
    z.object({ runId: uuid, confirmations: z.array(z.object({ cooperationId: uuid, choice: z.enum(['proposed', 'ifPassed', 'ifFailed']), overrideReason: optionalMultilineText(500).optional(), reason: optionalMultilineText(500).optional() }).strict()).min(1).max(10_000).refine(uniqueCooperations, msg('error.duplicateId')) }).strict(),
    view<AssessmentRun>(),
  ),

  'letters.templates': call(z.object({}).strict(), view<EffectiveTemplate[]>()),
  'letters.saveTemplate': call(z.object({ kind: letterKindSchema, version: z.number().int().nonnegative(), name: requiredText(40), text: requiredMultilineText(20_000), prefix: optionalText(20), numberStyle: z.enum(LETTER_NUMBER_STYLES, msg('error.choose')).optional() }).strict(), view<EffectiveTemplate>()),
  'letters.issue': call(
    z.object({ kind: letterKindSchema, dossierId: z.number().int().positive(), cooperationId: uuid.nullable().optional(), runId: uuid.nullable().optional(), fields: letterFieldsSchema, year: z.number().int().min(2000).max(2100), backdateReason: optionalMultilineText(500).nullable().optional() }).strict(),
    view<IssuedLetter>(),
  ),
  'letters.list': call(z.object({ dossierId: z.number().int().positive().optional(), cooperationId: uuid.optional(), runId: uuid.optional() }).strict(), view<IssuedLetter[]>()),
  'letters.get': call(z.object({ id: uuid }).strict(), view<IssuedLetter>()),
  'letters.void': call(z.object({ id: uuid, reason }).strict(), view<IssuedLetter>()),
  'letters.programSettings': call(z.object({ programId: uuid }).strict(), view<ProgramLetterSettingsView>()),
  'letters.saveProgramSettings': call(z.object({ programId: uuid, settings: programLetterSettingsSchema.nullable() }).strict(), view<ProgramLetterSettingsView>()),
} as const;
