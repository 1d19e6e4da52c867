// 期待合作的地区, in the applicant's order of preference: the chosen regions as a numbered list, reordered with
// the arrows or Alt+↑/↓ and removed with Delete; the other regions below, added with a click or Enter.
import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { Region } from '../../../../shared/rounds/views';
import { useT } from '../../../i18n/i18n';

interface Props {
  regions: readonly Region[];
  value: string[];
  onChange: (next: string[]) => void;
  invalid?: boolean;
}

export function RegionOrderPicker({ regions, value, onChange, invalid }: Props) {
  const t = useT();
  const listRef = useRef<HTMLOListElement>(null);
  const availableRef = useRef<HTMLDivElement>(null);
  const [focusIndex, setFocusIndex] = useState<number | null>(null);
  const [chipIndex, setChipIndex] = useState<number | null>(null);
  const byId = new Map(regions.map((r) => [r.id, r]));

  // After a move the moved row keeps the focus, so Alt+↑ can be pressed again.
  useEffect(() => {
    if (focusIndex === null) return;
    (listRef.current?.children[focusIndex] as HTMLElement | undefined)?.focus();
    setFocusIndex(null);
  }, [focusIndex]);

  // After adding with Enter, the focus stays among the remaining regions (or moves on when none is left).
  useEffect(() => {
    if (chipIndex === null) return;
    const chips = availableRef.current?.querySelectorAll<HTMLElement>('.chip');
    if (chips && chips.length > 0) chips[Math.min(chipIndex, chips.length - 1)]!.focus();
    else (listRef.current?.lastElementChild as HTMLElement | null)?.focus();
    setChipIndex(null);
  }, [chipIndex]);

  const move = (index: number, by: -1 | 1) => {
    const to = index + by;
    if (to < 0 || to >= value.length) return;
    const next = [...value];
    [next[index], next[to]] = [next[to]!, next[index]!];
    onChange(next);
    setFocusIndex(to);
  };
  const remove = (index: number) => {
    onChange(value.filter((_, i) => i !== index));
    if (value.length > 1) setFocusIndex(Math.min(index, value.length - 2));
  };
  const onKey = (index: number) => (e: KeyboardEvent) => {
    if (e.target !== e.currentTarget) return; // keys on the row's own buttons act as buttons
    if (e.altKey && e.key === 'ArrowUp') move(index, -1);
    else if (e.altKey && e.key === 'ArrowDown') move(index, 1);
    else if (e.key === 'ArrowUp') setFocusIndex(Math.max(0, index - 1));
    else if (e.key === 'ArrowDown') setFocusIndex(Math.min(value.length - 1, index + 1));
    else if (e.key === 'Delete' || e.key === 'Backspace') remove(index);
    else return;
    e.preventDefault();
  };

  const available = regions.filter((r) => !value.includes(r.id));
  return (
    <div className={invalid ? 'region-order invalid' : 'region-order'}>
      {value.length === 0 ? (
        <p className="hint">{t('applications.regions.none')}</p>
      ) : (
        <ol className="chosen" ref={listRef} aria-label={t('applications.regions.chosen')}>
          {value.map((id, index) => {
            const region = byId.get(id);
            return (
              <li key={id} tabIndex={0} onKeyDown={onKey(index)} aria-label={t('applications.regions.itemLabel', { n: index + 1, name: region?.name ?? id })}>
                <span className="pref-no">{index + 1}</span>
                <span className="region-name">{region ? `${region.name}（${region.city}）` : id}</span>
                <span className="move">
                  <button type="button" className="link" tabIndex={-1} aria-label={t('setup.moveUp')} disabled={index === 0} onClick={() => move(index, -1)}>↑</button>
                  <button type="button" className="link" tabIndex={-1} aria-label={t('setup.moveDown')} disabled={index === value.length - 1} onClick={() => move(index, 1)}>↓</button>
                  <button type="button" className="link danger-text" tabIndex={-1} onClick={() => remove(index)}>{t('applications.regions.remove')}</button>
                </span>
              </li>
            );
          })}
        </ol>
      )}
      {available.length > 0 && (
        <div className="available" ref={availableRef}>
          <span className="hint">{t('applications.regions.add')}</span>
          {available.map((r, index) => (
            <button key={r.id} type="button" className="chip" onClick={() => {
              onChange([...value, r.id]);
              setChipIndex(index);
            }}>
              + {r.name}
            </button>
          ))}
        </div>
      )}
      {value.length > 1 && <p className="hint">{t('applications.regions.keys')}</p>}
    </div>
  );
}
