// Every gate of every platform rule says why, in zh-CN and in English, with the values that decided it; no
// locale key, placeholder or "seed" reaches the user.
import { describe, expect, it } from 'vitest';
import { ruleReason } from '../../../renderer/features/rounds/screening/rule-reason';
import { evaluateEligibility, type ApplicantFacts, type EligibilityContext, type RuleResult } from '../../../shared/eligibility/evaluate';
import { ANXINJIAN_RULES, JINGXUAN_ALLIANCE_RULES, RULE_CATALOGUE, TAOBAO_LIVE_REGIONAL_RULES, shopFactsSchema, type Rule } from '../../../shared/eligibility/rules';
import zhSetup from '../../../resources/locales/zh-CN/rounds-setup.json';
import enSetup from '../../../resources/locales/en/rounds-setup.json';
import { applicantFacts, eligibilityContext } from '../../support/eligibility-facts';

const applicant = (over: Partial<ApplicantFacts> = {}): ApplicantFacts => applicantFacts({ creditCode: '91330782MA2EC4RN4F', city: '义乌市', ...over });
const context = (over: Partial<EligibilityContext> = {}): EligibilityContext => eligibilityContext({ regionCity: '金华', ...over });
const reasons = (rules: readonly Rule[], a: ApplicantFacts, ctx: EligibilityContext): RuleResult[] => evaluateEligibility(rules, a, ctx).results;
const zh = (r: RuleResult, rules: readonly Rule[] = TAOBAO_LIVE_REGIONAL_RULES) => ruleReason(r, rules, 'zh-CN');
const find = (results: RuleResult[], kind: string) => results.find((r) => r.kind === kind)!;

describe('screening reasons', () => {
  it('says why for each gate, in both languages, passing, failing and missing', () => {
    const shop = shopFactsSchema.parse({ shopOperating: true, experienceScore: 85, hasPenaltyRecord: false, seriousViolations: false, brandQualificationsComplete: true, classBPoints: 4, violationCount: 5 });
    const cases: RuleResult[] = [
      ...reasons(RULE_CATALOGUE, applicant(), context({ shopFacts: shop })),
      ...reasons(RULE_CATALOGUE, applicant({ creditCode: '51330000MJ88001233', isShopAccount: null, city: '' }), context()),
      ...reasons(RULE_CATALOGUE, applicant({ establishedOn: '2026-06-01' }), context({ strengthStatement: '说明', statementAcceptance: { by: '陈组长', at: '2026-11-20T02:00:00.000Z', reason: '核实' } })),
      ...reasons(ANXINJIAN_RULES, applicant(), context({ bans: [{ creditCode: '91330782MA2EC4RN4F', until: null, reason: 'illegal' }] })),
    ];
    for (const result of cases) {
      for (const locale of ['zh-CN', 'en'] as const) {
        const text = ruleReason(result, RULE_CATALOGUE, locale);
        expect(text, `${result.kind} ${result.outcome} ${locale}`).not.toMatch(/screening\.|entityKind\.|\{|\}|undefined|null|NaN|seed/i);
        expect(text.length).toBeGreaterThan(3);
      }
    }
  });

  it('golden zh-CN wording for the cases the committee asked about', () => {
    expect(zh(find(reasons(TAOBAO_LIVE_REGIONAL_RULES, applicant({ creditCode: '92330782MA28F3KL1F' }), context()), 'entityType'))).toBe('个体工商户（统一社会信用代码第 1–2 位为 92），须为企业');
    expect(zh(find(reasons(TAOBAO_LIVE_REGIONAL_RULES, applicant({ creditCode: '123300004700001236' }), context()), 'entityType'))).toBe('机构编制部门登记的机构（统一社会信用代码第 1–2 位为 12），须为企业');
    expect(zh(find(reasons(TAOBAO_LIVE_REGIONAL_RULES, applicant(), context()), 'sameCity'))).toBe('经营主体在浙江省金华市义乌市，属服务城市浙江省金华市');
    expect(zh(find(reasons(TAOBAO_LIVE_REGIONAL_RULES, applicant({ city: '某某新区' }), context()), 'sameCity'))).toContain('按名称比较');
    expect(zh(find(reasons(TAOBAO_LIVE_REGIONAL_RULES, applicant({ establishedOn: '2026-06-01' }), context({ strengthStatement: '团队优势' })), 'minYearsRegistered'))).toContain('待评审小组认可');
    expect(zh(find(reasons(TAOBAO_LIVE_REGIONAL_RULES, applicant({ isShopAccount: null }), context()), 'notShopAccount'))).toBe('是否为店铺账号：未知（档案中未填写）');
    const shop = shopFactsSchema.parse({ classBPoints: 4, violationCount: 4 });
    expect(zh(find(reasons(JINGXUAN_ALLIANCE_RULES, applicant(), context({ shopFacts: shop })), 'classBViolationPoints'), JINGXUAN_ALLIANCE_RULES)).toBe('近 30 天 B 类违规扣 4 分，达到 4 分，精选联盟权限关闭');
    expect(zh(find(reasons(JINGXUAN_ALLIANCE_RULES, applicant(), context({ shopFacts: shop })), 'maxViolations'), JINGXUAN_ALLIANCE_RULES)).toBe('违规 4 次，超过 3 次，不能开通');
  });

  it('names presets after the platform rules, never after seed files', () => {
    for (const catalog of [zhSetup, enSetup] as Record<string, string>[]) {
      for (const [key, text] of Object.entries(catalog)) expect(text, key).not.toMatch(/seed\s*0/i);
    }
    expect((zhSetup as Record<string, string>)['setup.rules.preset.anxinjian']).toBe('《淘宝网“安心鉴”服务规范》鉴定机构');
  });
});
