// Validation of the round's ranking options (评审批次设置). Messages are the project's existing locale keys
// (resources/locales: error.required, error.invalid, …); where a generic key would be too vague the issue
// carries `params.rule` (and the numbers involved), so the renderer can word it precisely:
//   weightsTotal, duplicateCriterion, scaleRange, duplicateTieBreak, priceCriterionMissing,
//   technicalCriterionMissing, minimumOutOfScale, duplicateCommitteeOrder.
import { z } from 'zod';
import { maxKeys, requiredText } from '../common/validation';
import { hasAtMost2Decimals, toHundredths } from './decimal';
import { DEFAULT_RANKING_OPTIONS, WEIGHTS_TOTAL } from './defaults';
import type { RankingOptions } from './types';

const m = (key: string) => ({ error: key });

const score = z
  .number(m('error.number'))
  .finite(m('error.number'))
  .min(0, m('error.negative'))
  .refine(hasAtMost2Decimals, m('error.decimals2'));

/** Criterion keys are shown as column headings: the single-line text rule. */
const criterionKey = requiredText(40);
/**
 * The committee's order per region (regionId → applicationIds). Ids are opaque keys (uuids in the app,
 * short names in tests). At most MAX_COMMITTEE_ORDER ids per region and MAX_ORDER_REGIONS regions: the service
 * further refuses ids that are not applications for the region (ranking-service.ts), and a stored order
 * from an older version is cleaned on read (round-repo.ts), so no order longer than a region's applications
 * is ever ranked.
 */
export const MAX_COMMITTEE_ORDER = 10_000;
export const MAX_ORDER_REGIONS = 500;
const orderId = z.string(m('error.invalid')).regex(/^[A-Za-z0-9_-]{1,64}$/, m('error.invalid'));

const criterionSchema = z.object({
  key: criterionKey,
  weight: score.max(WEIGHTS_TOTAL, m('error.tooLarge')),
});

const d = DEFAULT_RANKING_OPTIONS;

export const roundRankingOptionsSchema = z
  .object({
    criteria: z.array(criterionSchema).min(1, m('error.required')).max(20, m('error.tooMany')).default(() => d.criteria.map((c) => ({ ...c }))),
    scale: z.object({ min: score, max: score }).default(() => ({ ...d.scale })),
    aggregation: z.enum(['mean', 'trimmedMean', 'median'], m('error.choose')).default(d.aggregation),
    // At least 3, so that trimming leaves at least one score.
    trimMinScores: z.number(m('error.number')).int(m('error.number')).min(3, m('error.invalid')).max(1000, m('error.tooLarge')).default(d.trimMinScores),
    priceMode: z.enum(['scored', 'lowestPrice'], m('error.choose')).default(d.priceMode),
    priceCriterion: criterionKey.default(d.priceCriterion),
    technicalCriterion: criterionKey.default(d.technicalCriterion),
    minimumTotal: score.nullable().default(d.minimumTotal),
    tieBreak: z.array(z.enum(['lowerPrice', 'higherTechnical'], m('error.choose'))).max(10, m('error.tooMany')).default(() => [...d.tieBreak]),
    committeeOrder: maxKeys(z.record(orderId, z.array(orderId).max(MAX_COMMITTEE_ORDER, m('error.tooMany'))), MAX_ORDER_REGIONS).default(() => ({})),
    cap: z.number(m('error.number')).int(m('error.number')).min(1, m('error.invalid')).nullable().default(d.cap),
  })
  .superRefine((o, ctx) => {
    const issue = (path: (string | number)[], params: Record<string, unknown>) =>
      ctx.addIssue({ code: 'custom', message: 'error.invalid', path, params });

    // Weights are percentages that add up to exactly 100, compared in hundredths so 33.33 + 33.33 + 33.34
    // passes and 0.1 + 0.2 noise cannot fail it.
    const totalH = o.criteria.reduce((sum, c) => sum + toHundredths(c.weight), 0);
    if (totalH !== toHundredths(WEIGHTS_TOTAL)) issue(['criteria'], { rule: 'weightsTotal', total: totalH / 100 });

    const keys = o.criteria.map((c) => c.key);
    keys.forEach((key, i) => {
      if (keys.indexOf(key) !== i) issue(['criteria', i, 'key'], { rule: 'duplicateCriterion', key });
    });
    if (o.scale.max <= o.scale.min) issue(['scale', 'max'], { rule: 'scaleRange' });
    o.tieBreak.forEach((level, i) => {
      if (o.tieBreak.indexOf(level) !== i) issue(['tieBreak', i], { rule: 'duplicateTieBreak', level });
    });
    // A computed price needs a weight to enter the total; a technical tie-break needs the criterion to read.
    if (o.priceMode === 'lowestPrice' && !keys.includes(o.priceCriterion)) {
      issue(['priceCriterion'], { rule: 'priceCriterionMissing', key: o.priceCriterion });
    }
    if (o.tieBreak.includes('higherTechnical') && !keys.includes(o.technicalCriterion)) {
      issue(['technicalCriterion'], { rule: 'technicalCriterionMissing', key: o.technicalCriterion });
    }
    // Totals live on the score scale (weights add up to 100%), so a minimum outside it admits all or none.
    if (o.minimumTotal !== null && (o.minimumTotal < o.scale.min || o.minimumTotal > o.scale.max)) {
      issue(['minimumTotal'], { rule: 'minimumOutOfScale', min: o.scale.min, max: o.scale.max });
    }
    // One pass with a Set: indexOf per id was O(n²) and froze the app on a 100k-id order.
    for (const [regionId, ids] of Object.entries(o.committeeOrder)) {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) issue(['committeeOrder', regionId, i], { rule: 'duplicateCommitteeOrder', applicationId: id });
        seen.add(id);
      });
    }
  });

/** What the chair's settings supply; every field is optional and falls back to defaults.ts. */
export type RankingOptionsInput = Partial<RankingOptions>;

/**
 * Options with defaults filled in. Throws the ZodError on invalid options: the services layer validates with
 * `roundRankingOptionsSchema.safeParse` first and reports the issues as data.
 */
export function resolveRankingOptions(input: RankingOptionsInput = {}): RankingOptions {
  return roundRankingOptionsSchema.parse(input);
}
