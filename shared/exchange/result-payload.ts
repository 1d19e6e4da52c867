// What a result package (结果包) carries inside the signed envelope (envelope.ts): the finalized selection
// list and, per member, the scores the ranking counted — so each member can check that their own sheet was
// counted exactly as they signed it. Quotes are left out as in round packages (docs/exchange.md: members do
// not see prices); the totals already contain the computed price score.
import { z } from 'zod';

const text = (max: number) => z.string().max(max);
const uuid = z.string().regex(/^[0-9a-f-]{36}$/);

export const resultSelectionRowSchema = z
  .object({
    regionId: uuid,
    regionName: text(100),
    applicationId: uuid,
    legalName: text(200),
    rank: z.number().int().min(1).nullable(),
    total: z.number().finite().nullable(),
    status: z.enum(['admitted', 'waitlist', 'notAdmitted', 'belowMinimum', 'ineligible', 'tiedAtCutoff', 'incomplete']),
    waitlistPosition: z.number().int().min(1).nullable(),
  })
  .strict();
export type ResultSelectionRow = z.output<typeof resultSelectionRowSchema>;

export const countedSheetSchema = z
  .object({
    memberId: uuid,
    memberName: text(40),
    /** The signed sheet version the chair counted; null when the sheet was typed on the chair's laptop. */
    sequence: z.number().int().min(1).nullable(),
    sheetSha256: z.string().regex(/^[0-9a-f]{64}$/).nullable(),
    scores: z.array(z.object({ applicationId: uuid, criterion: text(40), value: z.number().finite() }).strict()).max(2_000_000),
  })
  .strict();

export const resultPackageSchema = z
  .object({
    roundId: uuid,
    roundName: text(200),
    finalizedAt: text(40),
    finalizedBy: text(100),
    selection: z.array(resultSelectionRowSchema).max(1_000_000),
    sheets: z.array(countedSheetSchema).max(100),
    exportedAt: text(40),
  })
  .strict();
export type ResultPackage = z.output<typeof resultPackageSchema>;

export interface CellDifference {
  applicationId: string;
  criterion: string;
  sent: number | null;
  counted: number | null;
}

/** Cell by cell: every cell the member sent must be counted with the same value, and nothing more. */
export function compareCells(sent: readonly { applicationId: string; criterion: string; value: number }[], counted: readonly { applicationId: string; criterion: string; value: number }[]): CellDifference[] {
  const key = (c: { applicationId: string; criterion: string }) => `${c.applicationId}\u0000${c.criterion}`;
  const sentMap = new Map(sent.map((c) => [key(c), c]));
  const countedMap = new Map(counted.map((c) => [key(c), c]));
  const differences: CellDifference[] = [];
  for (const [k, c] of sentMap) {
    const other = countedMap.get(k);
    if (!other || other.value !== c.value) differences.push({ applicationId: c.applicationId, criterion: c.criterion, sent: c.value, counted: other?.value ?? null });
  }
  for (const [k, c] of countedMap) if (!sentMap.has(k)) differences.push({ applicationId: c.applicationId, criterion: c.criterion, sent: null, counted: c.value });
  return differences.sort((a, b) => (a.applicationId + a.criterion < b.applicationId + b.criterion ? -1 : 1));
}
