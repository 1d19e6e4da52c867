import os from 'node:os';
import path from 'node:path';

/**
 * The per-user data directory, shared by the Electron app and browser mode so both see the same data:
 * Windows %APPDATA%\ReviewDesk, macOS ~/Library/Application Support/ReviewDesk, Linux $XDG_DATA_HOME/review-desk.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(os.homedir(), 'AppData', 'Roaming'), 'ReviewDesk');
  if (platform === 'darwin') return path.join(os.homedir(), 'Library', 'Application Support', 'ReviewDesk');
  return path.join(env.XDG_DATA_HOME ?? path.join(os.homedir(), '.local', 'share'), 'review-desk');
}
