import { useState, type FormEvent } from 'react';
import { api } from '../../api/client';
import { useSession } from '../../app/session';
import { navigate } from '../../app/router';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/i18n';
import { errorText, toastError } from '../../lib/errors';

/**
 * First launch: the local user's name, recorded as the author of every change — and the offer of the demo
 * round, so a newcomer sees the whole flow at once. Renaming later shows only the name.
 */
export function WelcomeDialog({ current, onDone }: { current: string | null; onDone: () => void }) {
  const t = useT();
  const set = useSession((s) => s.set);
  const [name, setName] = useState(current ?? '');
  const [withDemo, setWithDemo] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const firstLaunch = current === null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    const result = await api['session.setUser']({ name });
    if (!result.ok) {
      setBusy(false);
      return setError(errorText(result.error));
    }
    if (firstLaunch && withDemo) {
      const demo = await api['demo.load']({});
      if (demo.ok) navigate({ page: 'round', id: demo.value.roundId, tab: 'setup' });
      else toastError(demo.error);
    }
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
        {firstLaunch && (
          <label className="check welcome-demo">
            <input type="checkbox" checked={withDemo} onChange={(e) => setWithDemo(e.target.checked)} /> {t('user.loadDemo')}
          </label>
        )}
        <div className="modal-actions">
          {current && <button type="button" onClick={onDone}>{t('common.cancel')}</button>}
          <button type="submit" className="primary" disabled={busy}>{busy && withDemo ? t('user.loadingDemo') : t('user.start')}</button>
        </div>
      </form>
    </Modal>
  );
}
