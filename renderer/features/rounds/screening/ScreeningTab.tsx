// Placeholder while this tab is being built in this change; replaced before it lands.
export function ScreeningTab() {
  return <p className="empty">…</p>;
}
