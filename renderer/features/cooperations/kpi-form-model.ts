// The KPI rule set form (考核规则): one flat form for all three regimes, validated by the shared
// kpiRuleSetSchema. The union's object schemas strip keys they do not know, so the other regime's leftover
// fields never reach the backend.
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import { toNestErrors } from '@hookform/resolvers';
import {
  BUILT_IN_RULE_SETS,
  PRESET_FOR_KIND,
  kpiRuleSetSchema,
  type BanRules,
  type BuiltInRuleSetKey,
  type KpiRuleSet,
  type KpiRuleSetKind,
  type MonthlyWarningRuleSet,
  type NoAssessmentRuleSet,
  type PeriodicRuleSet,
} from '../../../shared/lifecycle/kpi-rules';
import { rulesResolver } from '../rounds/common/rules-resolver';

type Loose<T> = { [K in keyof Omit<T, 'kind' | 'bans'>]?: T[K] | null };
export type KpiFormValues = FieldValues & { kind: KpiRuleSetKind; bans?: { [K in keyof BanRules]?: number | null } } & Loose<PeriodicRuleSet> & Loose<MonthlyWarningRuleSet> & Loose<NoAssessmentRuleSet>;

export const PERIODIC_NUMBERS = ['trialMonths', 'periodMonths', 'minNewlyBound', 'minGmvYuan', 'minFirstMonthOrders', 'minMonthlyGrowthPercent', 'minStaffPassedExam'] as const;
export const MONTHLY_NUMBERS = ['firstAssessedMonthOffset', 'minMerchantLevel', 'minPickupRatePercent', 'minResponseRatePercent'] as const;
const REQUIRED: Record<KpiRuleSetKind, readonly string[]> = { periodic: PERIODIC_NUMBERS, monthlyWarning: MONTHLY_NUMBERS, noAssessment: [] };

/** The presets in the order offered: named after the platform rule each follows. */
export const PRESETS: readonly BuiltInRuleSetKey[] = ['douyinQuarterly', 'taoteMonthly', 'anxinjian'];

const schemaResolver = rulesResolver<KpiFormValues, KpiRuleSet>(kpiRuleSetSchema, 'error.rule.');

/**
 * The schema's fields have defaults (the seeds' numbers), so a field the chair cleared would silently come
 * back as the seed's value. A cleared threshold (null) is reported as 必填 here instead; the rest is the
 * schema's. A cleared waiting period is meaningful (null = none) and passes as such.
 */
export const kpiResolver: Resolver<KpiFormValues, unknown, KpiRuleSet> = async (values, context, options) => {
  const empty: Record<string, FieldError> = {};
  for (const name of REQUIRED[values.kind]) if (values[name] == null) empty[name] = { type: 'required', message: 'error.required' };
  if (Object.keys(empty).length) return { values: {}, errors: toNestErrors(empty, options) };
  return schemaResolver(values, context, options);
};

export const SEED_FOR_KIND: Record<KpiRuleSetKind, BuiltInRuleSetKey> = PRESET_FOR_KIND;

/** Form values from a rule set (the program's, or a built-in one as the starting point). */
export const kpiFormValues = (rules: KpiRuleSet): KpiFormValues => ({ ...rules, bans: { ...rules.bans } });

export const seedValues = (key: BuiltInRuleSetKey): KpiFormValues => kpiFormValues({ ...BUILT_IN_RULE_SETS[key] });
