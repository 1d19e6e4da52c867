// The typed API client: one method per contract call, inputs and outputs typed from the contract.
import { callNames, type CallName } from '../../shared/api/call-names';
import type { CallInput, CallOutput } from '../../shared/api/contract';
import type { ApiError, Result } from '../../shared/api/result';
import { send } from './transport';

export type Api = { [K in CallName]: (input: CallInput<K>) => Promise<Result<CallOutput<K>>> };

export const api = Object.fromEntries(callNames.map((name) => [name, (input: unknown) => send(name, input)])) as Api;

/** For places where failure is shown by a surrounding error boundary or toast: unwrap or throw. */
export class ApiFailure extends Error {
  constructor(readonly error: ApiError) {
    super(error.message);
  }
}

export async function call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>> {
  const result = await api[name](input);
  if (!result.ok) throw new ApiFailure(result.error);
  return result.value;
}
