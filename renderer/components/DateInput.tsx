// Date and month fields that read 2026-12-06 / 2026-12 whatever the browser's language (issue 11: a native
// <input type=date> shows mm/dd/yyyy in an English Chromium, and its look follows the OS, not the app). A text
// field with a mask (renderer/lib/date-mask.ts): digits are grouped as you type, 2026/12/6 and 2026年12月6日
// are read too, ↑/↓ step the year, month or day under the caret, and the value is always ISO.
//
// Two ways to use it:
// - with react-hook-form, `<DateInput {...register('x')} />`: uncontrolled, the masked text goes through the
//   form's onChange, and the form's own zod schema (isoDate) words any error, as before;
// - controlled, `<DateInput value={iso} onValue={(iso) => …} />`: onValue receives only a complete, real day
//   (or '' when cleared), never a half-typed one; the field itself says what is wrong, in the user's words.
import { useEffect, useRef, useState, type ChangeEvent, type FocusEvent, type InputHTMLAttributes, type KeyboardEvent, type Ref } from 'react';
import { useT } from '../i18n/i18n';
import './date-input.css';
import { isCompleteDate, maskDateText, padDateText, stepDatePart, type DateKind } from '../lib/date-mask';

type Native = Omit<InputHTMLAttributes<HTMLInputElement>, 'type' | 'value' | 'defaultValue' | 'min' | 'max'>;

export interface DateInputProps extends Native {
  kind?: DateKind;
  /** Controlled: the ISO value ('' for none). */
  value?: string;
  /** Controlled: a complete, valid ISO value, or '' when the field is cleared. */
  onValue?: (iso: string) => void;
  /** Controlled: the earliest value accepted (ISO); earlier ones are refused with a message. (A number comes
   * only from react-hook-form's register, whose rules the form checks itself.) */
  min?: string | number;
  max?: string | number;
  ref?: Ref<HTMLInputElement>;
}

export function DateInput({ kind = 'date', value, onValue, min, max: _max, onChange, onBlur, onKeyDown, ref, className, ...rest }: DateInputProps) {
  const t = useT();
  const controlled = onValue !== undefined;
  const [text, setText] = useState(value ?? '');
  const [problem, setProblem] = useState<string | null>(null);
  // A new value from outside (another month chosen elsewhere, a reset) replaces what is shown; the value this
  // field emitted itself does not (it would undo a half-typed edit's neighbour state).
  const emitted = useRef(value ?? '');
  useEffect(() => {
    if (!controlled || (value ?? '') === emitted.current) return;
    emitted.current = value ?? '';
    setText(value ?? '');
    setProblem(null);
  }, [value, controlled]);
  const emit = (iso: string) => {
    emitted.current = iso;
    onValue?.(iso);
  };

  function problemOf(candidate: string): string | null {
    if (candidate === '') return null;
    if (!isCompleteDate(candidate, kind)) return t(kind === 'month' ? 'dateInput.invalidMonth' : 'dateInput.invalidDate');
    if (typeof min === 'string' && min !== '' && candidate < min) return t('dateInput.beforeMin', { min });
    return null;
  }

  function accept(next: string, input: HTMLInputElement, event: ChangeEvent<HTMLInputElement> | FocusEvent<HTMLInputElement> | KeyboardEvent<HTMLInputElement>) {
    if (controlled) {
      setText(next);
      if (next === '') emit('');
      else if (problemOf(next) === null) emit(next);
      return;
    }
    if (input.value !== next) input.value = next;
    // react-hook-form reads event.target only.
    onChange?.(event as ChangeEvent<HTMLInputElement>);
  }

  function handleChange(e: ChangeEvent<HTMLInputElement>) {
    const input = e.target;
    const atEnd = input.selectionStart === input.value.length;
    // Editing in the middle keeps the text as typed (re-grouping would move the caret); leaving the field
    // tidies it up.
    const next = atEnd ? maskDateText(input.value, kind) : input.value.replace(/[^\d-]/g, '');
    setProblem(null);
    accept(next, input, e);
  }

  function handleBlur(e: FocusEvent<HTMLInputElement>) {
    const input = e.target;
    const padded = padDateText(maskDateText(input.value, kind), kind);
    if (padded !== input.value) accept(padded, input, e);
    if (controlled) setProblem(problemOf(padded));
    onBlur?.(e);
  }

  function handleKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    onKeyDown?.(e);
    if (e.defaultPrevented || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    const input = e.currentTarget;
    const caret = input.selectionStart ?? input.value.length;
    const next = stepDatePart(input.value, kind, caret, e.key === 'ArrowUp' ? 1 : -1);
    if (next === null) return;
    e.preventDefault();
    accept(next, input, e);
    if (!controlled) input.value = next;
    requestAnimationFrame(() => input.setSelectionRange(caret, caret));
  }

  const length = kind === 'date' ? 10 : 7;
  const input = (
    <input
      {...rest}
      ref={ref}
      type="text"
      inputMode="numeric"
      autoComplete="off"
      spellCheck={false}
      maxLength={length + 4}
      size={length + 1}
      className={className ? `date-input ${className}` : 'date-input'}
      placeholder={rest.placeholder ?? t(kind === 'date' ? 'dateInput.placeholder' : 'dateInput.placeholderMonth')}
      {...(controlled ? { value: text } : {})}
      aria-invalid={rest['aria-invalid'] ?? (problem ? true : undefined)}
      onChange={handleChange}
      onBlur={handleBlur}
      onKeyDown={handleKeyDown}
      data-date-kind={kind}
    />
  );
  if (!controlled || !problem) return input;
  return (
    <span className="date-input-wrap">
      {input}
      <span className="field-error" role="alert">{problem}</span>
    </span>
  );
}

/** YYYY-MM: the same field for months. */
export function MonthInput(props: Omit<DateInputProps, 'kind'>) {
  return <DateInput {...props} kind="month" />;
}
