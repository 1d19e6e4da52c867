// A react-hook-form resolver over a shared zod schema that keeps the precise reason of cross-field rules.
// Why not zodResolver as is: the ranking options schema reports its cross-field rules (weights total,
// duplicate criterion, scale range, …) as a generic 'error.invalid' and names the rule in `issue.params.rule`
// (see shared/ranking/schema.ts); zodResolver keeps only the message, so the user would read "内容无效"
// instead of "各评分项权重之和应为 100%". Here the rule becomes the message key (`${rulePrefix}${rule}`) and the
// issue's numbers travel in `types`, where form-utils' messageOf reads them as the text's {params}.
import { toNestErrors } from '@hookform/resolvers';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

export function rulesResolver<Input extends FieldValues, Output>(schema: z.ZodType<Output>, rulePrefix: string): Resolver<Input, unknown, Output> {
  return async (values, _context, options) => {
    const result = await schema.safeParseAsync(values);
    if (result.success) return { values: result.data, errors: {} };
    const flat: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const path = issue.path.join('.') || 'root';
      if (flat[path]) continue; // the first reason per field is the one to fix first
      const params = (issue as { params?: Record<string, unknown> }).params;
      const rule = typeof params?.rule === 'string' ? params.rule : null;
      const types = params ? Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)])) : undefined;
      flat[path] = { type: issue.code, message: rule ? `${rulePrefix}${rule}` : issue.message, types };
    }
    return { values: {}, errors: toNestErrors(flat, options) };
  };
}
