// One figure cell: type, Enter/Tab saves and moves on. A value the field refuses stays in the cell, red,
// with the reason in words, and focus stays (nothing is sent); Escape puts back the stored value. Empty
// means "not entered": the assessment then reports the figure as missing, never as a pass.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { figureInputText, parseFigure, type FigureField } from '../../../shared/cooperations/figure-text';
import { useT } from '../../i18n/i18n';
import { moveOfKey, type Move } from '../rounds/scoring/grid-navigation';
import { REFUSAL } from './labels';
import type { CellState } from './use-program-figures';

interface Props {
  id: string;
  label: string;
  field: FigureField;
  stored: number | null;
  state: CellState | undefined;
  inputRef: (el: HTMLInputElement | null) => void;
  onCommit: (value: number | null) => void;
  onMove: (move: Move) => void;
}

export function FigureCellInput({ id, label, field, stored, state, inputRef, onCommit, onMove }: Props) {
  const t = useT();
  const shown = figureInputText(field, stored);
  const [draft, setDraft] = useState(shown);
  const [refusal, setRefusal] = useState<string | null>(null);
  const lastCommitted = useRef(shown);

  // The stored value changed (saved, refused by the backend, another month shown): show it.
  useEffect(() => {
    setDraft(shown);
    lastCommitted.current = shown;
  }, [shown]);

  /** true when the text was acceptable (saved or unchanged), false when it was refused inline. */
  function commit(): boolean {
    const parsed = parseFigure(field, draft);
    if (!parsed.ok) {
      setRefusal(t(REFUSAL[parsed.problem]));
      return false;
    }
    setRefusal(null);
    const text = figureInputText(field, parsed.value);
    lastCommitted.current = text;
    setDraft(text);
    onCommit(parsed.value);
    return true;
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing) return; // an IME is still composing: Enter confirms the composition
    if (e.key === 'Escape') {
      e.preventDefault();
      setDraft(shown);
      setRefusal(null);
      return;
    }
    const move = moveOfKey(e);
    if (!move) return;
    e.preventDefault();
    if (commit()) onMove(move);
  }

  const error = refusal ?? state?.error ?? null;
  const status = refusal ? 'error' : (state?.status ?? 'idle');
  const errorId = `${id}-error`;
  return (
    <div className={`figure-cell status-${status}`}>
      <input
        id={id}
        ref={inputRef}
        className="figure-input"
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={draft}
        onChange={(e) => setDraft(e.target.value)}
        onFocus={(e) => e.currentTarget.select()}
        onKeyDown={onKeyDown}
        onBlur={() => draft !== lastCommitted.current && commit()}
      />
      {status === 'saving' && <span className="figure-mark saving" title={t('kpi.cell.saving')} aria-hidden="true">…</span>}
      {status === 'saved' && <span className="figure-mark saved" title={t('kpi.cell.saved')} aria-hidden="true">✓</span>}
      {error && (
        <span id={errorId} className="figure-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
