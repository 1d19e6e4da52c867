// Placeholder while this page is being built in this change; replaced before it lands.
export function AssessmentsPage() {
  return <p className="empty">…</p>;
}
