// One cell of a keyboard-first grid (the scoring grid, the KPI figures grid): type, Enter/Tab commits and
// moves on. A value the grid's reader refuses stays in the cell, red, with the reason in words, and focus
// stays (nothing is sent); Escape puts back the stored value. Each grid brings what differs: how text is
// read and shown, its class names and the locale keys of its marks.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT, type MessageKey, type Params } from '../../i18n/i18n';
import { moveOfKey, type Move } from './grid-navigation';
import './grid-cell.css';

/** What the typed text reads as: a value (null empties the cell), or the locale key saying why not. */
export type CellReading = { ok: true; value: number | null } | { ok: false; refusal: MessageKey; params?: Params };

export interface GridCellLook {
  /** Kept on the elements beside the shared grid-cell-* classes: tests and page objects find cells by them. */
  classes: { cell: string; input: string; mark: string; error: string };
  marks: { saving: MessageKey; saved: MessageKey };
}

/** What a grid wires into each of its cells, whatever the cell holds. */
export interface GridCellWiring {
  id: string;
  label: string;
  inputRef: (el: HTMLInputElement | null) => void;
  onCommit: (value: number | null) => void;
  onMove: (move: Move) => void;
}

interface Props extends GridCellWiring {
  stored: number | null;
  state: { status: 'idle' | 'saving' | 'saved' | 'error'; error: string | null } | undefined;
  read: (text: string) => CellReading;
  /** How a value is shown for editing; it must read back as the same value. */
  format: (value: number | null) => string;
  look: GridCellLook;
  /**
   * Which text counts as committed once Enter has saved it, so that leaving the cell does not commit again:
   * what was typed (scoring) or what the cell then shows (figures). The grids differed here; kept as each had it.
   */
  committedText: 'typed' | 'shown';
  /**
   * How a stored value reads while the cell is not being edited (the figures grid's money: ¥60,000.00, issue
   * 11). Editing shows `format`'s plain text, which is what the reader takes back.
   */
  display?: (value: number | null) => string;
  /** A key of the grid's own that commits the cell and then acts (the scoring grid's Alt+C opens the comment). */
  commitKey?: { matches: (e: KeyboardEvent<HTMLInputElement>) => boolean; after: () => void };
}

export function GridCellInput({ id, label, stored, state, read, format, display, look, committedText, commitKey, inputRef, onCommit, onMove }: Props) {
  const t = useT();
  const shown = format(stored);
  const [draft, setDraft] = useState(shown);
  const [focused, setFocused] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const lastCommitted = useRef(shown);

  // The stored value changed (saved, refused by the backend, amended, another month shown): show it. Watched
  // on both so each grid resyncs when it did before: figures on the text (it depends on the field too),
  // scores on the value (-0 and 0 print alike).
  useEffect(() => {
    setDraft(shown);
    lastCommitted.current = shown;
  }, [stored, shown]);

  /** true when the text was acceptable (saved or unchanged), false when it was refused inline. */
  function commit(): boolean {
    const parsed = read(draft);
    if (!parsed.ok) {
      setRefusal(t(parsed.refusal, parsed.params));
      return false;
    }
    setRefusal(null);
    const text = format(parsed.value);
    lastCommitted.current = committedText === 'typed' ? draft : text;
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
    if (commitKey?.matches(e)) {
      e.preventDefault();
      if (commit()) commitKey.after();
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
  const { classes, marks } = look;
  return (
    <div className={`grid-cell ${classes.cell} status-${status}`}>
      <input
        id={id}
        ref={inputRef}
        className={`grid-cell-input ${classes.input}`}
        inputMode="decimal"
        autoComplete="off"
        spellCheck={false}
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
        value={display && !focused && !refusal && draft === shown ? display(stored) : draft}
        onChange={(e) => setDraft(e.target.value)}
        onFocus={(e) => {
          setFocused(true);
          const input = e.currentTarget;
          // With a display text the value changes on focus: select once the plain text is in.
          if (display) requestAnimationFrame(() => document.activeElement === input && input.select());
          else input.select();
        }}
        onKeyDown={onKeyDown}
        onBlur={() => {
          setFocused(false);
          if (draft !== lastCommitted.current) commit();
        }}
      />
      {status === 'saving' && <span className={`grid-cell-mark ${classes.mark} saving`} title={t(marks.saving)} aria-hidden="true">…</span>}
      {status === 'saved' && <span className={`grid-cell-mark ${classes.mark} saved`} title={t(marks.saved)} aria-hidden="true">✓</span>}
      {error && (
        <span id={errorId} className={`grid-cell-error ${classes.error}`} role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
