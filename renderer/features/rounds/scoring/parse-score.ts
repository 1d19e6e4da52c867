// What a member typed into a score cell, read the way they type it: a Chinese IME in full-width mode gives
// ８５ and 。 instead of 85 and ., so both are accepted. The checks mirror the backend's (scale, 2 decimals)
// only to refuse a bad value inline, before a round trip; the backend checks again and decides.
import type { MessageKey } from '../../../i18n/i18n';

export type ParsedScore = { ok: true; value: number | null } | { ok: false; key: Extract<MessageKey, 'error.number' | 'error.outOfScale' | 'error.decimals2'> };

const FULL_WIDTH_DIGIT = /[０-９]/g;

export function normaliseScoreText(text: string): string {
  return text
    .trim()
    .replace(FULL_WIDTH_DIGIT, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[。．]/g, '.')
    .replace(/^[－﹣]/, '-');
}

/** Empty means "clear the cell" (value null). */
export function parseScore(text: string, scale: { min: number; max: number }): ParsedScore {
  const s = normaliseScoreText(text);
  if (s === '') return { ok: true, value: null };
  if (!/^-?(\d+\.?\d*|\.\d+)$/.test(s)) return { ok: false, key: 'error.number' };
  const value = Number(s);
  if (!Number.isFinite(value)) return { ok: false, key: 'error.number' };
  if (value < scale.min || value > scale.max) return { ok: false, key: 'error.outOfScale' };
  if (!/^-?\d*(\.\d{0,2})?$/.test(s)) return { ok: false, key: 'error.decimals2' };
  return { ok: true, value };
}

/** How a stored score is shown in its cell: as typed, no trailing zeros (85, 85.5, 85.25). */
export function formatScore(value: number | null): string {
  return value === null ? '' : String(value);
}
