// 登记密钥: the chair loads the member's identity card, sees its fingerprint in large digit groups, and types
// the digits the member reads aloud. The backend compares them again and refuses a mismatch.
import { useState } from 'react';
import { api } from '../../api/client';
import { toast } from '../../app/toasts';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { Fingerprint } from './Fingerprint';
import { pickFiles } from './pick-file';

export function RegisterKeyDialog({ member, onClose, onDone }: { member: { id: string; name: string }; onClose: () => void; onDone: () => void }) {
  const t = useT();
  const [card, setCard] = useState<{ dataBase64: string; name: string; fingerprint: string } | null>(null);
  const [typed, setTyped] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function choose() {
    const [picked] = await pickFiles('.rdid,application/json');
    if (!picked) return;
    const result = await api['exchange.readCard']({ cardBase64: picked.dataBase64 });
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    setCard({ dataBase64: picked.dataBase64, ...result.value });
  }

  async function register() {
    if (!card) return;
    const result = await api['exchange.registerMemberKey']({ memberId: member.id, cardBase64: card.dataBase64, confirmedFingerprint: typed });
    if (!result.ok) return setError(errorText(result.error));
    toast('success', t('exchange.registerKey.done', { name: member.name }));
    onDone();
  }

  return (
    <Modal title={t('exchange.registerKey.title', { name: member.name })} onCancel={onClose}>
      <div className="exchange-preview">
        <button type="button" onClick={() => void choose()}>{t('exchange.registerKey.chooseCard')}</button>
        {card && (
          <>
            <p>{t('exchange.registerKey.cardOf', { name: card.name })}</p>
            <p>{t('exchange.registerKey.readAloud')}</p>
            <Fingerprint value={card.fingerprint} label={t('exchange.fingerprint.label')} />
            <label className="field">
              <span>{t('exchange.registerKey.typeIt')}</span>
              <input value={typed} inputMode="numeric" autoComplete="off" maxLength={60} onChange={(e) => {
                  setTyped(e.target.value);
                  setError(null);
                }} />
            </label>
          </>
        )}
        {error && <p className="banner error" role="alert">{error}</p>}
        <div className="actions">
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="primary" disabled={!card || typed.replace(/\s/g, '').length === 0} onClick={() => void register()}>{t('exchange.registerKey.confirm')}</button>
        </div>
      </div>
    </Modal>
  );
}
