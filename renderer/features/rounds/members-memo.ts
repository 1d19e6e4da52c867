// The member list last read per round (issue 8). The ranking tab, opened from the committee or scoring tab, sends
// its ranking.summary at once beside its own members.list instead of after it (≈ 30 ms at 20,000 applications),
// when the list read a moment ago already says who views and that they may. Only ever a head start: what the
// tab shows is decided on the list its own call answers (RankingTab.tsx).
import { api } from '../../api/client';
import type { Member } from '../../../shared/rounds/views';

const lastRead = new Map<string, Member[]>();

/** members.list, remembered for lastReadMembers. */
export async function readMembers(roundId: string) {
  const result = await api['members.list']({ roundId });
  if (result.ok) lastRead.set(roundId, result.value);
  return result;
}

export const lastReadMembers = (roundId: string): Member[] | null => lastRead.get(roundId) ?? null;
