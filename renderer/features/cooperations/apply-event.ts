// Sends one cooperation event and reports the outcome to its form: field issues on their fields, anything
// else as the form's error, in the reader's language; nothing the chair typed is lost on a refusal.
import type { FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { api } from '../../api/client';
import type { CallInput } from '../../../shared/api/contract';
import type { Cooperation } from '../../../shared/cooperations/views';
import { errorText } from '../../lib/errors';
import { issueError } from '../rounds/common/form-utils';

export async function sendEvent<V extends FieldValues>(input: CallInput<'cooperations.applyEvent'>, setError: UseFormSetError<V>, fields: readonly string[]): Promise<Cooperation | null> {
  const result = await api['cooperations.applyEvent'](input);
  if (result.ok) return result.value;
  const issues = (result.error.issues ?? []).filter((i) => fields.includes(i.path));
  for (const issue of issues) setError(issue.path as Path<V>, issueError(issue));
  if (issues.length === 0) setError('root' as Path<V>, { message: errorText(result.error) });
  return null;
}
