// An applicant that passes every admission gate, and a screening context, for the eligibility tests; each
// test overrides only the facts it is about.
import type { ApplicantFacts, EligibilityContext } from '../../shared/eligibility/evaluate';
import { shopFactsSchema } from '../../shared/eligibility/rules';

export const applicantFacts = (over: Partial<ApplicantFacts> = {}): ApplicantFacts => ({
  creditCode: '91330100716105852F',
  realNameVerified: true,
  taxpayerType: 'general',
  registeredCapitalWan: 50,
  establishedOn: '2020-01-01',
  depositPaidYuan: 100_000,
  isShopAccount: false,
  city: '杭州市',
  province: '浙江省',
  capabilities: ['bd', 'operation', 'coaching', 'training', 'traffic', 'sourcing'],
  ...over,
});

export const eligibilityContext = (over: Partial<EligibilityContext> = {}): EligibilityContext => ({
  referenceDate: '2026-11-23',
  regionCity: '杭州',
  strengthStatement: '',
  shopFacts: shopFactsSchema.parse({}),
  bans: [],
  ...over,
});
