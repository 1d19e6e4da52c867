// 本机身份: this installation's key fingerprint, to read aloud, and its identity card (身份卡) for the chair
// to register on the member (docs/exchange.md).
import { useState } from 'react';
import { api } from '../../api/client';
import { toast } from '../../app/toasts';
import { useT } from '../../i18n/i18n';
import { downloadBase64 } from '../../lib/files';
import { toastError } from '../../lib/errors';
import { useLoad } from '../rounds/common/use-load';
import { Fingerprint } from './Fingerprint';

export function IdentityPanel() {
  const t = useT();
  const identity = useLoad(() => api['exchange.identity']({}), []);
  const [name, setName] = useState('');

  async function exportCard() {
    const result = await api['exchange.identityCard']({ name });
    if (!result.ok) return toastError(result.error);
    downloadBase64(result.value.fileName, result.value.mime, result.value.dataBase64);
    toast('success', t('exchange.identity.exported'));
  }

  return (
    <section className="panel exchange-panel" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('exchange.identity.title')}</h2>
      <p className="muted small">{t('exchange.identity.hint')}</p>
      {identity.data && <Fingerprint value={identity.data.fingerprint} label={t('exchange.fingerprint.label')} />}
      {identity.error && <p className="banner error">{identity.error}</p>}
      <div className="file-pick">
        <label>
          {t('exchange.identity.cardName')} <input value={name} maxLength={40} onChange={(e) => setName(e.target.value)} />
        </label>
        <button type="button" disabled={name.trim() === ''} onClick={() => void exportCard()}>{t('exchange.identity.exportCard')}</button>
      </div>
    </section>
  );
}
