// Evaluates a rule set for one application and one region. Pure: the reference date (the round's
// screening date) and the re-admission bans are arguments. A fact that is missing is reported as
// 'missing' and fails the rule — an unknown is never a pass.
import { CAPABILITIES, type Capability, type TaxpayerType } from '../dossiers/schema';
import type { Rule, RuleKind, ShopFacts } from './rules';
import { addDays, addYears } from '../common/dates';

export interface ApplicantFacts {
  creditCode: string;
  realNameVerified: boolean;
  taxpayerType: TaxpayerType;
  registeredCapitalWan: number;
  establishedOn: string; // YYYY-MM-DD
  depositPaidYuan: number;
  isShopAccount: boolean;
  city: string;
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
  shopFacts: ShopFacts;
  bans: readonly ReadmissionBan[];
}

export type Outcome = 'pass' | 'fail' | 'missing';

/** One rule's verdict with the values that decided it, so the UI can say why in words. */
export type RuleResult =
  | { kind: 'realNameVerified'; outcome: Outcome; actual: boolean }
  | { kind: 'generalTaxpayer'; outcome: Outcome; actual: TaxpayerType }
  | { kind: 'minRegisteredCapital'; outcome: Outcome; actualWan: number; minWan: number }
  | { kind: 'minYearsRegistered'; outcome: Outcome; establishedOn: string; requiredBy: string; byStatement: boolean }
  | { kind: 'minDeposit'; outcome: Outcome; actualYuan: number; minYuan: number }
  | { kind: 'notShopAccount'; outcome: Outcome }
  | { kind: 'sameCity'; outcome: Outcome; entityCity: string; regionCity: string }
  | { kind: 'allCapabilities'; outcome: Outcome; missing: Capability[] }
  | { kind: 'noCooldown'; outcome: Outcome; until: string | null; reason: string | null }
  | { kind: 'minExperienceScore'; outcome: Outcome; actual: number | null; above: number }
  | { kind: 'noRecentPenalties'; outcome: Outcome; lastPenaltyOn: string | null; since: string }
  | { kind: 'noSeriousViolations'; outcome: Outcome }
  | { kind: 'brandQualifications'; outcome: Outcome };

export interface EligibilityResult {
  eligible: boolean;
  results: RuleResult[];
  failed: RuleKind[];
}

const verdict = (ok: boolean | null): Outcome => (ok === null ? 'missing' : ok ? 'pass' : 'fail');

/** 杭州市 and 杭州 are the same city; so are full-width and half-width spaces around it. */
export function sameCity(a: string, b: string): boolean {
  const norm = (s: string) => s.replace(/[\s\u3000]/g, '').replace(/(市|地区|盟|自治州)$/, '');
  return norm(a) !== '' && norm(a) === norm(b);
}

function evaluateRule(rule: Rule, a: ApplicantFacts, ctx: EligibilityContext): RuleResult {
  switch (rule.kind) {
    case 'realNameVerified':
      return { kind: rule.kind, outcome: verdict(a.realNameVerified), actual: a.realNameVerified };
    case 'generalTaxpayer':
      return { kind: rule.kind, outcome: verdict(a.taxpayerType === 'general'), actual: a.taxpayerType };
    case 'minRegisteredCapital':
      return { kind: rule.kind, outcome: verdict(a.registeredCapitalWan >= rule.minWan), actualWan: a.registeredCapitalWan, minWan: rule.minWan };
    case 'minYearsRegistered': {
      // Registered for N full years on the reference date: the anniversary must have come.
      const requiredBy = addYears(a.establishedOn, rule.years);
      const oldEnough = requiredBy <= ctx.referenceDate;
      const byStatement = !oldEnough && rule.statementSubstitutes && ctx.strengthStatement.trim() !== '';
      return { kind: rule.kind, outcome: verdict(oldEnough || byStatement), establishedOn: a.establishedOn, requiredBy, byStatement };
    }
    case 'minDeposit':
      return { kind: rule.kind, outcome: verdict(a.depositPaidYuan >= rule.minYuan), actualYuan: a.depositPaidYuan, minYuan: rule.minYuan };
    case 'notShopAccount':
      return { kind: rule.kind, outcome: verdict(!a.isShopAccount) };
    case 'sameCity':
      return { kind: rule.kind, outcome: verdict(sameCity(a.city, ctx.regionCity)), entityCity: a.city, regionCity: ctx.regionCity };
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
  }
}

export function evaluateEligibility(rules: readonly Rule[], applicant: ApplicantFacts, ctx: EligibilityContext): EligibilityResult {
  const results = rules.map((rule) => evaluateRule(rule, applicant, ctx));
  const failed = results.filter((r) => r.outcome !== 'pass').map((r) => r.kind);
  return { eligible: failed.length === 0, results, failed };
}
