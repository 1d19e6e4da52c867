// The one API contract: every call's name, input schema and output schema. The preload surface, the
// backend handler table, the HTTP transport and the renderer client are all derived from this map.
import { z } from 'zod';
import type { CallName } from './call-names';
import { attachmentKinds, attachmentSchema, dossierInputSchema, dossierListQuerySchema, dossierSchema, dossierSummarySchema } from '../dossiers/schema';
import { chainVerdictSchema, changeSchema, fingerprintInputSchema, headMatchSchema } from '../history/schema';
import { importPreviewSchema, importResultSchema } from '../dossiers/import-schema';
import { id, msg, requiredText } from '../common/validation';
import { call, electronCall, hostCall, type Where } from './call';
import { roundsContract } from './contract-rounds';
import { lifecycleContract } from './contract-lifecycle';
import { exchangeContract } from './contract-exchange';
import { backupContract, recoverySchema } from './contract-backup';

const empty = z.object({}).strict();
const byId = z.object({ id }).strict();
/** Files travel as base64 inside JSON: simple, the same on both transports; sizes are capped by MAX_UPLOAD_BYTES. */
export const MAX_UPLOAD_BYTES = 30 * 1024 * 1024;
const base64 = z.string().max(Math.ceil(MAX_UPLOAD_BYTES / 3) * 4 + 4, msg('error.fileTooLarge')).regex(/^[A-Za-z0-9+/]*={0,2}$/, msg('error.base64'));
const jobId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

export const sessionSchema = z.object({
  userName: z.string().nullable(),
  dataDir: z.string(),
  schemaVersion: z.number().int(),
  transport: z.enum(['electron', 'browser']),
  recovery: recoverySchema.nullable().optional(),
});

export const dossierDetailSchema = z.object({ dossier: dossierSchema, attachments: z.array(attachmentSchema) });
export const fileSchema = z.object({ fileName: z.string(), mime: z.string(), dataBase64: z.string() });

export const contract = {
  'session.get': call(empty, sessionSchema),
  'session.setUser': call(z.object({ name: requiredText(40) }).strict(), sessionSchema),

  'dossiers.list': call(dossierListQuerySchema.strict(), z.object({ items: z.array(dossierSummarySchema), total: z.number().int() })),
  'dossiers.get': call(byId, dossierDetailSchema),
  'dossiers.create': call(dossierInputSchema.strict(), dossierSchema),
  'dossiers.update': call(z.object({ id, version: z.number().int().positive(), data: dossierInputSchema.strict() }).strict(), dossierSchema),
  'dossiers.setArchived': call(z.object({ id, archived: z.boolean() }).strict(), dossierSchema),
  'dossiers.history': call(byId, z.array(changeSchema)),
  'history.verify': call(z.object({ jobId: jobId.optional() }).strict(), chainVerdictSchema),
  'dossiers.importPreview': call(z.object({ fileName: requiredText(255), dataBase64: base64, jobId: jobId.optional(), emptyCells: z.enum(['keep', 'clear']).optional() }).strict(), importPreviewSchema),
  'dossiers.importCommit': call(z.object({ previewId: z.string().min(1).max(64), jobId: jobId.optional(), acknowledgeIdentityChanges: z.boolean().optional() }).strict(), importResultSchema),
  'dossiers.exportXlsx': call(z.object({ status: z.enum(['active', 'archived', 'all']).default('active'), jobId: jobId.optional() }).strict(), fileSchema),

  'attachments.add': call(z.object({ dossierId: id, kind: z.enum(attachmentKinds), fileName: requiredText(255), dataBase64: base64 }).strict(), attachmentSchema),
  'attachments.remove': call(byId, z.object({ id })),
  'attachments.restore': call(byId, attachmentSchema),
  'attachments.read': call(byId, fileSchema),

  'jobs.progress': hostCall(z.object({ jobId }).strict(), z.object({ done: z.number(), total: z.number() }).nullable()),
  'host.openAttachment': electronCall(byId, z.object({ opened: z.boolean() })),
  // The import template: an XLSX with every column and one example row (docs/dossier-import.md).
  'dossiers.importTemplate': call(z.object({}).strict(), fileSchema),
  ...roundsContract,
  ...lifecycleContract,
  ...exchangeContract,
  ...backupContract,
  'history.findHead': call(z.object({ fingerprint: fingerprintInputSchema, jobId: jobId.optional() }).strict(), headMatchSchema),
} as const satisfies Record<CallName, { input: z.ZodType; output: z.ZodType; where: Where }>;

export type Contract = typeof contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;
// Compile-time proof that call-names.ts lists exactly the contract's calls.
type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
export const callNamesMatchContract: Exact<keyof Contract, CallName> = true;
