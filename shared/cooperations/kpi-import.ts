// What the KPI figures import (考核数据导入) returns: a preview that writes nothing, then the commit's counts.
// The file format is documented in docs/kpi-import.md; issues use the dossier import's shape (row, column,
// zh-CN reason) so every import reports problems the same way.
import { z } from 'zod';
import { importIssueSchema } from '../dossiers/import-schema';

export const kpiImportPreviewSchema = z.object({
  previewId: z.string(),
  programId: z.string(),
  fileName: z.string(),
  kind: z.enum(['periodic', 'monthlyWarning']),
  totalRows: z.number().int(),
  counts: z.object({
    new: z.number().int(), // provider-months with no figures yet
    changed: z.number().int(), // provider-months whose figures the file changes
    unchanged: z.number().int(),
    invalid: z.number().int(), // rows skipped, see issues
  }),
  /** The months the valid rows fill, ascending, and how many providers they concern. */
  months: z.array(z.string()),
  providers: z.number().int(),
  issues: z.array(importIssueSchema),
  unknownColumns: z.array(z.string()),
});
export type KpiImportPreview = z.output<typeof kpiImportPreviewSchema>;

export const kpiImportResultSchema = z.object({ written: z.number().int(), unchanged: z.number().int() });
export type KpiImportResult = z.output<typeof kpiImportResultSchema>;
