// Inputs of an evaluation round (评审批次): the program and its rule set, the round, its regions and quotas,
// the applications, the committee, recusals, score entries, overrides and re-admission bans.
// The ranking options (criteria, weights, aggregation, price mode, ...) are defined with the ranking rules.
import { z } from 'zod';
import { amount, isoDate, msg, optionalMultilineText, requiredMultilineText, requiredText } from '../common/validation';
import { ruleSetSchema, shopFactsSchema } from '../eligibility/rules';
import { BAN_REASONS } from '../eligibility/readmission';
import { providerNumberSchema } from '../dossiers/schema';

export const uuid = z.string().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, msg('error.invalid'));

export const programInputSchema = z.object({
  platform: requiredText(30), // 淘宝直播 / 抖音电商 / 淘特 …
  name: requiredText(100),
  rules: ruleSetSchema,
});
export type ProgramInput = z.input<typeof programInputSchema>;

export const regionInputSchema = z.object({
  name: requiredText(40), // 产业带 / 区域, e.g. 诸暨珍珠产业带
  city: requiredText(30), // the service city (经营主体所在城市 must equal it)
  quota: z.number(msg('error.number')).int(msg('error.integer')).min(0, msg('error.negative')).max(10_000, msg('error.tooLarge')),
  waitlistLength: z.number(msg('error.number')).int(msg('error.integer')).min(0, msg('error.negative')).max(1_000, msg('error.tooLarge')),
});
export type RegionInput = z.input<typeof regionInputSchema>;

export const applicationInputSchema = z.object({
  dossierId: z.number().int().positive(),
  priceQuoteYuan: amount(2, 1_000_000_000).positive(msg('error.positive')).nullable(),
  strengthStatement: optionalMultilineText(5000),
  shopFacts: shopFactsSchema.default(shopFactsSchema.parse({})),
  /** Regions in the applicant's order of preference (期待合作的地区), most wanted first. */
  regionIds: z.array(uuid).min(1, msg('error.chooseRegion')).max(50).refine((ids) => new Set(ids).size === ids.length, msg('error.duplicateRegion')),
});
export type ApplicationInput = z.input<typeof applicationInputSchema>;

export const MEMBER_ROLES = ['chair', 'member'] as const; // 组长 / 委员
export const memberInputSchema = z.object({ name: requiredText(40), role: z.enum(MEMBER_ROLES) });

export const recusalInputSchema = z.object({ applicationId: uuid, memberId: uuid, reason: requiredMultilineText(500) });

/** One cell of a member's score sheet; null clears it. */
export const scoreEntrySchema = z.object({
  memberId: uuid,
  applicationId: uuid,
  criterion: requiredText(40),
  value: z.number(msg('error.number')).finite(msg('error.number')).nullable(),
  comment: optionalMultilineText(1000),
});

/** Changing a submitted sheet needs a reason; the earlier value stays in the history. */
export const scoreAmendmentSchema = scoreEntrySchema.extend({ value: z.number(msg('error.number')).finite(msg('error.number')), reason: requiredMultilineText(500) });

export const eligibilityOverrideSchema = z.object({ applicationId: uuid, regionId: uuid, eligible: z.boolean(), reason: requiredMultilineText(500) });

/**
 * A re-admission ban is per program (platform + program): a provider terminated in one program may still
 * apply to another. It starts on the termination's or exit's effective date; `until` is the first day the
 * provider may apply again, so it must come after the start. Region names say where the cooperation ended.
 */
export const readmissionBanInputSchema = z
  .object({
    creditCode: providerNumberSchema, // a person applying to 精选联盟 is named by a 居民身份证号
    programId: uuid,
    startsOn: isoDate,
    until: isoDate.nullable(), // null = never
    reason: z.enum(BAN_REASONS),
    note: optionalMultilineText(1000),
    regionNames: z.array(requiredText(40)).max(50).default([]),
  })
  .strict()
  .refine((b) => b.until === null || b.until > b.startsOn, { path: ['until'], ...msg('error.banUntilBeforeStart') });

/** Lifting a ban: from `liftedOn` on it no longer applies; rounds whose reference date precedes it keep it. */
export const banLiftSchema = z.object({ id: uuid, reason: requiredMultilineText(500), liftedOn: isoDate }).strict();
