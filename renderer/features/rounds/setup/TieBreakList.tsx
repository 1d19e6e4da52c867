// The tie-break chain (并列时的排序规则), reorderable: on, off, earlier, later. Alt+↑/↓ on a row moves it.
// Still tied after the chain → flagged for the committee to decide, never silently ordered.
import type { KeyboardEvent } from 'react';
import type { TieBreakLevel } from '../../../../shared/ranking/types';
import { useT } from '../../../i18n/i18n';

const LEVELS: readonly TieBreakLevel[] = ['lowerPrice', 'higherTechnical'];

export function TieBreakList({ value, onChange, disabled, technicalLabel }: { value: TieBreakLevel[]; onChange: (next: TieBreakLevel[]) => void; disabled: boolean; technicalLabel: string }) {
  const t = useT();
  // Levels in use first, in their order; the unused ones after them.
  const shown = [...value, ...LEVELS.filter((l) => !value.includes(l))];
  const move = (level: TieBreakLevel, by: -1 | 1) => {
    const i = value.indexOf(level);
    const j = i + by;
    if (i < 0 || j < 0 || j >= value.length) return;
    const next = [...value];
    [next[i], next[j]] = [next[j]!, next[i]!];
    onChange(next);
  };
  const toggle = (level: TieBreakLevel, on: boolean) => onChange(on ? [...value, level] : value.filter((l) => l !== level));
  const onKey = (level: TieBreakLevel) => (e: KeyboardEvent) => {
    if (!e.altKey || (e.key !== 'ArrowUp' && e.key !== 'ArrowDown')) return;
    e.preventDefault();
    move(level, e.key === 'ArrowUp' ? -1 : 1);
  };
  return (
    <ol className="tie-break">
      {shown.map((level) => {
        const index = value.indexOf(level);
        const on = index >= 0;
        return (
          <li key={level} className={on ? '' : 'off'} onKeyDown={onKey(level)}>
            <label className="check">
              <input type="checkbox" checked={on} disabled={disabled} onChange={(e) => toggle(level, e.target.checked)} />
              <span className="step">{on ? index + 1 : '–'}</span>
              {level === 'higherTechnical' ? t('setup.tieBreak.higherTechnical', { criterion: technicalLabel }) : t('setup.tieBreak.lowerPrice')}
            </label>
            <span className="move">
              <button type="button" className="link" aria-label={t('setup.moveUp')} title={t('setup.moveUpHint')} disabled={disabled || !on || index === 0} onClick={() => move(level, -1)}>↑</button>
              <button type="button" className="link" aria-label={t('setup.moveDown')} title={t('setup.moveDownHint')} disabled={disabled || !on || index === value.length - 1} onClick={() => move(level, 1)}>↓</button>
            </span>
          </li>
        );
      })}
      <li className="last">{t('setup.tieBreak.stillTied')}</li>
    </ol>
  );
}
