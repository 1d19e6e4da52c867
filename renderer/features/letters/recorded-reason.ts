// The reason a manual termination letter states: the facts the chair recorded (issue 7), not a generic line.
/**
 * The reason a termination states when the chair recorded it by hand: the category's wording, then the note
 * the chair wrote when recording it — the facts on record, not a generic sentence. A note that merely repeats
 * the wording adds nothing and is left out.
 */
export function recordedReason(categoryReason: string, note: string | undefined): string {
  const n = (note ?? '').trim().replace(/[。；;，,、\s]+$/u, '');
  return n === '' || categoryReason.includes(n) ? categoryReason : `${categoryReason}（${n}）`;
}
