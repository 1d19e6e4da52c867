// Web permissions (camera, microphone, notifications, geolocation, clipboard reads, HID/USB/serial …).
// The app needs none of them: uploads use a file chooser and exports a download, which are not
// permissions. Both handlers answer from this one function, so a check (navigator.permissions.query)
// and a request can never disagree. Should a permission ever be needed, it goes in the list and is
// granted to our own origin only.
// Electron security checklist: "Handle session permission requests from remote content".
import { APP_ORIGIN } from './app-protocol';

export const ALLOWED_PERMISSIONS: readonly string[] = Object.freeze([]);

export function isPermissionAllowed(permission: string, requestingOrigin: string, allowed: readonly string[] = ALLOWED_PERMISSIONS): boolean {
  return requestingOrigin === APP_ORIGIN && allowed.includes(permission);
}

/** The origin of a page URL as Chromium reports it for a standard scheme ("app://renderer"). */
export function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '';
  }
}
