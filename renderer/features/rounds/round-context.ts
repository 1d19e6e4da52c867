import { createContext, useContext } from 'react';
import type { Round } from '../../../shared/rounds/views';

/** The open round and a way to reload it after a change; provided by RoundPage to every tab. */
export interface RoundContextValue {
  round: Round;
  reload: () => Promise<void>;
}
export const RoundContext = createContext<RoundContextValue | null>(null);

export function useRoundContext(): RoundContextValue {
  const value = useContext(RoundContext);
  if (!value) throw new Error('useRoundContext outside RoundPage');
  return value;
}
