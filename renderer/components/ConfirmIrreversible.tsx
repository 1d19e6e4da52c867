// The second step of every irreversible action (清退, 主动退出, 定稿, 出具编号函件, 作废): it names the action,
// says in words what will follow and what cannot be undone, and — where the record needs one — asks for the
// reason. It stacks over whatever dialog opened it: Esc cancels only this step (captured before the dialog
// below sees it), and focus starts on 取消 so a stray Enter never confirms (issue 11: "确认" used to act at once).
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useT } from '../i18n/i18n';

export interface ConfirmIrreversibleProps {
  title: string;
  /** What happens, one consequence per line, in the user's words ("编号一经占用不再使用" …). */
  consequences: readonly ReactNode[];
  confirmLabel: string;
  /** When set, a reason box is shown; required reasons keep the confirm button disabled until filled. */
  reason?: { label: string; required: boolean; initial?: string; placeholder?: string };
  /** Returns an error to show in place, or null when done (the caller closes the step). */
  onConfirm: (reason: string) => Promise<string | null | void> | string | null | void;
  onCancel: () => void;
  testId?: string;
  /** Asked before the reason (e.g. which committee chair confirms a finalize, issue 11). */
  extra?: ReactNode;
}

export function ConfirmIrreversible({ title, consequences, confirmLabel, reason, onConfirm, onCancel, testId = 'confirm-irreversible', extra }: ConfirmIrreversibleProps) {
  const t = useT();
  const [text, setText] = useState(reason?.initial ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  const busyRef = useRef(busy);
  busyRef.current = busy;

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    cancelRef.current?.focus();
    // Capture phase on window runs before the bubbling listener of the dialog underneath (Modal), and
    // stopping it there keeps that dialog open: Esc steps back one level, not two.
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.stopPropagation();
      if (!busyRef.current) cancel.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      previous?.focus();
    };
  }, []);

  const missingReason = reason?.required === true && text.trim() === '';
  async function confirm() {
    if (missingReason || busy) return;
    setBusy(true);
    setError(null);
    const problem = await onConfirm(text.trim());
    setBusy(false);
    if (problem) setError(problem);
  }

  return (
    <div className="modal-backdrop confirm-irreversible-backdrop">
      <div className="modal confirm-irreversible" role="dialog" aria-modal="true" aria-labelledby={`${testId}-title`} aria-describedby={`${testId}-consequences`} data-testid={testId}>
        <h2 id={`${testId}-title`}>{title}</h2>
        <ul id={`${testId}-consequences`} className="confirm-consequences">
          {consequences.map((c, i) => <li key={i}>{c}</li>)}
          <li className="confirm-final">{t('confirm.cannotUndo')}</li>
        </ul>
        {extra}
        {reason && (
          <label className="field">
            <span>{reason.label}{reason.required ? t('confirm.required') : ''}</span>
            <textarea rows={3} maxLength={500} value={text} placeholder={reason.placeholder} disabled={busy} aria-invalid={error && missingReason ? true : undefined} onChange={(e) => setText(e.target.value)} />
          </label>
        )}
        {missingReason && <p className="muted small">{t('confirm.reasonFirst')}</p>}
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="modal-actions">
          <button type="button" ref={cancelRef} disabled={busy} onClick={onCancel}>{t('common.cancel')}</button>
          <button type="button" className="danger" disabled={missingReason || busy} onClick={() => void confirm()}>{confirmLabel}</button>
        </div>
      </div>
    </div>
  );
}
