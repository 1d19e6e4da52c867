// Which backups to keep: a pure function of the list and `now` (no files touched here), so the schedule is
// tested on its own. The schedule (issue 9 "Trust"):
//   - the newest backup of each of the last 7 calendar days that have backups,
//   - the newest backup of each of the last 4 ISO weeks that have backups,
//   - never the newest 3, never the one just made.
// "Days that have backups" rather than "the last 7 calendar days": a laptop left in a drawer for a month must
// still hold its last week of work when it is switched on again, instead of having nothing "recent" to keep.
// Days and weeks are counted in the committee's local time (offsetMinutes, east of UTC), because "yesterday's
// backup" means the user's yesterday; file names stay in UTC.

export interface RetentionOptions {
  days?: number;
  weeks?: number;
  keepNewest?: number;
  /** Local time offset east of UTC, in minutes (Beijing: 480). */
  offsetMinutes?: number;
  /** The backup just written: never deleted, even if the schedule would drop it. */
  justMade?: string | null;
}

export interface Dated {
  name: string;
  createdAt: string; // ISO 8601 UTC
}

export const RETENTION_DEFAULTS = { days: 7, weeks: 4, keepNewest: 3 } as const;

/** Names to keep, in the input's order; everything else may be deleted. Backups dated after `now` are kept. */
export function backupsToKeep<T extends Dated>(backups: readonly T[], now: Date, options: RetentionOptions = {}): Set<string> {
  const days = options.days ?? RETENTION_DEFAULTS.days;
  const weeks = options.weeks ?? RETENTION_DEFAULTS.weeks;
  const keepNewest = options.keepNewest ?? RETENTION_DEFAULTS.keepNewest;
  const offset = (options.offsetMinutes ?? 0) * 60_000;
  const newestFirst = [...backups].sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || (a.name < b.name ? 1 : -1));
  const keep = new Set<string>();
  newestFirst.slice(0, keepNewest).forEach((b) => keep.add(b.name));
  if (options.justMade) keep.add(options.justMade);

  const byDay = new Map<string, string>(); // day → newest backup of that day (first seen, list is newest first)
  const byWeek = new Map<string, string>();
  for (const b of newestFirst) {
    const at = Date.parse(b.createdAt);
    if (!Number.isFinite(at)) {
      keep.add(b.name); // an unreadable date: not ours to judge
      continue;
    }
    // A clock set back must not make the schedule delete what it cannot place.
    if (at > now.getTime()) {
      keep.add(b.name);
      continue;
    }
    const local = new Date(at + offset);
    const day = local.toISOString().slice(0, 10);
    if (!byDay.has(day)) byDay.set(day, b.name);
    const week = isoWeekOf(local);
    if (!byWeek.has(week)) byWeek.set(week, b.name);
  }
  [...byDay.values()].slice(0, days).forEach((n) => keep.add(n));
  [...byWeek.values()].slice(0, weeks).forEach((n) => keep.add(n));
  return keep;
}

/** ISO 8601 week of a date read in UTC fields, e.g. "2026-W49" (weeks start on Monday; week 1 holds 4 January). */
export function isoWeekOf(date: Date): string {
  const d = new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate()));
  const weekday = d.getUTCDay() || 7;
  d.setUTCDate(d.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const yearStart = Date.UTC(d.getUTCFullYear(), 0, 1);
  const week = Math.ceil(((d.getTime() - yearStart) / 86_400_000 + 1) / 7);
  return `${d.getUTCFullYear()}-W${String(week).padStart(2, '0')}`;
}
