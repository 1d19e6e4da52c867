// One row of the change history (修改记录). Append-only: a later tamper-evident chain will hash these rows
// in `seq` order, so the shape stays flat and deterministic (JSON snapshots of before/after).
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
