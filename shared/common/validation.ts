// Small zod building blocks shared by every schema. Error messages are locale keys (resources/locales),
// never prose: the renderer translates them, the backend renders them in zh-CN.
import { z } from 'zod';

export const msg = (key: string) => ({ error: key });

/** A trimmed text field; empty means absent. */
export const optionalText = (max: number) =>
  z.string(msg('error.text')).trim().max(max, msg('error.tooLong')).default('');

export const requiredText = (max: number) =>
  z.string(msg('error.required')).trim().min(1, msg('error.required')).max(max, msg('error.tooLong'));

/**
 * Whether `v` has at most `decimals` fraction digits, forgiving the last-bit noise of float arithmetic
 * (0.1 + 0.2) but not a real extra digit. The tolerance grows with the magnitude: a fixed one, after scaling
 * by 10^decimals and 10^6, went past 2^53 for large amounts and rejected exact ones such as 555555555.55 元.
 */
function hasAtMostDecimals(v: number, decimals: number): boolean {
  const scaled = v * 10 ** decimals;
  // A non-zero amount below the smallest unit (1e-9 元) is not float noise around 0: it would be stored as
  // 0 分 and trip the database's "> 0" checks (found by the API fuzz: an INTERNAL error).
  if (v !== 0 && Math.round(scaled) === 0) return false;
  return Math.abs(scaled - Math.round(scaled)) <= Math.max(1e-6, Math.abs(scaled) * 1e-14);
}

/** Non-negative amount with at most `decimals` fraction digits (money in 元, capital in 万元). */
export const amount = (decimals: number, max: number) =>
  z
    .number({ error: (issue) => (issue.input === undefined || issue.input === null ? 'error.required' : 'error.number') })
    .finite(msg('error.number'))
    .min(0, msg('error.negative'))
    .max(max, msg('error.tooLarge'))
    .refine((v) => hasAtMostDecimals(v, decimals), msg(`error.decimals${decimals}`));

/** Calendar date as YYYY-MM-DD that really exists (no 2月30日). */
export const isoDate = z
  .string(msg('error.required'))
  .min(1, msg('error.required'))
  .regex(/^\d{4}-\d{2}-\d{2}$/, msg('error.date'))
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === s;
  }, msg('error.date'));

export const id = z.number().int().positive();
