// Small helpers shared by the rounds forms: number inputs, translated field errors, a labelled field.
import type { KeyboardEvent, ReactNode } from 'react';
import type { ErrorOption, FieldError, FieldErrors } from 'react-hook-form';
import type { FieldIssue } from '../../../../shared/api/result';
import { isMessageKey, translate, translateLoose, type Params } from '../../../i18n/i18n';

/** '' → undefined (so zod says 必填/应为数字), '1,000' and '１０' typed with an IME → numbers. */
export function toNumber(v: unknown): number | undefined {
  if (typeof v === 'number') return v;
  const text = String(v ?? '')
    .replace(/[０-９．]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[,，\s]/g, '');
  return text === '' ? undefined : Number(text);
}
export const toNullableNumber = (v: unknown): number | null => toNumber(v) ?? null;
export const toNullableText = (v: unknown): string | null => (String(v ?? '').trim() === '' ? null : String(v).trim());
/** Tri-state select: '' = 未声明 (null), 'true' / 'false'. */
export const toNullableBoolean = (v: unknown): boolean | null => (v === '' || v == null ? null : v === true || v === 'true');

/** The error at a dotted path, translated; params travel in `types` (see rules-resolver.ts). */
export function errorAt(errors: FieldErrors, path: string): string | undefined {
  let node: unknown = errors;
  for (const part of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return messageOf(node as FieldError | undefined);
}

export function messageOf(error: FieldError | undefined): string | undefined {
  const message = error?.message;
  if (typeof message !== 'string' || message === '') return undefined;
  return isMessageKey(message) ? translate(message, (error?.types ?? {}) as Params) : translateLoose(message);
}

/** A backend field issue as a react-hook-form error (its params travel in `types`, see messageOf). */
export function issueError(issue: FieldIssue): ErrorOption {
  const types = issue.params ? Object.fromEntries(Object.entries(issue.params).map(([k, v]) => [k, String(v)])) : undefined;
  return { message: issue.key, types };
}

export function Field({ label, error, hint, wide, children }: { label: ReactNode; error?: string; hint?: ReactNode; wide?: boolean; children: ReactNode }) {
  return (
    <label className={wide ? 'field wide' : 'field'}>
      <span>{label}</span>
      {children}
      {error ? <span className="field-error" role="alert">{error}</span> : hint ? <span className="hint">{hint}</span> : null}
    </label>
  );
}

/** Local calendar day as YYYY-MM-DD (the committee's today, not UTC's). */
export function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Ctrl+Enter (⌘+Enter) in a form: the secondary submit, e.g. 保存并继续添加 (Enter alone saves and closes). */
export const onCtrlEnter = (run: () => void) => (event: KeyboardEvent) => {
  if (event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) return;
  event.preventDefault();
  run();
};
