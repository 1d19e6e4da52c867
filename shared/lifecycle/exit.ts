// Voluntary exit (主动退出), seed 003 第一条(二)1: a provider may ask to leave once
//   (1) 完成所绑定商家的服务费结算 — service fees to its bound merchants are settled;
//   (2) 交易履行完毕交付、维权投诉处理等交易保障义务 — trade obligations (delivery, complaints) are fulfilled.
// The provider sends 《解除合作申请》, the platform confirms and sends 《终止合作通知》 (DOMAIN.md §1); then
// "主动申请退出的,180天内不允许再准入" (第一条(三)5).
import { z } from 'zod';
import { readmissionAfter, type Readmission } from '../eligibility/readmission';
import { msg } from '../common/validation';
import { isTerminal, type CooperationStatus } from './cooperation';
import type { IsoDay } from './months';

export const EXIT_CONDITIONS = ['merchantFeesSettled', 'tradeObligationsFulfilled'] as const;
export type ExitCondition = (typeof EXIT_CONDITIONS)[number];

const checked = z.boolean(msg('error.boolean')).nullable().default(null);

/** The checklist the chair ticks: true = verified, false = not met, null = not checked yet (never a yes). */
export const exitChecklistSchema = z.object({ merchantFeesSettled: checked, tradeObligationsFulfilled: checked });
export type ExitChecklist = z.output<typeof exitChecklistSchema>;

export interface ExitDecision {
  /** Whether the exit may be confirmed: the cooperation is open and every condition is verified. */
  readonly allowed: boolean;
  /** Conditions not verified (false or unchecked), in EXIT_CONDITIONS order. */
  readonly unmet: readonly ExitCondition[];
  /** False when the cooperation has already ended (已清退 / 已退出). */
  readonly open: boolean;
  readonly effectiveDate: IsoDay;
  /** The cooldown the exit starts: 180 days, readmissionAfter('voluntaryExit', effectiveDate). */
  readonly readmission: Readmission;
}

export function exitDecision(status: CooperationStatus, checklist: ExitChecklist, effectiveDate: IsoDay): ExitDecision {
  const unmet = EXIT_CONDITIONS.filter((c) => checklist[c] !== true);
  const open = !isTerminal(status);
  return { allowed: open && unmet.length === 0, unmet, open, effectiveDate, readmission: readmissionAfter('voluntaryExit', effectiveDate) };
}
