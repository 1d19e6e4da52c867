// Display helpers for the backup pages: kinds, sizes, local times.
import type { BackupInfo } from '../../../shared/api/contract-backup';
import type { MessageKey } from '../../i18n/i18n';

export const kindKey = (kind: BackupInfo['kind']): MessageKey => `backup.kind.${kind}`;

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** A UTC instant as local "YYYY-MM-DD HH:mm:ss" (the committee reads its own clock). */
export function formatTime(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}
