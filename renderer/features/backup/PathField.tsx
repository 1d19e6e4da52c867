// A path on this computer: typed in browser mode, or chosen with the native dialog on the desktop.
import { useId } from 'react';
import { api } from '../../api/client';
import { isElectron } from '../../api/transport';
import { useT } from '../../i18n/i18n';

export function PathField({ value, onChange, purpose, label, testId }: { value: string; onChange: (v: string) => void; purpose: 'folder' | 'open'; label: string; testId: string }) {
  const t = useT();
  const id = useId();
  async function browse() {
    const result = await api['host.chooseBackupPath']({ purpose });
    if (result.ok && result.value.path) onChange(result.value.path);
  }
  return (
    <div className="field backup-path">
      <label htmlFor={id}>{label}</label>
      <div className="backup-path-row">
        <input id={id} data-testid={testId} value={value} placeholder={t('backup.path.placeholder')} onChange={(e) => onChange(e.target.value)} spellCheck={false} />
        {isElectron() && <button type="button" onClick={() => void browse()}>{t('backup.path.browse')}</button>}
      </div>
    </div>
  );
}
