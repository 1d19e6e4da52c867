// The set-up form's shape: the round (name, reference date, ranking options) and its program (platform, name,
// admission rules), converted from and to what the API takes. Validation is the shared schemas'; the rule
// editor shows every known rule kind with an on/off switch, so its rows carry thresholds of disabled rules too.
import { z } from 'zod';
import { isoDate, msg, requiredText } from '../../../../shared/common/validation';
import { roundRankingOptionsSchema } from '../../../../shared/ranking/schema';
import { RULE_CATALOGUE as CATALOGUE, ruleSchema, type CityScope, type Rule, type RuleKind } from '../../../../shared/eligibility/rules';
import type { EntityKind } from '../../../../shared/dossiers/credit-code';
import type { Aggregation, PriceMode, RankingOptions, TieBreakLevel } from '../../../../shared/ranking/types';
import type { Program, Round } from '../../../../shared/rounds/views';

/** Every rule kind once, in the order the platform rules list them, with their default thresholds. */
export const RULE_CATALOGUE: readonly Rule[] = CATALOGUE;

export interface RuleRow {
  kind: RuleKind;
  enabled: boolean;
  minWan?: number;
  years?: number;
  statementSubstitutes?: boolean;
  minYuan?: number;
  above?: number;
  days?: number;
  allowed?: EntityKind[];
  scope?: CityScope;
  closesAt?: number;
  max?: number;
}

export interface OptionsValues {
  criteria: { key: string; weight: number }[];
  scale: { min: number; max: number };
  aggregation: Aggregation;
  trimMinScores: number;
  priceMode: PriceMode;
  priceCriterion: string;
  technicalCriterion: string;
  minimumTotal: number | null;
  tieBreak: TieBreakLevel[];
  committeeOrder: Record<string, string[]>;
  cap: number | null;
}

export interface SetupValues {
  name: string;
  referenceDate: string;
  options: OptionsValues;
  program: { platform: string; name: string; rules: RuleRow[] };
}

const threshold = (max: number) => z.number(msg('error.number')).finite(msg('error.number')).min(0, msg('error.negative')).max(max, msg('error.tooLarge'));
/** Thresholds the editor shows per rule kind; checked only when the rule is on. */
const THRESHOLDS: Partial<Record<RuleKind, Record<string, z.ZodType>>> = {
  minRegisteredCapital: { minWan: threshold(10_000_000) },
  minYearsRegistered: { years: threshold(50).int(msg('error.integer')) },
  minDeposit: { minYuan: threshold(1_000_000_000) },
  minExperienceScore: { above: threshold(100) },
  noRecentPenalties: { days: threshold(3650).int(msg('error.integer')).min(1, msg('error.positive')) },
  classBViolationPoints: { days: threshold(3650).int(msg('error.integer')).min(1, msg('error.positive')), closesAt: threshold(100).positive(msg('error.positive')) },
  maxViolations: { max: threshold(100).int(msg('error.integer')) },
  entityType: { allowed: z.array(z.string()).min(1, msg('setup.rules.entityTypeRequired')) },
};

// Typed by hand: the loose row objects go in as the editor's RuleRow[], the shared Rule[] comes out.
const ruleRowsSchema = z
  .array(z.looseObject({ kind: z.string(), enabled: z.boolean() }))
  .superRefine((rows, ctx) => {
    rows.forEach((row, index) => {
      if (!row.enabled) return;
      for (const [field, schema] of Object.entries(THRESHOLDS[row.kind as RuleKind] ?? {})) {
        const checked = schema.safeParse(row[field]);
        if (!checked.success) ctx.addIssue({ code: 'custom', path: [index, field], message: checked.error.issues[0]!.message });
      }
    });
  })
  // The shared rule schema keeps, per kind, only that kind's fields.
  .transform((rows): Rule[] => rows.filter((row) => row.enabled).map(({ enabled: _enabled, ...rule }) => ruleSchema.parse(rule))) as unknown as z.ZodType<Rule[], RuleRow[]>;

export const setupSchema = z.object({
  name: requiredText(100),
  referenceDate: isoDate,
  options: roundRankingOptionsSchema,
  program: z.object({ platform: requiredText(30), name: requiredText(100), rules: ruleRowsSchema }),
});
export type SetupOutput = z.output<typeof setupSchema>;

export function ruleRows(rules: readonly Rule[]): RuleRow[] {
  return RULE_CATALOGUE.map((seed) => {
    const own = rules.find((r) => r.kind === seed.kind);
    return { ...seed, ...own, enabled: own !== undefined };
  });
}

export function optionsValues(o: RankingOptions): OptionsValues {
  return {
    criteria: o.criteria.map((c) => ({ key: c.key, weight: c.weight })),
    scale: { ...o.scale },
    aggregation: o.aggregation,
    trimMinScores: o.trimMinScores,
    priceMode: o.priceMode,
    priceCriterion: o.priceCriterion,
    technicalCriterion: o.technicalCriterion,
    minimumTotal: o.minimumTotal,
    tieBreak: [...o.tieBreak],
    committeeOrder: Object.fromEntries(Object.entries(o.committeeOrder).map(([k, v]) => [k, [...v]])),
    cap: o.cap,
  };
}

export function setupValues(round: Round, program: Program): SetupValues {
  return {
    name: round.name,
    referenceDate: round.referenceDate,
    options: optionsValues(round.options),
    program: { platform: program.platform, name: program.name, rules: ruleRows(program.rules) },
  };
}

/**
 * What the set-up form edits of a round, as text: when a reload brings a round whose settings still equal
 * what the form started from, only its version moved (a region or an application changed), so the form
 * keeps its edits and saves against the new version. The committee's tie order is set on the ranking tab.
 */
export function settingsKey(round: Round): string {
  const { committeeOrder: _order, ...options } = round.options;
  return JSON.stringify([round.name, round.referenceDate, options]);
}

/** Sum of the weights in hundredths, the way the schema compares it (33.33 + 33.33 + 33.34 = 100); a weight not
 * (yet) a number counts as 0, so the running total follows the typing. */
export function weightsTotal(criteria: readonly { weight: unknown }[]): number {
  const hundredths = criteria.reduce((sum, c) => sum + (typeof c.weight === 'number' && Number.isFinite(c.weight) ? Math.round(c.weight * 100) : 0), 0);
  return hundredths / 100;
}
