// The committee's members with their scoring progress (filled / to fill, submitted at). Adding is inline and
// keyboard-first (type a name, Enter, next); editing is a dialog. Removing checks first (issue 11): a member
// who has scored cannot be removed (scores are committee records; the backend refuses it too), so the dialog
// says why and offers nothing to confirm; otherwise it asks.
import { useCallback, useState } from 'react';
import { api } from '../../../api/client';
import type { Member } from '../../../../shared/rounds/views';
import { ConfirmDialog, Modal } from '../../../components/Modal';
import { toast } from '../../../app/toasts';
import { useLocale, useT } from '../../../i18n/i18n';
import { toastError } from '../../../lib/errors';
import { formatDateTime } from '../../../lib/format';
import { MemberForm } from './MemberForm';

interface Props {
  roundId: string;
  members: readonly Member[];
  readOnly: boolean;
  onChanged: () => Promise<void>;
}

export function MembersPanel({ roundId, members, readOnly, onChanged }: Props) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [editing, setEditing] = useState<Member | null>(null);
  const [removing, setRemoving] = useState<Member | null>(null);
  const closeEdit = useCallback(() => setEditing(null), []);
  const cancelRemove = useCallback(() => setRemoving(null), []);
  const chair = members.find((m) => m.role === 'chair') ?? null;
  const submitted = members.filter((m) => m.submittedAt).length;

  async function remove(member: Member) {
    setRemoving(null);
    const result = await api['members.remove']({ id: member.id });
    if (!result.ok) return toastError(result.error);
    toast('success', t('committee.removed', { name: member.name }));
    await onChanged();
  }

  return (
    <section className="panel committee-section" aria-labelledby="members-title">
      <div className="section-head">
        <h2 id="members-title">{t('committee.members.title')}</h2>
        <span className="muted small">{t('committee.members.summary', { count: members.length, submitted })}</span>
      </div>
      {!chair && members.length > 0 && <p className="banner">{t('committee.noChair')}</p>}
      {members.length === 0 ? (
        <p className="empty compact">{t('committee.members.empty')}</p>
      ) : (
        <table className="table compact members-table">
          <thead>
            <tr>
              <th>{t('committee.name')}</th>
              <th>{t('committee.role')}</th>
              <th>{t('committee.progress')}</th>
              <th>{t('committee.submittedAt')}</th>
              {!readOnly && <th aria-label={t('setup.actions')} />}
            </tr>
          </thead>
          <tbody>
            {members.map((m) => {
              const percent = m.required > 0 ? Math.round((m.filled / m.required) * 100) : 0;
              return (
                <tr key={m.id}>
                  <td>{m.name}</td>
                  <td>{m.role === 'chair' ? <span className="tag chair">{t('committee.role.chair')}</span> : t('committee.role.member')}</td>
                  <td>
                    <span className="mini-progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent} aria-label={t('committee.progressOf', { name: m.name })}>
                      <span style={{ width: `${percent}%` }} />
                    </span>
                    <span className="small">{t('committee.filled', { filled: m.filled, required: m.required })}</span>
                  </td>
                  <td>{m.submittedAt ? <span className="tag ok">{formatDateTime(m.submittedAt, locale)}</span> : <span className="muted">{t('committee.notSubmitted')}</span>}</td>
                  {!readOnly && (
                    <td className="row-actions">
                      <button type="button" className="link" onClick={() => setEditing(m)}>{t('setup.edit')}</button>
                      <button type="button" className="link danger-text" onClick={() => setRemoving(m)}>{t('setup.remove')}</button>
                    </td>
                  )}
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {!readOnly && (
        <MemberForm
          inline
          initial={{ name: '', role: chair ? 'member' : 'chair' }}
          otherChair={chair?.name ?? null}
          submitLabel={t('committee.add')}
          onSubmit={async (data) => {
            const result = await api['members.add']({ roundId, data });
            if (!result.ok) return result.error;
            toast('success', t('committee.added', { name: result.value.name }));
            await onChanged();
            return null;
          }}
        />
      )}
      {editing && (
        <Modal title={t('committee.editTitle')} onCancel={closeEdit}>
          <MemberForm
            initial={{ name: editing.name, role: editing.role }}
            otherChair={chair && chair.id !== editing.id ? chair.name : null}
            submitLabel={t('common.save')}
            onCancel={closeEdit}
            onSubmit={async (data) => {
              const result = await api['members.update']({ id: editing.id, data });
              if (!result.ok) return result.error;
              toast('success', t('committee.saved', { name: result.value.name }));
              closeEdit();
              await onChanged();
              return null;
            }}
          />
        </Modal>
      )}
      {removing && removing.filled > 0 && (
        <Modal title={t('committee.removeRefusedTitle', { name: removing.name })} onCancel={cancelRemove} labelledBy="remove-refused-title">
          <p role="alert">{t('committee.removeRefused', { name: removing.name, count: removing.filled })}</p>
          <div className="modal-actions">
            <button type="button" onClick={cancelRemove}>{t('common.close')}</button>
          </div>
        </Modal>
      )}
      {removing && removing.filled === 0 && (
        <ConfirmDialog
          title={t('committee.removeTitle')}
          body={t('committee.removeConfirm', { name: removing.name })}
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
