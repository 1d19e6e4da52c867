// 导入评审包 (member's laptop): the package is verified and previewed first — round, program, member,
// counts and the chair's fingerprint. A chair not seen before must be confirmed by reading the fingerprint
// with the chair (trust on first use; pinned after). Nothing is written before "导入".
import { useState } from 'react';
import { api } from '../../api/client';
import type { PackagePreviewView } from '../../../shared/api/contract-exchange';
import { navigate } from '../../app/router';
import { toast } from '../../app/toasts';
import { Modal } from '../../components/Modal';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { Fingerprint } from './Fingerprint';
import { pickFiles, type PickedFile } from './pick-file';

export function ImportPackageDialog({ onClose }: { onClose: () => void }) {
  const t = useT();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [preview, setPreview] = useState<PackagePreviewView | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function choose() {
    const [picked] = await pickFiles('.rdpkg,application/json');
    if (!picked) return;
    setFile(picked);
    setPreview(null);
    setConfirmed(false);
    const result = await api['exchange.importPackage']({ dataBase64: picked.dataBase64, trustChair: false, previewOnly: true });
    if (!result.ok) return setError(errorText(result.error));
    setError(null);
    setPreview(result.value.preview);
  }

  async function doImport() {
    if (!file || !preview) return;
    setBusy(true);
    const result = await api['exchange.importPackage']({ dataBase64: file.dataBase64, trustChair: confirmed, previewOnly: false });
    setBusy(false);
    if (!result.ok) return setError(errorText(result.error));
    if (!result.value.imported) return setError(t('exchange.preview.newChair'));
    toast('success', t('exchange.imported', { name: preview.roundName }));
    onClose();
    navigate({ page: 'round', id: preview.roundId, tab: 'scoring' });
  }

  return (
    <Modal title={t('exchange.importPackage.title')} onCancel={onClose}>
      <div className="exchange-preview">
        <button type="button" onClick={() => void choose()}>{t('exchange.importPackage.choose')}</button>
        {file && <p className="muted small">{file.name}</p>}
        {error && <p className="banner error" role="alert">{error}</p>}
        {preview && (
          <>
            <dl>
              <dt>{t('exchange.preview.round')}</dt>
              <dd>{preview.roundName}</dd>
              <dt>{t('exchange.preview.program')}</dt>
              <dd>{preview.platform} · {preview.programName}</dd>
              <dt>{t('exchange.preview.member')}</dt>
              <dd>{preview.memberName}</dd>
              <dt />
              <dd>{t('exchange.preview.counts', { regions: preview.regions, applications: preview.applications, attachments: preview.attachments, recusals: preview.recusals })}</dd>
            </dl>
            <p>{t('exchange.preview.chair')}</p>
            <Fingerprint value={preview.chairFingerprint} label={t('exchange.preview.chair')} />
            {preview.chairTrusted ? <p className="banner" role="status">{t('exchange.preview.knownChair')}</p> : <p className="banner warn" role="status">{t('exchange.preview.newChair')}</p>}
            {preview.replaces && <p className="muted small">{t('exchange.preview.replaces')}</p>}
            {!preview.chairTrusted && (
              <label>
                <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} /> {t('exchange.preview.confirmChair')}
              </label>
            )}
          </>
        )}
        <div className="actions">
          <button type="button" onClick={onClose}>{t('common.cancel')}</button>
          <button type="button" className="primary" disabled={!preview || busy || (!preview.chairTrusted && !confirmed)} onClick={() => void doImport()}>{t('exchange.preview.import')}</button>
        </div>
      </div>
    </Modal>
  );
}
