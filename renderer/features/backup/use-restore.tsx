// Opening a backup for restore: verify + preview (with progress), then the confirm dialog. Shared by the
// backup page and the recovery screen.
import { useState, type ReactNode } from 'react';
import { api } from '../../api/client';
import type { CallInput } from '../../../shared/api/contract';
import type { BackupPreview } from '../../../shared/api/contract-backup';
import { useSession } from '../../app/session';
import { toast } from '../../app/toasts';
import { ProgressBar } from '../../components/ProgressBar';
import { useT } from '../../i18n/i18n';
import { errorText } from '../../lib/errors';
import { newJobId, withProgress } from '../../lib/progress';
import { RestoreDialog, type RestoreDone } from './RestoreDialog';

type Source = CallInput<'backup.preview'>['source'];

export function useRestore(recovering: boolean, onRestored?: () => void): { open: (source: Source) => Promise<void>; busy: boolean; view: ReactNode } {
  const t = useT();
  const setSession = useSession((s) => s.set);
  const [preview, setPreview] = useState<BackupPreview | null>(null);
  const [checking, setChecking] = useState<{ done: number; total: number } | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function open(source: Source) {
    setError(null);
    setChecking({ done: 0, total: 0 });
    const jobId = newJobId();
    const result = await withProgress(jobId, api['backup.preview']({ source, jobId }), (done, total) => setChecking({ done, total }));
    setChecking(null);
    if (result.ok) setPreview(result.value);
    else setError(errorText(result.error));
  }

  async function done(result: RestoreDone) {
    setPreview(null);
    toast('success', result.safetyBackup ? t('backup.restored.safety', { name: result.restored, safety: result.safetyBackup }) : t('backup.restored', { name: result.restored }));
    const session = await api['session.get']({});
    if (session.ok) setSession(session.value);
    onRestored?.();
  }

  const view = (
    <>
      {checking && <ProgressBar label={t('backup.checking')} done={checking.done} total={checking.total} />}
      {error && <p className="banner backup-error" role="alert">{error}</p>}
      {preview && <RestoreDialog preview={preview} recovering={recovering} onDone={(r) => void done(r)} onCancel={() => setPreview(null)} />}
    </>
  );
  return { open, busy: checking !== null, view };
}
