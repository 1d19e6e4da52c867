// Voluntary exit (主动退出), seed 003 第一条(二)1: a provider may ask to leave once
//   (1) 完成所绑定商家的服务费结算 — service fees to its bound merchants are settled;
//   (2) 交易履行完毕交付、维权投诉处理等交易保障义务 — trade obligations (delivery, complaints) are fulfilled.
// The provider sends 《解除合作申请》, the platform confirms and sends 《终止合作通知》 (DOMAIN.md §1, seed 000
// 三、2); the waiting period after it is the program's (bans.ts): seed 003 "主动申请退出的,180天内不允许再准入"
// (第一条(三)5), none where the program's rules state none (seeds 000, 001, 002).
import { z } from 'zod';
import { readmissionAfter, type Readmission } from '../eligibility/readmission';
import { msg } from '../common/validation';
import { programReadmission } from './bans';
import { isTerminal, type CooperationStatus } from './cooperation';
import type { KpiRuleSet } from './kpi-rules';
import type { IsoDay } from './months';

/** Seed 003 第一条(二)1's two conditions (the exit conditions of every assessed program). */
export const EXIT_CONDITIONS = ['merchantFeesSettled', 'tradeObligationsFulfilled'] as const;
/**
 * Seed 000 三、2 "符合《淘宝网“安心鉴”服务规范》中主动退出条件的": the conditions are that rulebook's, which
 * the chair verifies as one item (the seed does not list them; seed 003's settlement conditions concern
 * service providers with bound merchants, not inspection institutions).
 */
export const SERVICE_RULES_EXIT_CONDITIONS = ['serviceRulesConditionsMet'] as const;
export type ExitCondition = (typeof EXIT_CONDITIONS)[number] | (typeof SERVICE_RULES_EXIT_CONDITIONS)[number];

/** The exit conditions a program's regime asks for. */
export function exitConditionsFor(ruleSet: Pick<KpiRuleSet, 'kind'> | null): readonly ExitCondition[] {
  return ruleSet?.kind === 'noAssessment' ? SERVICE_RULES_EXIT_CONDITIONS : EXIT_CONDITIONS;
}

const checked = z.boolean(msg('error.boolean')).nullable().default(null);

/** The checklist the chair ticks: true = verified, false = not met, null = not checked yet (never a yes). */
export const exitChecklistSchema = z.object({ merchantFeesSettled: checked, tradeObligationsFulfilled: checked, serviceRulesConditionsMet: checked });
export type ExitChecklist = z.output<typeof exitChecklistSchema>;

export interface ExitDecision {
  /** Whether the exit may be confirmed: the cooperation is open and every condition is verified. */
  readonly allowed: boolean;
  /** Conditions not verified (false or unchecked), in exitConditionsFor order. */
  readonly unmet: readonly ExitCondition[];
  /** False when the cooperation has already ended (已清退 / 已退出). */
  readonly open: boolean;
  readonly effectiveDate: IsoDay;
  /** The waiting period the exit starts: the program's (bans.ts), or seed 003's 180 days without a rule set. */
  readonly readmission: Readmission;
}

export function exitDecision(status: CooperationStatus, checklist: Partial<ExitChecklist>, effectiveDate: IsoDay, ruleSet: Pick<KpiRuleSet, 'kind' | 'bans'> | null = null): ExitDecision {
  const unmet = exitConditionsFor(ruleSet).filter((c) => checklist[c] !== true);
  const open = !isTerminal(status);
  const readmission = ruleSet ? programReadmission(ruleSet, 'voluntaryExit', status, effectiveDate) : readmissionAfter('voluntaryExit', effectiveDate);
  return { allowed: open && unmet.length === 0, unmet, open, effectiveDate, readmission };
}
