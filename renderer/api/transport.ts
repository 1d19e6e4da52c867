// How calls leave the renderer. In Electron the preload exposes one function per contract call on
// window.reviewDesk; in browser mode the same calls go over HTTP to 127.0.0.1 with the per-launch token.
import type { CallName } from '../../shared/api/call-names';
import type { Result } from '../../shared/api/result';

type Bridge = Record<CallName, (input: unknown) => Promise<Result<unknown>>>;
declare global {
  interface Window {
    reviewDesk?: Bridge;
  }
}

const TOKEN_KEY = 'review-desk-token';

/** Browser mode: the launch URL carries #token=…; keep it for this tab and take it out of the address bar. */
export function captureBrowserToken(): void {
  const match = /[#&]token=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    history.replaceState(null, '', window.location.pathname + '#/dossiers');
  }
}

export const isElectron = (): boolean => window.reviewDesk !== undefined;
export const hasBrowserToken = (): boolean => sessionStorage.getItem(TOKEN_KEY) !== null;

export async function send(name: CallName, input: unknown): Promise<Result<unknown>> {
  if (window.reviewDesk) return window.reviewDesk[name](input);
  try {
    const response = await fetch(`./api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Review-Desk-Token': sessionStorage.getItem(TOKEN_KEY) ?? '' },
      body: JSON.stringify(input ?? {}),
    });
    if (response.status === 401) return { ok: false, error: { code: 'UNSUPPORTED', message: '缺少访问令牌。请使用启动时终端打印的完整地址打开评审台。' } };
    if (!response.ok) return { ok: false, error: { code: 'INTERNAL', message: `请求被拒绝（HTTP ${response.status}）` } };
    return (await response.json()) as Result<unknown>;
  } catch {
    return { ok: false, error: { code: 'INTERNAL', message: '无法连接评审台后台服务，请确认程序仍在运行' } };
  }
}
