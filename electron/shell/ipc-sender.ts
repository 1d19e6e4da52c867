// The IPC sender check: only the top frame of our own page, loaded from app://renderer, may call the
// backend. A frame from anywhere else (a navigation that slipped through, an iframe, a devtools page)
// gets a refusal without its call reaching the data worker.
// Electron security checklist: "Validate the sender of all IPC messages" (event.senderFrame).
import { APP_HOST, APP_SCHEME } from './app-protocol';

/** The parts of Electron's WebFrameMain the check reads. */
export interface SenderFrame {
  url: string;
  parent: unknown;
}

export function isTrustedIpcSender(frame: SenderFrame | null | undefined): boolean {
  if (!frame || frame.parent !== null) return false; // destroyed, or not the top frame
  let parsed: URL;
  try {
    parsed = new URL(frame.url);
  } catch {
    return false;
  }
  // Compared by parts: Node's URL reports origin "null" for schemes it does not know.
  return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && !parsed.username && !parsed.password;
}
