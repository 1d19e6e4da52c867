// Evaluates a rule set for one application and one region. Pure: the reference date (the round's
// screening date) and the re-admission bans are arguments. A fact that is missing is reported as
// 'missing' and fails the rule — an unknown is never a pass (an unknown 店铺账号 is not "no").
import { CAPABILITIES, type Capability, type TaxpayerType } from '../dossiers/schema';
import { entityOfCreditCode, type EntityKind } from '../dossiers/credit-code';
import type { IdentityKind } from '../dossiers/identity';
import type { Rule, RuleKind, ShopFacts } from './rules';
import { matchServiceCity } from './same-city';
import { addDays, addYears } from '../common/dates';

export interface ApplicantFacts {
  /** Absent: an organisation (dossiers of earlier versions). A person holds a 居民身份证号 in creditCode. */
  identityKind?: IdentityKind;
  creditCode: string;
  realNameVerified: boolean;
  taxpayerType: TaxpayerType;
  registeredCapitalWan: number;
  establishedOn: string; // YYYY-MM-DD
  depositPaidYuan: number;
  /** null: not known (a blank cell in an import), which is not "no". */
  isShopAccount: boolean | null;
  city: string;
  /** Narrows an ambiguous city name (朝阳区 in 北京市); optional. */
  province?: string;
  capabilities: readonly Capability[];
}

/**
 * A re-admission ban from an earlier termination or exit (DOMAIN §5); `until` null means never. The caller
 * passes only the bans of the round's program (or unscoped legacy ones). A ban is judged as of the
 * reference date: it applies when startsOn ≤ referenceDate < until and it was not lifted by then, so a ban
 * that starts, or is lifted, after a round's reference date never changes that round's screening.
 */
export interface ReadmissionBan {
  creditCode: string;
  startsOn?: string; // YYYY-MM-DD: effective date of the termination/exit; absent = in force from the start
  until: string | null; // YYYY-MM-DD: may apply again on this day (seed 003: "180天后方可再申请")
  liftedOn?: string | null; // YYYY-MM-DD: the chair lifted it from this day; absent/null = not lifted
  reason: string; // reason category code, e.g. 'failedAssessment'
}

/** In force on `date`: started, not yet at its first allowed day, not lifted. */
export const banInForce = (b: ReadmissionBan, date: string): boolean =>
  (b.startsOn === undefined || b.startsOn <= date) && (b.until === null || b.until > date) && (b.liftedOn == null || b.liftedOn > date);

export interface EligibilityContext {
  referenceDate: string; // YYYY-MM-DD
  regionCity: string;
  strengthStatement: string; // 主体优势说明, '' when none
  /** The committee's acceptance of that statement (who, when, why); null while none is recorded. */
  statementAcceptance?: StatementAcceptance | null;
  shopFacts: ShopFacts;
  bans: readonly ReadmissionBan[];
}

export interface StatementAcceptance {
  by: string;
  at: string;
  reason: string;
}

export type Outcome = 'pass' | 'fail' | 'missing';

/** Where the 主体优势说明 stands: none written, written and awaiting the committee, accepted by it. */
export type StatementState = 'none' | 'awaiting' | 'accepted';

/** One rule's verdict with the values that decided it, so the UI can say why in words. */
export type RuleResult =
  | { kind: 'entityType'; outcome: Outcome; entity: EntityKind | null; authority: string; category: string; allowed: EntityKind[] }
  | { kind: 'realName'; outcome: Outcome; actual: boolean }
  | { kind: 'generalTaxpayer'; outcome: Outcome; actual: TaxpayerType }
  | { kind: 'minRegisteredCapital'; outcome: Outcome; actualWan: number; minWan: number }
  | { kind: 'minYearsRegistered'; outcome: Outcome; establishedOn: string; requiredBy: string; byStatement: boolean; statement: StatementState; acceptance: StatementAcceptance | null }
  | { kind: 'minDeposit'; outcome: Outcome; actualYuan: number; minYuan: number }
  | { kind: 'notShopAccount'; outcome: Outcome }
  | { kind: 'sameCity'; outcome: Outcome; entityCity: string; regionCity: string; method: 'division' | 'name'; entityPath: string[]; regionPath: string[] }
  | { kind: 'allCapabilities'; outcome: Outcome; missing: Capability[] }
  | { kind: 'noCooldown'; outcome: Outcome; until: string | null; reason: string | null }
  | { kind: 'minExperienceScore'; outcome: Outcome; actual: number | null; above: number }
  | { kind: 'noRecentPenalties'; outcome: Outcome; lastPenaltyOn: string | null; since: string }
  | { kind: 'noSeriousViolations'; outcome: Outcome }
  | { kind: 'brandQualifications'; outcome: Outcome }
  | { kind: 'shopOperating'; outcome: Outcome }
  | { kind: 'classBViolationPoints'; outcome: Outcome; actual: number | null; days: number; closesAt: number }
  | { kind: 'maxViolations'; outcome: Outcome; actual: number | null; max: number };

export interface EligibilityResult {
  eligible: boolean;
  results: RuleResult[];
  failed: RuleKind[];
}

const verdict = (ok: boolean | null): Outcome => (ok === null ? 'missing' : ok ? 'pass' : 'fail');

/** Whether an entity in city `a` serves city `b` (same-city.ts: by GB/T 2260 division, else by name). */
export function sameCity(a: string, b: string): boolean {
  return matchServiceCity({ city: a }, b).same === true;
}

