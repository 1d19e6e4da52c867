// The full-page screen shown instead of the app when the database failed its start-up check: the problem,
// the newest good backup with "恢复此备份" (through the same preview and confirm step), or another backup —
// from the list or from a file. Restoring brings the normal app back without a restart.
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { BackupInfo, Recovery } from '../../../shared/api/contract-backup';
import { useT } from '../../i18n/i18n';
import { formatSize, formatTime, kindKey } from './backup-text';
import { RestoreFromFile } from './RestoreFromFile';
import { useRestore } from './use-restore';
import './backup.css';

export function RecoveryScreen({ recovery, dataDir }: { recovery: Recovery; dataDir: string }) {
  const t = useT();
  const restore = useRestore(true);
  const [others, setOthers] = useState<BackupInfo[] | null>(null);
  const newest = recovery.newestGoodBackup;
  useEffect(() => {
    if (!newest) void showOthers();
  }, []);

  async function showOthers() {
    const result = await api['backup.list']({});
    if (result.ok) setOthers(result.value.backups);
  }

  return (
    <main className="recovery" role="main" data-testid="recovery-screen">
      <h1>{t('backup.recovery.title')}</h1>
      <p>{t('backup.recovery.intro')}</p>
      <div className="panel">
        <h2>{t('backup.recovery.problem')}</h2>
        <p className="recovery-problem">{recovery.problem}</p>
        <p className="muted small">{t('backup.recovery.dataDir')}<span className="backup-path-text">{dataDir}</span></p>
      </div>
      <div className="panel">
        <h2>{t('backup.recovery.newest')}</h2>
        {newest ? (
          <p data-testid="recovery-newest">
            {formatTime(newest.createdAt)} · {t(kindKey(newest.kind))} · {formatSize(newest.sizeBytes)}
            <span className="mono small muted"> {newest.name}</span>
          </p>
        ) : (
          <p>{t('backup.recovery.none')}</p>
        )}
        <div className="actions">
          {newest && <button type="button" className="primary" disabled={restore.busy} onClick={() => void restore.open({ type: 'backup', name: newest.name })}>{t('backup.recovery.useNewest')}</button>}
          {newest && others === null && <button type="button" onClick={() => void showOthers()}>{t('backup.recovery.other')}</button>}
        </div>
        {restore.view}
      </div>
      {others && others.length > 0 && (
        <div className="panel">
          <h2>{t('backup.recovery.other')}</h2>
          <table className="table">
            <tbody>
              {others.map((b) => (
                <tr key={b.name}>
                  <td>{formatTime(b.createdAt)}</td>
                  <td>{t(kindKey(b.kind))}</td>
                  <td>{formatSize(b.sizeBytes)}</td>
                  <td><button type="button" className="link" disabled={restore.busy} onClick={() => void restore.open({ type: 'backup', name: b.name })}>{t('backup.restore')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {others && <RestoreFromFile busy={restore.busy} onOpen={(source) => void restore.open(source)} />}
    </main>
  );
}
