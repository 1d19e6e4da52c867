// 区域与名额: the round's regions, each saved on its own. Removing asks first; the backend refuses to remove
// a region that applications name, and its message says how many.
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { Region, Round } from '../../../../shared/rounds/views';
import { ConfirmDialog } from '../../../components/Modal';
import { toast } from '../../../app/toasts';
import { useT } from '../../../i18n/i18n';
import { toastError } from '../../../lib/errors';
import { NEW_REGION, RegionDialog } from './RegionDialog';

type Editing = { region: Region | null } | null;

export function RegionsPanel({ round, readOnly, onChanged }: { round: Round; readOnly: boolean; onChanged: () => Promise<void> }) {
  const t = useT();
  const [editing, setEditing] = useState<Editing>(null);
  const [removing, setRemoving] = useState<Region | null>(null);
  const close = useCallback(() => setEditing(null), []);
  const cancelRemove = useCallback(() => setRemoving(null), []);
  const quotaTotal = round.regions.reduce((sum, r) => sum + r.quota, 0);

  async function remove(region: Region) {
    setRemoving(null);
    const result = await api['regions.remove']({ roundId: round.id, regionId: region.id });
    if (!result.ok) return toastError(result.error);
    toast('success', t('setup.regions.removed', { name: region.name }));
    await onChanged();
  }

  return (
    <section className="setup-section panel" aria-labelledby="regions-title">
      <div className="section-head">
        <h2 id="regions-title">{t('setup.regions.title')}</h2>
        {!readOnly && (
          <button type="button" onClick={() => setEditing({ region: null })}>{t('setup.regions.add')}</button>
        )}
      </div>
      {round.regions.length === 0 ? (
        <p className="empty compact">{t('setup.regions.empty')}</p>
      ) : (
        <table className="table compact">
          <thead>
            <tr>
              <th>{t('setup.regions.name')}</th>
              <th>{t('setup.regions.city')}</th>
              <th className="num">{t('setup.regions.quota')}</th>
              <th className="num">{t('setup.regions.waitlist')}</th>
              {!readOnly && <th className="row-actions-col" aria-label={t('setup.actions')} />}
            </tr>
          </thead>
          <tbody>
            {round.regions.map((region) => (
              <tr key={region.id}>
                <td>{region.name}</td>
                <td>{region.city}</td>
                <td className="num">{region.quota}</td>
                <td className="num">{region.waitlistLength}</td>
                {!readOnly && (
                  <td className="row-actions">
                    <button type="button" className="link" onClick={() => setEditing({ region })}>{t('setup.edit')}</button>
                    <button type="button" className="link danger-text" onClick={() => setRemoving(region)}>{t('setup.remove')}</button>
                  </td>
                )}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td colSpan={2}>{t('setup.regions.total', { count: round.regions.length })}</td>
              <td className="num">{quotaTotal}</td>
              <td colSpan={readOnly ? 1 : 2} />
            </tr>
          </tfoot>
        </table>
      )}
      {editing && (
        <RegionDialog
          initial={editing.region ?? NEW_REGION}
          isNew={!editing.region}
          onClose={close}
          onSave={async (data) => {
            const result = editing.region
              ? await api['regions.update']({ roundId: round.id, regionId: editing.region.id, version: editing.region.version, data })
              : await api['regions.add']({ roundId: round.id, data });
            if (!result.ok) {
              // Someone else saved this region meanwhile: load theirs, so the next edit starts from it.
              if (result.error.code === 'CONFLICT' && editing.region) await onChanged();
              return result.error;
            }
            toast('success', t(editing.region ? 'setup.regions.updated' : 'setup.regions.added', { name: data.name }));
            await onChanged();
            return null;
          }}
        />
      )}
      {removing && (
        <ConfirmDialog
          title={t('setup.regions.removeTitle')}
          body={t('setup.regions.removeConfirm', { name: removing.name })}
          confirmLabel={t('setup.remove')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() => void remove(removing)}
          onCancel={cancelRemove}
        />
      )}
    </section>
  );
}
