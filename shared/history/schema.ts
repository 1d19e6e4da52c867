// One row of the change history (修改记录). Append-only and hash-chained in `seq` order
// (electron/services/history/chain.ts), so the shape stays flat and deterministic (JSON snapshots).
import { z } from 'zod';
import { msg } from '../common/validation';

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

/**
 * A fingerprint typed from paper (16 hex digits; spaces, dashes and upper case forgiven), e.g. the one on
 * a finalized selection list or a letter.
 */
export const fingerprintInputSchema = z
  .string(msg('error.fingerprintFormat'))
  .max(40, msg('error.fingerprintFormat'))
  .transform((s) => s.replace(/[\s\u3000-]/g, '').toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{16}$/, msg('error.fingerprintFormat')));

/**
 * Where a paper fingerprint stands in the history: 'intact' — the chain head recomputed from the history
 * matched it right after row `seq` (so nothing up to that row was rewritten since it was printed);
 * 'rewritten' — only the stored hash at `seq` matches it, the history before it no longer produces it;
 * 'none' — no row's head matches (the paper comes from another database, or the history was rewritten and
 * rehashed). `seq` 0 is the empty history.
 */
export const headMatchSchema = z.object({
  match: z.enum(['intact', 'rewritten', 'none']),
  fingerprint: z.string(),
  seq: z.number().int().nonnegative().nullable(),
  at: z.string().nullable(),
  entity: z.string().nullable(),
  action: z.string().nullable(),
  rows: z.number().int().nonnegative(),
});
export type HeadMatchView = z.output<typeof headMatchSchema>;
