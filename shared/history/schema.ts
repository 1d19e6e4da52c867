// One row of the change history (修改记录). Append-only and hash-chained in `seq` order
// (electron/services/history/chain.ts), so the shape stays flat and deterministic (JSON snapshots).
import { z } from 'zod';

export const changeActions = ['create', 'update', 'archive', 'restore', 'import', 'attach', 'detach', 'migrate', 'delete', 'score', 'submit', 'amend', 'recuse', 'override', 'finalize', 'reopen'] as const;

export const changeSchema = z.object({
  seq: z.number().int().positive(),
  at: z.string(),
  actor: z.string(),
  entity: z.string(),
  entityId: z.number().int().nullable(),
  entityKey: z.string().nullable(),
  action: z.enum(changeActions),
  before: z.unknown().nullable(),
  after: z.unknown().nullable(),
});
export type Change = z.output<typeof changeSchema>;

/** The result of walking the history's hash chain: the head (with its short fingerprint for paper) or the first broken row. */
export const chainVerdictSchema = z.object({
  ok: z.boolean(),
  rows: z.number().int().nonnegative(),
  head: z.string(),
  fingerprint: z.string(),
  brokenAt: z.object({ seq: z.number().int(), at: z.string(), entity: z.string(), problem: z.enum(['hashMismatch', 'missingHash']) }).nullable(),
});
export type ChainVerdictView = z.output<typeof chainVerdictSchema>;
