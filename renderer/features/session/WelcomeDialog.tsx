import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';

/** First launch: the local user's name, recorded as the author of every change. */
export function WelcomeDialog({ current, onDone }: { current: string | null; onDone: () => void }) {
  const t = useT();
  const set = useSession((s) => s.set);
  const [name, setName] = useState(current ?? '');
  const [error, setError] = useState<string | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const result = await api['session.setUser']({ name });
    if (!result.ok) return setError(errorText(result.error));
    set(result.value);
    onDone();
  }

  return (
    <Modal title={t('user.welcomeTitle')} onCancel={current ? onDone : undefined}>
      <form onSubmit={submit}>
        <p>{t('user.welcomeBody')}</p>
        <label className="field">
          <span>{t('user.name')}</span>
          <input value={name} onChange={(e) => setName(e.target.value)} maxLength={40} autoFocus aria-invalid={error ? true : undefined} />
          {error && <span className="field-error">{error}</span>}
        </label>
        <div className="modal-actions">
          {current && <button type="button" onClick={onDone}>{t('common.cancel')}</button>}
          <button type="submit" className="primary">{t('user.start')}</button>
        </div>
      </form>
    </Modal>
  );
}
