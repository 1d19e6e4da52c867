// Placeholder while this tab is being built in this change; replaced before it lands.
export function SetupTab() {
  return <p className="empty">…</p>;
}
