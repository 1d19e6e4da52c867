import { z } from 'zod';

export const importIssueSchema = z.object({
  row: z.number().int(), // 1-based row number as the user sees it in Excel (header is row 1)
  column: z.string(), // the column header as written in the file, or '' for a whole-row problem
  reason: z.string(), // zh-CN, ready to show
});
export type ImportIssue = z.output<typeof importIssueSchema>;

export const importRowActions = ['create', 'update', 'unchanged'] as const;

export const importPreviewSchema = z.object({
  previewId: z.string(),
  fileName: z.string(),
  totalRows: z.number().int(),
  counts: z.object({ create: z.number().int(), update: z.number().int(), unchanged: z.number().int(), invalid: z.number().int() }),
  /** The first rows that would be written, for the preview table (never all 20,000). */
  sample: z.array(z.object({ row: z.number().int(), action: z.enum(importRowActions), legalName: z.string(), creditCode: z.string() })),
  issues: z.array(importIssueSchema),
  unknownColumns: z.array(z.string()),
});
export type ImportPreview = z.output<typeof importPreviewSchema>;

export const importResultSchema = z.object({ created: z.number().int(), updated: z.number().int(), unchanged: z.number().int() });
