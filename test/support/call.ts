// Calls through the real dispatch (schema validation + handler table), as both transports do.
import { dispatch } from '../../electron/backend/dispatch';
import { handlers } from '../../electron/backend/handlers';
import type { CallName } from '../../shared/api/call-names';
import type { CallInput, CallOutput } from '../../shared/api/contract';
import type { ApiError } from '../../shared/api/result';
import type { ServiceContext } from '../../electron/services/context';

/** The call's value; fails the test with the API error when the call did not succeed. */
export async function call<K extends CallName>(ctx: ServiceContext, name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await dispatch(handlers, ctx, name, input);
  if (!result.ok) throw new Error(`${name} failed: ${JSON.stringify(result.error)}`);
  return result.value as CallOutput<K>;
}

/** The call's error; fails the test when the call succeeded. */
export async function callError<K extends CallName>(ctx: ServiceContext, name: K, input: unknown): Promise<ApiError> {
  const result = await dispatch(handlers, ctx, name, input);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded: ${JSON.stringify(result.value).slice(0, 200)}`);
  return result.error;
}

export function countRows(ctx: ServiceContext, table: 'dossiers' | 'change_log' | 'attachments'): number {
  return (ctx.db.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
}
