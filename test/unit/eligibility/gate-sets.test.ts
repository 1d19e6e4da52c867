// The gate sets of the three platform rules, each its own (not one built on another), with the seeds' own
// facts as golden cases: GB 32100 credit-code digits for 企业, the 主体优势说明 that needs the committee's
// acceptance, the 精选联盟 shop gates at their thresholds, and 安心鉴 with no gate but re-admission.
import { describe, expect, it } from 'vitest';
import { evaluateEligibility, type ApplicantFacts, type EligibilityContext } from '../../../shared/eligibility/evaluate';
import {
  ANXINJIAN_RULES, JINGXUAN_ALLIANCE_RULES, RULE_CATALOGUE, TAOBAO_LIVE_REGIONAL_RULES, parseStoredRules, ruleSetSchema, shopFactsSchema, type Rule, type RuleKind,
} from '../../../shared/eligibility/rules';
import { entityOfCreditCode, isValidCreditCode } from '../../../shared/dossiers/credit-code';
import { applicantFacts, eligibilityContext } from '../../support/eligibility-facts';

// Checksum-valid codes (GB 32100 check character) for each kind of holder.
const ENTERPRISE = '913300001429101915'; // 9 工商 + 1 企业, 浙江
const INDIVIDUAL = '92330782MA28F3KL1F'; // 9 工商 + 2 个体工商户, 义乌
const COOPERATIVE = '93330782MA29XY0P1M'; // 9 工商 + 3 农民专业合作社
const INSTITUTION = '123300004700001236'; // 1 机构编制 + 2 事业单位
const SOCIAL = '51330000MJ88001233'; // 5 民政 + 1 社会团体

const applicant = (over: Partial<ApplicantFacts> = {}): ApplicantFacts => applicantFacts({ creditCode: ENTERPRISE, city: '义乌市', ...over });
const context = (over: Partial<EligibilityContext> = {}): EligibilityContext => eligibilityContext({ regionCity: '金华', ...over });
const GOOD_SHOP = shopFactsSchema.parse({ shopOperating: true, experienceScore: 85, hasPenaltyRecord: false, seriousViolations: false, brandQualificationsComplete: true, classBPoints: 0, violationCount: 0 });
const result = (rules: readonly Rule[], kind: RuleKind, a = applicant(), ctx = context()) => evaluateEligibility(rules, a, ctx).results.find((r) => r.kind === kind)!;

describe('credit code: registration authority and kind (GB 32100 positions 1–2)', () => {
  it('reads 91 as 企业, 92 as 个体工商户, everything else as neither', () => {
    for (const code of [ENTERPRISE, INDIVIDUAL, COOPERATIVE, INSTITUTION, SOCIAL]) expect(isValidCreditCode(code), code).toBe(true);
    expect(entityOfCreditCode(ENTERPRISE)).toEqual({ kind: 'enterprise', authority: '9', category: '1' });
    expect(entityOfCreditCode(INDIVIDUAL)).toEqual({ kind: 'individualBusiness', authority: '9', category: '2' });
    expect(entityOfCreditCode(COOPERATIVE)).toMatchObject({ kind: 'other', authority: '9', category: '3' });
    expect(entityOfCreditCode(INSTITUTION)).toMatchObject({ kind: 'other', authority: '1' });
    expect(entityOfCreditCode(SOCIAL)).toMatchObject({ kind: 'other', authority: '5' });
    expect(entityOfCreditCode('913300001429101914')).toBeNull(); // wrong check character
  });
});

