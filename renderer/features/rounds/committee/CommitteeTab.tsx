// Placeholder while this tab is being built in this change; replaced before it lands.
export function CommitteeTab() {
  return <p className="empty">…</p>;
}
