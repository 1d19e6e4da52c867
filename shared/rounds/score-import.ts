// What the score import (评分导入) returns: a preview that writes nothing, then the commit's counts. The
// file format is documented in docs/score-import.md; issues use the dossier import's shape (row, column,
// zh-CN reason) so both imports report problems the same way.
import { z } from 'zod';
import { importIssueSchema } from '../dossiers/import-schema';

export const scoreImportPreviewSchema = z.object({
  previewId: z.string(),
  roundId: z.string(),
  fileName: z.string(),
  totalRows: z.number().int(),
  counts: z.object({
    new: z.number().int(), // cells not filled yet
    changed: z.number().int(), // cells that hold another value or comment
    unchanged: z.number().int(),
    invalid: z.number().int(), // rows skipped, see issues
  }),
  /** Valid rows per member, in the committee's order, so the chair sees whose sheet the file fills. */
  members: z.array(z.object({ memberId: z.string(), name: z.string(), rows: z.number().int() })),
  issues: z.array(importIssueSchema),
  unknownColumns: z.array(z.string()),
});
export type ScoreImportPreview = z.output<typeof scoreImportPreviewSchema>;

export const scoreImportResultSchema = z.object({ written: z.number().int(), unchanged: z.number().int() });
export type ScoreImportResult = z.output<typeof scoreImportResultSchema>;
