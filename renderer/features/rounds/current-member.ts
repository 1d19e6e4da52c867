// On one laptop the members take turns: the member currently at the keyboard, per round. Scores are
// entered as, and hidden from, this member. Kept for the browser tab only (a laptop handed over keeps it).
import { create } from 'zustand';
import { persist, createJSONStorage } from 'zustand/middleware';

export const useCurrentMember = create<{ byRound: Record<string, string>; set: (roundId: string, memberId: string | null) => void }>()(
  persist(
    (set) => ({
      byRound: {},
      set: (roundId, memberId) =>
        set((s) => {
          const byRound = { ...s.byRound };
          if (memberId) byRound[roundId] = memberId;
          else delete byRound[roundId];
          return { byRound };
        }),
    }),
    { name: 'review-desk-current-member', storage: createJSONStorage(() => sessionStorage) },
  ),
);

export const useCurrentMemberId = (roundId: string): string | null => useCurrentMember((s) => s.byRound[roundId] ?? null);

/**
 * Who the ranking (tab and printed list) is shown to, and whether it may be shown yet (issue 11, "who sees
 * what"). DOMAIN.md, scoring practice: members score independently; so before the round is finalized a
 * member sees the others' scores (which the ranking is made of) only after submitting their own sheet — the
 * backend enforces the same (ranking-service assertMaySee).
 * - A member at the keyboard (chosen on the scoring step) is the viewer: it is them sitting there, so the
 *   ranking is shown only once they have submitted, even if the chair has.
 * - Nobody chosen: the chair views as chair, without picking themselves first. The chair is a scoring member
 *   too (every member has a sheet), so the same independence rule holds for them: until the chair has
 *   submitted their own sheet the ranking stays closed, with the reason in words.
 * - A finalized round's frozen list is the committee's published result: everyone may see it.
 */
export interface ViewerMember {
  id: string;
  name: string;
  role: 'chair' | 'member';
  submittedAt: string | null;
}

export type RankingViewer =
  | { mayView: true; viewer: ViewerMember | null; asChair: boolean }
  | { mayView: false; viewer: ViewerMember | null; asChair: boolean; reason: 'noMember' | 'notSubmitted' | 'chairNotSubmitted' };

export function rankingViewer(members: readonly ViewerMember[], currentMemberId: string | null, finalized: boolean): RankingViewer {
  const current = members.find((m) => m.id === currentMemberId) ?? null;
  const viewer = current ?? members.find((m) => m.role === 'chair') ?? null;
  const asChair = current === null && viewer !== null;
  if (finalized) return { mayView: true, viewer, asChair };
  if (!viewer) return { mayView: false, viewer, asChair, reason: 'noMember' };
  if (viewer.submittedAt === null) return { mayView: false, viewer, asChair, reason: asChair ? 'chairNotSubmitted' : 'notSubmitted' };
  return { mayView: true, viewer, asChair };
}
