// An assessment run in words (renderer/features/assessments): every KPI with the figures the backend
// computed ("发揽率 89.99% < 90%", "环比增长 10.00% ≥ 10%" / "9.99% < 10%"), missing figures as 缺数据, the
// proposed action with its re-admission date, and the letters' field values for a batch.
import { describe, expect, it } from 'vitest';
import zh from '../../../resources/locales/zh-CN/assessments.json';
import { assess, assessedMonth, proposeAction, trialPeriod, SEED_001_RULE_SET, SEED_002_RULE_SET, type MonthlyWarningFigures } from '../../../shared/lifecycle';
import { kpiLine } from '../../../renderer/features/assessments/kpi-text';
import { actionText, rowsOf } from '../../../renderer/features/assessments/action-text';
import { batchLetterFields, defaultBatchTexts, lettersOfRun } from '../../../renderer/features/assessments/letter-batch';
import { builtinRulePresets } from '../../../renderer/features/letters/builtin';
import type { AssessmentRun } from '../../../shared/cooperations/assessment-views';
import type { RunContext } from '../../../renderer/features/assessments/use-run';

const messages = zh as Record<string, string>;
const t = (k: string, params: Record<string, string | number> = {}) => (messages[k] ?? k).replace(/\{(\w+)\}/g, (_, p: string) => String(params[p] ?? ''));
const lines = (result: ReturnType<typeof assess>) => result.kpis.map((k) => kpiLine(k, t as never, 'zh-CN')).map((l) => `${l.label} ${l.comparison}${l.note ? ` [${l.note}]` : ''}`);

const january = assessedMonth('2026-11-23', 2); // 2027-01, seed 002
const monthly = (f: Partial<MonthlyWarningFigures>) => assess(SEED_002_RULE_SET, { period: january, figures: [{ month: '2027-01', merchantLevel: null, pickupRatePercent: null, responseRatePercent: null, ...f }] });

describe('KPI lines', () => {
  it('seed 002: figures against thresholds, the sign from the verdict', () => {
    expect(lines(monthly({ merchantLevel: 3, pickupRatePercent: 89.99, responseRatePercent: 85 }))).toEqual(['商家层级 L3 ≥ L3', '近30天发揽率 89.99% < 90%', '近30天客服响应率 85.00% ≥ 85%']);
  });

  it('a missing figure reads 缺数据, never as a pass', () => {
    const result = monthly({ merchantLevel: 2 });
    expect(lines(result)).toEqual(['商家层级 L2 < L3', '近30天发揽率 缺数据（要求 ≥ 90%）', '近30天客服响应率 缺数据（要求 ≥ 85%）']);
    expect(result.kpis.map((k) => k.outcome)).toEqual(['fail', 'missing', 'missing']);
  });

  it("seed 001: the seed's growth example, 10.00% passes and 9.99% fails", () => {
    const trial = trialPeriod('2026-11-23');
    const figures = (orders: [number, number, number]) =>
      trial.months.map((month, i) => ({ month, newlyBound: 4, newlyBoundGmvYuan: 10_000, orders: orders[i]!, staffPassedExam: 2 }));
    expect(lines(assess(SEED_001_RULE_SET, { period: trial, figures: figures([10_000, 11_000, 12_099]) }))).toEqual([
      '净新增绑定商家 12 家 ≥ 10 家 [累计 12 家（此前 0 家）]',
      '新增商家 GMV ¥30,000.00 < ¥50,000.00',
      '首月（2026年12月）有效订单 10,000 单 ≥ 10,000 单',
      '2027年1月 订单环比增长 10.00% ≥ 10% [10,000 → 11,000 单]',
      '2027年2月 订单环比增长 9.99% < 10% [11,000 → 12,099 单]',
      '通过规则考试人数（2027年2月） 2 人 ≥ 2 人',
    ]);
    // 9.999% would round to 10.00%: shown with the digits that make the failure visible.
    const edge = assess(SEED_001_RULE_SET, { period: trial, figures: figures([10_000, 100_000, 109_999]) });
    expect(lines(edge)[4]).toBe('2027年2月 订单环比增长 9.9990% < 10% [100,000 → 109,999 单]');
  });
});

