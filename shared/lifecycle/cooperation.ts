// The cooperation (合作) an admitted application becomes, and the statuses it moves through (issue 4,
// DOMAIN.md §3–§5). Statuses change only by events; this module is the single table of which event may
// happen in which status, so storage, services and UI ask it rather than repeating the rules.
import { z } from 'zod';
import { msg } from '../common/validation';

export const COOPERATION_STATUSES = [
  'trial', // 试跑 (seed 001 §3.2)
  'formal', // 正式 (转正后 / seed 002 认证后)
  'rectification', // 整改中 (seed 002: 一次通知整改)
  'terminated', // 已清退 (seed 003 第一条(二)2 被清退)
  'exited', // 已退出 (seed 003 第一条(二)1 主动退出)
] as const;
export type CooperationStatus = (typeof COOPERATION_STATUSES)[number];

export const COOPERATION_EVENTS = [
  'confirm', // 转正 / 提前转正: the trial is passed
  'rectify', // 整改通知 issued
  'resolveRectification', // the rectification is resolved (a passed month, seed 002)
  'terminate', // 清退, with a reason category (termination.ts)
  'exit', // 主动退出, once its conditions hold (exit.ts)
] as const;
export type CooperationEvent = (typeof COOPERATION_EVENTS)[number];

export const cooperationStatusSchema = z.enum(COOPERATION_STATUSES, msg('error.choose'));
export const cooperationEventSchema = z.enum(COOPERATION_EVENTS, msg('error.choose'));

/** Statuses no event leaves. Applying again (再准入) makes a NEW cooperation from a new application. */
export const TERMINAL_STATUSES: readonly CooperationStatus[] = Object.freeze(['terminated', 'exited'] as const);

const OPEN: readonly CooperationStatus[] = ['trial', 'formal', 'rectification'];

/**
 * The transition table. Decisions (issue 4 leaves them open):
 * - rectify only from 'formal': seed 002 (the only rule with a notice) has no trial, and seed 001 answers a
 *   failed trial with termination, not a notice. Allowing it from 'trial' would also leave unclear where a
 *   resolved rectification returns to.
 * - resolveRectification returns to 'formal', the only status a rectification can come from.
 * - terminate and exit from every open status: a provider may be 清退 at any time under seed 003's rules
 *   (conduct, law), and may ask to leave at any time once the exit conditions hold. Whether leaving while
 *   in rectification shortens the wait before applying again is the program's rule (bans.ts): under seed
 *   003 both a failed assessment and an exit wait 180 days, so nothing is gained.
 * - A program without assessment (安心鉴, seed 000) uses the same table: it starts 'formal' (kpi-rules.ts
 *   initialStatus) and only terminate or exit ever apply to it.
 */
export const TRANSITIONS: Readonly<Record<CooperationEvent, { readonly from: readonly CooperationStatus[]; readonly to: CooperationStatus }>> = Object.freeze({
  confirm: { from: ['trial'], to: 'formal' },
  rectify: { from: ['formal'], to: 'rectification' },
  resolveRectification: { from: ['rectification'], to: 'formal' },
  terminate: { from: OPEN, to: 'terminated' },
  exit: { from: OPEN, to: 'exited' },
});

export function isTerminal(status: CooperationStatus): boolean {
  return TERMINAL_STATUSES.includes(status);
}

/** The status after `event`, or null when the event is not allowed in `from`. */
export function nextStatus(from: CooperationStatus, event: CooperationEvent): CooperationStatus | null {
  const t = TRANSITIONS[event];
  return t.from.includes(from) ? t.to : null;
}

/** The events allowed in a status, in COOPERATION_EVENTS order (empty for a terminal status). */
export function allowedEvents(from: CooperationStatus): CooperationEvent[] {
  return COOPERATION_EVENTS.filter((e) => nextStatus(from, e) !== null);
}

/** The event that moves `from` to `to`, or null when no single event does (each pair has at most one). */
export function eventFor(from: CooperationStatus, to: CooperationStatus): CooperationEvent | null {
  return COOPERATION_EVENTS.find((e) => nextStatus(from, e) === to) ?? null;
}

export function canTransition(from: CooperationStatus, to: CooperationStatus): boolean {
  return eventFor(from, to) !== null;
}

export type ReplayResult =
  | { readonly ok: true; readonly status: CooperationStatus }
  | { readonly ok: false; readonly status: CooperationStatus; readonly failedAt: number; readonly event: CooperationEvent };

/**
 * Replays a dated history's events from `initial` (the storage can check a history before saving it).
 * Stops at the first event that is not allowed: `status` is the status before it, `failedAt` its index.
 */
export function replayEvents(initial: CooperationStatus, events: readonly CooperationEvent[]): ReplayResult {
  let status = initial;
  for (const [i, event] of events.entries()) {
    const next = nextStatus(status, event);
    if (next === null) return { ok: false, status, failedAt: i, event };
    status = next;
  }
  return { ok: true, status };
}
