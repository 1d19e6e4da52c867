// Finds the applicant among the dossiers: type a name, credit code or city, move with ↑/↓, pick with Enter.
// Dossiers that already applied in this round are shown but cannot be picked.
import { useEffect, useState, type KeyboardEvent } from 'react';
import { api } from '../../../api/client';
import type { DossierSummary } from '../../../../shared/dossiers/schema';
import { useT } from '../../../i18n/i18n';
import { toastError } from '../../../lib/errors';

const LIMIT = 20;

export function DossierPicker({ applied, onPick }: { applied: ReadonlySet<number>; onPick: (dossier: DossierSummary) => void }) {
  const t = useT();
  const [search, setSearch] = useState('');
  const [items, setItems] = useState<DossierSummary[] | null>(null);
  const [total, setTotal] = useState(0);
  const [active, setActive] = useState(0);

  useEffect(() => {
    let stale = false;
    // A short debounce: an IME composing 杭州 should not send a query per keystroke.
    const timer = setTimeout(() => {
      void api['dossiers.list']({ search, status: 'active', offset: 0, limit: LIMIT }).then((r) => {
        if (stale) return;
        if (!r.ok) return toastError(r.error);
        setItems(r.value.items);
        setTotal(r.value.total);
        const firstFree = r.value.items.findIndex((d) => !applied.has(d.id));
        setActive(Math.max(0, firstFree));
      });
    }, 120);
    return () => {
      stale = true;
      clearTimeout(timer);
    };
  }, [search]);

  const pick = (d: DossierSummary | undefined) => d && !applied.has(d.id) && onPick(d);
  const onKey = (e: KeyboardEvent) => {
    if (!items?.length) return;
    if (e.key === 'ArrowDown') setActive((i) => Math.min(items.length - 1, i + 1));
    else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
    else if (e.key === 'Enter') pick(items[active]);
    else return;
    e.preventDefault();
  };

  return (
    <div className="dossier-picker">
      <input
        type="search"
        autoFocus
        value={search}
        onChange={(e) => setSearch(e.target.value)}
        onKeyDown={onKey}
        placeholder={t('applications.pick.search')}
        aria-label={t('applications.pick.search')}
        aria-controls="dossier-picker-list"
        aria-activedescendant={items?.[active] ? `dossier-option-${items[active].id}` : undefined}
      />
      {items && items.length === 0 && <p className="empty compact">{search ? t('applications.pick.noMatch', { search }) : t('applications.pick.noDossiers')}</p>}
      {items && items.length > 0 && (
        <ul id="dossier-picker-list" className="picker-list" role="listbox" aria-label={t('applications.pick.results')}>
          {items.map((d, index) => {
            const taken = applied.has(d.id);
            return (
              <li
                key={d.id}
                id={`dossier-option-${d.id}`}
                role="option"
                aria-selected={index === active}
                aria-disabled={taken || undefined}
                className={[index === active ? 'active' : '', taken ? 'taken' : ''].join(' ')}
                onMouseEnter={() => setActive(index)}
                onClick={() => pick(d)}
              >
                <span className="picker-name">{d.legalName}</span>
                <span className="mono small">{d.creditCode}</span>
                <span className="small muted">{d.province} {d.city}</span>
                {taken && <span className="tag">{t('applications.pick.applied')}</span>}
              </li>
            );
          })}
        </ul>
      )}
      {total > LIMIT && <p className="hint">{t('applications.pick.more', { shown: LIMIT, total })}</p>}
      <p className="hint">{t('applications.pick.keys')}</p>
    </div>
  );
}
