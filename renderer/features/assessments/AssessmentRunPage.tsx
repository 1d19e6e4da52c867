// Placeholder while this page is being built in this change; replaced before it lands.
export function AssessmentRunPage(_props: { id: string }) {
  return <p className="empty">…</p>;
}
