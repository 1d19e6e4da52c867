// Small zod building blocks shared by every schema. Error messages are locale keys (resources/locales),
// never prose: the renderer translates them, the backend renders them in zh-CN.
import { z } from 'zod';

export const msg = (key: string) => ({ error: key });

/** A trimmed text field; empty means absent. */
export const optionalText = (max: number) =>
  z.string(msg('error.text')).trim().max(max, msg('error.tooLong')).default('');

export const requiredText = (max: number) =>
  z.string(msg('error.required')).trim().min(1, msg('error.required')).max(max, msg('error.tooLong'));

/** Non-negative amount with at most `decimals` fraction digits (money in 元, capital in 万元). */
export const amount = (decimals: number, max: number) =>
  z
    .number({ error: (issue) => (issue.input === undefined || issue.input === null ? 'error.required' : 'error.number') })
    .finite(msg('error.number'))
    .min(0, msg('error.negative'))
    .max(max, msg('error.tooLarge'))
    .refine((v) => Number.isInteger(Math.round(v * 10 ** decimals * 1e6) / 1e6), msg(`error.decimals${decimals}`));

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
