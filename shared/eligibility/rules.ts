// Admission rules (资格审查), DOMAIN.md §2. Each program has its own rule set: a list of rules, each with
// editable thresholds. Three presets, each the gate set of one platform rule, never one built on another:
// - 《淘宝直播区域产业服务商准入标准》 (seed 003 第一条(一)): entity, tax, capital, age, deposit, shop account,
//   same city, the six capabilities;
// - 《精选联盟资质认证》 (seed 004): shop-level gates whose facts are declared per application (a dossier does not
//   hold shop data); 个体工商户 and 个人 may apply, so its entity gate admits them beside 企业;
// - 《淘宝网"安心鉴"服务规范》 鉴定机构 (seed 000): the seed names only the review criteria (公司实力, 技术水平,
//   业内口碑, 服务报价) and the regions the institution wishes to serve, so no hard gate but re-admission.
// Re-admission bans (DOMAIN §5) apply to every program.
//
// Where a platform rule is silent the choice is a per-program setting with the rule's reading as default:
// which kinds of holder pass the entity gate (企业 only for 淘宝直播; 企业, 个体工商户 and 个人 for 精选联盟), how the
// same-city gate compares places (CITY_SCOPES, default 'within'), the B类违规 window and points (30 days,
// 4 points) and the number of violations allowed (3).
//
// Stored rule sets of earlier versions stay readable: 'realNameVerified' meant 企业 + 实名认证 in one rule and is
// read as the two rules it now is ('entityType' enterprise + 'realName'); fields added later have defaults.
import { z } from 'zod';
import { isoDate, msg } from '../common/validation';
import { ENTITY_KINDS } from '../dossiers/credit-code';

/** How the same-city gate compares places (same-city.ts); the seed is silent, 'within' is its reading. */
export const CITY_SCOPES = ['within', 'prefecture'] as const;
export type CityScope = (typeof CITY_SCOPES)[number];

const currentRules = [
  // seed 003 (1) "经营主体须为企业": read from the credit code's positions 1–2 (GB 32100), see credit-code.ts.
  z.object({ kind: z.literal('entityType'), allowed: z.array(z.enum(ENTITY_KINDS)).min(1).max(ENTITY_KINDS.length) }),
  z.object({ kind: z.literal('realName') }), // seed 003 (1) "并完成淘宝实名认证"
  z.object({ kind: z.literal('generalTaxpayer') }), // 一般纳税人
  z.object({ kind: z.literal('minRegisteredCapital'), minWan: z.number().min(0) }), // 注册资本 ≥ 50万元
  // 注册时间 ≥ 1年; if less, a statement of strengths (主体优势说明) the committee has accepted may stand in.
  z.object({ kind: z.literal('minYearsRegistered'), years: z.number().int().min(0).max(50), statementSubstitutes: z.boolean() }),
  z.object({ kind: z.literal('minDeposit'), minYuan: z.number().min(0) }), // 保证金 10万元
  z.object({ kind: z.literal('notShopAccount') }), // 不可为店铺账号
  z.object({ kind: z.literal('sameCity'), scope: z.enum(CITY_SCOPES).default('within') }), // 经营主体所在城市 = 服务城市
  z.object({ kind: z.literal('allCapabilities') }), // BD拓展、运营、陪跑、培训、投流、货品整合分发
  z.object({ kind: z.literal('noCooldown') }), // 再准入: not inside a re-admission cooldown (DOMAIN §5)
  // 《精选联盟资质认证》 shop-level gates; facts declared on the application.
  z.object({ kind: z.literal('shopOperating') }), // 已入驻小店且已开店，账户可正常登录，店铺营业状态正常
  z.object({ kind: z.literal('minExperienceScore'), above: z.number().min(0).max(100) }), // 体验分 > 70
  z.object({ kind: z.literal('noRecentPenalties'), days: z.number().int().positive() }), // 近365天无处罚
  z.object({ kind: z.literal('noSeriousViolations') }), // 实际控制人的其他小店账户无严重违规
  z.object({ kind: z.literal('brandQualifications') }), // 品牌资质完整
  // "最近30天…B类违规的，扣掉积分4分，也会被关闭精选联盟权限": B-class points in the window reaching `closesAt` close it.
  z.object({ kind: z.literal('classBViolationPoints'), days: z.number().int().positive().max(3650), closesAt: z.number().positive().max(100) }),
  z.object({ kind: z.literal('maxViolations'), max: z.number().int().min(0).max(100) }), // "违规超过三次，精选联盟就开不了了"
] as const;

export const ruleSchema = z.discriminatedUnion('kind', currentRules);
export type Rule = z.output<typeof ruleSchema>;
export type RuleKind = Rule['kind'];

/** Rule kinds of earlier versions, accepted on input and read from storage, never written. */
const legacyRuleSchema = z.object({ kind: z.literal('realNameVerified') }); // 企业 + 实名认证 in one rule
const anyRuleSchema = z.discriminatedUnion('kind', [...currentRules, legacyRuleSchema]);
type AnyRule = z.output<typeof anyRuleSchema>;

/** Reads an earlier version's rules as today's: the combined 企业 + 实名认证 rule becomes its two rules. */
export function upgradeRules(rules: readonly AnyRule[]): Rule[] {
  return rules.flatMap((rule): Rule[] => (rule.kind === 'realNameVerified' ? [{ kind: 'entityType', allowed: ['enterprise'] }, { kind: 'realName' }] : [rule]));
}

