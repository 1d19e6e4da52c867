// Who confirms a finalize or a reopen (issue 11): the committee's chair, named in the record — not the name
// the app runs under. DOMAIN.md: "The chair (组长) … finalises the ranking"; the committee has one chair at
// most. The picker lists the whole committee so the person at the keyboard sees who is asked, with the chair
// preselected and the others shown but not selectable; the backend refuses anyone else all the same.
import { useEffect, useState } from 'react';
import { api } from '../../../api/client';
import { useT, type MessageKey } from '../../../i18n/i18n';
import type { Member } from '../../../../shared/rounds/views';
import type { RoundResults } from '../../../../shared/rounds/results-view';

/** The round's committee, or null while loading; an error text when it cannot be read. */
export function useCommittee(roundId: string): { members: Member[] | null; error: string | null } {
  const [state, setState] = useState<{ members: Member[] | null; error: string | null }>({ members: null, error: null });
  useEffect(() => {
    let live = true;
    void api['members.list']({ roundId }).then((r) => live && setState(r.ok ? { members: r.value, error: null } : { members: null, error: r.error.message }));
    return () => void (live = false);
  }, [roundId]);
  return state;
}

export function chairOf(members: readonly Member[] | null): Member | null {
  return members?.find((m) => m.role === 'chair') ?? null;
}

/** "赵组长（组长）" when the chair confirmed; the plain recorded name for finalizations made before. */
export function finalizerText(t: (key: MessageKey, params?: Record<string, string | number>) => string, finalized: NonNullable<RoundResults['finalized']>): string {
  return finalized.memberId ? t('ranking.finalizer.chair', { name: finalized.by }) : finalized.by;
}

export function ChairPicker({ members, value, onChange, purpose }: { members: readonly Member[]; value: string; onChange: (memberId: string) => void; purpose: 'finalize' | 'reopen' }) {
  const t = useT();
  return (
    <label className="field chair-picker">
      <span>{t(purpose === 'finalize' ? 'ranking.confirmer.finalize' : 'ranking.confirmer.reopen')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)} data-testid="confirming-member">
        {members.map((m) => (
          <option key={m.id} value={m.id} disabled={m.role !== 'chair'}>
            {m.role === 'chair' ? t('ranking.finalizer.chair', { name: m.name }) : t('ranking.confirmer.notChair', { name: m.name })}
          </option>
        ))}
      </select>
      <span className="muted small">{t('ranking.confirmer.onlyChair')}</span>
    </label>
  );
}
