// The 考核规则 panel in words and its form model: presets named after the platform rules (no internal seed
// names), the waiting periods each preset brings, and the no-assessment regime saved as it is.
import { describe, expect, it } from 'vitest';
import zhCoop from '../../../resources/locales/zh-CN/cooperations.json';
import enCoop from '../../../resources/locales/en/cooperations.json';
import { kpiSummary } from '../../../renderer/features/cooperations/kpi-summary';
import { PRESETS, seedValues } from '../../../renderer/features/cooperations/kpi-form-model';
import { kpiRuleSetSchema, SEED_000_RULE_SET, SEED_001_RULE_SET, SEED_002_RULE_SET } from '../../../shared/lifecycle';

describe('KPI presets', () => {
  it('are named after the platform rules they follow, in both languages, never after internal seeds', () => {
    const zh = zhCoop as Record<string, string>;
    expect(PRESETS.map((k) => zh[`cooperations.kpi.preset.${k}`])).toEqual(['抖音古董艺术品产业带服务商考核规则（季度）', '淘特品牌认证汰换考核（月度）', '无考核（安心鉴）']);
    for (const messages of [zhCoop, enCoop]) for (const [key, text] of Object.entries(messages)) expect(`${key} ${text}`).not.toMatch(/seed ?0\d\d/i);
  });

  it('start the form from each built-in rule set, which the shared schema accepts unchanged', () => {
    for (const [key, rules] of [['douyinQuarterly', SEED_001_RULE_SET], ['taoteMonthly', SEED_002_RULE_SET], ['anxinjian', SEED_000_RULE_SET]] as const) {
      expect(kpiRuleSetSchema.parse(seedValues(key))).toEqual(rules);
    }
  });
});

describe('kpiSummary', () => {
  it('says what follows each ending, per the program', () => {
    expect(kpiSummary(SEED_001_RULE_SET, 'zh-CN')).toContain('再准入：试跑期未通过：不限制；常规考核期未通过（取消认证）：180 天后方可再申请；主动退出：不限制。');
    expect(kpiSummary(SEED_001_RULE_SET, 'zh-CN')).toContain('考试人数仅为试跑期要求。');
    expect(kpiSummary(SEED_002_RULE_SET, 'zh-CN')).toContain('再准入：考核不合格被清退：不限制；主动退出：不限制。');
    expect(kpiSummary(SEED_000_RULE_SET, 'zh-CN')).toBe('无考核：入选即为正式合作，仅在清退或主动退出时结束。再准入：主动退出：不限制。清退依据《淘宝网“安心鉴”服务规范》。结束时同时通知安心鉴服务商。');
  });
});
