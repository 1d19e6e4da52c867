// The typing rules of DateInput / MonthInput (issue 11: dates show as 2026-12-06 whatever the browser's
// locale; <input type=date> shows mm/dd/yyyy in an English Chromium). Pure functions, unit-tested: digits
// typed are grouped as YYYY-MM-DD (or YYYY-MM), other characters dropped, hyphens inserted; arrow keys step
// the part under the caret. Validity is the app's own (shared/common/validation.ts isoDate): a real day
// between 1900-01-01 and 2100-12-31.
import { DATE_MAX, DATE_MIN } from '../../shared/common/validation';

export type DateKind = 'date' | 'month';

const LENGTH: Record<DateKind, number> = { date: 10, month: 7 };

/** Groups the digits typed into YYYY-MM-DD / YYYY-MM; a trailing hyphen is kept while typing ("2026-"). */
export function maskDateText(raw: string, kind: DateKind): string {
  // Accept the separators people type in Chinese dates too (2026/12/6, 2026.12.6, 2026年12月6日).
  const parts = raw.trim().split(/[-/.年月日\s]+/).filter((p) => p !== '');
  if (parts.length >= 2 && parts.every((p) => /^\d+$/.test(p)) && parts[0]!.length === 4 && parts.slice(1).every((p) => p.length <= 2)) {
    const [y, m, d] = parts;
    const padded = [y!, m!.padStart(m!.length === 1 && (parts.length > 2 || /[-/.月]$/.test(raw)) ? 2 : m!.length, '0')];
    if (kind === 'date' && d !== undefined) padded.push(d.padStart(/[日]$/.test(raw) ? 2 : d.length, '0'));
    const joined = padded.join('-');
    return (raw.endsWith('-') && joined.length < LENGTH[kind] ? `${joined}-` : joined).slice(0, LENGTH[kind]);
  }
  const digits = raw.replace(/\D/g, '').slice(0, kind === 'date' ? 8 : 6);
  let out = digits.slice(0, 4);
  if (digits.length > 4 || (digits.length === 4 && raw.endsWith('-'))) out += '-' + digits.slice(4, 6);
  if (kind === 'date' && (digits.length > 6 || (digits.length === 6 && raw.endsWith('-')))) out += '-' + digits.slice(6, 8);
  return out;
}

/** A complete, existing day (or month) within the app's range; '' is not valid (callers treat it as empty). */
export function isCompleteDate(text: string, kind: DateKind): boolean {
  if (kind === 'month') return /^\d{4}-(0[1-9]|1[0-2])$/.test(text) && `${text}-01` >= DATE_MIN && `${text}-01` <= DATE_MAX;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === text && text >= DATE_MIN && text <= DATE_MAX;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * ArrowUp/ArrowDown on a complete value: the year, month or day under the caret moves by one (months and
 * days wrap within their range, the day is clamped to the month's length). null when there is nothing to step.
 */
export function stepDatePart(text: string, kind: DateKind, caret: number, delta: 1 | -1): string | null {
  if (!isCompleteDate(text, kind)) return null;
  let year = Number(text.slice(0, 4));
  let month = Number(text.slice(5, 7));
  let day = kind === 'date' ? Number(text.slice(8, 10)) : 1;
  const part = caret <= 4 ? 'year' : caret <= 7 || kind === 'month' ? 'month' : 'day';
  if (part === 'year') year += delta;
  if (part === 'month') month = ((month - 1 + delta + 12) % 12) + 1;
  if (part === 'day') day = ((day - 1 + delta + daysIn(year, month)) % daysIn(year, month)) + 1;
  day = Math.min(day, daysIn(year, month));
  const ym = `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}`;
  const next = kind === 'month' ? ym : `${ym}-${String(day).padStart(2, '0')}`;
  return isCompleteDate(next, kind) ? next : null;
}

/** On leaving the field: single-digit months and days get their zero (2026-3-5 → 2026-03-05). */
export function padDateText(text: string, kind: DateKind): string {
  const m = /^(\d{4})-(\d{1,2})(?:-(\d{1,2}))?$/.exec(text);
  if (!m) return text;
  const ym = `${m[1]}-${m[2]!.padStart(2, '0')}`;
  if (kind === 'month') return m[3] === undefined ? ym : text;
  return m[3] === undefined ? text : `${ym}-${m[3].padStart(2, '0')}`;
}
