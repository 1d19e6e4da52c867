// Desktop-only: the native dialogs for backup paths (host.chooseBackupPath). The integrator registers it in
// electron/main.ts next to host.openAttachment:
//   if (name === 'host.chooseBackupPath') return chooseBackupPath(BrowserWindow.fromWebContents(event.sender), input);
// Browser mode has no dialogs: there the user types the path (see renderer/features/backup).
import { dialog, type BrowserWindow } from 'electron';
import { contract } from '../shared/api/contract';
import type { Result } from '../shared/api/result';

export async function chooseBackupPath(win: BrowserWindow | null, input: unknown): Promise<Result<{ path: string | null }>> {
  const parsed = contract['host.chooseBackupPath'].input.safeParse(input ?? {});
  if (!parsed.success) return { ok: false, error: { code: 'VALIDATION', message: '输入无效' } };
  const options: Electron.OpenDialogOptions =
    parsed.data.purpose === 'folder'
      ? { title: '选择备份文件夹', properties: ['openDirectory', 'createDirectory'] }
      : { title: '选择要恢复的备份或迁移归档', properties: ['openFile'], filters: [{ name: '评审台备份 / 迁移归档', extensions: ['sqlite', 'rdarchive', 'tar'] }] };
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  return { ok: true, value: { path: result.canceled ? null : (result.filePaths[0] ?? null) } };
}