// Each kind at most once (the refinement below), so a set never needs more entries than there are kinds;
// the cap leaves room for the legacy kind and refuses a huge list before it is upgraded and compared.
export const ruleSetSchema = z
  .array(anyRuleSchema)
  .max(currentRules.length + 1, msg('error.tooMany'))
  .transform(upgradeRules)
  .refine((rules) => new Set(rules.map((r) => r.kind)).size === rules.length, { message: 'error.duplicateRule' });

/** A program's rules as stored (JSON of this or an earlier version). */
export function parseStoredRules(json: string): Rule[] {
  return ruleSetSchema.parse(JSON.parse(json));
}

/** 《淘宝直播区域产业服务商准入标准》 第一条(一): the hard gates of a 淘宝直播区域产业服务商. */
export const TAOBAO_LIVE_REGIONAL_RULES: readonly Rule[] = [
  { kind: 'entityType', allowed: ['enterprise'] },
  { kind: 'realName' },
  { kind: 'generalTaxpayer' },
  { kind: 'minRegisteredCapital', minWan: 50 },
  { kind: 'minYearsRegistered', years: 1, statementSubstitutes: true },
  { kind: 'minDeposit', minYuan: 100_000 },
  { kind: 'notShopAccount' },
  { kind: 'sameCity', scope: 'within' },
  { kind: 'allCapabilities' },
  { kind: 'noCooldown' },
];

/**
 * 《精选联盟资质认证》: its own gate set. Companies, 个体工商户 and natural persons may apply: seed 004 所需材料清单
 * lists "个人资质不支持对公结算时，需要资料：清晰的身份证正反图片、个人银行卡号" and "个体工商户资质…统一社会信用代码"
 * (a person's dossier is keyed by 居民身份证号, shared/dossiers/identity.ts).
 */
export const JINGXUAN_ALLIANCE_RULES: readonly Rule[] = [
  { kind: 'entityType', allowed: ['enterprise', 'individualBusiness', 'person'] },
  { kind: 'shopOperating' },
  { kind: 'minExperienceScore', above: 70 },
  { kind: 'noRecentPenalties', days: 365 },
  { kind: 'noSeriousViolations' },
  { kind: 'brandQualifications' },
  { kind: 'classBViolationPoints', days: 30, closesAt: 4 },
  { kind: 'maxViolations', max: 3 },
  { kind: 'noCooldown' },
];

/** 《淘宝网"安心鉴"服务规范》 鉴定机构: no hard gate in the seed; re-admission bans still apply. */
export const ANXINJIAN_RULES: readonly Rule[] = [{ kind: 'noCooldown' }];

export const RULE_PRESETS = { taobaoLiveRegional: TAOBAO_LIVE_REGIONAL_RULES, jingxuanAlliance: JINGXUAN_ALLIANCE_RULES, anxinjian: ANXINJIAN_RULES } as const;
export type RulePreset = keyof typeof RULE_PRESETS;
export const RULE_PRESET_KEYS = Object.keys(RULE_PRESETS) as RulePreset[];

/** @deprecated names of earlier versions, kept for callers not yet moved to the preset names. */
export const SEED_003_RULES = TAOBAO_LIVE_REGIONAL_RULES;
/** @deprecated see JINGXUAN_ALLIANCE_RULES: no longer seed 003's gates plus extras. */
export const SEED_004_RULES = JINGXUAN_ALLIANCE_RULES;

/** Every rule kind once, with its default thresholds: what the set-up editor lists. */
export const RULE_CATALOGUE: readonly Rule[] = [
  ...TAOBAO_LIVE_REGIONAL_RULES.filter((r) => r.kind !== 'noCooldown'),
  ...JINGXUAN_ALLIANCE_RULES.filter((r) => !TAOBAO_LIVE_REGIONAL_RULES.some((t) => t.kind === r.kind)),
  { kind: 'noCooldown' },
];

/** The kinds whose facts an application declares (a dossier holds no shop data). */
export const SHOP_RULE_KINDS: readonly RuleKind[] = ['shopOperating', 'minExperienceScore', 'noRecentPenalties', 'noSeriousViolations', 'brandQualifications', 'classBViolationPoints', 'maxViolations'];

/** Facts an application declares for the shop-level gates; absent means unknown, never "passed". */
export const shopFactsSchema = z.object({
  shopOperating: z.boolean().nullable().default(null),
  experienceScore: z.number().min(0).max(100).nullable().default(null),
  lastPenaltyOn: isoDate.nullable().default(null), // YYYY-MM-DD of the most recent penalty, null = none known
  hasPenaltyRecord: z.boolean().nullable().default(null), // false = declared none; null = not declared
  seriousViolations: z.boolean().nullable().default(null),
  brandQualificationsComplete: z.boolean().nullable().default(null),
  /** B类违规 points deducted within the rule's window before the screening date. */
  classBPoints: z.number(msg('error.number')).min(0, msg('error.negative')).max(100, msg('error.tooLarge')).nullable().default(null),
  /** How many violations the shop has had (精选联盟 closed for a violation). */
  violationCount: z.number(msg('error.number')).int(msg('error.integer')).min(0, msg('error.negative')).max(1000, msg('error.tooLarge')).nullable().default(null),
});
export type ShopFacts = z.output<typeof shopFactsSchema>;
