// The single entry point for every call, whichever transport carried it: look the call up in the
// contract, validate the input before anything else, run the handler, turn failures into data.
import { z } from 'zod';
import { isCallName } from '../../shared/api/call-names';
import { contract } from '../../shared/api/contract';
import type { ApiError, FieldIssue, Result } from '../../shared/api/result';
import { AppError } from './app-error';
import { isMessageKey, zh } from './messages';
import type { HandlerTable } from './handler-types';
import type { ServiceContext } from '../services/context';
import { isSqliteBusy, writeWaitExpiredMessage } from '../db/connection-wait';

/**
 * Zod issues as field issues. A rule that needs more than a generic key (e.g. the weights total) names
 * itself in `params.rule`; its specific text is `error.rule.<rule>`, filled with the issue's params.
 */
export function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => {
    const params = 'params' in issue ? (issue.params as Record<string, unknown> | undefined) : undefined;
    const ruleKey = typeof params?.rule === 'string' ? `error.rule.${params.rule}` : null;
    const key = ruleKey && isMessageKey(ruleKey) ? ruleKey : isMessageKey(issue.message) ? issue.message : 'error.invalid';
    const values = params ? Object.fromEntries(Object.entries(params).filter((e): e is [string, string | number] => typeof e[1] === 'string' || typeof e[1] === 'number')) : undefined;
    return { path: issue.path.map(String).join('.'), key, ...(values && Object.keys(values).length > 0 ? { params: values } : {}) };
  });
}

/**
 * The field an issue is about, in Chinese (issue 11: "姓名：必填", not "name：必填"): first the call's own
 * name for the path (field.members.add.data.name = 姓名), then the field's general name (field.legalName),
 * else the path as it is — never worse than before.
 */
export function fieldLabel(call: string | null, path: string): string {
  if (!path) return '输入';
  const own = call ? `field.${call}.${path}` : null;
  if (own && isMessageKey(own)) return zh(own);
  const last = path.split('.').filter((s) => !/^\d+$/.test(s)).at(-1) ?? path;
  return isMessageKey(`field.${last}`) ? zh(`field.${last}`) : path;
}

export function validationError(issues: FieldIssue[], call: string | null = null): ApiError {
  const first = issues[0];
  const detail = first ? `（${fieldLabel(call, first.path)}：${zh(first.key, first.params)}）` : '';
  return { code: 'VALIDATION', message: zh('error.validation') + detail, issues };
}

export async function dispatch(table: HandlerTable, ctx: ServiceContext, name: unknown, rawInput: unknown): Promise<Result<unknown>> {
  if (!isCallName(name) || contract[name].where !== 'worker') {
    return { ok: false, error: { code: 'UNSUPPORTED', message: zh('error.unsupported') } };
  }
  const parsed = contract[name].input.safeParse(rawInput ?? {});
  if (!parsed.success) return { ok: false, error: validationError(issuesOf(parsed.error), name) };
  try {
    const handler = table[name as keyof HandlerTable] as (input: unknown, ctx: ServiceContext) => unknown;
    const value = await handler(parsed.data, ctx);
    return { ok: true, value };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, error: { code: error.code, message: error.message, ...(error.issues ? { issues: error.issues } : {}) } };
    // Another process held the write lock past the whole wait (db/connection-wait.ts). The wait runs out at
    // BEGIN IMMEDIATE, before the transaction wrote anything: the message may say nothing was saved.
    if (isSqliteBusy(error)) return { ok: false, error: { code: 'CONFLICT', message: writeWaitExpiredMessage(busyTimeoutOf(ctx)) } };
    console.error(`[review-desk] ${name} failed:`, error);
    return { ok: false, error: { code: 'INTERNAL', message: zh('error.internal') } };
  }
}

function busyTimeoutOf(ctx: ServiceContext): number | undefined {
  try {
    return ctx.db.pragma('busy_timeout', { simple: true }) as number;
  } catch {
    return undefined;
  }
}
