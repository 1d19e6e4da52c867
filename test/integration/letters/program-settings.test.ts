// Per-program letter settings on a real SQLite file: defaults from the platform rules the program follows,
// the chair's edit stored (with history) and given back, reset to the defaults, an unknown program refused,
// and a stored value that no longer parses falling back to the defaults instead of breaking letters.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../support/service-context';
import { createProgram } from '../../../electron/services/rounds/setup-service';
import { setProgramKpiRules } from '../../../electron/services/cooperations/cooperation-service';
import { getProgramLetterSettings, LETTER_RULE_PRESETS_BUILT_IN, saveProgramLetterSettings } from '../../../electron/services/letters/program-letter-settings';
import { SEED_001_RULE_SET } from '../../../shared/lifecycle/kpi-rules';

const P = LETTER_RULE_PRESETS_BUILT_IN.settings;

describe('program letter settings', () => {
  it('defaults per program from its platform\'s rules', async () => {
    const ctx = await createTestContext();
    const anxin = createProgram(ctx, { platform: '淘宝直播', name: '淘宝直播「安心鉴」鉴定机构', rules: [] });
    const douyin = createProgram(ctx, { platform: '抖音电商', name: '古董艺术品产业带服务商', rules: [] });
    const other = createProgram(ctx, { platform: '某平台', name: '产业带服务商', rules: [] });
    expect(getProgramLetterSettings(ctx, anxin.id)).toMatchObject({ defaultPreset: 'anxinjian', custom: false, settings: P.anxinjian });
    expect(getProgramLetterSettings(ctx, douyin.id).settings.termination.failedAssessment.clause).toContain('《抖音电商产业带服务商考核规则》');
    // A program that names no platform: its KPI rule set (seed 001, periodic) decides.
    expect(getProgramLetterSettings(ctx, other.id).defaultPreset).toBe('taobaoLiveRegional');
    setProgramKpiRules(ctx, other.id, SEED_001_RULE_SET);
    expect(getProgramLetterSettings(ctx, other.id).defaultPreset).toBe('douyinBelt');
  });

  it('stores the chair\'s edit, logs it, and goes back to the defaults on reset', async () => {
    const ctx = await createTestContext();
    const program = createProgram(ctx, { platform: '淘特', name: '品牌认证', rules: [] });
    const edited = { ...P.taoteBrand, deposit: '贵司已缴纳的品牌保证金按《淘特品牌保证金规则》处理' };
    const saved = saveProgramLetterSettings(ctx, program.id, edited);
    expect(saved).toMatchObject({ custom: true, updatedBy: '王评审', settings: edited, defaultPreset: 'taoteBrand' });
    expect(getProgramLetterSettings(ctx, program.id).settings.deposit).toBe(edited.deposit);
    const log = ctx.db.prepare("SELECT entity_key, after FROM change_log WHERE entity = 'letter' ORDER BY seq").all() as { entity_key: string; after: string }[];
    expect(log.map((l) => l.entity_key)).toEqual([`program-settings:${program.id}`]);
    expect(JSON.parse(log[0]!.after)).toMatchObject({ deposit: edited.deposit });
    expect(saveProgramLetterSettings(ctx, program.id, null)).toMatchObject({ custom: false, settings: P.taoteBrand });
  });

  it('refuses an unknown program, and falls back to the defaults when the stored value does not parse', async () => {
    const ctx = await createTestContext();
    expect(() => getProgramLetterSettings(ctx, '00000000-0000-4000-8000-000000000000')).toThrow();
    const program = createProgram(ctx, { platform: '淘宝直播', name: '区域产业服务商', rules: [] });
    ctx.db.prepare("INSERT INTO program_letter_settings (program_id, settings, updated_at, updated_by) VALUES (?, '{\"preset\":\"x\"', '2026-01-01', '某人')").run(program.id);
    expect(getProgramLetterSettings(ctx, program.id)).toMatchObject({ custom: false, settings: P.taobaoLiveRegional });
  });
});
