// Still-tied groups (equal on the total and on every tie-break level) are never ordered silently: the
// committee decides their order here, with a reason (ranking.committeeOrder). A group straddling the
// quota must be settled before the round can be finalized; others (on the waitlist, say) may be.
import { useState } from 'react';
import { api } from '../../../api/client';
import type { StillTiedGroup } from '../../../../shared/ranking/results';
import type { RoundResults } from '../../../../shared/rounds/results-view';
import { toast } from '../../../app/toasts';
import { useT } from '../../../i18n/i18n';
import { errorText } from '../../../lib/errors';
import { formatTotal } from './status';

interface Props {
  results: RoundResults;
  regionId: string;
  onSaved: () => void;
}

export function TieOrderPanel({ results, regionId, onSaved }: Props) {
  const t = useT();
  const region = results.ranking.regions.find((r) => r.regionId === regionId);
  const placements = results.allocation.regions.find((r) => r.regionId === regionId)?.placements ?? [];
  if (!region || region.stillTiedGroups.length === 0) return null;
  const atCutoff = (g: StillTiedGroup) => g.applicationIds.some((id) => placements.find((p) => p.applicationId === id)?.status === 'tiedAtCutoff');
  return (
    <section className="panel tie-panel" aria-label={t('ranking.tie.title')}>
      <h3>{t('ranking.tie.title')}</h3>
      {region.stillTiedGroups.map((g) => (
        <TieGroup key={g.groupId} results={results} regionId={regionId} group={g} atCutoff={atCutoff(g)} onSaved={onSaved} />
      ))}
    </section>
  );
}

function TieGroup({ results, regionId, group, atCutoff, onSaved }: { results: RoundResults; regionId: string; group: StillTiedGroup; atCutoff: boolean; onSaved: () => void }) {
  const t = useT();
  const [order, setOrder] = useState<string[]>([...group.applicationIds]);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const name = (id: string) => results.labels.applications[id]?.legalName ?? id;

  const swap = (i: number, j: number) => {
    const next = [...order];
    [next[i], next[j]] = [next[j]!, next[i]!];
    setOrder(next);
  };

  async function save() {
    if (!reason.trim()) return setError(t('ranking.tie.reasonRequired'));
    setBusy(true);
    // The region keeps one list; ids of other groups already decided stay in it (outside ids are ignored).
    const others = (results.options.committeeOrder[regionId] ?? []).filter((id) => !group.applicationIds.includes(id));
    const result = await api['ranking.committeeOrder']({ roundId: results.roundId, regionId, applicationIds: [...others, ...order], reason: reason.trim() });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    toast('success', t('ranking.tie.saved'));
    onSaved();
  }

  return (
    <div className={atCutoff ? 'tie-group at-cutoff' : 'tie-group'}>
      <p className="small">
        {atCutoff ? t('ranking.tie.atCutoff', { rank: group.rank, total: formatTotal(group.total) }) : t('ranking.tie.elsewhere', { rank: group.rank, total: formatTotal(group.total) })}
        {group.committeeOrderIncomplete && <span className="field-error"> {t('ranking.explain.committeeOrderIncomplete')}</span>}
      </p>
      <ol className="tie-order">
        {order.map((id, i) => (
          <li key={id}>
            <span className="tie-name">{name(id)}</span>
            <button type="button" aria-label={t('ranking.tie.up', { name: name(id) })} disabled={i === 0} onClick={() => swap(i, i - 1)}>↑</button>
            <button type="button" aria-label={t('ranking.tie.down', { name: name(id) })} disabled={i === order.length - 1} onClick={() => swap(i, i + 1)}>↓</button>
          </li>
        ))}
      </ol>
      <label className="field">
        <span>{t('ranking.tie.reason')}</span>
        <input value={reason} maxLength={500} aria-invalid={error && !reason.trim() ? true : undefined} onChange={(e) => setReason(e.target.value)} />
      </label>
      {error && <p className="field-error" role="alert">{error}</p>}
      <div className="modal-actions">
        <button type="button" className="primary" disabled={busy} onClick={() => void save()}>{t('ranking.tie.save')}</button>
      </div>
    </div>
  );
}
