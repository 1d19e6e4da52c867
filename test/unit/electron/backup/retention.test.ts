// The backup schedule: newest per day for 7 days with backups, newest per ISO week for 4 weeks, never the
// newest 3, never the one just made.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backupsToKeep, isoWeekOf } from '../../../../electron/services/backup/retention';

const b = (createdAt: string, name = createdAt) => ({ name, createdAt });
const sorted = (s: Set<string>) => [...s].sort();

describe('isoWeekOf', () => {
  it('follows ISO 8601 at year boundaries', () => {
    expect(isoWeekOf(new Date('2026-01-01T00:00:00Z'))).toBe('2026-W01'); // Thursday
    expect(isoWeekOf(new Date('2027-01-01T00:00:00Z'))).toBe('2026-W53'); // Friday: week of 2026
    expect(isoWeekOf(new Date('2024-12-30T00:00:00Z'))).toBe('2025-W01'); // Monday of 2025's week 1
    expect(isoWeekOf(new Date('2026-12-06T00:00:00Z'))).toBe('2026-W49'); // Sunday ends the week
    expect(isoWeekOf(new Date('2026-12-07T00:00:00Z'))).toBe('2026-W50');
  });
});

describe('backupsToKeep', () => {
  const now = new Date('2026-12-06T12:00:00Z');

  it('keeps only the newest backup of a day (beyond the newest 3)', () => {
    const list = [b('2026-12-06T09:00:00.000Z'), b('2026-12-06T08:00:00.000Z'), b('2026-12-06T07:00:00.000Z'), b('2026-12-06T06:00:00.000Z'), b('2026-12-06T05:00:00.000Z')];
    expect(sorted(backupsToKeep(list, now))).toEqual(['2026-12-06T07:00:00.000Z', '2026-12-06T08:00:00.000Z', '2026-12-06T09:00:00.000Z']);
    expect(sorted(backupsToKeep(list, now, { keepNewest: 0 }))).toEqual(['2026-12-06T09:00:00.000Z']);
  });

  it('keeps one per day for the last 7 days that have backups, then one per ISO week for 4 weeks', () => {
    // Two backups a day for 60 days.
    const list = Array.from({ length: 120 }, (_, i) => b(new Date(now.getTime() - i * 12 * 3_600_000).toISOString()));
    const keep = backupsToKeep(list, now, { keepNewest: 0 });
    const days = new Set([...keep].map((n) => n.slice(0, 10)));
    // 2026-12-06 is a Sunday, so ISO week W49 is 11-30..12-06: the 7 newest days lie in it. The 4 newest weeks
    // are W49 (12-06), W48 (newest: Sunday 11-29), W47 (11-22), W46 (11-15).
    expect([...days].sort()).toEqual(['2026-11-15', '2026-11-22', '2026-11-29', '2026-11-30', '2026-12-01', '2026-12-02', '2026-12-03', '2026-12-04', '2026-12-05', '2026-12-06']);
    expect(keep.size).toBe(10);
    for (const name of keep) expect(name.slice(11)).toBe('12:00:00.000Z'); // the newest of its day
    expect(keep.has('2026-11-08T12:00:00.000Z')).toBe(false);
  });

  it('counts days that have backups, so a laptop left unused keeps its last week of work', () => {
    const list = ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-09-05', '2026-09-06', '2026-09-07', '2026-09-08'].map((d) => b(`${d}T10:00:00.000Z`));
    const keep = backupsToKeep(list, now, { keepNewest: 0, weeks: 0 });
    expect(keep.size).toBe(7);
    expect(keep.has('2026-09-01T10:00:00.000Z')).toBe(false);
  });

  it('never deletes the newest 3 nor the one just made', () => {
    const list = [b('2026-12-06T09:00:00.000Z', 'a'), b('2026-12-06T08:00:00.000Z', 'b'), b('2026-12-06T07:00:00.000Z', 'c'), b('2026-12-06T06:00:00.000Z', 'd')];
    expect(sorted(backupsToKeep(list, now))).toEqual(['a', 'b', 'c']);
    expect(sorted(backupsToKeep(list, now, { justMade: 'd' }))).toEqual(['a', 'b', 'c', 'd']);
  });

  it('reads days in local time: 23:30 UTC on the 5th is the 6th in Beijing', () => {
    const list = [b('2026-12-05T23:30:00.000Z', 'late'), b('2026-12-05T10:00:00.000Z', 'morning')];
    expect(sorted(backupsToKeep(list, now, { keepNewest: 0, weeks: 0 }))).toEqual(['late']); // both on the 5th in UTC
    expect(sorted(backupsToKeep(list, now, { keepNewest: 0, weeks: 0, offsetMinutes: 480 }))).toEqual(['late', 'morning']);
    const sameLocalDay = [b('2026-12-05T23:30:00.000Z', 'late'), b('2026-12-06T01:00:00.000Z', 'early')];
    expect(sorted(backupsToKeep(sameLocalDay, now, { keepNewest: 0, weeks: 0 }))).toEqual(['early', 'late']);
    expect(sorted(backupsToKeep(sameLocalDay, now, { keepNewest: 0, weeks: 0, offsetMinutes: 480 }))).toEqual(['early']);
  });

  it('keeps backups dated in the future (a clock set back must not delete them)', () => {
    const list = [b('2027-01-01T00:00:00.000Z', 'future'), ...Array.from({ length: 10 }, (_, i) => b(`2026-12-06T0${i}:00:00.000Z`))];
    expect(backupsToKeep(list, now, { keepNewest: 0 }).has('future')).toBe(true);
  });

  it('invariants: a subset, at most newest3 + 7 + 4 + 1, always the newest 3 and the one just made', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 200 * 24 }), { minLength: 0, maxLength: 80 }), fc.nat(), (hoursAgo, pick) => {
        const list = [...new Set(hoursAgo)].map((h) => b(new Date(now.getTime() - h * 3_600_000).toISOString()));
        const justMade = list.length ? list[pick % list.length]!.name : null;
        const keep = backupsToKeep(list, now, { justMade });
        for (const name of keep) expect(list.some((x) => x.name === name)).toBe(true);
        expect(keep.size).toBeLessThanOrEqual(Math.min(list.length, 3 + 7 + 4 + 1));
        const newest = [...list].sort((x, y) => y.createdAt.localeCompare(x.createdAt)).slice(0, 3);
        for (const x of newest) expect(keep.has(x.name)).toBe(true);
        if (justMade) expect(keep.has(justMade)).toBe(true);
      }),
    );
  });
});
