// Admission rules (资格审查), DOMAIN.md §2. Each program has its own rule set: a list of rules, each with
// editable thresholds. Seed 003 (淘宝直播区域产业服务商) gives the defaults; seed 004 (精选联盟) adds shop-level
// gates whose facts are declared per application, since a dossier does not hold shop data.
import { z } from 'zod';

export const ruleSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('realNameVerified') }), // 企业 + 实名认证
  z.object({ kind: z.literal('generalTaxpayer') }), // 一般纳税人
  z.object({ kind: z.literal('minRegisteredCapital'), minWan: z.number().min(0) }), // 注册资本 ≥ 50万元
  // 注册时间 ≥ 1年; if less, a written statement of strengths (主体优势说明) is required instead.
  z.object({ kind: z.literal('minYearsRegistered'), years: z.number().int().min(0).max(50), statementSubstitutes: z.boolean() }),
  z.object({ kind: z.literal('minDeposit'), minYuan: z.number().min(0) }), // 保证金 10万元
  z.object({ kind: z.literal('notShopAccount') }), // 不可为店铺账号
  z.object({ kind: z.literal('sameCity') }), // 经营主体所在城市 = 服务城市
  z.object({ kind: z.literal('allCapabilities') }), // BD拓展、运营、陪跑、培训、投流、货品整合分发
  z.object({ kind: z.literal('noCooldown') }), // 再准入: not inside a re-admission cooldown (DOMAIN §5)
  // Seed 004 shop-level gates; facts declared on the application.
  z.object({ kind: z.literal('minExperienceScore'), above: z.number().min(0).max(100) }), // 体验分 > 70
  z.object({ kind: z.literal('noRecentPenalties'), days: z.number().int().positive() }), // 近365天无处罚
  z.object({ kind: z.literal('noSeriousViolations') }), // 关联账户无严重违规
  z.object({ kind: z.literal('brandQualifications') }), // 品牌资质完整
]);
export type Rule = z.output<typeof ruleSchema>;
export type RuleKind = Rule['kind'];

export const ruleSetSchema = z.array(ruleSchema).refine((rules) => new Set(rules.map((r) => r.kind)).size === rules.length, { message: 'error.duplicateRule' });

/** Seed 003 defaults: the hard gates of 淘宝直播区域产业服务商. */
export const SEED_003_RULES: readonly Rule[] = [
  { kind: 'realNameVerified' },
  { kind: 'generalTaxpayer' },
  { kind: 'minRegisteredCapital', minWan: 50 },
  { kind: 'minYearsRegistered', years: 1, statementSubstitutes: true },
  { kind: 'minDeposit', minYuan: 100_000 },
  { kind: 'notShopAccount' },
  { kind: 'sameCity' },
  { kind: 'allCapabilities' },
  { kind: 'noCooldown' },
];

/** Seed 004 (精选联盟) adds shop-level gates of the same kind. */
export const SEED_004_RULES: readonly Rule[] = [
  ...SEED_003_RULES,
  { kind: 'minExperienceScore', above: 70 },
  { kind: 'noRecentPenalties', days: 365 },
  { kind: 'noSeriousViolations' },
  { kind: 'brandQualifications' },
];

/** Facts an application declares for the shop-level gates; absent means unknown, never "passed". */
export const shopFactsSchema = z.object({
  experienceScore: z.number().min(0).max(100).nullable().default(null),
  lastPenaltyOn: z.string().nullable().default(null), // YYYY-MM-DD of the most recent penalty, null = none known
  hasPenaltyRecord: z.boolean().nullable().default(null), // false = declared none; null = not declared
  seriousViolations: z.boolean().nullable().default(null),
  brandQualificationsComplete: z.boolean().nullable().default(null),
});
export type ShopFacts = z.output<typeof shopFactsSchema>;
