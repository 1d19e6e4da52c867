// Placeholder while this tab is being built in this change; replaced before it lands.
export function RankingTab() {
  return <p className="empty">…</p>;
}
