// Per-program letter settings: each program's letters cite ITS platform's rules (issue 7). Golden texts from
// the seeds: 安心鉴 (seed 000 三、1), 抖音产业带 (seed 001 3.3), 淘特品牌认证 (seed 002 4), 淘宝直播区域产业服务商
// (seed 003 第一条（二）2).
import { describe, expect, it } from 'vitest';
import { checkIssuable, defaultLetterRulePreset, programLetterSettingsSchema } from '../../../shared/letters';
import { builtin, presets, terminationFields } from './sample';

const S = presets.settings;

describe('default letter rules per program', () => {
  it.each([
    [{ platform: '淘宝直播', name: '淘宝直播「安心鉴」鉴定机构' }, 'anxinjian'],
    [{ platform: '抖音电商', name: '古董艺术品产业带服务商' }, 'douyinBelt'],
    [{ platform: '淘特', name: '品牌认证服务商' }, 'taoteBrand'],
    [{ platform: '淘宝直播', name: '区域产业服务商' }, 'taobaoLiveRegional'],
    [{ platform: '其他平台', name: '产业带服务商', kpiKind: 'periodic' as const }, 'douyinBelt'],
    [{ platform: '其他平台', name: '品牌店铺', kpiKind: 'monthlyWarning' as const }, 'taoteBrand'],
    [{ platform: '其他平台', name: '服务商' }, 'taobaoLiveRegional'],
  ])('%j → %s', (program, preset) => expect(defaultLetterRulePreset(program)).toBe(preset));
});

describe('the preset texts', () => {
  it('安心鉴 cites 《淘宝网“安心鉴”服务规范》 and has the 安心鉴服务商 end its own agreement', () => {
    for (const r of Object.values(S.anxinjian.termination)) expect(r.clause).toBe('《淘宝网“安心鉴”服务规范》');
    expect(S.anxinjian.consequence).toBe('同时，平台将通知安心鉴服务商，由安心鉴服务商与贵司自行沟通解除双方协议');
  });

  it('抖音产业带 cites its 考核规则 and withdraws the certification, ending the agreements', () => {
    expect(S.douyinBelt.termination.failedAssessment.clause).toContain('考核规则');
    expect(`${S.douyinBelt.agreement}同日解除。${S.douyinBelt.consequence}`).toBe('相关合作协议同日解除。平台同时取消贵司已认证的产业带服务商认证资质');
  });

  it('淘特 cites its 汰换考核: monthly, first rectification, then termination', () => {
    expect(S.taoteBrand.termination.failedAssessment.clause).toContain('按月考核，一次通知整改，二次清退');
    expect(S.taoteBrand.rectificationClause).toContain('一次通知整改');
  });

  it('淘宝直播区域产业服务商 cites the articles of its management rules', () => {
    expect(S.taobaoLiveRegional.termination.failedAssessment.clause).toBe('《淘宝直播区域产业服务商管理规则》第一条（二）2（2）');
    expect(S.taobaoLiveRegional.termination.voluntaryExit.clause).toBe('《淘宝直播区域产业服务商管理规则》第一条（二）1');
  });

  it('no preset cites another platform\'s rules, and no deposit text states an amount', () => {
    const others = { anxinjian: ['淘宝直播区域产业服务商', '抖音', '淘特'], douyinBelt: ['淘宝', '淘特', '安心鉴'], taoteBrand: ['淘宝直播', '抖音', '安心鉴'], taobaoLiveRegional: ['抖音', '淘特', '安心鉴'] } as const;
    for (const [preset, words] of Object.entries(others)) {
      const all = JSON.stringify(S[preset as keyof typeof S]);
      for (const w of words) expect(all, `${preset} mentions ${w}`).not.toContain(w);
      expect(S[preset as keyof typeof S].deposit).not.toMatch(/\d+\s*(万|元)/);
      expect(S[preset as keyof typeof S].deposit).toMatch(/协议约定处理/);
    }
  });

  it('an 安心鉴 termination notice says so, in the built-in template', () => {
    const fields = { ...terminationFields, ...S.anxinjian.termination.failedAssessment, agreement: S.anxinjian.agreement, consequence: S.anxinjian.consequence, deposit: S.anxinjian.deposit };
    const check = checkIssuable(builtin.templates.terminationNotice, fields);
    if (!check.ok) throw new Error(JSON.stringify(check));
    expect(check.text).toContain('根据《淘宝网“安心鉴”服务规范》的规定，淘宝直播平台决定自2026年11月23日起终止与贵司的合作，贵司与平台签署的相关合作协议同日解除。同时，平台将通知安心鉴服务商，由安心鉴服务商与贵司自行沟通解除双方协议。');
    expect(check.text).toContain('　　贵司已缴纳的保证金按协议约定处理。');
    expect(check.text).not.toContain('淘宝直播区域产业服务商管理规则');
  });

  it('the settings schema refuses an empty text or a line break', () => {
    expect(programLetterSettingsSchema.safeParse(S.anxinjian).success).toBe(true);
    expect(programLetterSettingsSchema.safeParse({ ...S.anxinjian, deposit: ' ' }).success).toBe(false);
    expect(programLetterSettingsSchema.safeParse({ ...S.anxinjian, agreement: '甲\n乙' }).success).toBe(false);
  });
});
