// "从文件恢复": a backup or a move archive by path (typed, or the desktop dialog), or uploaded in browser mode.
import { useState } from 'react';
import { isElectron } from '../../api/transport';
import type { CallInput } from '../../../shared/api/contract';
import { useT } from '../../i18n/i18n';
import { readFileAsBase64 } from '../../lib/files';
import { PathField } from './PathField';

export function RestoreFromFile({ onOpen, busy }: { onOpen: (source: CallInput<'backup.preview'>['source']) => void; busy: boolean }) {
  const t = useT();
  const [path, setPath] = useState('');
  async function upload(file: File | undefined) {
    if (file) onOpen({ type: 'upload', fileName: file.name, dataBase64: await readFileAsBase64(file) });
  }
  return (
    <div className="panel backup-panel" data-testid="restore-from-file">
      <h2>{t('backup.fromFile.title')}</h2>
      <p className="muted small">{t('backup.fromFile.hint')}</p>
      <div className="backup-inline">
        <PathField value={path} onChange={setPath} purpose="open" label={t('backup.fromFile.path')} testId="restore-path" />
        <button type="button" disabled={busy || !path.trim()} onClick={() => onOpen({ type: 'path', path: path.trim() })}>{t('backup.preview.open')}</button>
      </div>
      {!isElectron() && (
        <label className="field">
          {t('backup.fromFile.upload')}
          <input type="file" accept=".sqlite,.rdarchive,.tar" disabled={busy} onChange={(e) => void upload(e.target.files?.[0])} />
        </label>
      )}
    </div>
  );
}
