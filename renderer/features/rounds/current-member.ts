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
