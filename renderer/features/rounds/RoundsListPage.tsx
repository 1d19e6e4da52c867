// Placeholder while this page is being built in this change; replaced before it lands.
export function RoundsListPage() {
  return <p className="empty">…</p>;
}
