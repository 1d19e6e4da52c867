import { useEffect, useRef, type ReactNode } from 'react';

/** A modal dialog: Esc cancels (when cancellable), focus starts inside and stays there. */
export function Modal({ title, children, onCancel, labelledBy = 'modal-title' }: { title: string; children: ReactNode; onCancel?: () => void; labelledBy?: string }) {
  const ref = useRef<HTMLDivElement>(null);
  // Callers often pass a fresh onCancel each render; read it through a ref so focus moves only on open.
  const cancel = useRef(onCancel);
  cancel.current = onCancel;
  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    ref.current?.querySelector<HTMLElement>('input, button, select, textarea')?.focus();
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && cancel.current?.();
    window.addEventListener('keydown', onKey);
    return () => {
      window.removeEventListener('keydown', onKey);
      previous?.focus();
    };
  }, []);
  return (
    <div className="modal-backdrop">
      <div className="modal" role="dialog" aria-modal="true" aria-labelledby={labelledBy} ref={ref}>
        <h2 id={labelledBy}>{title}</h2>
        {children}
      </div>
    </div>
  );
}

export function ConfirmDialog({ title, body, confirmLabel, cancelLabel, danger, onConfirm, onCancel }: { title: string; body: string; confirmLabel: string; cancelLabel: string; danger?: boolean; onConfirm: () => void; onCancel: () => void }) {
  return (
    <Modal title={title} onCancel={onCancel}>
      <p>{body}</p>
      <div className="modal-actions">
        <button type="button" onClick={onCancel}>{cancelLabel}</button>
        <button type="button" className={danger ? 'danger' : 'primary'} onClick={onConfirm}>{confirmLabel}</button>
      </div>
    </Modal>
  );
}
