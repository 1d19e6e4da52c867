// One score cell: type a number, Enter/Tab commits and moves on. A value the scale refuses stays in the
// cell, red, with the reason, and focus stays (nothing is saved); Escape puts back the stored value.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useT } from '../../../i18n/i18n';
import { formatScore, parseScore } from './parse-score';
import { moveOfKey, type Move } from './grid-navigation';
import type { CellInfo } from './use-score-sheet';

interface Props {
  id: string;
  label: string;
  info: CellInfo | undefined;
  scale: { min: number; max: number };
  inputRef: (el: HTMLInputElement | null) => void;
  onCommit: (value: number | null) => void;
  onMove: (move: Move) => void;
  onComment: () => void;
}

export function ScoreCellInput({ id, label, info, scale, inputRef, onCommit, onMove, onComment }: Props) {
  const t = useT();
  const stored = info?.value ?? null;
  const [draft, setDraft] = useState(formatScore(stored));
  const [refusal, setRefusal] = useState<string | null>(null);
  const lastCommitted = useRef(formatScore(stored));

  // The stored value changed (saved, refused by the backend, amended): show it.
  useEffect(() => {
    setDraft(formatScore(stored));
    lastCommitted.current = formatScore(stored);
  }, [stored]);

  /** true when the text was acceptable (saved or unchanged), false when it was refused inline. */
  function commit(): boolean {
    const parsed = parseScore(draft, scale);
    if (!parsed.ok) {
      setRefusal(t(parsed.key, { min: scale.min, max: scale.max }));
      return false;
    }
    setRefusal(null);
    lastCommitted.current = draft;
    setDraft(formatScore(parsed.value));
    onCommit(parsed.value);
    return true;
  }

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.nativeEvent.isComposing) return; // an IME is still composing: Enter confirms the composition
    if (e.key === 'Escape') {
      e.preventDefault();
      setDraft(formatScore(stored));
      setRefusal(null);
      return;
    }
    if (e.altKey && e.code === 'KeyC') {
      e.preventDefault();
      if (commit()) onComment();
      return;
    }
    const move = moveOfKey(e);
    if (!move) return;
    e.preventDefault();
    if (commit()) onMove(move);
  }

  const error = refusal ?? info?.error ?? null;
  const status = refusal ? 'error' : (info?.status ?? 'idle');
  const errorId = `${id}-error`;
  return (
    <div className={`score-cell status-${status}`}>
      <input
        id={id}
        ref={inputRef}
        className="score-input"
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
      {status === 'saving' && <span className="cell-mark saving" title={t('scoring.cell.saving')} aria-hidden="true">…</span>}
      {status === 'saved' && <span className="cell-mark saved" title={t('scoring.cell.saved')} aria-hidden="true">✓</span>}
      {error && (
        <span id={errorId} className="cell-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
