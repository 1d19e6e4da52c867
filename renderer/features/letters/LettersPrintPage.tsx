// Placeholder while this page is being built in this change; replaced before it lands.
export function LettersPrintPage(_props: { ids: string[] }) {
  return <p className="empty">…</p>;
}