describe('actions and letters of a run', () => {
  const failed = monthly({ merchantLevel: 3, pickupRatePercent: 85, responseRatePercent: 90 });
  // The 淘特 rule itself sets no waiting period after 清退; a program that adopts seed 003's 180 days does.
  const withBan = { ...SEED_002_RULE_SET, bans: { ...SEED_002_RULE_SET.bans, failedAssessment: 180 } };
  const terminate = proposeAction({ ruleSet: withBan, status: 'rectification', result: failed, effectiveDate: '2027-01-31' });
  const rectify = proposeAction({ ruleSet: SEED_002_RULE_SET, status: 'formal', result: failed, effectiveDate: '2027-01-31' });

  it('words the action with its re-admission date', () => {
    expect(actionText(terminate, t as never, 'zh-CN')).toBe('清退（可于 2027年7月31日起再申请）');
    expect(actionText(rectify, t as never, 'zh-CN')).toBe('整改通知');
  });

  it('builds each confirmed letter of the run from the provider and its failed KPIs', () => {
    const entry = (id: string, name: string, proposal: typeof terminate) => ({ cooperationId: id, legalName: name, creditCode: `91330100000000000${id}`, regionName: '杭州珠宝产业带', status: 'formal' as const, result: failed, proposal });
    const run: AssessmentRun = {
      id: 'run', programId: 'p', periodLabel: '2027-01', asOf: '2027-01', effectiveDate: '2027-01-31', createdAt: '', createdBy: '',
      entries: [entry('1', '杭州第1鉴定有限公司', terminate), entry('2', '杭州第2鉴定有限公司', rectify)],
      actions: [
        { cooperationId: '1', proposed: 'terminate', confirmed: 'terminate', confirmedAt: '2027-02-01T01:00:00Z', confirmedBy: '赵组长', note: '', supersededBy: null, supersededAt: null },
        { cooperationId: '2', proposed: 'rectificationNotice', confirmed: null, confirmedAt: null, confirmedBy: null, note: '', supersededBy: null, supersededAt: null },
      ],
      stale: false,
    };
    const program = { id: 'p', platform: '淘特', name: '淘特品牌认证', rules: [], version: 1 };
    const context: RunContext = { run, program, cooperations: new Map([['1', { dossierId: 7 } as never]]), letters: [] };
    const { planned, pending } = lettersOfRun(context, rowsOf(run));
    expect(planned.map((p) => [p.row.entry.legalName, p.kind, p.dossierId])).toEqual([['杭州第1鉴定有限公司', 'terminationNotice', 7]]); // 2 is not confirmed yet
    // The program's letter settings: 淘特's own rules (issue 7), not 淘宝直播's.
    const settings = { letterDate: '2027-02-01', deadline: '2027-02-15', ...defaultBatchTexts(program, builtinRulePresets.settings.taoteBrand), issuer: { issuerName: '淘特服务商评审小组', issuerDepartment: '', issuerContact: '' } };
    expect(batchLetterFields(pending[0]!, context, settings)).toEqual({
      addressee: '杭州第1鉴定有限公司',
      creditCode: '913301000000000001',
      region: '杭州珠宝产业带',
      program: '淘特品牌认证',
      platform: '淘特',
      reason: '贵司经通知整改后，月度汰换考核再次未达到考核要求（2027年1月考核中，近30天发揽率为85%，低于90%的要求）',
      clause: '淘特品牌认证汰换考核规则（按月考核，一次通知整改，二次清退）',
      agreement: '相关合作协议',
      consequence: '平台同时取消贵司的品牌认证资格',
      deposit: '贵司已缴纳的保证金按协议约定处理',
      effectiveDate: '2027年1月31日',
      readmissionDate: '自2027年7月31日起方可再次提交准入申请',
      letterDate: '2027年2月1日',
      issuerName: '淘特服务商评审小组',
    });
    const rectification = { ...pending[0]!, kind: 'rectificationNotice' as const, proposal: rectify };
    expect(batchLetterFields(rectification, context, settings)).toMatchObject({ reason: '2027年1月考核中，近30天发揽率为85%，低于90%的要求', clause: '淘特品牌认证汰换考核规则（按月考核，一次通知整改，二次清退）', deadline: '2027年2月15日' });
    expect(batchLetterFields(rectification, context, settings)).not.toHaveProperty('deposit');
  });
});
