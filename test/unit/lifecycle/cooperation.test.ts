// Cooperation statuses and the one table of allowed transitions (issue 4: 试跑 → 正式, 整改中, 已清退, 已退出).
import { describe, expect, it } from 'vitest';
import {
  COOPERATION_EVENTS,
  COOPERATION_STATUSES,
  SEED_001_RULE_SET,
  SEED_002_RULE_SET,
  allowedEvents,
  canTransition,
  cooperationStatusSchema,
  eventFor,
  initialStatus,
  isTerminal,
  nextStatus,
  replayEvents,
  type CooperationStatus,
} from '../../../shared/lifecycle';

describe('cooperation statuses', () => {
  it('allows exactly these transitions (every other pair is refused)', () => {
    const allowed = COOPERATION_STATUSES.flatMap((from) => COOPERATION_STATUSES.filter((to) => canTransition(from, to)).map((to) => `${from}→${to}`));
    expect(allowed.sort()).toEqual(
      [
        'trial→formal',
        'trial→terminated',
        'trial→exited',
        'formal→rectification',
        'formal→terminated',
        'formal→exited',
        'rectification→formal',
        'rectification→terminated',
        'rectification→exited',
      ].sort(),
    );
  });

  it('names the event behind each transition', () => {
    expect(eventFor('trial', 'formal')).toBe('confirm');
    expect(eventFor('formal', 'rectification')).toBe('rectify');
    expect(eventFor('rectification', 'formal')).toBe('resolveRectification');
    expect(eventFor('rectification', 'terminated')).toBe('terminate');
    expect(eventFor('trial', 'exited')).toBe('exit');
    expect(eventFor('trial', 'rectification')).toBeNull(); // decision: a notice only in 正式
    expect(eventFor('formal', 'trial')).toBeNull();
  });

  it('terminated and exited are terminal: no event leaves them, re-admission is a new cooperation', () => {
    expect(COOPERATION_STATUSES.filter(isTerminal)).toEqual(['terminated', 'exited']);
    for (const s of ['terminated', 'exited'] as const) {
      expect(allowedEvents(s)).toEqual([]);
      for (const e of COOPERATION_EVENTS) expect(nextStatus(s, e)).toBeNull();
    }
    expect(allowedEvents('formal')).toEqual(['rectify', 'terminate', 'exit']);
  });

  it('seed 001 starts in the trial, seed 002 certifies straight into 正式', () => {
    expect(initialStatus(SEED_001_RULE_SET)).toBe('trial');
    expect(initialStatus(SEED_002_RULE_SET)).toBe('formal');
  });

  it('replays a history and stops at the first event not allowed', () => {
    expect(replayEvents('formal', ['rectify', 'resolveRectification', 'rectify', 'terminate'])).toEqual({ ok: true, status: 'terminated' });
    expect(replayEvents('trial', ['confirm', 'resolveRectification'])).toEqual({ ok: false, status: 'formal', failedAt: 1, event: 'resolveRectification' });
    expect(replayEvents('trial', ['exit', 'confirm'])).toMatchObject({ ok: false, status: 'exited', failedAt: 1 });
  });

  it('validates statuses with the choose key', () => {
    expect(cooperationStatusSchema.safeParse('paused').error?.issues[0]?.message).toBe('error.choose');
    expect(cooperationStatusSchema.parse('trial' satisfies CooperationStatus)).toBe('trial');
  });
});
