// Per-program letter settings (项目函件设置): the wording a program's letters take from ITS platform's rules —
// the rule a termination cites per reason category, the agreement it ends, what else follows, and what
// happens to the deposit — chosen by the program the cooperation belongs to. Before, every termination cited
// 《淘宝直播区域产业服务商管理规则》 whatever the program.
//
// Defaults (the texts are document content in resources/letters/program-rules.zh-CN.json):
// - 安心鉴 (seed 000 三、1): cites 《淘宝网“安心鉴”服务规范》; the platform ends the agreement and notifies the
//   安心鉴服务商, who ends its own agreement with the institution.
// - 抖音产业带 (seed 001 3.3): cites its 考核规则 — "取消已认证的产业带服务商认证资质，解除相关合作协议";
//   seed 001 五 names the 退店退保 procedure for the deposit.
// - 淘特品牌认证 (seed 002 4): cites its 汰换考核 — "按月考核，一次通知整改，二次清退".
// - 淘宝直播区域产业服务商 (seed 003): cites the articles of its management rules (第一条（二）2), 第三条 2 (the
//   认证角色 is withdrawn) and 第四条 (《淘宝直播机构保证金管理规则》) for the deposit.
// The seeds state no deposit amount or refund rule for a termination: the deposit text stays neutral
// ("按协议约定处理") and never states an amount. Every text is a setting the chair may edit per program.
import { z } from 'zod';
import { BAN_REASONS } from '../eligibility/readmission';
import { LETTER_FIELD_MAX } from './schema';
import { requiredText } from '../common/validation';

export const LETTER_RULE_PRESETS = ['anxinjian', 'douyinBelt', 'taoteBrand', 'taobaoLiveRegional'] as const;
export type LetterRulePreset = (typeof LETTER_RULE_PRESETS)[number];

// One printed line each (a line break would break the letter's layout): the single-line text rule.
const text = requiredText(LETTER_FIELD_MAX);

export const programLetterSettingsSchema = z.object({
  /** The platform rules the texts started from (shown to the chair; the texts themselves decide). */
  preset: z.enum(LETTER_RULE_PRESETS, { error: 'error.choose' }),
  /** Suggested reason and cited clause per termination reason category (DOMAIN.md §5). */
  termination: z.record(z.enum(BAN_REASONS, { error: 'error.choose' }), z.object({ reason: text, clause: text })),
  /** The clause a rectification notice cites. */
  rectificationClause: text,
  /** The agreement a termination ends ({{agreement}}). */
  agreement: text,
  /** What else follows under the program's rules ({{consequence}}). */
  consequence: text,
  /** What happens to the deposit ({{deposit}}); never an amount the rules do not state. */
  deposit: text,
});
export type ProgramLetterSettings = z.output<typeof programLetterSettingsSchema>;

/** The presets file (resources/letters/program-rules.zh-CN.json). */
export const letterRulePresetsSchema = z.object({
  locale: z.string(),
  presets: z.record(z.enum(LETTER_RULE_PRESETS), programLetterSettingsSchema.omit({ preset: true }).extend({ name: text })),
});

export interface LetterRulePresets {
  names: Record<LetterRulePreset, string>;
  settings: Record<LetterRulePreset, ProgramLetterSettings>;
}

/** Parses the shipped presets file; throws on a broken file (it ships with the app: a build bug). */
export function parseLetterRulePresets(raw: unknown): LetterRulePresets {
  const parsed = letterRulePresetsSchema.parse(raw);
  const names = {} as Record<LetterRulePreset, string>;
  const settings = {} as Record<LetterRulePreset, ProgramLetterSettings>;
  for (const preset of LETTER_RULE_PRESETS) {
    const { name, ...rest } = parsed.presets[preset];
    names[preset] = name;
    settings[preset] = programLetterSettingsSchema.parse({ ...rest, preset });
  }
  return { names, settings };
}

export interface ProgramIdentity {
  platform: string;
  name: string;
  /** The program's KPI rule-set kind, when one is chosen: seed 001 is 'periodic', seed 002 'monthlyWarning'. */
  kpiKind?: 'periodic' | 'monthlyWarning' | null;
}

/**
 * The platform rules a program's letters follow by default, from what the program says of itself: its name
 * or platform naming 安心鉴, 抖音 or 淘特 decides; failing that, the KPI rule set it uses (seed 001's periodic
 * assessment is 抖音's, seed 002's monthly one 淘特's); anything else is read as 淘宝直播区域产业服务商
 * (seed 003), the admission rules the app defaults to.
 */
export function defaultLetterRulePreset(program: ProgramIdentity): LetterRulePreset {
  const words = `${program.platform} ${program.name}`;
  if (words.includes('安心鉴')) return 'anxinjian';
  if (words.includes('抖音') || words.includes('抖店')) return 'douyinBelt';
  if (words.includes('淘特')) return 'taoteBrand';
  if (words.includes('淘宝') || words.includes('直播')) return 'taobaoLiveRegional';
  if (program.kpiKind === 'periodic') return 'douyinBelt';
  if (program.kpiKind === 'monthlyWarning') return 'taoteBrand';
  return 'taobaoLiveRegional';
}