function evaluateRule(rule: Rule, a: ApplicantFacts, ctx: EligibilityContext): RuleResult {
  switch (rule.kind) {
    case 'entityType': {
      const allowed = [...rule.allowed];
      // A natural person (个人, 居民身份证号) is its own kind: admitted only where the rule lists it
      // (《精选联盟资质认证》 "个人资质"), refused in words everywhere else.
      if (a.identityKind === 'individual') return { kind: rule.kind, outcome: verdict(allowed.includes('person')), entity: 'person', authority: '', category: '', allowed };
      // GB 32100: 9 + 1 = 企业, 9 + 2 = 个体工商户; an invalid code says nothing, so the fact is missing.
      const entity = entityOfCreditCode(a.creditCode);
      return { kind: rule.kind, outcome: verdict(entity === null ? null : allowed.includes(entity.kind)), entity: entity?.kind ?? null, authority: entity?.authority ?? '', category: entity?.category ?? '', allowed };
    }
    case 'realName':
      return { kind: rule.kind, outcome: verdict(a.realNameVerified), actual: a.realNameVerified };
    case 'generalTaxpayer':
      return { kind: rule.kind, outcome: verdict(a.taxpayerType === 'general'), actual: a.taxpayerType };
    case 'minRegisteredCapital':
      return { kind: rule.kind, outcome: verdict(a.registeredCapitalWan >= rule.minWan), actualWan: a.registeredCapitalWan, minWan: rule.minWan };
    case 'minYearsRegistered': {
      // Registered for N full years on the reference date: the anniversary must have come.
      const requiredBy = addYears(a.establishedOn, rule.years);
      const oldEnough = requiredBy <= ctx.referenceDate;
      // seed 003 "如注册时间未满1年，需补充主体优势说明": the statement is judged by the committee; until it is
      // accepted (who, when, why recorded) it stands in for nothing.
      const acceptance = ctx.statementAcceptance ?? null;
      const statement: StatementState = ctx.strengthStatement.trim() === '' ? 'none' : acceptance ? 'accepted' : 'awaiting';
      const byStatement = !oldEnough && rule.statementSubstitutes && statement === 'accepted';
      return { kind: rule.kind, outcome: verdict(oldEnough || byStatement), establishedOn: a.establishedOn, requiredBy, byStatement, statement, acceptance: statement === 'accepted' ? acceptance : null };
    }
    case 'minDeposit':
      return { kind: rule.kind, outcome: verdict(a.depositPaidYuan >= rule.minYuan), actualYuan: a.depositPaidYuan, minYuan: rule.minYuan };
    case 'notShopAccount':
      return { kind: rule.kind, outcome: verdict(a.isShopAccount === null ? null : !a.isShopAccount) };
    case 'sameCity': {
      const m = matchServiceCity({ city: a.city, province: a.province }, ctx.regionCity, rule.scope);
      return { kind: rule.kind, outcome: verdict(m.same), entityCity: a.city, regionCity: ctx.regionCity, method: m.method, entityPath: m.entityPath, regionPath: m.regionPath };
    }
    case 'allCapabilities': {
      const missing = CAPABILITIES.filter((c) => !a.capabilities.includes(c));
      return { kind: rule.kind, outcome: verdict(missing.length === 0), missing };
    }
    case 'noCooldown': {
      // The latest-ending ban decides; a permanent ban (until = null) outranks any date.
      const active = ctx.bans.filter((b) => b.creditCode === a.creditCode && banInForce(b, ctx.referenceDate));
      const decisive = active.find((b) => b.until === null) ?? active.sort((x, y) => (y.until! > x.until! ? 1 : -1))[0];
      return { kind: rule.kind, outcome: verdict(!decisive), until: decisive?.until ?? null, reason: decisive?.reason ?? null };
    }
    case 'minExperienceScore': {
      const actual = ctx.shopFacts.experienceScore;
      return { kind: rule.kind, outcome: verdict(actual === null ? null : actual > rule.above), actual, above: rule.above };
    }
    case 'noRecentPenalties': {
      const since = addDays(ctx.referenceDate, -rule.days);
      const { hasPenaltyRecord, lastPenaltyOn } = ctx.shopFacts;
      const known = hasPenaltyRecord === false || lastPenaltyOn !== null;
      return { kind: rule.kind, outcome: verdict(known ? lastPenaltyOn === null || lastPenaltyOn < since : null), lastPenaltyOn, since };
    }
    case 'noSeriousViolations':
      return { kind: rule.kind, outcome: verdict(ctx.shopFacts.seriousViolations === null ? null : !ctx.shopFacts.seriousViolations) };
    case 'brandQualifications':
      return { kind: rule.kind, outcome: verdict(ctx.shopFacts.brandQualificationsComplete) };
    case 'shopOperating':
      return { kind: rule.kind, outcome: verdict(ctx.shopFacts.shopOperating) };
    case 'classBViolationPoints': {
      const actual = ctx.shopFacts.classBPoints;
      return { kind: rule.kind, outcome: verdict(actual === null ? null : actual < rule.closesAt), actual, days: rule.days, closesAt: rule.closesAt };
    }
    case 'maxViolations': {
      // "违规超过三次" — more than `max`: the third violation still allows re-opening, the fourth does not.
      const actual = ctx.shopFacts.violationCount;
      return { kind: rule.kind, outcome: verdict(actual === null ? null : actual <= rule.max), actual, max: rule.max };
    }
  }
}

export function evaluateEligibility(rules: readonly Rule[], applicant: ApplicantFacts, ctx: EligibilityContext): EligibilityResult {
  const results = rules.map((rule) => evaluateRule(rule, applicant, ctx));
  const failed = results.filter((r) => r.outcome !== 'pass').map((r) => r.kind);
  return { eligible: failed.length === 0, results, failed };
}
