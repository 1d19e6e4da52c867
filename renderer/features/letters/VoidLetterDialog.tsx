// 作废: a letter is voided with a reason; it stays in the archive (reprints carry a 作废 watermark) and its
// number stays used — the next letter of that year and kind gets the next number.
import { useState } from 'react';
import type { IssuedLetter } from '../../../shared/cooperations/views';
import { api } from '../../api/client';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';

export function VoidLetterDialog({ letter, onClose, onVoided }: { letter: IssuedLetter; onClose: () => void; onVoided: (letter: IssuedLetter) => void }) {
  const t = useT();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function submit() {
    if (!reason.trim() || busy) return;
    setBusy(true);
    const r = await api['letters.void']({ id: letter.id, reason: reason.trim() });
    setBusy(false);
    if (!r.ok) return setError(errorText(r.error));
    onVoided(r.value);
  }

  return (
    <Modal title={t('letters.void.title', { number: letter.number })} onCancel={busy ? undefined : onClose} labelledBy="letter-void-title">
      <form onSubmit={(e) => (e.preventDefault(), void submit())}>
        <p>{t('letters.void.body', { addressee: letter.fields.addressee ?? '' })}</p>
        <label className="field">
          <span>{t('letters.void.reason')}</span>
          <textarea rows={3} maxLength={500} value={reason} onChange={(e) => setReason(e.target.value)} />
        </label>
        {error && <p className="field-error" role="alert">{error}</p>}
        <div className="modal-actions">
          <button type="button" onClick={onClose} disabled={busy}>{t('common.cancel')}</button>
          <button type="submit" className="danger" disabled={!reason.trim() || busy}>{t('letters.void.confirm')}</button>
        </div>
      </form>
    </Modal>
  );
}
