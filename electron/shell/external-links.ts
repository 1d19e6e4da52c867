// Links that leave the app. The window never navigates and never opens another window; a link to the
// outside may only go to the system browser, and only when it is https to a host on the allow-list.
// The renderer links to no outside page today (no https URL in renderer/ or resources/locales/), so the
// list is empty: every outside link is refused until a help page is added here on purpose.
// Electron security checklist: "Limit navigation", "Limit creation of new windows", "Do not use
// shell.openExternal with untrusted content".

/** Hosts (exact names, lower case) the app may open in the system browser. */
export const EXTERNAL_LINK_HOSTS: readonly string[] = Object.freeze([]);

/** True only for https://<host on the list>/… with no credentials and the default port. */
export function isAllowedExternalUrl(url: string, allowedHosts: readonly string[] = EXTERNAL_LINK_HOSTS): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== 'https:' || parsed.username || parsed.password || parsed.port) return false;
  return allowedHosts.includes(parsed.hostname.toLowerCase());
}

/** What the window does with a navigation or window.open to `url`: always stay; maybe hand it to the browser. */
export function outsideLinkDecision(url: string, allowedHosts: readonly string[] = EXTERNAL_LINK_HOSTS): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: isAllowedExternalUrl(url, allowedHosts) };
}