describe('《淘宝直播区域产业服务商准入标准》', () => {
  it('passes a 义乌 enterprise for a 金华 region on every gate', () => {
    expect(evaluateEligibility(TAOBAO_LIVE_REGIONAL_RULES, applicant(), context())).toMatchObject({ eligible: true, failed: [] });
  });

  it('企业 is read from the credit code: 91… passes, 92 个体工商户 and other authorities are refused, each saying why', () => {
    expect(result(TAOBAO_LIVE_REGIONAL_RULES, 'entityType')).toMatchObject({ outcome: 'pass', entity: 'enterprise', authority: '9', category: '1' });
    expect(result(TAOBAO_LIVE_REGIONAL_RULES, 'entityType', applicant({ creditCode: INDIVIDUAL }))).toMatchObject({ outcome: 'fail', entity: 'individualBusiness', allowed: ['enterprise'] });
    for (const code of [COOPERATIVE, INSTITUTION, SOCIAL]) expect(result(TAOBAO_LIVE_REGIONAL_RULES, 'entityType', applicant({ creditCode: code })).outcome, code).toBe('fail');
    expect(result(TAOBAO_LIVE_REGIONAL_RULES, 'entityType', applicant({ creditCode: 'not a code' })).outcome).toBe('missing');
  });

  it('实名认证 is its own gate: an enterprise without it fails only that gate', () => {
    const verdict = evaluateEligibility(TAOBAO_LIVE_REGIONAL_RULES, applicant({ realNameVerified: false }), context());
    expect(verdict.failed).toEqual(['realName']);
  });

  it('a 主体优势说明 stands in for the missing year only once the committee has accepted it', () => {
    const young = applicant({ establishedOn: '2026-01-10' });
    expect(result(TAOBAO_LIVE_REGIONAL_RULES, 'minYearsRegistered', young)).toMatchObject({ outcome: 'fail', statement: 'none' });
    const awaiting = result(TAOBAO_LIVE_REGIONAL_RULES, 'minYearsRegistered', young, context({ strengthStatement: '核心团队来自国家级质检机构' }));
    expect(awaiting).toMatchObject({ outcome: 'fail', statement: 'awaiting', byStatement: false, acceptance: null });
    const acceptance = { by: '陈组长', at: '2026-11-20T02:00:00.000Z', reason: '团队资质经核实' };
    const accepted = result(TAOBAO_LIVE_REGIONAL_RULES, 'minYearsRegistered', young, context({ strengthStatement: '核心团队来自国家级质检机构', statementAcceptance: acceptance }));
    expect(accepted).toMatchObject({ outcome: 'pass', statement: 'accepted', byStatement: true, acceptance });
    // A blank statement cannot be accepted into a pass.
    expect(result(TAOBAO_LIVE_REGIONAL_RULES, 'minYearsRegistered', young, context({ strengthStatement: '  ', statementAcceptance: acceptance })).outcome).toBe('fail');
  });

  it('an unknown 店铺账号 is missing, not "no"', () => {
    expect(result(TAOBAO_LIVE_REGIONAL_RULES, 'notShopAccount', applicant({ isShopAccount: null })).outcome).toBe('missing');
    expect(evaluateEligibility(TAOBAO_LIVE_REGIONAL_RULES, applicant({ isShopAccount: null }), context()).eligible).toBe(false);
  });

  it('same city by division: 延边朝鲜族自治州 serves 延边, 绍兴 does not serve 金华', () => {
    expect(result(TAOBAO_LIVE_REGIONAL_RULES, 'sameCity', applicant({ city: '延边朝鲜族自治州', province: '吉林省' }), context({ regionCity: '延边' }))).toMatchObject({ outcome: 'pass', method: 'division' });
    expect(result(TAOBAO_LIVE_REGIONAL_RULES, 'sameCity', applicant({ city: '绍兴市' }))).toMatchObject({ outcome: 'fail', method: 'division' });
  });
});

describe('《精选联盟资质认证》: its own gate set', () => {
  it('is not the 区域产业服务商 gates plus extras: no taxpayer, capital, deposit, city or capability gate', () => {
    const kinds = JINGXUAN_ALLIANCE_RULES.map((r) => r.kind);
    expect(kinds).toEqual(['entityType', 'shopOperating', 'minExperienceScore', 'noRecentPenalties', 'noSeriousViolations', 'brandQualifications', 'classBViolationPoints', 'maxViolations', 'noCooldown']);
    const smallShop = applicant({ creditCode: INDIVIDUAL, taxpayerType: 'small', registeredCapitalWan: 0, depositPaidYuan: 0, isShopAccount: true, city: '广州市', capabilities: [] });
    expect(evaluateEligibility(JINGXUAN_ALLIANCE_RULES, smallShop, context({ shopFacts: GOOD_SHOP }))).toMatchObject({ eligible: true });
  });

  it('个体工商户 (92…) and 企业 may apply; other holders may not', () => {
    expect(result(JINGXUAN_ALLIANCE_RULES, 'entityType', applicant({ creditCode: INDIVIDUAL })).outcome).toBe('pass');
    expect(result(JINGXUAN_ALLIANCE_RULES, 'entityType', applicant({ creditCode: SOCIAL })).outcome).toBe('fail');
  });

  it('体验分 > 70, B类违规 4 points in 30 days closes, more than three violations cannot open', () => {
    const facts = (over: object) => context({ shopFacts: { ...GOOD_SHOP, ...over } });
    expect(result(JINGXUAN_ALLIANCE_RULES, 'minExperienceScore', applicant(), facts({ experienceScore: 70 })).outcome).toBe('fail');
    expect(result(JINGXUAN_ALLIANCE_RULES, 'minExperienceScore', applicant(), facts({ experienceScore: 70.1 })).outcome).toBe('pass');
    expect(result(JINGXUAN_ALLIANCE_RULES, 'classBViolationPoints', applicant(), facts({ classBPoints: 4 }))).toMatchObject({ outcome: 'fail', actual: 4, days: 30, closesAt: 4 });
    expect(result(JINGXUAN_ALLIANCE_RULES, 'classBViolationPoints', applicant(), facts({ classBPoints: 3.5 })).outcome).toBe('pass');
    expect(result(JINGXUAN_ALLIANCE_RULES, 'maxViolations', applicant(), facts({ violationCount: 3 })).outcome).toBe('pass');
    expect(result(JINGXUAN_ALLIANCE_RULES, 'maxViolations', applicant(), facts({ violationCount: 4 }))).toMatchObject({ outcome: 'fail', actual: 4, max: 3 });
    expect(result(JINGXUAN_ALLIANCE_RULES, 'shopOperating', applicant(), facts({ shopOperating: false })).outcome).toBe('fail');
    expect(result(JINGXUAN_ALLIANCE_RULES, 'noRecentPenalties', applicant(), facts({ hasPenaltyRecord: true, lastPenaltyOn: '2026-01-05' })).outcome).toBe('fail');
  });

  it('unknown shop facts are missing, never passed', () => {
    const verdict = evaluateEligibility(JINGXUAN_ALLIANCE_RULES, applicant(), context());
    expect(verdict.results.filter((r) => r.outcome === 'missing').map((r) => r.kind)).toEqual(['shopOperating', 'minExperienceScore', 'noRecentPenalties', 'noSeriousViolations', 'brandQualifications', 'classBViolationPoints', 'maxViolations']);
  });
});

