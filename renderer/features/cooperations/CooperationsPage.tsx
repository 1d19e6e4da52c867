// Placeholder while this page is being built in this change; replaced before it lands.
export function CooperationsPage() {
  return <p className="empty">…</p>;
}
