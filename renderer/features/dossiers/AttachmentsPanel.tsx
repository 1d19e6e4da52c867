import { useRef, useState } from 'react';
import { api } from '../../api/client';
import { isElectron } from '../../api/transport';
import { attachmentKinds, type Attachment } from '../../../shared/dossiers/schema';
import { MAX_UPLOAD_BYTES } from '../../../shared/api/contract';
import { toast } from '../../app/toasts';
import { useLocale, useT } from '../../i18n/i18n';
import { downloadBase64, readFileAsBase64 } from '../../lib/files';
import { formatBytes, formatDateTime } from '../../lib/format';
import { toastError } from '../../lib/errors';

type Kind = Attachment['kind'];

export function AttachmentsPanel({ dossierId, attachments, onChange }: { dossierId: number; attachments: Attachment[]; onChange: () => Promise<void> }) {
  const t = useT();
  const locale = useLocale((s) => s.locale);
  const [kind, setKind] = useState<Kind>('licence');
  const [busy, setBusy] = useState(false);
  const input = useRef<HTMLInputElement>(null);

  async function add(files: FileList | null) {
    if (!files || files.length === 0) return;
    setBusy(true);
    for (const file of Array.from(files)) {
      if (file.size > MAX_UPLOAD_BYTES) {
        toast('error', `${file.name}：${t('error.fileTooLarge')}`);
        continue;
      }
      const result = await api['attachments.add']({ dossierId, kind, fileName: file.name, dataBase64: await readFileAsBase64(file) });
      if (result.ok) toast('success', t('attachment.added', { name: file.name }));
      else toastError(result.error);
    }
    setBusy(false);
    if (input.current) input.current.value = '';
    await onChange();
  }

  async function open(attachment: Attachment) {
    // Desktop: the system viewer. Browser mode: a download, which the browser can open.
    if (isElectron()) {
      const result = await api['host.openAttachment']({ id: attachment.id });
      if (!result.ok) toastError(result.error);
      return;
    }
    const result = await api['attachments.read']({ id: attachment.id });
    if (!result.ok) return toastError(result.error);
    downloadBase64(result.value.fileName, result.value.mime, result.value.dataBase64);
  }

  async function remove(attachment: Attachment) {
    const result = await api['attachments.remove']({ id: attachment.id });
    if (!result.ok) return toastError(result.error);
    await onChange();
    toast('info', t('attachment.removed', { name: attachment.fileName }), {
      label: t('common.undo'),
      run: () => void api['attachments.restore']({ id: attachment.id }).then(() => onChange()),
    });
  }

  return (
    <section className="panel">
      <h2>{t('attachment.title')}</h2>
      {attachments.length === 0 ? (
        <p className="muted">{t('attachment.empty')}</p>
      ) : (
        <ul className="attachments">
          {attachments.map((a) => (
            <li key={a.id}>
              <div>
                <span className="tag">{t(`attachment.kind.${a.kind}`)}</span> <strong>{a.fileName}</strong>
                <div className="muted small">{formatBytes(a.size)} · {formatDateTime(a.addedAt, locale)} · {a.addedBy}</div>
              </div>
              <div className="row-actions">
                <button type="button" className="link" onClick={() => void open(a)}>{isElectron() ? t('attachment.open') : t('attachment.download')}</button>
                <button type="button" className="link danger-text" onClick={() => void remove(a)}>{t('attachment.remove')}</button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <div className="attach-add">
        <select value={kind} onChange={(e) => setKind(e.target.value as Kind)} aria-label={t('attachment.add')}>
          {attachmentKinds.map((k) => (
            <option key={k} value={k}>{t(`attachment.kind.${k}`)}</option>
          ))}
        </select>
        <label className={busy ? 'button disabled' : 'button'}>
          {t('attachment.add')}
          <input ref={input} type="file" hidden multiple accept="application/pdf,image/png,image/jpeg,image/webp,image/gif" disabled={busy} onChange={(e) => void add(e.target.files)} />
        </label>
      </div>
      <p className="muted small">{t('attachment.hint')}</p>
    </section>
  );
}
