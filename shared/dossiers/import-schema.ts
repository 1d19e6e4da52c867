import { z } from 'zod';

export const importIssueSchema = z.object({
  row: z.number().int(), // 1-based row number as the user sees it in Excel (header is row 1)
  column: z.string(), // the column header as written in the file, or '' for a whole-row problem
  reason: z.string(), // zh-CN, ready to show
  value: z.string().optional(), // the offending cell as written ('' for an empty one)
});
export type ImportIssue = z.output<typeof importIssueSchema>;

export const importRowActions = ['create', 'update', 'unchanged'] as const;

/** Fields whose change means a different institution or person in charge: flagged, and acknowledged before commit. */
export const IDENTITY_FIELDS = ['legalName', 'legalRepresentative'] as const;

export const importChangeSchema = z.object({
  row: z.number().int(),
  legalName: z.string(),
  creditCode: z.string(),
  identity: z.boolean(),
  fields: z.array(z.object({ field: z.string(), header: z.string(), before: z.string(), after: z.string(), identity: z.boolean() })),
});
export type ImportChange = z.output<typeof importChangeSchema>;

export const importPreviewSchema = z.object({
  previewId: z.string(),
  fileName: z.string(),
  totalRows: z.number().int(),
  counts: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), invalid: z.number().int() }),
  /** The first rows that would be written, for the preview table (never all 20,000). */
  sample: z.array(z.object({ row: z.number().int(), action: z.enum(importRowActions), legalName: z.string(), creditCode: z.string() })),
  issues: z.array(importIssueSchema),
  unknownColumns: z.array(z.string()),
  /** 'keep': an empty cell keeps the stored value (default); 'clear': it clears the field. */
  emptyCells: z.enum(['keep', 'clear']),
  /** Every updated row with its field-by-field diff (up to 2,000). */
  changes: z.array(importChangeSchema),
  /** Updated rows that change 企业名称 or 法定代表人. */
  identityChanges: z.number().int(),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

export const importResultSchema = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