describe('《淘宝网"安心鉴"服务规范》 鉴定机构', () => {
  it('has no hard gate but re-admission: 投流 missing, another city, 小规模纳税人 all stay eligible', () => {
    expect(ANXINJIAN_RULES).toEqual([{ kind: 'noCooldown' }]);
    const institution = applicant({ capabilities: ['bd', 'operation'], city: '上海市', province: '上海市', taxpayerType: 'small' });
    expect(evaluateEligibility(ANXINJIAN_RULES, institution, context({ regionCity: '苏州' }))).toMatchObject({ eligible: true, failed: [] });
    const banned = context({ bans: [{ creditCode: ENTERPRISE, until: '2027-01-01', reason: 'voluntaryExit' }] });
    expect(evaluateEligibility(ANXINJIAN_RULES, institution, banned).eligible).toBe(false);
  });
});

describe('rule sets stored by an earlier version', () => {
  it('read the combined 企业 + 实名认证 rule as its two rules, and give sameCity its default scope', () => {
    const old = JSON.stringify([{ kind: 'realNameVerified' }, { kind: 'minDeposit', minYuan: 100000 }, { kind: 'sameCity' }, { kind: 'minExperienceScore', above: 70 }]);
    expect(parseStoredRules(old)).toEqual([
      { kind: 'entityType', allowed: ['enterprise'] },
      { kind: 'realName' },
      { kind: 'minDeposit', minYuan: 100000 },
      { kind: 'sameCity', scope: 'within' },
      { kind: 'minExperienceScore', above: 70 },
    ]);
    // The old rule next to one of its parts would hold a rule twice.
    expect(ruleSetSchema.safeParse([{ kind: 'realNameVerified' }, { kind: 'realName' }]).success).toBe(false);
  });

  it('every preset is a valid rule set and the catalogue lists each kind once', () => {
    for (const preset of [TAOBAO_LIVE_REGIONAL_RULES, JINGXUAN_ALLIANCE_RULES, ANXINJIAN_RULES]) expect(ruleSetSchema.parse(preset)).toEqual(preset);
    const kinds = RULE_CATALOGUE.map((r) => r.kind);
    expect(new Set(kinds).size).toBe(kinds.length);
    expect(kinds).toHaveLength(17);
  });
});

describe('a natural person (个人, 居民身份证号) at the entity gate', () => {
  const PERSON = applicant({ identityKind: 'individual', creditCode: '11010519491231002X' });
  it('《精选联盟资质认证》 admits 个人 and 个体工商户 besides 企业 (seed 004 所需材料清单)', () => {
    expect(result(JINGXUAN_ALLIANCE_RULES, 'entityType', PERSON)).toMatchObject({ outcome: 'pass', entity: 'person' });
    expect(result(JINGXUAN_ALLIANCE_RULES, 'entityType', applicant({ creditCode: INDIVIDUAL }))).toMatchObject({ outcome: 'pass', entity: 'individualBusiness' });
    expect(evaluateEligibility(JINGXUAN_ALLIANCE_RULES, PERSON, context({ shopFacts: GOOD_SHOP })).eligible).toBe(true);
  });
  it('《淘宝直播区域产业服务商准入标准》 refuses a person and a 个体工商户 as failed gates, with the kind named', () => {
    expect(result(TAOBAO_LIVE_REGIONAL_RULES, 'entityType', PERSON)).toMatchObject({ outcome: 'fail', entity: 'person', allowed: ['enterprise'] });
    expect(result(TAOBAO_LIVE_REGIONAL_RULES, 'entityType', applicant({ creditCode: INDIVIDUAL }))).toMatchObject({ outcome: 'fail', entity: 'individualBusiness' });
    expect(evaluateEligibility(TAOBAO_LIVE_REGIONAL_RULES, PERSON, context()).failed).toContain('entityType');
  });
  it('a person is not mistaken for an organisation from the digits of the ID number', () => {
    // The same string read as a credit code would be no valid code (missing); the kind decides first.
    expect(result(TAOBAO_LIVE_REGIONAL_RULES, 'entityType', applicant({ creditCode: '11010519491231002X' })).outcome).toBe('missing');
  });
});
