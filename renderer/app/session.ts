import { create } from 'zustand';
import type { CallOutput } from '../../shared/api/contract';

type Session = CallOutput<'session.get'>;
export const useSession = create<{ session: Session | null; set: (session: Session) => void }>()((set) => ({
  session: null,
  set: (session) => set({ session }),
}));
